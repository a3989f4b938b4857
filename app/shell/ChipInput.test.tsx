// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { splitTags } from '../editor/RulesSection.tsx';
import { ChipInput } from './ChipInput.tsx';

afterEach(cleanup);

function renderChips(props: { values: string[]; disabled?: boolean }) {
  const onChange = vi.fn();
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <ChipInput
        label="Tags"
        split={splitTags}
        normalise={(tag) => tag.toLowerCase()}
        onChange={onChange}
        {...props}
      />
    </ThemeProvider>,
  );
  return onChange;
}

describe('ChipInput', () => {
  it('adds typed values on Enter, split and normalised, without repeats', () => {
    const onChange = renderChips({ values: ['vip'] });
    const box = screen.getByRole('textbox', { name: 'Tags' });
    fireEvent.change(box, { target: { value: 'VIP Sales' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith(['vip', 'sales']);
  });

  it('removes a chip with its X', () => {
    const onChange = renderChips({ values: ['vip', 'sales'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove vip' }));
    expect(onChange).toHaveBeenCalledWith(['sales']);
  });

  it('is read-only when disabled, so nothing typed can be silently dropped', () => {
    renderChips({ values: ['vip'], disabled: true });
    expect((screen.getByRole('textbox', { name: 'Tags' }) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove vip' })).toBeNull();
  });
});
