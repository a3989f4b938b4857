/**
 * A centred loading indicator.
 */
import { palette } from './palette.ts';
import styled from 'styled-components';
import { t } from '../i18n.ts';

const Centered = styled.div`
  display: flex;
  justify-content: center;
  padding: 48px;
  color: ${palette.grey700};
`;

/**
 * Shown while a page or its data loads.
 *
 * @example <Loading />
 */
export function Loading() {
  return (
    <Centered role="status" aria-live="polite">
      {t('app.loading')}
    </Centered>
  );
}
