// @vitest-environment happy-dom
/**
 * Declared visitor attributes (Settings › Visitor attributes) in the rule editor: the builder offers the
 * keys with their label and type, a declared key brings its type's operators and value editor, and the
 * rule checks warn about undeclared keys and refuse values of another type.
 */
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { parse, print, type AttributeDeclaration, type Rule } from '@proactive/dsl';
import { RulesSection } from '../editor/RulesSection.tsx';
import {
  fromRule,
  setKey,
  toCondition,
  toRule,
  type ConditionNode,
  type GroupNode,
} from './builder-model.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { ConditionKey } from './ConditionKey.tsx';
import { matchingDeclarations } from './KeyPicker.tsx';
import { initialRuleState, type RuleState } from './rule-sync.ts';
import { asDeclared, initialSample, testRule } from './sample-visitor.ts';

afterEach(cleanup);

const declared: AttributeDeclaration[] = [
  { key: 'plan', type: 'text', label: 'Plan' },
  { key: 'seats', type: 'number', label: 'Seats bought' },
  { key: 'trial', type: 'boolean', label: 'On trial' },
];
const themed = (node: React.ReactNode) => render(<ThemeProvider theme={DEFAULT_THEME}>{node}</ThemeProvider>);
const builderOf = (text: string) => fromRule(parse(text).rule as Rule);
const rowOf = (root: GroupNode) => root.items[0] as ConditionNode;

describe('declared keys in the builder model', () => {
  it('gives a row the declared type of its key: value and operator follow', () => {
    const { root } = builderOf('when visitor.attributes["plan"] contains "pro"');
    const seats = rowOf(setKey(root, rowOf(root).id, 'seats', declared));
    expect([seats.key, seats.operator, seats.value]).toEqual(['seats', 'is', { kind: 'number', value: 0 }]);
    const trial = rowOf(setKey(root, rowOf(root).id, 'trial', declared));
    expect([trial.operator, trial.value]).toEqual(['is', { kind: 'boolean', value: true }]);
    const plan = rowOf(setKey(root, rowOf(root).id, 'plan', declared));
    expect([plan.operator, plan.value]).toEqual(['contains', { kind: 'string', value: 'pro' }]);
    const undeclared = rowOf(setKey(root, rowOf(root).id, 'other', declared));
    expect([undeclared.operator, undeclared.value]).toEqual(['contains', { kind: 'string', value: 'pro' }]);
    const compared = builderOf('when visitor.attributes["x"] > 3').root;
    expect(rowOf(setKey(compared, rowOf(compared).id, 'seats', declared)).operator).toBe('greater_than');
  });

  it('finds declarations by key or label', () => {
    expect(matchingDeclarations(declared, 'TRI').map((d) => d.key)).toEqual(['trial']);
    expect(matchingDeclarations(declared, 'bought').map((d) => d.key)).toEqual(['seats']);
    expect(matchingDeclarations(declared, ' ')).toHaveLength(3);
  });
});

