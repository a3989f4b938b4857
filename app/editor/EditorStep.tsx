/**
 * One section of the message page (Compose messages, Set the rules, Choose when to send): an accordion
 * section whose body ends with its actions, usually Next.
 */
import type { ReactNode } from 'react';
import styled from 'styled-components';
import { Accordion } from '@zendeskgarden/react-accordions';
import { Button } from '@zendeskgarden/react-buttons';
import { t } from '../i18n.ts';

const SectionBody = styled.div`
  display: flex;
  flex-direction: column;
  gap: 20px;
  padding: 8px 0 16px;
`;

export const StepActions = styled.div`
  display: flex;
  gap: 8px;
  align-items: center;
  flex-wrap: wrap;
`;

export interface EditorStepProps {
  /** The section's element id (`section-compose`, ...), where Next scrolls and focuses. */
  id: string;
  title: string;
  /** Shows a Next button that calls this. */
  onNext?: () => void;
  /** Actions instead of Next (the last section's Publish and Save). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * A section; render it as a direct child of the page's Accordion.
 *
 * @example <EditorStep id="section-rules" title="Set the rules" onNext={() => next(2)}>…</EditorStep>
 */
export function EditorStep({ id, title, onNext, actions, children }: EditorStepProps) {
  return (
    <Accordion.Section id={id}>
      <Accordion.Header>
        <Accordion.Label>{title}</Accordion.Label>
      </Accordion.Header>
      <Accordion.Panel>
        <SectionBody>
          {children}
          <StepActions>
            {actions}
            {onNext && <Button onClick={onNext}>{t('common.next')}</Button>}
          </StepActions>
        </SectionBody>
      </Accordion.Panel>
    </Accordion.Section>
  );
}
