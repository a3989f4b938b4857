/**
 * The dialog that asks before something that cannot be undone (deleting, leaving with unsaved changes):
 * a danger title, what will happen, a way back and the action in danger colours.
 */
import type { ReactNode } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Modal } from '@zendeskgarden/react-modals';
import { t } from '../i18n.ts';

export interface ConfirmDialogProps {
  title: string;
  /** What confirming does. */
  body: ReactNode;
  cancelLabel: string;
  confirmLabel: string;
  /** Closes the dialog without acting (also on Escape, the close button and outside clicks). */
  onCancel: () => void;
  onConfirm: () => void;
}

/**
 * A confirmation dialog.
 *
 * @example <ConfirmDialog title="Delete message?" body="..." cancelLabel="Cancel" confirmLabel="Delete" onCancel={close} onConfirm={remove} />
 */
export function ConfirmDialog({
  title,
  body,
  cancelLabel,
  confirmLabel,
  onCancel,
  onConfirm,
}: ConfirmDialogProps) {
  return (
    <Modal onClose={onCancel} aria-label={title}>
      <Modal.Header tag="h2" isDanger>
        {title}
      </Modal.Header>
      <Modal.Body>{body}</Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button isPrimary isDanger onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}
