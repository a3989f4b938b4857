/**
 * The channel's rules: served from localStorage at once (so the next page works without waiting for the
 * network), then revalidated with the ETag. Anything malformed is dropped, never thrown.
 */
import { COMPILED_VERSION, isRecord } from '@proactive/dsl/evaluator';
import type { ApiClient } from './api.ts';
import type { ChannelRules, WidgetMessage } from '@proactive/contract/widget';
import { readJson, removeItem, writeJson } from './storage.ts';

interface CachedRules {
  etag: string | null;
  rules: ChannelRules;
}

const cacheKey = (channelId: string) => `proactive:rules:${channelId}`;

function isUsableMessage(value: unknown): value is WidgetMessage {
  if (!isRecord(value) || typeof value.id !== 'string' || typeof value.greeting !== 'string') return false;
  const rule = value.rule;
  const response = value.response;
  if (!isRecord(rule) || rule.v !== COMPILED_VERSION || !isRecord(rule.event) || !isRecord(rule.when))
    return false;
  if (!isRecord(response)) return false;
  if (response.type === 'agent') return Array.isArray(response.customer_details);
  return response.type === 'bot' && isRecord(response.bot) && isRecord(response.answer);
}

/**
 * Keeps what the widget can use from a rules payload: `null` when it is not a rules payload at all;
 * messages the widget cannot understand (unknown compiled version, missing fields) are left out.
 *
 * @example sanitizeRules(JSON.parse(body))?.messages.length
 */
export function sanitizeRules(body: unknown): ChannelRules | null {
  if (!isRecord(body) || !Array.isArray(body.messages)) return null;
  return {
    ...(body as unknown as ChannelRules),
    brand: isRecord(body.brand) ? (body.brand as ChannelRules['brand']) : { id: '', name: '' },
    messages: body.messages.filter(isUsableMessage),
    schedules: isRecord(body.schedules) ? (body.schedules as ChannelRules['schedules']) : {},
  };
}

/**
 * The rules cached by the previous page, if any.
 *
 * @example cachedRules('demo')?.messages
 */
export function cachedRules(channelId: string): ChannelRules | null {
  const cached = readJson<CachedRules>('local', cacheKey(channelId));
  return cached ? sanitizeRules(cached.rules) : null;
}

/**
 * Asks the server for fresh rules (conditional on the cached ETag). Resolves to the new rules when they
 * changed, `'unchanged'` when the cache is current or the server could not be reached, and `'gone'` when
 * the channel does not exist (the cache is then cleared).
 *
 * @example const fresh = await refreshRules(api, 'demo');
 */
export async function refreshRules(
  api: ApiClient,
  channelId: string,
): Promise<ChannelRules | 'unchanged' | 'gone'> {
  const cached = readJson<CachedRules>('local', cacheKey(channelId));
  const etag = cached && sanitizeRules(cached.rules) ? cached.etag : null;
  const response = await api.fetchRules(channelId, etag);
  if (!response) return 'unchanged';
  if (response.status === 404) {
    removeItem('local', cacheKey(channelId));
    return 'gone';
  }
  if (response.status !== 200) return 'unchanged';
  const rules = sanitizeRules(response.body);
  if (!rules) return 'unchanged';
  const tag = response.etag ?? (rules.version ? `"${rules.version}"` : null);
  writeJson('local', cacheKey(channelId), { etag: tag, rules } satisfies CachedRules);
  return rules;
}
