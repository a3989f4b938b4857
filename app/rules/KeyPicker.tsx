/**
 * The key of a keyed field's condition row (`plan` of `visitor.attributes["plan"]`): free text, and when
 * the site declares the field's keys (Settings › Visitor attributes), an editable combobox offering them
 * with their label and type. A key not offered may still be typed: the picker is then marked as a warning,
 * as the rule check warns.
 */
import { useState } from 'react';
import { Combobox, Field, Option } from '@zendeskgarden/react-dropdowns';
import { Field as FormField, Input } from '@zendeskgarden/react-forms';
import type { AttributeDeclaration } from '@proactive/dsl';
import { t } from '../i18n.ts';

export interface KeyPickerProps {
  /** What a key names, for the label: `attribute`. */
  what: string;
  value: string;
  onChange: (key: string) => void;
  placeholder: string;
  invalid?: boolean;
  /** The declared keys to offer; free text only when absent or empty. */
  declarations?: readonly AttributeDeclaration[];
}

/**
 * The declarations whose key or label contains the typed text (all of them for an empty text).
 *
 * @example matchingDeclarations([{ key: 'plan', type: 'text', label: 'Plan' }], 'PL').length // 1
 */
export function matchingDeclarations(
  declarations: readonly AttributeDeclaration[],
  text: string,
): AttributeDeclaration[] {
  const wanted = text.trim().toLowerCase();
  return declarations.filter(
    (declaration) =>
      !wanted ||
      declaration.key.toLowerCase().includes(wanted) ||
      (declaration.label ?? '').toLowerCase().includes(wanted),
  );
}

/**
 * The key control.
 *
 * @example <KeyPicker what="attribute" value="plan" onChange={setKey} placeholder="plan" declarations={declared} />
 */
export function KeyPicker({ what, value, onChange, placeholder, invalid, declarations }: KeyPickerProps) {
  const [filter, setFilter] = useState<string | null>(null);
  const label = t('rules.fieldKey', { what });
  if (!declarations || declarations.length === 0)
    return (
      <FormField>
        <FormField.Label hidden>{label}</FormField.Label>
        <Input
          isCompact
          name="key"
          value={value}
          placeholder={placeholder}
          validation={invalid ? 'error' : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      </FormField>
    );
  const offered = matchingDeclarations(declarations, filter ?? '');
  // A typed key the site does not declare: allowed, marked as the rule check's warning is.
  const undeclared = value.trim() !== '' && !declarations.some((declaration) => declaration.key === value);
  return (
    <Field>
      <Field.Label hidden>{label}</Field.Label>
      <Combobox
        isCompact
        isAutocomplete
        inputValue={value}
        selectionValue={declarations.some((declaration) => declaration.key === value) ? value : null}
        placeholder={placeholder}
        validation={invalid ? 'error' : undeclared ? 'warning' : undefined}
        data-field="key"
        data-undeclared={undeclared || undefined}
        inputProps={{ name: 'key' }}
        listboxAriaLabel={t('rules.declaredKeys')}
        onChange={(changes) => {
          if (typeof changes.selectionValue === 'string') {
            setFilter(null);
            onChange(changes.selectionValue);
          } else if (changes.inputValue !== undefined) {
            setFilter(changes.inputValue);
            onChange(changes.inputValue);
          }
        }}
      >
        {offered.length === 0 ? (
          <Option isDisabled value="" label={t('rules.undeclaredKey', { key: value })} />
        ) : (
          offered.map((declaration) => (
            <Option key={declaration.key} value={declaration.key} label={declaration.key}>
              {t('rules.declaredKey', {
                key: declaration.key,
                label: declaration.label ?? declaration.key,
                type: t(`rules.type.${declaration.type}`),
              })}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}
