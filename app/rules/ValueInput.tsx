/**
 * The Value input of a condition row, chosen by the field's match kind in the catalog: text chips for
 * page URL and title (one value, or several = "at least one of"), New user / Returning user for visit
 * history, a language picker for the device language.
 */
import { useState } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';
import type { Value } from '@proactive/dsl';
import type { FieldEntry } from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';
import { ChipInput } from '../shell/ChipInput.tsx';
import { SelectField } from '../shell/SelectField.tsx';
import { stringsToValue, valueStrings } from './builder-model.ts';
import { languageOptions } from './languages.ts';

export interface ValueInputProps {
  field: FieldEntry | undefined;
  value: Value | null;
  onChange: (value: Value) => void;
  invalid?: boolean;
  describedBy?: string;
}

/**
 * The value input for one row.
 *
 * @example <ValueInput field={fieldByName('visitor.page_url')} value={value} onChange={setValue} />
 */
export function ValueInput({ field, value, onChange, invalid, describedBy }: ValueInputProps) {
  if (field?.match === 'symbol') {
    return (
      <SelectField
        label={t('rules.value')}
        hideLabel
        compact
        value={value?.kind === 'symbol' ? value.name : null}
        placeholder={t('rules.choose')}
        options={(field.symbols ?? []).map((symbol) => ({
          value: symbol.name,
          label: catalogText('values', symbol),
        }))}
        onChange={(name) => onChange({ kind: 'symbol', name })}
        error={invalid ? ' ' : null}
        name="value"
      />
    );
  }
  if (field?.match === 'language') {
    return (
      <LanguagePicker value={value} onChange={onChange} invalid={invalid} allowsList={field.allowsList} />
    );
  }
  return (
    <ChipInput
      label={t('rules.value')}
      placeholder={t('rules.valuePlaceholder')}
      values={valueStrings(value)}
      onChange={(values) => onChange(stringsToValue(values, value))}
      invalid={invalid}
      describedBy={describedBy}
    />
  );
}

function LanguagePicker({
  value,
  onChange,
  invalid,
  allowsList,
}: {
  value: Value | null;
  onChange: (value: Value) => void;
  invalid?: boolean;
  allowsList: boolean;
}) {
  const chosen = valueStrings(value);
  const [input, setInput] = useState('');
  const options = languageOptions(chosen).filter(
    (option) => !input || option.label.toLowerCase().includes(input.toLowerCase()),
  );
  return (
    <Field>
      <Field.Label hidden>{t('rules.language')}</Field.Label>
      <Combobox
        isCompact
        isAutocomplete
        isMultiselectable={allowsList}
        inputValue={input}
        selectionValue={allowsList ? chosen : (chosen[0] ?? null)}
        placeholder={t('rules.languagePlaceholder')}
        validation={invalid ? 'error' : undefined}
        data-field="language"
        maxTags={4}
        onChange={(changes) => {
          if (changes.inputValue !== undefined) setInput(changes.inputValue);
          if (changes.selectionValue === undefined) return;
          const selected = Array.isArray(changes.selectionValue)
            ? changes.selectionValue
            : changes.selectionValue
              ? [changes.selectionValue]
              : [];
          onChange(stringsToValue(selected, value));
          setInput('');
        }}
      >
        {options.length === 0 ? (
          <Option isDisabled value="" label={t('rules.noLanguage')} />
        ) : (
          options.map((option) => <Option key={option.value} value={option.value} label={option.label} />)
        )}
      </Combobox>
    </Field>
  );
}
