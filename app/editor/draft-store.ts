/**
 * The editor's draft, held outside React so each part of the form subscribes to the slice it shows
 * (useDraft.ts): a rule edit or a switch between Visual and Text re-renders the rules, not the whole
 * form. Whether the draft has unsaved changes compares a fingerprint of it with the one of what was last
 * loaded or saved, so typing something and deleting it again is not a change.
 */
import type { Message } from '@proactive/contract/admin';
import { draftOf, fingerprint, type Draft } from './draft.ts';

/** The draft and whether it differs from what was last loaded or saved. */
export interface DraftSnapshot {
  draft: Draft;
  dirty: boolean;
}

export interface DraftStore {
  /** The draft now: the same object until the next edit or save. */
  snapshot(): DraftSnapshot;
  /** Applies an edit to the draft. */
  edit(change: (draft: Draft) => Draft): void;
  /** Takes the draft as it is now as saved (or as deliberately dropped). */
  markSaved(): void;
  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
}

/**
 * The draft store of a loaded message.
 *
 * @example const store = createDraftStore(message); store.edit((draft) => ({ ...draft, name: 'New' })); store.snapshot().dirty // true
 */
export function createDraftStore(message: Message): DraftStore {
  const loaded = draftOf(message);
  let baseline = fingerprint(loaded);
  let current: DraftSnapshot = { draft: loaded, dirty: false };
  const listeners = new Set<() => void>();
  const publish = (draft: Draft) => {
    current = { draft, dirty: fingerprint(draft) !== baseline };
    for (const listener of listeners) listener();
  };
  return {
    snapshot: () => current,
    edit: (change) => {
      const draft = change(current.draft);
      if (draft !== current.draft) publish(draft);
    },
    markSaved: () => {
      baseline = fingerprint(current.draft);
      if (current.dirty) publish(current.draft);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
