/**
 * The editor's draft of a message and the checks behind Garden's Save pattern: what must be filled in to
 * save, and what else to publish. Pure, so it is unit-tested.
 */
import type { Message, MessageResponse } from '@proactive/contract/admin';
import { toRule, type BuilderProblem } from '../rules/builder-model.ts';
import { initialRuleState, textToSave, type RuleState } from '../rules/rule-sync.ts';

export interface Draft {
  name: string;
  greeting: string;
  response: MessageResponse;
  rule: RuleState;
}

/** One problem: which field (for the inline message and the summary's link) and the translation key. */
export interface DraftError {
  field: 'name' | 'greeting' | 'follow_up' | 'answer_id' | 'rules';
  messageKey: string;
}

/**
 * The draft of a stored message.
 *
 * @example draftOf(message).rule.view // 'visual'
 */
export function draftOf(message: Message): Draft {
  return {
    name: message.name,
    greeting: message.greeting ?? '',
    response: message.response ?? { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
    rule: initialRuleState(message.rules),
  };
}

/**
 * The PATCH body of a draft, or null when the rule cannot be written yet (incomplete builder).
 *
 * @example patchOf(draft) // { name, greeting, response, rules }
 */
export function patchOf(draft: Draft): {
  name: string;
  greeting: string;
  response: MessageResponse;
  rules?: string;
} {
  const rules = textToSave(draft.rule);
  const body = { name: draft.name.trim(), greeting: draft.greeting, response: draft.response };
  return rules === null ? body : { ...body, rules };
}

/**
 * A comparable fingerprint of what would be saved (for the unsaved-changes guard). An incomplete builder
 * is compared by its content: its row ids are made up on each load and say nothing about changes.
 *
 * @example fingerprint(draftOf(message)) === fingerprint(draftOf(message)) // true
 */
export function fingerprint(draft: Draft): string {
  return JSON.stringify(
    [draft.name.trim(), draft.greeting, draft.response, textToSave(draft.rule) ?? draft.rule.builder],
    (key, value: unknown) => (key === 'id' ? undefined : value),
  );
}

/**
 * What keeps a draft from being saved (`publish: false`) or published (`publish: true`), plus the
 * builder's incomplete rows.
 *
 * @example validateDraft(draft, { publish: true }).errors.map((error) => error.field)
 */
export function validateDraft(
  draft: Draft,
  { publish }: { publish: boolean },
): { errors: DraftError[]; problems: BuilderProblem[] } {
  const errors: DraftError[] = [];
  if (!draft.name.trim()) errors.push({ field: 'name', messageKey: 'editor.error.name' });
  let problems: BuilderProblem[] = [];
  if (draft.rule.view === 'visual') {
    problems = toRule(draft.rule.builder).problems;
    if (problems.length > 0) errors.push({ field: 'rules', messageKey: 'editor.error.incompleteRule' });
  }
  if (publish) {
    if (!draft.greeting.trim()) errors.push({ field: 'greeting', messageKey: 'editor.error.greeting' });
    if (draft.response.type === 'agent' && !draft.response.follow_up.trim())
      errors.push({ field: 'follow_up', messageKey: 'editor.error.followUp' });
    if (draft.response.type === 'bot' && !draft.response.answer_id)
      errors.push({ field: 'answer_id', messageKey: 'editor.error.answer' });
    if (draft.rule.view === 'text' && draft.rule.syntaxErrors.length > 0)
      errors.push({ field: 'rules', messageKey: 'editor.error.syntax' });
  }
  return { errors, problems };
}
