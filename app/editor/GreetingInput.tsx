/**
 * "Proactive message": the greeting text, with an emoji picker and a link inserter. Links are written as
 * `[text](https://...)`, which the widget renders as a safe link; `{{first_name}}` is filled in when the
 * visitor's name is known.
 */
import { useRef, useState } from 'react';
import styled from 'styled-components';
import { Button, IconButton } from '@zendeskgarden/react-buttons';
import { Menu, Item } from '@zendeskgarden/react-dropdowns';
import { Field, Input, Textarea } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { t } from '../i18n.ts';
import { EmojiIcon, LinkIcon } from '../shell/icons.tsx';

const Toolbar = styled.div`
  display: flex;
  gap: 4px;
  margin-top: 4px;
`;

/** A small set of emoji admins use in greetings. */
export const emojiChoices = [
  '👋',
  '😊',
  '🙂',
  '🎉',
  '🚀',
  '💡',
  '❤️',
  '👍',
  '🙌',
  '✨',
  '💬',
  '📦',
  '💳',
  '⏰',
  '🎁',
  '🔥',
];

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

  function insert(text: string) {
    const element = area.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + text + value.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + text.length, start + text.length);
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
    insert(`[${text.replace(/[[\]]/g, '')}](${url.href})`);
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
        <Menu
          button={(props) => (
            <IconButton {...props} size="small" aria-label={t('compose.emoji')}>
              <EmojiIcon />
            </IconButton>
          )}
          onChange={(change) => change.value && insert(change.value)}
          maxHeight="240px"
        >
          {emojiChoices.map((emoji) => (
            <Item key={emoji} value={emoji} label={emoji}>
              {emoji}
            </Item>
          ))}
        </Menu>
        <IconButton size="small" aria-label={t('compose.link')} onClick={openLink}>
          <LinkIcon />
        </IconButton>
        <Button size="small" isBasic onClick={() => insert('{{first_name}}')}>
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
