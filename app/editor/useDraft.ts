/**
 * The editor's draft in React: one store per form (draft-store.ts), and the slices of it that the parts
 * of the form subscribe to, each part re-rendering only when its slice changes.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { Message } from '@proactive/contract/admin';
import { createDraftStore, type DraftSnapshot, type DraftStore } from './draft-store.ts';

/**
 * The draft store of `message`, created once for the component's life.
 *
 * @example const store = useDraft(message); store.edit((d) => ({ ...d, name: 'New' }));
 */
export function useDraft(message: Message): DraftStore {
  const [store] = useState(() => createDraftStore(message));
  return store;
}

/**
 * A slice of the draft, re-rendering the component when it changes: when it is no longer `equal` to the
 * previous one (by default the same value). Pass a `select` and an `equal` defined outside the component.
 *
 * @example const name = useDraftSlice(store, (snapshot) => snapshot.draft.name);
 */
export function useDraftSlice<Slice>(
  store: DraftStore,
  select: (snapshot: DraftSnapshot) => Slice,
  equal: (before: Slice, after: Slice) => boolean = Object.is,
): Slice {
  const read = useMemo(() => sliceReader(store, select, equal), [store, select, equal]);
  return useSyncExternalStore(store.subscribe, read);
}

/** Reads the slice of the store's snapshot, as the same object while the snapshot is or the slice stays equal. */
function sliceReader<Slice>(
  store: DraftStore,
  select: (snapshot: DraftSnapshot) => Slice,
  equal: (before: Slice, after: Slice) => boolean,
): () => Slice {
  let last: { snapshot: DraftSnapshot; slice: Slice } | null = null;
  return () => {
    const snapshot = store.snapshot();
    if (last?.snapshot === snapshot) return last.slice;
    const slice = select(snapshot);
    last = { snapshot, slice: last && equal(last.slice, slice) ? last.slice : slice };
    return last.slice;
  };
}
