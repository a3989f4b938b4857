/**
 * The editor's draft and whether it has unsaved changes: a fingerprint of what was last loaded or saved
 * is the baseline, so typing something and deleting it again is not a change.
 */
import { useCallback, useState } from 'react';
import type { Message } from '@proactive/contract/admin';
import { draftOf, fingerprint, type Draft } from './draft.ts';

export interface DraftState {
  draft: Draft;
  /** Applies an edit to the draft. */
  edit: (change: (draft: Draft) => Draft) => void;
  dirty: boolean;
  /** Takes the draft as it is now as saved (or as deliberately dropped). */
  markSaved: () => void;
}

/**
 * The draft of `message`.
 *
 * @example const { draft, edit, dirty } = useDraft(message); edit((d) => ({ ...d, name: 'New' }));
 */
export function useDraft(message: Message): DraftState {
  const [state, setState] = useState(() => {
    const draft = draftOf(message);
    return { draft, baseline: fingerprint(draft) };
  });
  const edit = useCallback(
    (change: (draft: Draft) => Draft) =>
      setState((current) => ({ ...current, draft: change(current.draft) })),
    [],
  );
  const markSaved = useCallback(
    () => setState((current) => ({ ...current, baseline: fingerprint(current.draft) })),
    [],
  );
  return { draft: state.draft, edit, dirty: fingerprint(state.draft) !== state.baseline, markSaved };
}
