/**
 * The add / edit dialog of a visitor attribute: key, label and type. The key is checked as the server
 * checks it (the contract's `attributeKey`) while typing; the server's refusals (a key taken in this
 * brand...) show under the field they concern.
 */
import { useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Modal } from '@zendeskgarden/react-modals';
import { Alert } from '@zendeskgarden/react-notifications';
import { attributeKey, type Attribute, type AttributeType } from '@proactive/contract/admin';
import { ApiError } from '../api/client.ts';
import { t } from '../i18n.ts';
import { SelectField } from '../shell/SelectField.tsx';

export const attributeTypes: readonly AttributeType[] = ['text', 'number', 'boolean'];

export interface AttributeDraft {
  key: string;
  label: string;
  type: AttributeType;
}

type FieldName = keyof AttributeDraft;

/**
 * Which field a server refusal concerns, and what to say there; null for refusals of the whole form.
 *
 * @example fieldError(new ApiError(409, 'duplicate_name', 'taken', { field: 'key' })) // { field: 'key', message: 'taken' }
 */
export function fieldError(error: unknown): { field: FieldName; message: string } | null {
  if (!(error instanceof ApiError) || !error.details || typeof error.details !== 'object') return null;
  const details = error.details as { field?: unknown; issues?: { path?: unknown; message?: unknown }[] };
  const issue = details.issues?.[0];
  const field = typeof details.field === 'string' ? details.field : issue?.path;
  if (field !== 'key' && field !== 'label' && field !== 'type') return null;
  const message = typeof issue?.message === 'string' && !details.field ? issue.message : error.message;
  return { field, message };
}

/**
 * The key's problem as the server would word it, or null when the key is fine.
 *
 * @example keyProblem('has space') // 'must start with a letter and hold only letters, digits, …'
 */
export function keyProblem(key: string): string | null {
  const result = attributeKey.safeParse(key);
  return result.success ? null : (result.error.issues[0]?.message ?? null);
}

export interface AttributeFormProps {
  /** The declaration edited, or null to add one. */
  editing: Attribute | null;
  onSave: (draft: AttributeDraft) => Promise<void>;
  onClose: () => void;
}

/**
 * The dialog.
 *
 * @example <AttributeForm editing={null} onSave={save} onClose={close} />
 */
export function AttributeForm({ editing, onSave, onClose }: AttributeFormProps) {
  const [draft, setDraft] = useState<AttributeDraft>(() => ({
    key: editing?.key ?? '',
    label: editing && editing.label !== editing.key ? editing.label : '',
    type: editing?.type ?? 'text',
  }));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<unknown>(null);
  const keyError = touched ? keyProblem(draft.key) : null;
  const serverField = fieldError(refusal);
  const errorOf = (field: FieldName) =>
    field === 'key' && keyError ? keyError : serverField?.field === field ? serverField.message : null;

  async function submit() {
    setTouched(true);
    if (keyProblem(draft.key)) return;
    setSaving(true);
    setRefusal(null);
    try {
      await onSave(draft);
    } catch (error) {
      setRefusal(error);
      setSaving(false);
    }
  }

  const title = editing ? t('attributes.editTitle') : t('attributes.addTitle');
  return (
    <Modal onClose={onClose} aria-label={title}>
      <Modal.Header tag="h2">{title}</Modal.Header>
      <Modal.Body>
        <form
          id="attribute-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          style={{ display: 'flex', flexDirection: 'column', gap: 16 }}
        >
          {refusal !== null && !serverField && (
            <Alert type="error" role="alert">
              <Alert.Title>{t('attributes.failed')}</Alert.Title>
              {refusal instanceof Error ? refusal.message : String(refusal)}
            </Alert>
          )}
          <Field>
            <Field.Label>{t('attributes.key')}</Field.Label>
            <Field.Hint>{t('attributes.keyHint')}</Field.Hint>
            <Input
              name="key"
              value={draft.key}
              autoComplete="off"
              spellCheck={false}
              validation={errorOf('key') ? 'error' : undefined}
              onChange={(event) => setDraft({ ...draft, key: event.target.value })}
              onBlur={() => setTouched(true)}
            />
            {errorOf('key') && <Field.Message validation="error">{errorOf('key')}</Field.Message>}
          </Field>
          <Field>
            <Field.Label>{t('attributes.label')}</Field.Label>
            <Field.Hint>{t('attributes.labelHint')}</Field.Hint>
            <Input
              name="label"
              value={draft.label}
              placeholder={draft.key}
              validation={errorOf('label') ? 'error' : undefined}
              onChange={(event) => setDraft({ ...draft, label: event.target.value })}
            />
            {errorOf('label') && <Field.Message validation="error">{errorOf('label')}</Field.Message>}
          </Field>
          <SelectField
            label={t('attributes.typeLabel')}
            hint={t('attributes.typeHint')}
            value={draft.type}
            options={attributeTypes.map((type) => ({ value: type, label: t(`attributes.type.${type}`) }))}
            onChange={(type) => setDraft({ ...draft, type: type as AttributeType })}
            error={errorOf('type')}
            name="type"
          />
        </form>
      </Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary type="submit" form="attribute-form" disabled={saving}>
            {t('attributes.save')}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}
