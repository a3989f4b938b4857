/**
 * "Compose messages": the greeting (with emoji, link and first-name helpers) and how to respond (an
 * agent's follow-up and customer details, or a bot's answer).
 */
import type { MessageResponse } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import type { Draft, DraftError } from './draft.ts';
import { EditorStep } from './EditorStep.tsx';
import { GreetingInput } from './GreetingInput.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';

export interface ComposeStepProps {
  draft: Draft;
  channelId: string;
  errorOf: (field: DraftError['field']) => string | null;
  onGreeting: (greeting: string) => void;
  onResponse: (response: MessageResponse) => void;
  onNext: () => void;
}

/**
 * The section.
 *
 * @example <ComposeStep draft={draft} channelId="demo" errorOf={() => null} ... />
 */
export function ComposeStep({ draft, channelId, errorOf, onGreeting, onResponse, onNext }: ComposeStepProps) {
  const followUp = errorOf('follow_up');
  const answer = errorOf('answer_id');
  return (
    <EditorStep id="section-compose" title={t('editor.compose')} onNext={onNext}>
      <GreetingInput
        label={t('compose.greeting')}
        hint={t('compose.greetingHint')}
        value={draft.greeting}
        onChange={onGreeting}
        error={errorOf('greeting')}
      />
      <ResponseEditor
        channelId={channelId}
        response={draft.response}
        onChange={onResponse}
        errors={{ ...(followUp ? { follow_up: followUp } : {}), ...(answer ? { answer_id: answer } : {}) }}
      />
    </EditorStep>
  );
}
