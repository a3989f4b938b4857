import { describe, expect, it } from 'vitest';
import { parse, print, rulesEqual } from '@proactive/dsl';
import { addItem, setValue, setGroupOperator, type ConditionNode } from './builder-model.ts';
import {
  currentRest,
  currentRule,
  editBuilder,
  editRest,
  editText,
  initialRuleState,
  shownRest,
  switchView,
  textToSave,
} from './rule-sync.ts';

const example = 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit';
const typed = `# Pricing visitors
when visitor.page_url   contains "pricing"   # the page
  and (visitor.visit_history is returning_user or device.language is "fr")
for 0:30 during business_hours once_per_visit tag "Sales"`;

describe('Visual <-> Text', () => {
  it("opens a stored rule in Visual with the user's example", () => {
    const state = initialRuleState(example);
    expect(state.view).toBe('visual');
    expect(rulesEqual(currentRule(state), parse(example).rule)).toBe(true);
  });

  it('opens an empty rule as one empty row, and unparseable text in Text', () => {
    expect(initialRuleState('').builder.root.items).toHaveLength(1);
    const broken = initialRuleState('when visitor.page_url contains');
    expect(broken.view).toBe('text');
    expect(broken.syntaxErrors.length).toBeGreaterThan(0);
  });

  it('keeps typed text exactly through text -> visual -> text when nothing changed', () => {
    let state = initialRuleState(example);
    const toText = switchView(state, 'text');
    if (!('state' in toText)) throw new Error('refused');
    state = editText(toText.state, typed);
    const toVisual = switchView(state, 'visual');
    if (!('state' in toVisual)) throw new Error('refused');
    expect(toVisual.state.builder.root.items.map((item) => item.type)).toEqual(['condition', 'group']);
    const back = switchView(toVisual.state, 'text');
    if (!('state' in back)) throw new Error('refused');
    expect(back.state.text).toBe(typed);
    expect(textToSave(toVisual.state)).toBe(typed);
  });

  it('reprints the text when a visual edit changes the AST', () => {
    let state = editText({ ...initialRuleState(example), view: 'text' }, typed);
    state = { ...state, view: 'visual' };
    const row = state.builder.root.items[0] as ConditionNode;
    state = editBuilder(state, {
      ...state.builder,
      root: setValue(state.builder.root, row.id, { kind: 'string', value: 'plans' }),
    });
    expect(state.text).not.toBe(typed);
    expect(state.text).toBe(print(currentRule(state)!));
    expect(state.text).toContain('"plans"');
    expect(state.text).toContain('# the page');
  });

  it('keeps the text when a visual edit gives an equal AST', () => {
    let state = editText({ ...initialRuleState(example), view: 'text' }, typed);
    state = { ...state, view: 'visual' };
    const same = editBuilder(state, {
      ...state.builder,
      root: setGroupOperator(state.builder.root, state.builder.root.id, 'and'),
    });
    expect(same.text).toBe(typed);
  });

  it('refuses Visual for text with syntax errors, saying where', () => {
    const state = editText(
      { ...initialRuleState(example), view: 'text' },
      'when visitor.page_url contains\n  and',
    );
    const result = switchView(state, 'visual');
    expect(result).toMatchObject({
      refused: { reason: 'syntax', line: expect.any(Number), column: expect.any(Number) },
    });
    expect(textToSave(state)).toBe('when visitor.page_url contains\n  and');
  });

  it('refuses Text for an incomplete builder with values', () => {
    const fresh = initialRuleState('');
    const row = fresh.builder.root.items[0] as ConditionNode;
    const state = editBuilder(fresh, {
      ...fresh.builder,
      root: addItem(
        setValue(fresh.builder.root, row.id, { kind: 'string', value: 'pricing' }),
        fresh.builder.root.id,
      ),
    });
    expect(switchView(state, 'text')).toMatchObject({ refused: { reason: 'incomplete' } });
    expect(textToSave(state)).toBeNull();
    expect(switchView(state, 'visual')).toEqual({ state });
  });

  it('opens Text on a fresh rule, and types a rule from scratch', () => {
    const fresh = initialRuleState('');
    const toText = switchView(fresh, 'text');
    if (!('state' in toText)) throw new Error('refused');
    expect(toText.state.text).toBe('');
    const typedState = editText(toText.state, example);
    const toVisual = switchView(typedState, 'visual');
    if (!('state' in toVisual)) throw new Error('refused');
    const back = switchView(toVisual.state, 'text');
    if (!('state' in back)) throw new Error('refused');
    expect(back.state.text).toBe(example);
  });
});

describe('form fields edit the same AST', () => {
  it('frequency, time of day, timing and tags change the text in both views', () => {
    let state = initialRuleState(example);
    state = editRest(state, { frequency: 'every_time', tags: ['sales'] });
    expect(state.text).toContain('every_time');
    expect(state.text).toContain('tag "sales"');
    const toText = switchView(state, 'text');
    if (!('state' in toText)) throw new Error('refused');
    state = editRest(toText.state, { timeOfDay: { kind: 'anytime' }, timing: { kind: 'page_load' } });
    expect(state.text).not.toContain('business_hours');
    expect(state.text).not.toContain('for ');
    expect(currentRest(state)).toMatchObject({ frequency: 'every_time', tags: ['sales'] });
  });

  it('is disabled while the text has syntax errors', () => {
    const state = editText({ ...initialRuleState(example), view: 'text' }, 'when (');
    expect(currentRest(state)).toBeNull();
    expect(editRest(state, { frequency: 'every_time' })).toBe(state);
  });
});

describe('shownRest', () => {
  it('keeps showing the last parsed timing, time of day, frequency and tags while the text has a syntax error', () => {
    const text =
      'when visitor.page_url contains "pricing" for 1:30 during business_hours every_time tag "vip"';
    const good = switchView(initialRuleState(text), 'text');
    if (!('state' in good)) throw new Error('switch refused');
    const broken = editText(good.state, `${text} and`);
    expect(broken.syntaxErrors.length).toBeGreaterThan(0);
    expect(currentRest(broken)).toBeNull();
    expect(shownRest(broken)).toMatchObject({
      timing: { kind: 'on_page', minutes: 1, seconds: 30 },
      timeOfDay: { kind: 'during' },
      frequency: 'every_time',
      tags: ['vip'],
    });
    expect(shownRest(good.state)).toEqual(currentRest(good.state));
  });
});
