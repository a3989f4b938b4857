import { describe, expect, it, vi } from 'vitest';
import { switchView } from '../rules/rule-sync.ts';
import { createDraftStore } from './draft-store.ts';
import { plainRuleMessage } from './sample-messages.ts';

const message = plainRuleMessage;

describe('the draft store', () => {
  it('is dirty after a change and clean again when the change is undone', () => {
    const store = createDraftStore(message);
    expect(store.snapshot()).toMatchObject({ draft: { name: 'Pricing' }, dirty: false });
    store.edit((draft) => ({ ...draft, name: 'Plans' }));
    expect(store.snapshot()).toMatchObject({ draft: { name: 'Plans' }, dirty: true });
    store.edit((draft) => ({ ...draft, name: 'Pricing' }));
    expect(store.snapshot().dirty).toBe(false);
  });

  it('takes the draft as saved', () => {
    const store = createDraftStore(message);
    store.edit((draft) => ({ ...draft, greeting: 'Hello' }));
    store.markSaved();
    expect(store.snapshot()).toMatchObject({ draft: { greeting: 'Hello' }, dirty: false });
    store.edit((draft) => ({ ...draft, greeting: 'Hi' }));
    expect(store.snapshot().dirty).toBe(true);
  });

  it('tells its listeners about changes, and keeps the same snapshot without one', () => {
    const store = createDraftStore(message);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const before = store.snapshot();
    store.edit((draft) => draft);
    store.markSaved();
    expect(store.snapshot()).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    store.edit((draft) => ({ ...draft, name: 'Plans' }));
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.edit((draft) => ({ ...draft, name: 'Pricing' }));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stays clean when the rule only switches view', () => {
    const store = createDraftStore(message);
    store.edit((draft) => {
      const switched = switchView(draft.rule, 'text');
      return 'state' in switched ? { ...draft, rule: switched.state } : draft;
    });
    expect(store.snapshot()).toMatchObject({ draft: { rule: { view: 'text' } }, dirty: false });
  });
});
