/**
 * A Garden v9 Combobox used as a select (not editable): label, hint, options, validation message.
 */
import type { ReactNode } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectFieldProps {
  label: string;
  /** Visually hide the label (it stays for assistive tools). */
  hideLabel?: boolean;
  hint?: ReactNode;
  value: string | null;
  options: SelectOption[];
  onChange: (value: string) => void;
  placeholder?: string;
  error?: string | null;
  disabled?: boolean;
  compact?: boolean;
  /** `data-testid`-like hook for tests: put on the combobox wrapper. */
  name?: string;
}

/**
 * One dropdown field.
 *
 * @example <SelectField label="Brand" value={id} options={[{ value: 'b1', label: 'Acme' }]} onChange={setId} />
 */
export function SelectField({
  label,
  hideLabel,
  hint,
  value,
  options,
  onChange,
  placeholder,
  error,
  disabled,
  compact,
  name,
}: SelectFieldProps) {
  return (
    <Field>
      <Field.Label hidden={hideLabel}>{label}</Field.Label>
      {hint && <Field.Hint>{hint}</Field.Hint>}
      <Combobox
        isEditable={false}
        isCompact={compact}
        isDisabled={disabled}
        placeholder={placeholder}
        selectionValue={value}
        renderValue={() => options.find((option) => option.value === value)?.label ?? placeholder ?? ''}
        validation={error ? 'error' : undefined}
        data-field={name}
        onChange={(changes) => {
          if (changes.selectionValue !== undefined && typeof changes.selectionValue === 'string')
            onChange(changes.selectionValue);
        }}
      >
        {options.map((option) => (
          <Option key={option.value} value={option.value} label={option.label} isDisabled={option.disabled}>
            {option.label}
          </Option>
        ))}
      </Combobox>
      {error && <Field.Message validation="error">{error}</Field.Message>}
    </Field>
  );
}
