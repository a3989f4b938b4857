/**
 * Conversations (tickets) created from proactive messages, as the admin API shows them.
 */
import { z } from 'zod';
import { timestamps } from './common.ts';
import { conversationMessage } from './widget.ts';

export const conversation = z
  .object({
    id: z.string(),
    channel_id: z.string(),
    message_id: z.string().nullable(),
    visitor_id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    tags: z.array(z.string()).meta({ description: "The tags of the message's rule." }),
    status: z.enum(['open', 'solved']),
    ...timestamps,
  })
  .meta({ id: 'Conversation' });

/** A row of `GET /api/v1/conversations`, with the name of the message it came from. */
export const conversationListItem = conversation.extend({ message_name: z.string().nullable() });

/** `GET /api/v1/conversations/:id`: the conversation with its messages. */
export const conversationWithMessages = conversationListItem.extend({
  messages: z.array(conversationMessage),
});

export const agentReply = z.strictObject({ text: z.string().trim().min(1, 'must not be empty').max(10_000) });

export type Conversation = z.infer<typeof conversation>;
export type ConversationListItem = z.infer<typeof conversationListItem>;
export type ConversationWithMessages = z.infer<typeof conversationWithMessages>;
export type AgentReply = z.output<typeof agentReply>;
