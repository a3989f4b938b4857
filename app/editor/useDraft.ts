/**
 * The editor's draft in React: one store per form (draft-store.ts), and the slices of it that the parts
 * of the form subscribe to, each part re-rendering only when its slice changes.
 */
import { useEffect, useState } from 'react';
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
  const [slice, setSlice] = useState(() => select(store.snapshot()));
  // A change arrives as a state update, not through useSyncExternalStore, whose updates render at once:
  // widgets that report changes from their effects (Garden's combobox) need edits scheduled as before.
  useEffect(() => {
    const update = () =>
      setSlice((previous) => {
        const next = select(store.snapshot());
        return equal(previous, next) ? previous : next;
      });
    update();
    return store.subscribe(update);
  }, [store, select, equal]);
  return slice;
}
