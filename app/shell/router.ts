/**
 * A tiny hash router: the app lives in one iframe (Zendesk) or one page (`/admin/`), so routes are
 * `#/messages`, `#/messages/new`, `#/messages/:id`, `#/messages/:id/analytics`, `#/conversations[/:id]`, `#/settings/attributes`.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'messages' }
  | { page: 'create' }
  | { page: 'editor'; id: string }
  | { page: 'analytics'; id: string }
  | { page: 'conversations'; id?: string }
  | { page: 'attributes' };

/**
 * The route of a location hash.
 *
 * @example parseRoute('#/messages/m1/analytics') // { page: 'analytics', id: 'm1' }
 */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (first === 'messages' && second === 'new') return { page: 'create' };
  if (first === 'messages' && second && third === 'analytics') return { page: 'analytics', id: second };
  if (first === 'messages' && second) return { page: 'editor', id: second };
  if (first === 'settings' && second === 'attributes') return { page: 'attributes' };
  if (first === 'conversations')
    return second ? { page: 'conversations', id: second } : { page: 'conversations' };
  return { page: 'messages' };
}

/**
 * The hash of a route.
 *
 * @example routeHash({ page: 'editor', id: 'm1' }) // '#/messages/m1'
 */
export function routeHash(route: Route): string {
  switch (route.page) {
    case 'messages':
      return '#/messages';
    case 'create':
      return '#/messages/new';
    case 'editor':
      return `#/messages/${encodeURIComponent(route.id)}`;
    case 'analytics':
      return `#/messages/${encodeURIComponent(route.id)}/analytics`;
    case 'conversations':
      return route.id ? `#/conversations/${encodeURIComponent(route.id)}` : '#/conversations';
    case 'attributes':
      return '#/settings/attributes';
  }
}

/**
 * Decides whether in-app navigation may go on now (true), or holds it (false): a held navigation goes on
 * when the guard calls `proceed` (e.g. from a "Leave without saving" dialog).
 */
type Guard = (proceed: () => void) => boolean;
let leaveGuard: Guard | null = null;

/**
 * Installs a check run before in-app navigation (the unsaved-changes guard); returns a remover.
 *
 * @example const remove = setLeaveGuard((proceed) => { askToLeave(proceed); return false; });
 */
export function setLeaveGuard(guard: Guard | null): () => void {
  leaveGuard = guard;
  return () => {
    if (leaveGuard === guard) leaveGuard = null;
  };
}

/**
 * Navigates to a route unless the leave guard holds it; returns whether it navigated now.
 *
 * @example navigate({ page: 'messages' })
 */
export function navigate(route: Route, options: { force?: boolean } = {}): boolean {
  if (!options.force && leaveGuard && !leaveGuard(() => navigate(route, { force: true }))) return false;
  const hash = routeHash(route);
  if (window.location.hash !== hash) window.location.hash = hash;
  return true;
}

/**
 * The current route, updated on hash changes.
 *
 * @example const route = useRoute();
 */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
