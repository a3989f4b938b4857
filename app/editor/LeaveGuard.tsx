/**
 * The unsaved-changes guard: while the draft is dirty, leaving the page (in-app navigation) waits for the
 * admin's answer in a Garden dialog, and closing the tab asks the browser's question.
 */
import { useEffect, useState } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Modal } from '@zendeskgarden/react-modals';
import { t } from '../i18n.ts';
import { setLeaveGuard } from '../shell/router.ts';

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
    <Modal onClose={() => setPending(null)} aria-label={t('editor.leaveTitle')}>
      <Modal.Header tag="h2" isDanger>
        {t('editor.leaveTitle')}
      </Modal.Header>
      <Modal.Body>{t('editor.leaveConfirm')}</Modal.Body>
      <Modal.Footer>
        <Modal.FooterItem>
          <Button isBasic onClick={() => setPending(null)}>
            {t('editor.stay')}
          </Button>
        </Modal.FooterItem>
        <Modal.FooterItem>
          <Button
            isPrimary
            isDanger
            onClick={() => {
              setPending(null);
              pending();
            }}
          >
            {t('editor.leave')}
          </Button>
        </Modal.FooterItem>
      </Modal.Footer>
      <Modal.Close aria-label={t('common.close')} />
    </Modal>
  );
}
