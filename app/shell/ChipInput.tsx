/**
 * A multi-value text input: each value is a Garden tag (chip) with an X; typing and pressing Enter (or a
 * comma, or leaving the field) adds the typed value; Backspace in the empty input removes the last one.
 */
import { useState, type KeyboardEvent } from 'react';
import styled from 'styled-components';
import { FauxInput } from '@zendeskgarden/react-forms';
import { Tag } from '@zendeskgarden/react-tags';
import { t } from '../i18n.ts';

const Wrap = styled(FauxInput)`
  display: flex;
  flex-wrap: wrap;
  gap: 4px;
  align-items: center;
  min-height: 40px;
  cursor: text;
`;

const Bare = styled.input`
  flex: 1 1 120px;
  min-width: 80px;
  border: none;
  outline: none;
  font: inherit;
  background: transparent;
  color: inherit;
`;

export interface ChipInputProps {
  values: string[];
  onChange: (values: string[]) => void;
  /** The accessible name of the text box. */
  label: string;
  placeholder?: string;
  /** Splits typed text into values (e.g. on whitespace for tags); default: the whole text. */
  split?: (text: string) => string[];
  /** Normalises a value (e.g. lower-case tags). */
  normalise?: (value: string) => string;
  invalid?: boolean;
  /** Read-only chips and no text box input (e.g. while the rule text cannot be read). */
  disabled?: boolean;
  id?: string;
  describedBy?: string;
}

/**
 * The chip input.
 *
 * @example <ChipInput label="Value" values={['pricing']} onChange={setValues} />
 */
export function ChipInput({
  values,
  onChange,
  label,
  placeholder,
  split = (text) => [text],
  normalise = (value) => value,
  invalid,
  disabled,
  id,
  describedBy,
}: ChipInputProps) {
  const [draft, setDraft] = useState('');

  function commit(text: string) {
    const added = split(text)
      .map((value) => normalise(value.trim()))
      .filter((value) => value !== '' && !values.includes(value));
    if (added.length > 0) onChange([...values, ...added]);
    setDraft('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit(draft);
    } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  }

  return (
    <Wrap validation={invalid ? 'error' : undefined} data-chip-input="">
      {values.map((value, index) => (
        <Tag key={`${value}-${index}`} size="large">
          <span>{value}</span>
          {!disabled && (
            <Tag.Close
              aria-label={t('chips.remove', { value })}
              onClick={() => onChange(values.filter((_, other) => other !== index))}
            />
          )}
        </Tag>
      ))}
      <Bare
        id={id}
        aria-label={label}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        disabled={disabled}
        value={draft}
        placeholder={values.length === 0 ? placeholder : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit(draft)}
      />
    </Wrap>
  );
}
