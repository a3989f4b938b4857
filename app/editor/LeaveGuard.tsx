/**
 * The unsaved-changes guard: while the draft is dirty, leaving the page (in-app navigation) waits for the
 * admin's answer in a Garden dialog, and closing the tab asks the browser's question.
 */
import { useEffect, useState } from 'react';
import { t } from '../i18n.ts';
import { setLeaveGuard } from '../shell/router.ts';
import { ConfirmDialog } from '../shell/ConfirmDialog.tsx';

/**
 * The guard, armed while `dirty`; render what it returns.
 *
 * @example return <>{form}<LeaveGuard dirty={dirty} /></>
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  /** A navigation held by the guard, waiting for the admin's answer. */
  const [pending, setPending] = useState<(() => void) | null>(null);
  useEffect(() => {
    if (!dirty) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', beforeUnload);
    const removeGuard = setLeaveGuard((proceed) => {
      setPending(() => proceed);
      return false;
    });
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      removeGuard();
    };
  }, [dirty]);
  if (!pending) return null;
  return (
    <ConfirmDialog
      title={t('editor.leaveTitle')}
      body={t('editor.leaveConfirm')}
      cancelLabel={t('editor.stay')}
      confirmLabel={t('editor.leave')}
      onCancel={() => setPending(null)}
      onConfirm={() => {
        setPending(null);
        pending();
      }}
    />
  );
}
