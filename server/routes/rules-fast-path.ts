/**
 * The fast path of `GET /widget/v1/channels/:channel_id/rules`, in front of the whole Hono app: when the
 * channel's snapshot is ready in memory, its prepared response goes out straight away (no routing, no
 * middleware, no header editing). Anything else (other routes, other methods, a snapshot being built or
 * patched, an unknown channel) returns null and takes the ordinary route (widget.ts), which answers the
 * same bytes and headers.
 */
import { isPlausibleId } from '../domain/ids.ts';
import type { SnapshotCache } from '../domain/snapshot.ts';
import type { RulesReply, RulesResponder } from '../http/rules-response.ts';

const prefix = '/widget/v1/channels/';

/**
 * The channel id of a rules path (`/widget/v1/channels/demo/rules`, query allowed), or null for any other
 * path and for ids the ordinary route would have to decode.
 *
 * @example rulesChannelOf('/widget/v1/channels/demo/rules?v=1') // 'demo'
 */
export function rulesChannelOf(path: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const slash = path.indexOf('/', prefix.length);
  if (slash < 0 || !path.startsWith('/rules', slash)) return null;
  const end = slash + '/rules'.length;
  if (end !== path.length && path.charCodeAt(end) !== 0x3f /* ? */) return null;
  const channelId = path.slice(prefix.length, slash);
  return isPlausibleId(channelId) ? channelId : null;
}

/** Answers a rules request from memory, or null when the ordinary route must. */
export type RulesFastPath = (
  method: string | undefined,
  path: string | undefined,
  acceptEncoding: string | null | undefined,
  ifNoneMatch: string | null | undefined,
) => RulesReply | null;

/**
 * The fast path over a snapshot cache and a responder.
 *
 * @example const serve = rulesFastPath(snapshots, responder); serve('GET', '/widget/v1/channels/demo/rules', 'gzip', null)
 */
export function rulesFastPath(snapshots: SnapshotCache, responder: RulesResponder): RulesFastPath {
  return (method, path, acceptEncoding, ifNoneMatch) => {
    if (method !== 'GET' || !path) return null;
    const channelId = rulesChannelOf(path);
    if (channelId === null) return null;
    const snapshot = snapshots.peek(channelId);
    return snapshot ? responder.reply(snapshot, acceptEncoding, ifNoneMatch) : null;
  };
}