describe('declared keys in the builder', () => {
  function renderBuilder(text: string, attributes?: AttributeDeclaration[]) {
    let current = builderOf(text).root;
    function Harness() {
      const [root, setRoot] = useState(current);
      current = root;
      return <ConditionBuilder root={root} problems={[]} onChange={setRoot} attributes={attributes} />;
    }
    themed(<Harness />);
    return () => print(toRule({ root: current, rest: builderOf(text).rest }).rule as Rule);
  }

  it('offers the declared keys with label and type, and a picked number key edits a number', () => {
    const text = renderBuilder('when visitor.attributes["plan"] is "pro"', declared);
    // Garden shows the picked key as text and the input once focused.
    const key = document.querySelector('input[name="key"]') as HTMLInputElement;
    expect(key.getAttribute('role')).toBe('combobox');
    fireEvent.click(document.querySelector('[data-field="key"] [data-garden-id$="trigger"]')!);
    fireEvent.change(key, { target: { value: '' } });
    const listbox = screen.getByRole('listbox', { name: 'Declared keys' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['plan · Plan (Text)', 'seats · Seats bought (Number)', 'trial · On trial (True / false)']);
    fireEvent.click(within(listbox).getByRole('option', { name: /seats/ }));
    expect(document.querySelector('[data-field="key"]')?.hasAttribute('data-undeclared')).toBe(false);
    expect(text()).toBe('when visitor.attributes["seats"] is 0 once_per_visit\n');
    const row = document.querySelector('[data-condition-id]') as HTMLElement;
    expect(row.querySelector('input[inputmode="decimal"]')).toBeTruthy();
    expect(row.querySelector('[data-field="valueType"]')).toBeNull();
  });

  it('lets an undeclared key be typed, and keeps the free-text key without declarations', () => {
    const text = renderBuilder('when visitor.attributes["plan"] is "pro"', declared);
    fireEvent.change(document.querySelector('input[name="key"]')!, {
      target: { value: 'company' },
    });
    expect(text()).toBe('when visitor.attributes["company"] is "pro" once_per_visit\n');
    expect(screen.getByText(/“company” is not declared/)).toBeTruthy();
    expect(document.querySelector('[data-field="key"]')?.getAttribute('data-undeclared')).toBe('true');
    cleanup();
    renderBuilder('when visitor.attributes["plan"] is "pro"');
    expect(document.querySelector('input[name="key"]')?.getAttribute('role')).toBeNull();
    expect(screen.getByDisplayValue('plan')).toBeTruthy();
  });
});

describe('declared keys in the rule checks', () => {
  function renderSection(text: string) {
    let state: RuleState = initialRuleState(text);
    themed(
      <RulesSection
        state={state}
        onChange={(next) => (state = next)}
        problems={[]}
        validateOptions={{ attributes: declared }}
        schedules={{}}
      />,
    );
    return screen.getByTestId('rule-diagnostics');
  }

  it('warns about an undeclared key, suggesting the declared one meant', () => {
    const diagnostics = renderSection('when visitor.attributes["sets"] > 10');
    expect(diagnostics.textContent).toContain('The attribute "sets" is not declared. Did you mean "seats"?');
  });

  it('refuses a value of another type than the declared one', () => {
    const diagnostics = renderSection('when visitor.attributes["seats"] is "ten"');
    expect(diagnostics.textContent).toContain('declared as a number');
  });

  it('checks nothing about keys of an unchanged rule with no problem', () => {
    expect(toCondition(builderOf('when visitor.attributes["seats"] > 10').root).problems).toEqual([]);
  });
});

describe('declared keys in the test panel', () => {
  it('reads a sample attribute as its declared type, as the site would send it', () => {
    const rule = parse('when visitor.attributes["plan"] is "12" and visitor.attributes["seats"] > 10')
      .rule as Rule;
    const initial = initialSample();
    const sample = {
      ...initial,
      seconds: 0,
      values: { ...initial.values, 'visitor.attributes': 'plan=12; seats=20' },
    };
    expect(testRule(rule, sample, {}).evaluation?.fires).toBe(false);
    expect(testRule(rule, sample, {}, undefined, declared).evaluation?.fires).toBe(true);
    expect(asDeclared({ seats: 'many', trial: 'true', other: 1 }, declared)).toEqual({
      seats: 'many',
      trial: true,
      other: 1,
    });
    expect(asDeclared(undefined, declared)).toBeUndefined();
  });
});

describe('declared keys in the condition key', () => {
  it('lists them with label, type and an example of their type', () => {
    themed(<ConditionKey attributes={declared} />);
    const rows = [...screen.getByTestId('condition-key-attributes').querySelectorAll('tbody tr')];
    expect(rows.map((row) => row.textContent)).toEqual([
      'planPlanTextvisitor.attributes["plan"] is "pro"',
      'seatsSeats boughtNumbervisitor.attributes["seats"] >= 10',
      'trialOn trialTrue / falsevisitor.attributes["trial"] is true',
    ]);
    cleanup();
    themed(<ConditionKey />);
    expect(screen.queryByTestId('condition-key-attributes')).toBeNull();
  });
});
