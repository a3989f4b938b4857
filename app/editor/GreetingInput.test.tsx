// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_THEME, ThemeProvider } from '@zendeskgarden/react-theming';
import { emojiChoices, GreetingInput, spliceWord } from './GreetingInput.tsx';

afterEach(cleanup);

function renderGreeting(initial: string) {
  let current = initial;
  function Harness() {
    const [value, setValue] = useState(initial);
    current = value;
    return <GreetingInput label="Proactive message" value={value} onChange={setValue} />;
  }
  render(
    <ThemeProvider theme={DEFAULT_THEME}>
      <Harness />
    </ThemeProvider>,
  );
  return {
    value: () => current,
    area: screen.getByRole('textbox', { name: 'Proactive message' }) as HTMLTextAreaElement,
  };
}

describe('spliceWord', () => {
  it('keeps an inserted link or placeholder apart from the words around it', () => {
    expect(spliceWord('Hi 👋', 5, 5, '[our plans](https://a.test/)').value).toBe(
      'Hi 👋 [our plans](https://a.test/)',
    );
    expect(spliceWord('Hi!', 2, 2, '{{first_name}}')).toEqual({ value: 'Hi {{first_name}}!', caret: 17 });
    expect(spliceWord('See here', 4, 4, '[x](https://a.test/)').value).toBe('See [x](https://a.test/) here');
    expect(spliceWord('', 0, 0, '[x](https://a.test/)').value).toBe('[x](https://a.test/)');
    expect(spliceWord('a b', 1, 2, 'X').value).toBe('a X b');
  });
});

describe('the greeting box', () => {
  it('inserts a link after an emoji with a space between them', async () => {
    const { value, area } = renderGreeting('Hi 👋');
    area.setSelectionRange(area.value.length, area.value.length);
    fireEvent.click(screen.getByRole('button', { name: 'Insert link' }));
    fireEvent.change(await screen.findByLabelText('Text'), { target: { value: 'our plans' } });
    fireEvent.change(screen.getByLabelText('URL'), { target: { value: 'https://acme.test/pricing' } });
    fireEvent.click(screen.getByRole('button', { name: 'Insert' }));
    await waitFor(() => expect(value()).toBe('Hi 👋 [our plans](https://acme.test/pricing)'));
  });

  it('offers the emoji as a grid of named buttons', async () => {
    const { value, area } = renderGreeting('Hello');
    area.setSelectionRange(5, 5);
    fireEvent.click(screen.getByRole('button', { name: 'Insert emoji' }));
    const grid = await screen.findByTestId('emoji-grid');
    const buttons = within(grid).getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(
      emojiChoices.map((choice) => choice.name),
    );
    fireEvent.click(within(grid).getByRole('button', { name: 'waving hand' }));
    await waitFor(() => expect(value()).toBe('Hello👋'));
    expect(screen.queryByTestId('emoji-grid')).toBeNull();
  });
});
