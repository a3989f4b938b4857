/**
 * The Value input of a condition row. The field's kind names a control (`valueControl`) and this file
 * maps each control to one component, as react-querybuilder picks a value editor per field type: text
 * chips (one value, or several = "at least one of"), a select of the field's symbols, a language picker,
 * a number, true / false, or (for facts the site types per key) a type picker with one of those.
 */
import { useState, type ReactElement } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';
import { Field as FormField, Input } from '@zendeskgarden/react-forms';
import {
  catalog as builtinCatalog,
  type Catalog,
  type FieldEntry,
  type Value,
  type ValueContext,
  type ValueControl,
} from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';
import { ChipInput } from '../shell/ChipInput.tsx';
import { SelectField } from '../shell/SelectField.tsx';
import { stringsToValue, typedDefault, valueStrings } from './builder-model.ts';
import { languageOptions } from './languages.ts';

export interface ValueInputProps {
  field: FieldEntry | undefined;
  value: Value | null;
  onChange: (value: Value) => void;
  invalid?: boolean;
  describedBy?: string;
  /** The catalog the field belongs to (the built-in one by default). */
  catalog?: Catalog;
  /** The row's key, for a keyed field, and its declaration when the site declares the field's keys. */
  context?: ValueContext;
}

type ControlProps<Name extends ValueControl['control']> = Omit<
  ValueInputProps,
  'field' | 'catalog' | 'context'
> & {
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
  number: (props) => <NumberInput {...props} />,
  boolean: ({ value, onChange, invalid }) => (
    <SelectField
      label={t('rules.value')}
      hideLabel
      compact
      value={value?.kind === 'boolean' ? String(value.value) : null}
      placeholder={t('rules.choose')}
      options={[
        { value: 'true', label: t('rules.true') },
        { value: 'false', label: t('rules.false') },
      ]}
      onChange={(name) => onChange({ kind: 'boolean', value: name === 'true' })}
      error={invalid ? ' ' : null}
      name="value"
    />
  ),
  typed: ({ control, value, onChange, invalid, describedBy }) => {
    const type = valueType(value);
    const Editor = controls[type === 'text' ? 'chips' : type] as (
      props: ControlProps<ValueControl['control']>,
    ) => ReactElement;
    const editorControl: ValueControl =
      type === 'text' ? { control: 'chips', allowsList: control.allowsList } : { control: type };
    return (
      <div style={{ display: 'flex', gap: 8 }}>
        <SelectField
          label={t('rules.valueType')}
          hideLabel
          compact
          value={type}
          options={(['text', 'number', 'boolean'] as const).map((name) => ({
            value: name,
            label: t(`rules.type.${name}`),
          }))}
          onChange={(name) => onChange(typedDefault(name as ValueType))}
          name="valueType"
        />
        <Editor
          control={editorControl}
          value={value}
          onChange={onChange}
          invalid={invalid}
          describedBy={describedBy}
        />
      </div>
    );
  },
};

type ValueType = 'text' | 'number' | 'boolean';

/**
 * Which editor a typed value is edited with: a number's, a boolean's, or text chips.
 *
 * @example valueType({ kind: 'number', value: 3 }) // 'number'
 */
export function valueType(value: Value | null): ValueType {
  return value?.kind === 'number' || value?.kind === 'boolean' ? value.kind : 'text';
}

/**
 * The number a number input's text stands for, or null while it stands for none (empty, `-`, `1e`).
 *
 * @example numberOf('12.5') // 12.5
 */
export function numberOf(text: string): number | null {
  return /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : null;
}

/** A number value; what does not read as a number yet is kept as typed and not sent. */
function NumberInput({ value, onChange, invalid, describedBy }: ControlProps<'number'>) {
  const current = value?.kind === 'number' ? value.value : null;
  const [text, setText] = useState(current === null ? '' : String(current));
  const shown = numberOf(text) === current ? text : current === null ? text : String(current);
  return (
    <FormField>
      <FormField.Label hidden>{t('rules.value')}</FormField.Label>
      <Input
        isCompact
        inputMode="decimal"
        value={shown}
        validation={invalid || numberOf(shown) === null ? 'error' : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          const number = numberOf(event.target.value);
          if (number !== null) onChange({ kind: 'number', value: number });
        }}
      />
    </FormField>
  );
}

/**
 * The value input for one row: the component of the control the field's kind names (text chips until
 * a field is chosen).
 *
 * @example <ValueInput field={fieldByName('visitor.page_url')} value={value} onChange={setValue} />
 */
export function ValueInput({ field, catalog = builtinCatalog, context, ...props }: ValueInputProps) {
  const control: ValueControl = field
    ? catalog.kindOf(field).valueControl(field, context)
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
