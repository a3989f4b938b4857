// @vitest-environment happy-dom
/**
 * Switching from Text to Visual right after typing: the Text view hands its text over after a pause, so
 * the switch takes what was typed since (the Text view is faked: Monaco does not run here).
 */
import { useImperativeHandle } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import type { RuleTextEditorProps } from '../rules/RuleTextEditor.tsx';
import { initialRuleState, type RuleState } from '../rules/rule-sync.ts';
import { RulesSection } from './RulesSection.tsx';

const typed = vi.hoisted(() => ({ pending: undefined as string | undefined }));

vi.mock('../rules/RuleTextEditor.tsx', () => ({
  RuleTextEditor: ({ handle, value }: RuleTextEditorProps) => {
    useImperativeHandle(handle, () => ({
      takePending: () => {
        const text = typed.pending;
        typed.pending = undefined;
        return text;
      },
    }));
    return <div data-testid="fake-text-editor">{value}</div>;
  },
}));

afterEach(cleanup);

async function inTextView(text: string) {
  const state: RuleState = { ...initialRuleState(text), view: 'text' };
  const onChange = vi.fn<(next: RuleState) => void>();
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <RulesSection state={state} onChange={onChange} problems={[]} validateOptions={{}} schedules={{}} />
    </ThemeProvider>,
  );
  await screen.findByTestId('fake-text-editor');
  return { state, onChange };
}

describe('switching to Visual while a typed text is pending', () => {
  it('switches with the text typed since the last hand-over', async () => {
    const { onChange } = await inTextView('when visitor.page_url contains "pricing"');
    typed.pending = 'when visitor.page_url contains "plans"';
    fireEvent.click(screen.getByRole('tab', { name: 'Visual' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0]?.[0] as RuleState;
    expect(next.view).toBe('visual');
    expect(next.text).toBe('when visitor.page_url contains "plans"');
    expect(JSON.stringify(next.builder)).toContain('plans');
  });

  it('keeps a pending text with a syntax error, and says why it cannot switch', async () => {
    const { onChange } = await inTextView('when visitor.page_url contains "pricing"');
    typed.pending = 'when visitor.page_url contains';
    fireEvent.click(screen.getByRole('tab', { name: 'Visual' }));
    expect(onChange).toHaveBeenCalledTimes(1);
    const next = onChange.mock.calls[0]?.[0] as RuleState;
    expect(next.view).toBe('text');
    expect(next.text).toBe('when visitor.page_url contains');
    expect(next.syntaxErrors.length).toBeGreaterThan(0);
    expect(await screen.findByTestId('switch-refused')).toBeTruthy();
  });

  it('switches as it is when nothing is pending', async () => {
    const { state, onChange } = await inTextView('when visitor.page_url contains "pricing"');
    fireEvent.click(screen.getByRole('tab', { name: 'Visual' }));
    expect(onChange).toHaveBeenCalledWith({ ...state, view: 'visual' });
  });
});
