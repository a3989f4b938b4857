/**
 * The message configuration page, following the article: Compose messages -> Set the rules -> Choose
 * when to send -> Publish, with a live bubble preview beside the form (EditorForm).
 *
 * Saving follows Garden's Save pattern: problems are shown inline and in a summary alert at the top, and
 * leaving with unsaved changes asks first. Saves send `If-Match: <version>`; when someone else saved in
 * the meantime the server answers 412 and the admin chooses to reload theirs or compare — never a silent
 * overwrite.
 */
import { Alert } from '@zendeskgarden/react-notifications';
import { t } from '../i18n.ts';
import { Loading } from '../shell/Loading.tsx';
import { EditorForm } from './EditorForm.tsx';
import { useEditorData } from './queries.ts';

/**
 * The editor page for one message.
 *
 * @example <MessageEditor id="m1" />
 */
export default function MessageEditor({ id }: { id: string }) {
  const loaded = useEditorData(id);
  if (loaded.error)
    return (
      <Alert type="error">
        <Alert.Title>{t('editor.loadFailed')}</Alert.Title>
        {loaded.error.message}
      </Alert>
    );
  if (!loaded.data) return <Loading />;
  // A new version (after "Reload their version") is a fresh form.
  return (
    <EditorForm key={loaded.data.message.version} {...loaded.data} onReload={() => void loaded.refetch()} />
  );
}
