// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { print, parse, rulesEqual, type Condition } from '@proactive/dsl';
import { fromCondition, toCondition, type GroupNode } from './builder-model.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';

afterEach(cleanup);

function conditionOf(text: string): Condition {
  const rule = parse(text).rule;
  if (!rule) throw new Error(`does not parse: ${text}`);
  return rule.condition;
}

/** Renders the builder with live state and exposes the current AST condition. */
function renderBuilder(text: string) {
  let current: GroupNode = fromCondition(conditionOf(text));
  function Harness() {
    const [root, setRoot] = useState(current);
    current = root;
    return (
      <ConditionBuilder
        root={root}
        problems={toCondition(root).problems}
        onChange={(next) => {
          current = next;
          setRoot(next);
        }}
      />
    );
  }
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <Harness />
    </ThemeProvider>,
  );
  return { condition: () => toCondition(current).condition, root: () => current };
}

const rows = () => Array.from(document.querySelectorAll<HTMLElement>('[data-condition-id]'));
const asText = (condition: Condition | null) =>
  condition
    ? print({
        kind: 'rule',
        condition,
        timing: { kind: 'page_load' },
        timeOfDay: { kind: 'anytime' },
        frequency: 'once_per_visit',
        tags: [],
      })
    : '';

describe('<ConditionBuilder>', () => {
  it('shows every field kind of a nested rule as rows, and changes nothing by itself', () => {
    const text =
      'when visitor.page_url contains ["pricing", "plans"] and not visitor.page_title is "Docs" and (visitor.visit_history is returning_user or device.language is "fr")';
    const view = renderBuilder(text);
    expect(rows().map((row) => row.dataset.field)).toEqual([
      'visitor.page_url',
      'visitor.page_title',
      'visitor.visit_history',
      'device.language',
    ]);
    expect(within(rows()[0]!).getByText('pricing')).toBeTruthy();
    expect(within(rows()[0]!).getByText('plans')).toBeTruthy();
    expect((within(rows()[1]!).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(document.querySelectorAll('fieldset[data-depth="1"]')).toHaveLength(1);
    expect(rulesEqual(view.condition(), conditionOf(text))).toBe(true);
  });

  it('adds a chip to a text value with Enter and removes one with its X', () => {
    const view = renderBuilder('when visitor.page_url contains "pricing"');
    const input = within(rows()[0]!).getByRole('textbox', { name: 'Value' });
    fireEvent.change(input, { target: { value: 'plans' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(asText(view.condition())).toContain('visitor.page_url contains ["pricing", "plans"]');
    fireEvent.click(screen.getByRole('button', { name: 'Remove pricing' }));
    expect(asText(view.condition())).toContain('visitor.page_url contains ["plans"]');
  });

  it('toggles NOT, reorders and removes rows', () => {
    const view = renderBuilder('when visitor.page_url contains "a" and visitor.page_title is "b"');
    fireEvent.click(within(rows()[1]!).getByRole('checkbox'));
    expect(asText(view.condition())).toContain(
      'visitor.page_url contains "a" and not visitor.page_title is "b"',
    );
    fireEvent.click(within(rows()[1]!).getByRole('button', { name: 'Move Page title up' }));
    expect(asText(view.condition())).toContain(
      'not visitor.page_title is "b" and visitor.page_url contains "a"',
    );
    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Remove Page title' }));
    expect(asText(view.condition())).toMatch(/^when visitor\.page_url contains "a"/);
  });

  it('marks an incomplete row inline', () => {
    const view = renderBuilder('when visitor.page_url contains "a"');
    fireEvent.click(within(rows()[0]!).getByRole('button', { name: 'Remove a' }));
    expect(view.condition()).toBeNull();
    expect(screen.getByText('Enter a value.')).toBeTruthy();
  });

  it('removing the last row of a nested group removes the group', () => {
    const view = renderBuilder(
      'when visitor.page_url contains "a" and (visitor.page_title is "b" or device.language is "fr")',
    );
    const nested = document.querySelector('fieldset[data-depth="1"]') as HTMLElement;
    fireEvent.click(within(nested).getByRole('button', { name: 'Remove Page title' }));
    expect(asText(view.condition())).toContain('visitor.page_url contains "a" and device.language is "fr"');
    fireEvent.click(
      within(document.querySelector('fieldset[data-depth="1"]') as HTMLElement).getByRole('button', {
        name: 'Remove Language',
      }),
    );
    expect(document.querySelector('fieldset[data-depth="1"]')).toBeNull();
    expect(view.root().items).toHaveLength(1);
  });
});
