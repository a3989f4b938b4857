/**
 * The public widget API (CORS for any origin): the channel's compiled rules from the in-memory snapshot,
 * interaction events, and the visitor's side of conversations (create, poll, send, SSE stream).
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import {
  channelRules,
  conversationMessage,
  conversationMessages,
  conversationMessagesQuery,
  conversationStarted,
  eventsAccepted,
  startConversation,
  visitorMessage,
  widgetEvents,
} from '@proactive/contract/widget';
import type { Bus } from '../domain/bus.ts';
import type { ConversationService } from '../domain/conversations.ts';
import { notFound } from '../domain/errors.ts';
import { isPlausibleId } from '../domain/ids.ts';
import type { SnapshotCache } from '../domain/snapshot.ts';
import { HttpError } from '../http/errors.ts';
import { body, errors, json, openApiApp, route } from '../http/openapi.ts';
import { rulesCorsHeaders, type RulesResponder } from '../http/rules-response.ts';
import { spend } from '../http/rate-limit.ts';
import type { Limits } from '../limits/limiter.ts';
import type { Repository, StatsCounter } from '../storage/repository.ts';
import { streamSlots, type StreamLimits } from './stream-slots.ts';

export interface WidgetRouteDeps {
  repository: Repository;
  bus: Bus;
  snapshots: SnapshotCache;
  conversations: ConversationService;
  limits: Limits;
  /** Who the client is (see http/client-address.ts). */
  clientAddress: (c: Context) => string;
  streamLimits: StreamLimits;
}

const tags = ['Widget'];
const security: [] = [];
const conversationParam = z.object({ id: z.string() });

/** `GET /widget/v1/channels/{channel_id}/rules`, registered on the app itself (see app.ts). */
export const rulesRoute = route({
  method: 'get',
  path: '/widget/v1/channels/{channel_id}/rules',
  tags,
  security,
  summary:
    "The channel's live messages, compiled, in order. Brotli or gzip when accepted (Vary: Accept-Encoding); a strong ETag per coding; If-None-Match -> 304; CDN-cacheable.",
  request: { params: z.object({ channel_id: z.string() }) },
  responses: {
    200: json(channelRules, 'The channel rules.'),
    304: { description: 'Not modified (If-None-Match matched the ETag).' },
    ...errors(404, 503),
  },
});

const routes = {
  events: route({
    method: 'post',
    path: '/events',
    tags,
    security,
    summary: 'Interaction events, one or {events: [...]} (text/plain accepted for sendBeacon).',
    request: { body: body(widgetEvents) },
    responses: { 202: json(eventsAccepted, 'Counted.'), ...errors(400, 413, 415, 429, 503) },
  }),
  start: route({
    method: 'post',
    path: '/conversations',
    tags,
    security,
    summary: 'Hand the visitor to an agent: a conversation opened by the message.',
    request: { body: body(startConversation) },
    responses: { 201: json(conversationStarted, 'Started.'), ...errors(400, 404, 413, 415, 429, 503) },
  }),
  messages: route({
    method: 'get',
    path: '/conversations/{id}/messages',
    tags,
    security,
    summary: 'Poll messages; ?after=<message id> for the newer ones.',
    request: { params: conversationParam, query: conversationMessagesQuery },
    responses: { 200: json(conversationMessages, 'The messages.'), ...errors(400, 404, 503) },
  }),
  write: route({
    method: 'post',
    path: '/conversations/{id}/messages',
    tags,
    security,
    summary: 'The visitor writes again (403 for another visitor).',
    request: { params: conversationParam, body: body(visitorMessage) },
    responses: {
      201: json(conversationMessage, 'Written.'),
      ...errors(400, 403, 404, 413, 415, 429, 503),
    },
  }),
  stream: route({
    method: 'get',
    path: '/conversations/{id}/stream',
    tags,
    security,
    summary: 'Server-sent events: one "message" event per new message (Last-Event-ID or ?after= resumes).',
    request: { params: conversationParam, query: conversationMessagesQuery },
    responses: {
      200: {
        description: 'An event stream; each `message` event carries a ConversationMessage as JSON.',
        content: { 'text/event-stream': { schema: z.string() } },
      },
      ...errors(404, 429, 503),
    },
  }),
};

const counters: Record<string, StatsCounter> = {
  shown: 'shown',
  opened: 'opened',
  dismissed: 'dismissed',
  replied: 'replied',
};

/**
 * `GET /widget/v1/channels/:channel_id/rules`: the channel's snapshot's prepared response (see
 * http/rules-response.ts: precompressed bodies, strong ETags, every header computed once);
 * `If-None-Match` -> 304. The servers answer most of these requests before the app sees them
 * (rules-fast-path.ts); this route serves the rest the same way, after waiting for the snapshot.
 *
 * @example app.openapi(rulesRoute, rulesHandler(snapshots, new RulesResponder({ maxAge: 30 })))
 */
