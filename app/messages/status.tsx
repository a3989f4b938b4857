/**
 * The status tag of a message (Live, Draft, Paused, Contains errors), coloured as Zendesk does.
 */
import { Tag } from '@zendeskgarden/react-tags';
import type { MessageStatus } from '@proactive/contract/admin';
import { t } from '../i18n.ts';

const hues: Record<MessageStatus, string> = {
  live: 'successHue',
  draft: 'grey',
  paused: 'warningHue',
  contains_errors: 'dangerHue',
};

/**
 * A Garden tag for a status.
 *
 * @example <StatusTag status="live" />
 */
export function StatusTag({ status }: { status: MessageStatus }) {
  return (
    <Tag hue={hues[status]} size="small" data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}
