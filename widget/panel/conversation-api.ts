/**
 * The conversation half of the widget API (loaded with the panel): hand over to an agent, send the
 * visitor's messages, fetch agent replies. Every call resolves (never rejects).
 */
import type { ConversationMessage, StartConversation } from '@proactive/contract/widget';

export interface ConversationApi {
  /** The new conversation's id and the messages the server recorded for it; null on failure. */
  startConversation(body: StartConversation): Promise<{ id: string; messages: ConversationMessage[] } | null>;
  sendVisitorMessage(conversationId: string, visitorId: string, text: string): Promise<boolean>;
  fetchMessages(conversationId: string, after: string | null): Promise<ConversationMessage[] | null>;
}

function isMessage(value: unknown): value is ConversationMessage {
  const item = value as ConversationMessage | null;
  return (
    typeof item === 'object' &&
    item !== null &&
    typeof item.id === 'string' &&
    typeof item.text === 'string' &&
    typeof item.author === 'string'
  );
}

/**
 * A conversation API client for the widget's API origin.
 *
 * @example await createConversationApi('https://help.example.com').fetchMessages('c1', null)
 */
export function createConversationApi(origin: string): ConversationApi {
  const request = async (
    path: string,
    init: RequestInit,
  ): Promise<{ status: number; body: unknown } | null> => {
    try {
      const response = await fetch(origin + path, { credentials: 'omit', ...init });
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        body = undefined;
      }
      return { status: response.status, body };
    } catch {
      return null;
    }
  };
  const post = (path: string, body: unknown) =>
    request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const conversationPath = (id: string) => `/widget/v1/conversations/${encodeURIComponent(id)}/messages`;

  return {
    async startConversation(body) {
      const result = await post('/widget/v1/conversations', body);
      const reply = result?.body as { conversation_id?: unknown; messages?: unknown } | undefined;
      if (!result || result.status !== 201 || typeof reply?.conversation_id !== 'string') return null;
      const messages = Array.isArray(reply.messages) ? reply.messages.filter(isMessage) : [];
      return { id: reply.conversation_id, messages };
    },
    async sendVisitorMessage(conversationId, visitorId, text) {
      const result = await post(conversationPath(conversationId), { visitor_id: visitorId, text });
      return !!result && result.status >= 200 && result.status < 300;
    },
    async fetchMessages(conversationId, after) {
      const query = after ? `?after=${encodeURIComponent(after)}` : '';
      const result = await request(conversationPath(conversationId) + query, { method: 'GET' });
      if (!result || result.status !== 200) return null;
      const body = result.body;
      const list = Array.isArray(body) ? body : (body as { messages?: unknown } | undefined)?.messages;
      return Array.isArray(list) ? list.filter(isMessage) : null;
    },
  };
}
