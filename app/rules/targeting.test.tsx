// @vitest-environment happy-dom
/**
 * Issue 12's fields and triggers in the admin app: keys and typed values in the visual builder, the
 * triggers' row, and the test panel's samples and events.
 */
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import {
  fieldByName,
  parse,
  print,
  type FieldEntry,
  type Rule,
  type Timing,
  type Value,
} from '@proactive/dsl';
import {
  fromRule,
  newCondition,
  setField,
  setKey,
  toCondition,
  toRule,
  typedDefault,
  type ConditionNode,
  type GroupNode,
} from './builder-model.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { ConditionKey } from './ConditionKey.tsx';
import { initialSample, sampleContext, sampleEvent, testRule } from './sample-visitor.ts';
import { eventText, TestRulePanel, typedValue } from './TestRulePanel.tsx';
import { defaultTiming, durationProblem, TimingInput } from './TimingInput.tsx';
import { numberOf, ValueInput, valueType } from './ValueInput.tsx';

afterEach(cleanup);

const themed = (node: React.ReactNode) => render(<ThemeProvider theme={DEFAULT_THEME}>{node}</ThemeProvider>);
const ruleOf = (text: string) => parse(text).rule as Rule;
const attributes = fieldByName('visitor.attributes') as FieldEntry;

describe('the builder model', () => {
  it('keeps keys through the round trip, and asks for one when missing', () => {
    const rule = ruleOf(
      'when visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50%',
    );
    const builder = fromRule(rule);
    expect(builder.root.items[0]).toMatchObject({ field: 'visitor.attributes', key: 'plan' });
    expect(print(toRule(builder).rule as Rule)).toBe(print(rule));
    const row = builder.root.items[0] as ConditionNode;
    const emptied = setKey(builder.root, row.id, ' ');
    expect(toCondition(emptied).problems).toEqual([
      { nodeId: row.id, code: 'missing-key', messageKey: 'rules.problem.key' },
    ]);
  });

  it('gives keyed fields a key when picked, keeps it between keyed fields, drops it otherwise', () => {
    const row = newCondition('event');
    expect(row).toMatchObject({ field: 'event.properties', key: '' });
    const root: GroupNode = { type: 'group', id: 'g', operator: 'and', negated: false, items: [row] };
    const keyed = setKey(root, row.id, 'value');
    const attributes = setField(keyed, row.id, 'visitor.attributes').items[0] as ConditionNode;
    expect(attributes.key).toBe('value');
    const url = setField(keyed, row.id, 'visitor.page_url').items[0] as ConditionNode;
    expect('key' in url).toBe(false);
    const numbers = setField(keyed, row.id, 'visitor.pages_viewed').items[0] as ConditionNode;
    expect(numbers.value).toEqual({ kind: 'number', value: 3 });
    expect(toCondition({ ...root, items: [numbers] }).condition).toMatchObject({
      value: { kind: 'number', value: 3 },
    });
  });
});

describe('value editors', () => {
  it('read numbers only when they are numbers, and start typed values by type', () => {
    expect([numberOf('12.5'), numberOf(' -3 '), numberOf(''), numberOf('-'), numberOf('1e3')]).toEqual([
      12.5,
      -3,
      null,
      null,
      null,
    ]);
    expect(valueType({ kind: 'boolean', value: true })).toBe('boolean');
    expect(valueType(null)).toBe('text');
    expect([typedDefault('text'), typedDefault('number'), typedDefault('boolean')]).toEqual([
      { kind: 'string', value: '' },
      { kind: 'number', value: 0 },
      { kind: 'boolean', value: true },
    ]);
  });

  it('edit typed facts as text, a number or true / false', () => {
    const root = fromRule(ruleOf('when visitor.attributes["seats"] > 10')).root;
    let current = root;
    function Builder() {
      const [state, setState] = useState(root);
      current = state;
      return <ConditionBuilder root={state} problems={[]} onChange={setState} />;
    }
    themed(<Builder />);
    const number = screen.getByDisplayValue('10');
    fireEvent.change(number, { target: { value: '12.5' } });
    expect(toCondition(current).condition).toMatchObject({ value: { kind: 'number', value: 12.5 } });
    fireEvent.change(number, { target: { value: '-' } });
    expect(toCondition(current).condition).toMatchObject({ value: { kind: 'number', value: 12.5 } });
    const key = screen.getByDisplayValue('seats');
    fireEvent.change(key, { target: { value: 'users' } });
    expect(toCondition(current).condition).toMatchObject({ key: 'users' });
  });

  it('pick the editor of an attribute after its value: a type picker with chips, a number or true / false', () => {
    const editors = (value: Value) => {
      const view = themed(<ValueInput field={attributes} value={value} onChange={() => {}} />);
      const found = [...view.container.querySelectorAll('[data-field], input[inputmode="decimal"]')].map(
        (node) => node.getAttribute('data-field') ?? 'number',
      );
      view.unmount();
      return found;
    };
    expect(editors({ kind: 'string', value: 'pro' })).toEqual(['valueType']);
    expect(editors({ kind: 'boolean', value: true })).toEqual(['valueType', 'value']);
    expect(editors({ kind: 'number', value: 3 })).toEqual(['valueType', 'number']);
  });
});

