/**
 * The visitor and their visits. A visitor is this browser (an id in localStorage; clearing storage makes
 * a new visitor). A visit ends after 30 minutes without activity or when the browser session ends: the
 * visit record lives in localStorage (shared by tabs) and is bound to a session cookie, with
 * sessionStorage as the fallback when cookies are blocked.
 */
import { randomId, readJson, writeJson } from './storage.ts';

/** A visit ends after this long without activity. */
export const VISIT_TIMEOUT_MS = 30 * 60 * 1000;

const VISITOR_KEY = 'proactive:visitor';
const VISIT_KEY = 'proactive:visit';
const SESSION_COOKIE = 'proactive_session';

interface VisitorRecord {
  id: string;
  /** The id of the visitor's first visit: while it lasts, the visitor is a new user. */
  first_visit: string;
  /** Visits so far, this one included (absent in records written before it was counted: 1). */
  visits?: number;
}

interface VisitRecord {
  id: string;
  /** Epoch ms of the last activity. */
  last: number;
  /** Messages opened or dismissed during this visit (for `once_per_visit`). */
  done: string[];
  /** Epoch ms the visit started (for `for M:SS on_site`); absent in older records. */
  start?: number;
  /** Pages seen in this visit. */
  pages?: number;
  /** The query of the visit's landing page (`?utm_source=…`), where its UTM parameters are read. */
  landing?: string;
}

export interface Visit {
  visitorId: string;
  visitId: string;
  history: 'new_user' | 'returning_user';
  /** Pages seen in this visit, the current one included. */
  pages: number;
  /** Visits so far, this one included. */
  visits: number;
  /** The query of the visit's landing page (`?utm_source=…`; empty or absent when it had none). */
  landing?: string;
}

function readSessionMarker(): string | null {
  try {
    const match = document.cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`));
    if (match?.[1]) return decodeURIComponent(match[1]);
  } catch {
    // Cookies unavailable.
  }
  return readJson<string>('session', VISIT_KEY);
}

function writeSessionMarker(visitId: string): void {
  try {
    document.cookie = `${SESSION_COOKIE}=${encodeURIComponent(visitId)}; path=/; SameSite=Lax`;
  } catch {
    // Cookies unavailable: sessionStorage below still bounds the visit to this tab's session.
  }
  writeJson('session', VISIT_KEY, visitId);
}

function currentVisitRecord(now: number): VisitRecord {
  const stored = readJson<VisitRecord>('local', VISIT_KEY);
  const marker = readSessionMarker();
  if (
    stored &&
    typeof stored.id === 'string' &&
    stored.id === marker &&
    typeof stored.last === 'number' &&
    now - stored.last < VISIT_TIMEOUT_MS &&
    Array.isArray(stored.done)
  ) {
    return stored;
  }
  const fresh: VisitRecord = {
    id: randomId(),
    last: now,
    done: [],
    start: now,
    pages: 0,
    landing: location.search,
  };
  writeJson('local', VISIT_KEY, fresh);
  writeSessionMarker(fresh.id);
  const visitor = readJson<VisitorRecord>('local', VISITOR_KEY);
  if (visitor) writeJson('local', VISITOR_KEY, { ...visitor, visits: (visitor.visits ?? 1) + 1 });
  return fresh;
}

/**
 * The current visit, starting a new one (and a new visitor) when needed, and recording activity now;
 * `newPage` counts a page seen (a page load or a single-page-app navigation).
 *
 * @example touchVisit(Date.now(), true).pages // 1 on the landing page
 */
export function touchVisit(now: number, newPage?: boolean): Visit {
  const visit = currentVisitRecord(now);
  visit.last = now;
  if (newPage) visit.pages = (visit.pages ?? 0) + 1;
  writeJson('local', VISIT_KEY, visit);
  let visitor = readJson<VisitorRecord>('local', VISITOR_KEY);
  if (!visitor || typeof visitor.id !== 'string' || typeof visitor.first_visit !== 'string') {
    visitor = { id: randomId(), first_visit: visit.id, visits: 1 };
    writeJson('local', VISITOR_KEY, visitor);
  }
  return {
    visitorId: visitor.id,
    visitId: visit.id,
    history: visitor.first_visit === visit.id ? 'new_user' : 'returning_user',
    pages: visit.pages || 1,
    visits: visitor.visits ?? 1,
    landing: visit.landing,
  };
}

/**
 * When the current visit started (epoch ms), without recording activity; now when there is none.
 *
 * @example Date.now() - visitStart(Date.now()) // the visit's length so far
 */
export function visitStart(now: number): number {
  const visit = readJson<VisitRecord>('local', VISIT_KEY);
  return visit?.id === readSessionMarker() && typeof visit.start === 'number' ? visit.start : now;
}

/**
 * Whether a message was opened or dismissed during the current visit.
 *
 * @example isDoneThisVisit('msg_1', Date.now())
 */
export function isDoneThisVisit(messageId: string, now: number): boolean {
  return currentVisitRecord(now).done.includes(messageId);
}

/**
 * Records that a message was opened or dismissed during the current visit.
 *
 * @example markDoneThisVisit('msg_1', Date.now())
 */
export function markDoneThisVisit(messageId: string, now: number): void {
  const visit = currentVisitRecord(now);
  if (!visit.done.includes(messageId)) visit.done.push(messageId);
  visit.last = now;
  writeJson('local', VISIT_KEY, visit);
}
