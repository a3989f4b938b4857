import { describe, expect, it, vi } from 'vitest';
import type { Message } from '@proactive/contract/admin';
import { switchView } from '../rules/rule-sync.ts';
import { createDraftStore } from './draft-store.ts';

const message: Message = {
  id: 'm1',
  brand_id: 'b1',
  channel_id: 'c1',
  name: 'Pricing',
  greeting: 'Hi',
  response: { type: 'agent', follow_up: 'An agent will be with you.', customer_details: ['name'] },
  rules: 'when visitor.page_url contains "pricing"',
  rule: null,
  diagnostics: [],
  tags: [],
  time_of_day: { kind: 'anytime' },
  frequency: 'once_per_visit',
  timing: { kind: 'page_load' },
  status: 'draft',
  order: 0,
  version: 3,
  sent: 0,
  opened: 0,
  dismissed: 0,
  replied: 0,
  created_at: '2026-11-27T10:00:00.000Z',
  updated_at: '2026-11-27T10:00:00.000Z',
};

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