export function rulesHandler(snapshots: SnapshotCache, responder: RulesResponder) {
  return async (c: Context) => {
    const channelId = c.req.param('channel_id') ?? '';
    const snapshot = isPlausibleId(channelId) ? await snapshots.get(channelId) : null;
    if (!snapshot) {
      for (const [name, value] of Object.entries(rulesCorsHeaders)) c.header(name, value);
      throw notFound('channel', channelId.slice(0, 100));
    }
    const reply = responder.reply(snapshot, c.req.header('accept-encoding'), c.req.header('if-none-match'));
    return new Response(reply.body as Uint8Array<ArrayBuffer> | null, {
      status: reply.status,
      headers: reply.headers,
    });
  };
}

/**
 * Waits for the next bus event about one conversation, at most `ms`; never misses one that arrives
 * while the caller is busy between waits.
 */
function conversationSignal(bus: Bus, conversationId: string) {
  let pending = false;
  let wake: (() => void) | null = null;
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'conversation_message' || event.conversation_id !== conversationId) return;
    pending = true;
    wake?.();
  });
  return {
    wait(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = null;
          pending = false;
          resolve();
        }
        wake = done;
      });
    },
    /** Ends a wait now (the client went away). */
    interrupt: () => wake?.(),
    close: unsubscribe,
  };
}

/**
 * The widget routes, mounted at `/widget/v1` (the rules route is {@link rulesHandler}).
 *
 * @example app.route('/widget/v1', widgetRoutes({ repository, bus, snapshots, conversations, limits, clientAddress, streamLimits }))
 */
export function widgetRoutes(deps: WidgetRouteDeps) {
  const { repository, bus, snapshots, conversations, limits, clientAddress } = deps;
  const slots = streamSlots(deps.streamLimits);
  const conversation = async (id: string) => {
    if (!isPlausibleId(id)) throw notFound('conversation', id.slice(0, 100));
    return conversations.get(id);
  };
  const after = (value: string | undefined) => {
    if (value !== undefined && !isPlausibleId(value)) {
      throw new HttpError(400, 'invalid_request', '"after" must be a message id.');
    }
    return value;
  };
  /** A visitor's conversation budget first: a refused visitor does not spend its address's budget. */
  const conversationBudgets = async (c: Context, visitorId: string) => {
    await spend(c, limits.conversations_per_visitor, visitorId);
    await spend(c, limits.conversations_per_address, clientAddress(c));
  };

  return openApiApp()
    .openapi(routes.events, async (c) => {
      const input = c.req.valid('json');
      const events = 'events' in input ? input.events : [input];
      const day = new Date().toISOString().slice(0, 10);
      const accepted: { message_id: string; day: string; counter: StatsCounter }[] = [];
      const perVisitor = new Map<string, number>();
      for (const event of events) {
        const snapshot = await snapshots.get(event.channel_id);
        // Only messages this channel actually serves are counted; the rest is noise (old cache, forged),
        // and spends only the address's request budget, never the visitor's.
        if (snapshot?.messageIds.has(event.message_id)) {
          accepted.push({ message_id: event.message_id, day, counter: counters[event.type] as StatsCounter });
          perVisitor.set(event.visitor_id, (perVisitor.get(event.visitor_id) ?? 0) + 1);
        }
      }
      for (const [visitor, count] of perVisitor) await spend(c, limits.events_per_visitor, visitor, count);
      await spend(c, limits.events_per_address, clientAddress(c));
      if (accepted.length > 0) await repository.stats.record(accepted);
      return c.json({ accepted: accepted.length, ignored: events.length - accepted.length }, 202);
    })
    .openapi(routes.start, async (c) => {
      const input = c.req.valid('json');
      await conversationBudgets(c, input.visitor_id);
      return c.json(await conversations.start(input), 201);
    })
    .openapi(routes.messages, async (c) => {
      const found = await conversation(c.req.valid('param').id);
      const since = after(c.req.valid('query').after);
      c.header('Cache-Control', 'no-store');
      return c.json(
        { conversation_id: found.id, messages: await conversations.messages(found.id, since) },
        200,
      );
    })
    .openapi(routes.write, async (c) => {
      const input = c.req.valid('json');
      await conversationBudgets(c, input.visitor_id);
      const found = await conversation(c.req.valid('param').id);
      return c.json(await conversations.visitorWrites(found.id, input.visitor_id, input.text), 201);
    })
    .openapi(routes.stream, async (c) => {
      const found = await conversation(c.req.valid('param').id);
      let last = c.req.header('last-event-id') ?? c.req.valid('query').after ?? '';
      if (last !== '' && !isPlausibleId(last)) last = '';
      const slot = slots.open(found.id, clientAddress(c));
      return streamSSE(c, async (stream) => {
        const signal = conversationSignal(bus, found.id);
        stream.onAbort(() => {
          signal.close();
          signal.interrupt();
        });
        try {
          while (!stream.aborted && !stream.closed) {
            const fresh = await conversations.messages(found.id, last || undefined);
            for (const message of fresh) {
              await stream.writeSSE({ id: message.id, event: 'message', data: JSON.stringify(message) });
              last = message.id;
            }
            await signal.wait(15_000);
            await stream.writeSSE({ event: 'ping', data: '' }).catch(() => undefined);
          }
        } finally {
          signal.close();
          slot.release();
        }
      });
    });
}