describe('the triggers row', () => {
  it('starts each trigger with what it needs, and checks waits against its limits', () => {
    expect(defaultTiming('idle')).toEqual({ kind: 'idle', minutes: 0, seconds: 30 });
    expect(defaultTiming('scroll')).toEqual({ kind: 'scroll', percent: 50 });
    expect(defaultTiming('custom')).toEqual({ kind: 'custom', name: '' });
    expect(defaultTiming('exit_intent')).toEqual({ kind: 'exit_intent' });
    expect(durationProblem(61, 0, { min: 1, max: 3600 })).toBe('rules.timing.tooLong');
  });

  it('edits the percent of a scroll and the name of a custom event', () => {
    let timing: Timing = { kind: 'scroll', percent: 50 };
    const view = themed(<TimingInput timing={timing} onChange={(next) => (timing = next)} />);
    fireEvent.change(screen.getByLabelText('Percent scrolled'), { target: { value: '75' } });
    expect(timing).toEqual({ kind: 'scroll', percent: 75 });
    view.unmount();
    themed(<TimingInput timing={{ kind: 'custom', name: '' }} onChange={(next) => (timing = next)} />);
    fireEvent.change(screen.getByLabelText('Event name'), { target: { value: 'buy' } });
    expect(timing).toEqual({ kind: 'custom', name: 'buy' });
  });
});

describe('the test panel', () => {
  it('checks at the moment of the rule’s trigger, a custom event carrying the sample’s properties', () => {
    expect(sampleEvent(undefined, 0, {})).toEqual({ type: 'page_load' });
    expect(sampleEvent({ kind: 'on_site', minutes: 2, seconds: 0 }, 130, {})).toEqual({
      type: 'on_site',
      seconds: 130,
    });
    expect(sampleEvent({ kind: 'exit_intent' }, 30, {})).toEqual({ type: 'exit_intent' });
    expect(sampleEvent({ kind: 'scroll', percent: 40 }, 30, {})).toEqual({ type: 'scroll', percent: 40 });
    const rule = ruleOf(
      'when event.properties["value"] > 40 and visitor.attributes["plan"] is "pro" on event "buy"',
    );
    const sample = initialSample();
    expect(sampleContext(sample, {}, undefined, rule.timing).event).toEqual({
      type: 'custom',
      name: 'buy',
      properties: { value: 42 },
    });
    expect(testRule(rule, sample, {}).evaluation?.fires).toBe(true);
    const cheaper = { ...sample, values: { ...sample.values, 'event.properties': 'value=12' } };
    expect(testRule(rule, cheaper, {}).evaluation?.fires).toBe(false);
  });

  it('writes events and keyed values as the admin reads them', () => {
    expect(eventText({ type: 'idle', seconds: 31 })).toBe('31s idle');
    expect(eventText({ type: 'custom', name: 'buy' })).toBe('the event “buy”');
    expect(eventText({ type: 'scroll', percent: 60 })).toBe('60% scrolled');
    expect(eventText({ type: 'on_site', seconds: 5 })).toBe('5s on the site');
    expect(eventText({ type: 'exit_intent' })).toBe('exit intent');
    const context = sampleContext(initialSample(), {});
    expect(typedValue(context, 'visitor.query', 'ref')).toBe('partner');
    expect(typedValue(context, 'visitor.attributes', 'seats')).toBeNull();
  });

  it('shows keyed, number and trigger results', async () => {
    themed(
      <TestRulePanel
        rule={ruleOf(
          'when visitor.attributes["seats"] > 10 and visitor.query["ref"] is "partner" on scroll 50%',
        )}
        schedules={{}}
      />,
    );
    fireEvent.change(screen.getByLabelText('Attribute'), { target: { value: 'seats=20' } });
    const result = await screen.findByTestId('test-result');
    expect(result.dataset.fires).toBe('true');
    expect(result.textContent).toContain('Attribute “seats”');
    expect(result.textContent).toContain('(was “20”)');
    expect(result.textContent).toContain('50% scrolled');
    expect((screen.getByLabelText('Pages viewed') as HTMLInputElement).type).toBe('number');
  });
});

describe('the condition key', () => {
  it('says what each new field takes, keyed fields with their key', () => {
    themed(<ConditionKey />);
    const table = screen.getByTestId('condition-key');
    const row = (name: string) =>
      [...table.querySelectorAll('tr')].find((tr) => tr.textContent?.includes(name))?.textContent ?? '';
    expect(row('visitor.pages_viewed')).toContain('A number, such as 3 or 12.5');
    expect(row('visitor.attributes')).toContain('a number, or true / false');
    expect(row('visitor.attributes')).toContain('visitor.attributes["plan"] is "pro"');
    expect(row('device.type')).toContain('Mobile, Tablet, Desktop');
  });
});
