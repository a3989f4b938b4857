/**
 * "Proactive message": the greeting text, with an emoji picker and a link inserter. Links are written as
 * `[text](https://...)`, which the widget renders as a safe link; `{{first_name}}` is filled in when the
 * visitor's name is known.
 */
import { useRef, useState } from 'react';
import styled from 'styled-components';
import { Button, IconButton } from '@zendeskgarden/react-buttons';
import { Field, Input, Textarea } from '@zendeskgarden/react-forms';
import { Modal, TooltipDialog } from '@zendeskgarden/react-modals';
import { t } from '../i18n.ts';
import { EmojiIcon, LinkIcon } from '../shell/icons.tsx';

const Toolbar = styled.div`
  display: flex;
  gap: 4px;
  margin-top: 4px;
`;

const EmojiGrid = styled.div`
  display: grid;
  grid-template-columns: repeat(4, 40px);
  gap: 4px;
`;

/** A small set of emoji admins use in greetings, with their names (for screen readers and tooltips). */
export const emojiChoices: readonly { emoji: string; name: string }[] = [
  { emoji: '👋', name: 'waving hand' },
  { emoji: '😊', name: 'smiling face with smiling eyes' },
  { emoji: '🙂', name: 'slightly smiling face' },
  { emoji: '🎉', name: 'party popper' },
  { emoji: '🚀', name: 'rocket' },
  { emoji: '💡', name: 'light bulb' },
  { emoji: '❤️', name: 'red heart' },
  { emoji: '👍', name: 'thumbs up' },
  { emoji: '🙌', name: 'raising hands' },
  { emoji: '✨', name: 'sparkles' },
  { emoji: '💬', name: 'speech balloon' },
  { emoji: '📦', name: 'package' },
  { emoji: '💳', name: 'credit card' },
  { emoji: '⏰', name: 'alarm clock' },
  { emoji: '🎁', name: 'wrapped gift' },
  { emoji: '🔥', name: 'fire' },
];

/**
 * Puts `insert` in place of `value[start, end)` as a word of its own: a space is added before it when it
 * would touch the previous word, and after it when it would touch the next one.
 *
 * @example spliceWord('Hi👋', 4, 4, '[plans](https://a.test)') // { value: 'Hi👋 [plans](https://a.test)', caret: 27 }
 */
export function spliceWord(
  value: string,
  start: number,
  end: number,
  insert: string,
): { value: string; caret: number } {
  const before = value.slice(0, start);
  const after = value.slice(end);
  const text = `${before !== '' && !/\s$/.test(before) ? ' ' : ''}${insert}${/^[^\s.,;:!?)]/.test(after) ? ' ' : ''}`;
  return { value: before + text + after, caret: before.length + text.length };
}

export interface GreetingInputProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  label: string;
  hint?: string;
}

/**
 * The greeting box.
 *
 * @example <GreetingInput label="Proactive message" value={text} onChange={setText} />
 */
export function GreetingInput({ value, onChange, error, label, hint }: GreetingInputProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [linkText, setLinkText] = useState('');
  const [linkUrl, setLinkUrl] = useState('https://');
  const [linkError, setLinkError] = useState<string | null>(null);

  /** The emoji button, as state: the picker is placed against it while rendering. */
  const [emojiButton, setEmojiButton] = useState<HTMLButtonElement | null>(null);
  const [emojiOpen, setEmojiOpen] = useState(false);

  /** Inserts at the caret (over the selection); `asWord` keeps it apart from the words around it. */
  function insert(text: string, asWord = false) {
    const element = area.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const next = asWord
      ? spliceWord(value, start, end, text)
      : { value: value.slice(0, start) + text + value.slice(end), caret: start + text.length };
    onChange(next.value);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(next.caret, next.caret);
    });
  }

  function openLink() {
    const element = area.current;
    const selected = element ? value.slice(element.selectionStart, element.selectionEnd) : '';
    setLinkText(selected);
    setLinkUrl('https://');
    setLinkError(null);
    setLinkOpen(true);
  }

  function addLink() {
    let url: URL;
    try {
      url = new URL(linkUrl.trim());
    } catch {
      setLinkError(t('compose.linkInvalid'));
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') {
      setLinkError(t('compose.linkInvalid'));
      return;
    }
    const text = linkText.trim() || url.href;
    setLinkOpen(false);
    insert(`[${text.replace(/[[\]]/g, '')}](${url.href})`, true);
  }

  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      {hint && <Field.Hint>{hint}</Field.Hint>}
      <Textarea
        ref={area}
        value={value}
        minRows={3}
        maxRows={8}
        isResizable
        maxLength={2000}
        onChange={(event) => onChange(event.target.value)}
        validation={error ? 'error' : undefined}
      />
      {error && <Field.Message validation="error">{error}</Field.Message>}
      <Toolbar>
        <IconButton
          ref={setEmojiButton}
          size="small"
          aria-label={t('compose.emoji')}
          aria-haspopup="dialog"
          aria-expanded={emojiOpen}
          onClick={() => setEmojiOpen((open) => !open)}
        >
          <EmojiIcon />
        </IconButton>
        {emojiOpen && (
          <TooltipDialog
            referenceElement={emojiButton}
            placement="bottom-start"
            onClose={() => setEmojiOpen(false)}
            aria-label={t('compose.emoji')}
          >
            <TooltipDialog.Body>
              <EmojiGrid role="group" aria-label={t('compose.emoji')} data-testid="emoji-grid">
                {emojiChoices.map(({ emoji, name }) => (
                  <Button
                    key={emoji}
                    isBasic
                    aria-label={name}
                    title={name}
                    onClick={() => {
                      setEmojiOpen(false);
                      insert(emoji);
                    }}
                  >
                    {emoji}
                  </Button>
                ))}
              </EmojiGrid>
            </TooltipDialog.Body>
          </TooltipDialog>
        )}
        <IconButton size="small" aria-label={t('compose.link')} onClick={openLink}>
          <LinkIcon />
        </IconButton>
        <Button size="small" isBasic onClick={() => insert('{{first_name}}', true)}>
          {t('compose.firstName')}
        </Button>
      </Toolbar>
      {linkOpen && (
        <Modal onClose={() => setLinkOpen(false)} aria-label={t('compose.linkTitle')}>
          <Modal.Header tag="h2">{t('compose.linkTitle')}</Modal.Header>
          <Modal.Body>
            <Field>
              <Field.Label>{t('compose.linkText')}</Field.Label>
              <Input value={linkText} onChange={(event) => setLinkText(event.target.value)} />
            </Field>
            <Field style={{ marginTop: 16 }}>
              <Field.Label>{t('compose.linkUrl')}</Field.Label>
              <Input
                type="url"
                value={linkUrl}
                onChange={(event) => setLinkUrl(event.target.value)}
                validation={linkError ? 'error' : undefined}
              />
              {linkError && <Field.Message validation="error">{linkError}</Field.Message>}
            </Field>
          </Modal.Body>
          <Modal.Footer>
            <Modal.FooterItem>
              <Button isBasic onClick={() => setLinkOpen(false)}>
                {t('common.cancel')}
              </Button>
            </Modal.FooterItem>
            <Modal.FooterItem>
              <Button isPrimary onClick={addLink}>
                {t('compose.linkAdd')}
              </Button>
            </Modal.FooterItem>
          </Modal.Footer>
          <Modal.Close aria-label={t('common.close')} />
        </Modal>
      )}
    </Field>
  );
}
