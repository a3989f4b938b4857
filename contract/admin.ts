/**
 * The admin API's request and response schemas (zod), one per JSON shape, and their types (`z.infer`).
 * The server validates with them, the OpenAPI document is generated from them, and the admin app's
 * typed client and types come from them. The widget API's shapes are in `./widget.ts`.
 */
export * from './common.ts';
export * from './setup.ts';
export * from './attributes.ts';
export * from './rule.ts';
export * from './messages.ts';
export * from './conversations.ts';
export * from './dsl.ts';
export type { ConversationMessage } from './widget.ts';
