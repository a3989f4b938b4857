/**
 * The public widget API (CORS for any origin): the channel's compiled rules from the in-memory snapshot,
 * interaction events, and the visitor's side of conversations (create, poll, send, SSE stream).
 */
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Bus } from '../domain/bus.ts';
import { newId, isPlausibleId } from '../domain/ids.ts';
import type { SnapshotCache } from '../domain/snapshot.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { rateLimit, type RateLimitOptions } from '../http/rate-limit.ts';
import * as schemas from '@proactive/contract/admin';
import { readJson } from '../http/validation.ts';
import type {
  Conversation,
  ConversationMessageRecord,
  Repository,
  StatsCounter,
} from '../storage/repository.ts';
import type { Rule } from '@proactive/dsl';

export interface WidgetRouteDeps {
  repository: Repository;
  bus: Bus;
  snapshots: SnapshotCache;
  rateLimits: { events: RateLimitOptions; conversations: RateLimitOptions };
  /** `Cache-Control` max-age of the rules payload, seconds. */
  rulesMaxAge?: number;
}

const counters: Record<string, StatsCounter> = {
  shown: 'shown',
  opened: 'opened',
  dismissed: 'dismissed',
  replied: 'replied',
};

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * `GET /widget/v1/channels/:channel_id/rules`: the channel's pre-serialised snapshot with its precomputed
 * strong ETag; `If-None-Match` -> 304. No query, no hashing, no middleware on the way: it sets its own
 * CORS and cache headers.
 *
 * @example app.get('/widget/v1/channels/:channel_id/rules', rulesHandler(snapshots, 30))
 */
export function rulesHandler(snapshots: SnapshotCache, maxAge: number) {
  const cacheControl = `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 10}, stale-if-error=86400`;
  return async (c: Context) => {
    const channelId = c.req.param('channel_id') ?? '';
    const snapshot = isPlausibleId(channelId) ? await snapshots.get(channelId) : null;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Access-Control-Expose-Headers', 'ETag');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    if (!snapshot) throw notFound('channel', channelId.slice(0, 100));
    c.header('ETag', snapshot.etag);
    c.header('Cache-Control', cacheControl);
    if (etagMatches(c.req.header('if-none-match'), snapshot.etag)) return c.body(null, 304);
    c.header('Content-Type', 'application/json; charset=utf-8');
    return c.body(snapshot.body as Uint8Array<ArrayBuffer>, 200);
  };
}

/**
 * The widget routes, mounted at `/widget/v1` (the rules route is {@link rulesHandler}).
 *
 * @example app.route('/widget/v1', widgetRoutes({ repository, bus, snapshots, rateLimits }))
 */
export function widgetRoutes(deps: WidgetRouteDeps) {
  const { repository, bus, snapshots } = deps;
  const app = new Hono();

  app.post('/events', rateLimit(deps.rateLimits.events), async (c) => {
    const input = await readJson(c, schemas.widgetEvents);
    const events = 'events' in input ? input.events : [input];
    const day = new Date().toISOString().slice(0, 10);
    const accepted: { message_id: string; day: string; counter: StatsCounter }[] = [];
    for (const event of events) {
      const snapshot = await snapshots.get(event.channel_id);
      // Only messages this channel actually serves are counted; the rest is noise (old cache, forged).
      if (snapshot?.messageIds.has(event.message_id)) {
        accepted.push({ message_id: event.message_id, day, counter: counters[event.type] as StatsCounter });
      }
    }
    if (accepted.length > 0) await repository.stats.record(accepted);
    return c.json({ accepted: accepted.length, ignored: events.length - accepted.length }, 202);
  });

  app.post('/conversations', rateLimit(deps.rateLimits.conversations), async (c) => {
    const input = await readJson(c, schemas.startConversation);
    const [channel, message] = await Promise.all([
      repository.channels.get(input.channel_id),
      repository.messages.get(input.message_id),
    ]);
    if (!channel) throw new HttpError(404, 'not_found', `No channel with id "${input.channel_id}".`);
    if (!message || message.channel_id !== channel.id) {
      throw new HttpError(
        404,
        'not_found',
        `No proactive message "${input.message_id}" on channel "${channel.id}".`,
      );
    }
    const now = new Date();
    const at = (offset: number) => new Date(now.getTime() + offset).toISOString();
    const conversation: Conversation = {
      id: newId('conv'),
      channel_id: channel.id,
      message_id: message.id,
      visitor_id: input.visitor_id,
      name: input.name || null,
      email: input.email || null,
      tags: (message.rule as Rule | null)?.tags ?? [],
      status: 'open',
      created_at: at(0),
      updated_at: at(0),
    };
    await repository.conversations.insert(conversation);
    const opening: ConversationMessageRecord[] = [];
    const add = (author: ConversationMessageRecord['author'], text: string) => {
      if (text.trim() !== '')
        opening.push({
          id: newId('cm'),
          conversation_id: conversation.id,
          author,
          text,
          created_at: new Date().toISOString(),
        });
    };
    add('system', message.greeting);
    if (message.response.type === 'agent') add('system', message.response.follow_up);
    add('visitor', input.text);
    for (const entry of opening) await repository.conversationMessages.add(entry);
    return c.json({ conversation_id: conversation.id, tags: conversation.tags, messages: opening }, 201);
  });

  const loadConversation = async (c: Context) => {
    const id = c.req.param('id') ?? '';
    const conversation = isPlausibleId(id) ? await repository.conversations.get(id) : null;
    if (!conversation) throw notFound('conversation', id.slice(0, 100));
    return conversation;
  };

  app.get('/conversations/:id/messages', async (c) => {
    const conversation = await loadConversation(c);
    const after = c.req.query('after');
    if (after !== undefined && !isPlausibleId(after))
      throw new HttpError(400, 'invalid_request', '"after" must be a message id.');
    c.header('Cache-Control', 'no-store');
    return c.json({
      conversation_id: conversation.id,
      messages: await repository.conversationMessages.list(conversation.id, after),
    });
  });

  app.post('/conversations/:id/messages', rateLimit(deps.rateLimits.conversations), async (c) => {
    const conversation = await loadConversation(c);
    const input = await readJson(c, schemas.visitorMessage);
    if (input.visitor_id !== conversation.visitor_id) {
      throw new HttpError(403, 'forbidden', 'This conversation belongs to another visitor.');
    }
    const now = new Date().toISOString();
    const message: ConversationMessageRecord = {
      id: newId('cm'),
      conversation_id: conversation.id,
      author: 'visitor',
      text: input.text,
      created_at: now,
    };
    await repository.conversationMessages.add(message);
    await repository.conversations.update(conversation.id, { updated_at: now });
    return c.json(message, 201);
  });

  app.get('/conversations/:id/stream', async (c) => {
    const conversation = await loadConversation(c);
    let last = c.req.header('last-event-id') ?? c.req.query('after') ?? '';
    if (last !== '' && !isPlausibleId(last)) last = '';
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe((event) => {
        if (event.type === 'conversation_message' && event.conversation_id === conversation.id) wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        wake?.();
      });
      try {
        while (!stream.aborted && !stream.closed) {
          const fresh = await repository.conversationMessages.list(conversation.id, last || undefined);
          for (const message of fresh) {
            await stream.writeSSE({ id: message.id, event: 'message', data: JSON.stringify(message) });
            last = message.id;
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(resolve, 15_000);
            wake = () => {
              clearTimeout(timer);
              resolve();
            };
          });
          wake = null;
          await stream.writeSSE({ event: 'ping', data: '' }).catch(() => undefined);
        }
      } finally {
        unsubscribe();
      }
    });
  });

  return app;
}
