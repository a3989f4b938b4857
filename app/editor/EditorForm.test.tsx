// @vitest-environment happy-dom
/**
 * A switch between Visual and Text re-renders the rules section alone: the header, the compose step, the
 * schedule section, the preview and the accordion's sections are not rendered again (each is counted;
 * the Text view is faked: Monaco does not run here). The schedule section still follows the rule.
 */
import type { ComponentType } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { ToastProvider } from '@zendeskgarden/react-notifications';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { createApi } from '../api/client.ts';
import type { RuleTextEditorProps } from '../rules/RuleTextEditor.tsx';
import { ApiContext } from '../shell/context.tsx';
import { createQueryClient } from '../shell/queries.ts';
import { EditorForm } from './EditorForm.tsx';
import { sampleMessage } from './sample-messages.ts';

const { renders, countingRenders } = vi.hoisted(() => {
  const renders: Record<string, number> = {};
  /** The module, its component `name` replaced by one that counts its renders and renders the original. */
  async function countingRenders(module: Record<string, unknown>, name: string) {
    const { createElement } = await import('react');
    const Original = module[name] as ComponentType<object>;
    const Counted = (props: object) => {
      renders[name] = (renders[name] ?? 0) + 1;
      return createElement(Original, props);
    };
    return { ...module, [name]: Counted };
  }
  return { renders, countingRenders };
});

vi.mock('./EditorHeader.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'EditorHeader'),
);
vi.mock('./ComposeStep.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'ComposeStep'),
);
vi.mock('./EditorStep.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'EditorStep'),
);
vi.mock('./ScheduleSection.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'ScheduleSection'),
);
vi.mock('./BubblePreview.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'BubblePreview'),
);
vi.mock('./RulesSection.tsx', async (original) =>
  countingRenders(await original<Record<string, unknown>>(), 'RulesSection'),
);
vi.mock('../monaco/load.ts', () => ({ preloadMonaco: () => undefined }));
vi.mock('../rules/RuleTextEditor.tsx', () => ({
  RuleTextEditor: ({ value }: RuleTextEditorProps) => <div data-testid="fake-text-editor">{value}</div>,
}));

afterEach(cleanup);

const message = sampleMessage;

/** The form, once its queries (declared attributes, bots) have answered and nothing else is pending. */
async function renderForm() {
  const client = createQueryClient();
  const api = createApi(async () => Response.json([]));
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <QueryClientProvider client={client}>
        <ApiContext.Provider value={api}>
          <ToastProvider>
            <EditorForm message={message} channel={undefined} schedules={[]} onReload={() => undefined} />
          </ToastProvider>
        </ApiContext.Provider>
      </QueryClientProvider>
    </ThemeProvider>,
  );
  await screen.findByRole('tab', { name: 'Text' });
  await waitFor(() => expect(client.isFetching()).toBe(0));
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

const otherSections = () => ({
  EditorHeader: renders.EditorHeader,
  ComposeStep: renders.ComposeStep,
  EditorStep: renders.EditorStep,
  ScheduleSection: renders.ScheduleSection,
  BubblePreview: renders.BubblePreview,
});

const viewShown = () => screen.getByTestId('rule-text').getAttribute('data-view');

describe('switching between Visual and Text', () => {
  it('re-renders the rules section and none of the other sections', async () => {
    await renderForm();
    const before = otherSections();
    expect(Object.values(before).every((count) => count !== undefined && count > 0)).toBe(true);
    const rulesBefore = renders.RulesSection ?? 0;

    fireEvent.click(screen.getByRole('tab', { name: 'Text' }));
    await screen.findByTestId('fake-text-editor');
    expect(viewShown()).toBe('text');
    expect(renders.RulesSection).toBeGreaterThan(rulesBefore);
    expect(otherSections()).toEqual(before);

    fireEvent.click(screen.getByRole('tab', { name: 'Visual' }));
    await waitFor(() => expect(viewShown()).toBe('visual'));
    expect(otherSections()).toEqual(before);
  });

  it('keeps the schedule section and the rule in step, in the Text view too', async () => {
    await renderForm();
    fireEvent.click(screen.getByRole('tab', { name: 'Text' }));
    await screen.findByTestId('fake-text-editor');
    const everyTime = () =>
      document.querySelector<HTMLInputElement>('input[name="frequency"][value="every_time"]');
    fireEvent.click(everyTime() as HTMLInputElement);
    await waitFor(() => expect(everyTime()?.checked).toBe(true));
    expect(screen.getByTestId('rule-text').getAttribute('data-text')).toContain('every_time');
    expect(screen.getByTestId('unsaved')).toBeTruthy();
  });
});
