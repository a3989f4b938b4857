/**
 * "Compose messages": the greeting (with emoji, link and first-name helpers) and how to respond (an
 * agent's follow-up and customer details, or a bot's answer).
 */
import type { MessageResponse } from '@proactive/contract/admin';
import { t } from '../i18n.ts';
import type { DraftError } from './draft.ts';
import { EditorStep } from './EditorStep.tsx';
import { GreetingInput } from './GreetingInput.tsx';
import { ResponseEditor } from './ResponseEditor.tsx';

export interface ComposeStepProps {
  greeting: string;
  response: MessageResponse;
  channelId: string;
  errorOf: (field: DraftError['field']) => string | null;
  onGreeting: (greeting: string) => void;
  onResponse: (response: MessageResponse) => void;
  onNext: () => void;
}

/**
 * The section.
 *
 * @example <ComposeStep greeting={greeting} response={response} channelId="demo" errorOf={() => null} ... />
 */
export function ComposeStep({
  greeting,
  response,
  channelId,
  errorOf,
  onGreeting,
  onResponse,
  onNext,
}: ComposeStepProps) {
  const followUp = errorOf('follow_up');
  const answer = errorOf('answer_id');
  return (
    <EditorStep id="section-compose" title={t('editor.compose')} onNext={onNext}>
      <GreetingInput
        label={t('compose.greeting')}
        hint={t('compose.greetingHint')}
        value={greeting}
        onChange={onGreeting}
        error={errorOf('greeting')}
      />
      <ResponseEditor
        channelId={channelId}
        response={response}
        onChange={onResponse}
        errors={{ ...(followUp ? { follow_up: followUp } : {}), ...(answer ? { answer_id: answer } : {}) }}
      />
    </EditorStep>
  );
}
