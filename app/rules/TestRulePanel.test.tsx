// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { parse } from '@proactive/dsl';
import { TestRulePanel } from './TestRulePanel.tsx';

afterEach(cleanup);

describe('Test this rule', () => {
  it("shows the rule's values and the sample's as typed, never lower-cased", async () => {
    const rule = parse(
      'when visitor.page_url contains "Pricing" and visitor.page_title contains ["Plans", "Offers"]',
    ).rule;
    render(
      <ThemeProvider theme={DEFAULT_THEME}>
        <TestRulePanel rule={rule} schedules={{}} />
      </ThemeProvider>,
    );
    fireEvent.change(screen.getByLabelText('Page URL'), { target: { value: 'https://Acme.test/Pricing' } });
    fireEvent.change(screen.getByLabelText('Page title'), { target: { value: 'Our PLANS' } });
    expect((screen.getByLabelText('Page URL') as HTMLInputElement).value).toBe('https://Acme.test/Pricing');
    const result = (await screen.findByTestId('test-result')).textContent ?? '';
    expect(result).toContain('“https://Acme.test/Pricing”');
    expect(result).toContain('“Our PLANS”');
    expect(result).toContain('Pricing');
    expect(result).toContain('Plans, Offers');
    expect(result).not.toMatch(/\bpricing\b|\bplans\b|acme\.test\/pricing/);
  });
});
