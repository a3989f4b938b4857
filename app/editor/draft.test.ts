import { describe, expect, it } from 'vitest';
import type { Message } from '@proactive/contract/admin';
import { editText } from '../rules/rule-sync.ts';
import { draftOf, fingerprint, patchOf, validateDraft } from './draft.ts';
import { sampleMessage } from './sample-messages.ts';

const message = sampleMessage;

describe('the draft of a message', () => {
  it('saves the stored text unchanged when nothing was edited', () => {
    const draft = draftOf(message);
    expect(patchOf(draft)).toEqual({
      name: 'Pricing',
      greeting: message.greeting,
      response: message.response,
      rules: message.rules,
    });
    expect(validateDraft(draft, { publish: true })).toEqual({ errors: [], problems: [] });
  });

  it('detects changes through its fingerprint', () => {
    const draft = draftOf(message);
    expect(fingerprint({ ...draft, name: 'Pricing ' })).toBe(fingerprint(draft));
    expect(fingerprint({ ...draft, greeting: 'Hello' })).not.toBe(fingerprint(draft));
  });

  it('needs a name to save, and a greeting, follow-up or answer to publish', () => {
    const draft = { ...draftOf(message), name: ' ', greeting: '' };
    expect(validateDraft(draft, { publish: false }).errors.map((error) => error.field)).toEqual(['name']);
    expect(validateDraft(draft, { publish: true }).errors.map((error) => error.field)).toEqual([
      'name',
      'greeting',
    ]);
    const agent = {
      ...draftOf(message),
      response: { type: 'agent' as const, follow_up: '', customer_details: [] },
    };
    expect(validateDraft(agent, { publish: true }).errors.map((error) => error.field)).toEqual(['follow_up']);
    const bot = { ...draftOf(message), response: { type: 'bot' as const, bot_id: 'b', answer_id: null } };
    expect(validateDraft(bot, { publish: true }).errors.map((error) => error.field)).toEqual(['answer_id']);
  });

  it('reports an incomplete builder, and keeps text with syntax errors savable but not publishable', () => {
    const empty = draftOf({ ...message, rules: '' });
    const result = validateDraft(empty, { publish: false });
    expect(result.errors.map((error) => error.field)).toEqual(['rules']);
    expect(result.problems).toHaveLength(1);
    expect(patchOf(empty)).not.toHaveProperty('rules');
    const broken = {
      ...draftOf(message),
      rule: editText({ ...draftOf(message).rule, view: 'text' }, 'when ('),
    };
    expect(validateDraft(broken, { publish: false }).errors).toEqual([]);
    expect(patchOf(broken).rules).toBe('when (');
    expect(validateDraft(broken, { publish: true }).errors.map((error) => error.field)).toEqual(['rules']);
  });
});

describe('the unsaved-changes fingerprint', () => {
  it('is the same for two loads of an untouched new draft (no rule yet, fresh builder row ids)', () => {
    const fresh: Message = {
      ...message,
      greeting: '',
      rules: '',
      response: { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
    };
    expect(fingerprint(draftOf(fresh))).toBe(fingerprint(draftOf(fresh)));
  });

  it('changes when an incomplete builder row changes', () => {
    const fresh = draftOf({ ...message, rules: '' });
    const root = fresh.rule.builder.root;
    const [row] = root.items;
    if (!row || row.type !== 'condition') throw new Error('expected an empty condition row');
    const edited = {
      ...fresh,
      rule: {
        ...fresh.rule,
        builder: { ...fresh.rule.builder, root: { ...root, items: [{ ...row, object: 'device' }] } },
      },
    };
    expect(fingerprint(edited)).not.toBe(fingerprint(fresh));
  });
});
