/**
 * Secondary text in grey that still reads at WCAG AA contrast (Garden's `hue="grey"` is grey 600, 3.3:1).
 */
import styled from 'styled-components';
import { Span } from '@zendeskgarden/react-typography';
import { palette } from './palette.ts';

/** @example <Muted>(was “pricing”)</Muted> */
export const Muted = styled(Span)`
  color: ${palette.grey700};
`;
