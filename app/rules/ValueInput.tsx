/**
 * The Value input of a condition row. The field's kind names a control (`valueControl`) and this file
 * maps each control to one component, as react-querybuilder picks a value editor per field type: text
 * chips (one value, or several = "at least one of"), a select of the field's symbols, a language picker.
 */
import { useState, type ReactElement } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';
import {
  catalog as builtinCatalog,
  type Catalog,
  type FieldEntry,
  type Value,
  type ValueControl,
} from '@proactive/dsl';
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
  /** The catalog the field belongs to (the built-in one by default). */
  catalog?: Catalog;
}

type ControlProps<Name extends ValueControl['control']> = Omit<ValueInputProps, 'field' | 'catalog'> & {
  control: Extract<ValueControl, { control: Name }>;
};

/** One component per control a kind may name. */
const controls: { [Name in ValueControl['control']]: (props: ControlProps<Name>) => ReactElement } = {
  chips: ({ value, onChange, invalid, describedBy }) => (
    <ChipInput
      label={t('rules.value')}
      placeholder={t('rules.valuePlaceholder')}
      values={valueStrings(value)}
      onChange={(values) => onChange(stringsToValue(values, value))}
      invalid={invalid}
      describedBy={describedBy}
    />
  ),
  select: ({ control, value, onChange, invalid }) => (
    <SelectField
      label={t('rules.value')}
      hideLabel
      compact
      value={value?.kind === 'symbol' ? value.name : null}
      placeholder={t('rules.choose')}
      options={control.options.map((symbol) => ({
        value: symbol.name,
        label: catalogText('values', symbol),
      }))}
      onChange={(name) => onChange({ kind: 'symbol', name })}
      error={invalid ? ' ' : null}
      name="value"
    />
  ),
  language: ({ control, value, onChange, invalid }) => (
    <LanguagePicker
      value={value}
      onChange={onChange}
      invalid={invalid}
      allowsList={control.allowsList}
      suggestions={control.suggestions}
    />
  ),
};

/**
 * The value input for one row: the component of the control the field's kind names (text chips until
 * a field is chosen).
 *
 * @example <ValueInput field={fieldByName('visitor.page_url')} value={value} onChange={setValue} />
 */
export function ValueInput({ field, catalog = builtinCatalog, ...props }: ValueInputProps) {
  const control: ValueControl = field
    ? catalog.kindOf(field).valueControl(field)
    : { control: 'chips', allowsList: true };
  const Control = controls[control.control] as (props: ControlProps<typeof control.control>) => ReactElement;
  return <Control {...props} control={control} />;
}

function LanguagePicker({
  value,
  onChange,
  invalid,
  allowsList,
  suggestions,
}: {
  value: Value | null;
  onChange: (value: Value) => void;
  invalid?: boolean;
  allowsList: boolean;
  suggestions: readonly string[];
}) {
  const chosen = valueStrings(value);
  const [input, setInput] = useState('');
  const options = languageOptions(chosen, suggestions).filter(
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
