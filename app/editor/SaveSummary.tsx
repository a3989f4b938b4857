/**
 * Garden's Save pattern summary: what keeps the message from saving or publishing (the draft's problems,
 * or the server's answer), in an alert that takes focus so it is announced and seen.
 */
import { forwardRef } from 'react';
import { Alert } from '@zendeskgarden/react-notifications';
import { t } from '../i18n.ts';
import type { DraftError } from './draft.ts';

/** A problem the server reported, with its title (save failed, publish failed, ...). */
export interface ServerProblem {
  title: string;
  lines: string[];
}

export interface SaveSummaryProps {
  errors: DraftError[];
  serverProblem: ServerProblem | null;
}

/**
 * The summary; renders nothing without problems.
 *
 * @example <SaveSummary ref={summary} errors={errors} serverProblem={null} />
 */
export const SaveSummary = forwardRef<HTMLDivElement, SaveSummaryProps>(function SaveSummary(
  { errors, serverProblem },
  ref,
) {
  if (errors.length === 0 && !serverProblem) return null;
  return (
    <div ref={ref} tabIndex={-1} data-testid="save-summary">
      <Alert type="error" role="alert">
        <Alert.Title>
          {serverProblem?.title ?? t('editor.summaryTitle', { count: errors.length })}
        </Alert.Title>
        <ul style={{ margin: 0, paddingLeft: 16 }}>
          {errors.map((error) => (
            <li key={error.field + error.messageKey}>{t(error.messageKey)}</li>
          ))}
          {serverProblem?.lines.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      </Alert>
    </div>
  );
});
