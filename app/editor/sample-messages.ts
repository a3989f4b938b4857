/**
 * Stored messages for the editor's tests (as `GET /api/v1/messages/:id` returns them), so each test file
 * does not spell out every field of a message again.
 */
import type { Message } from '@proactive/contract/admin';

/**
 * A draft agent-response message with a full rule: a pricing page for 30 seconds, in business hours.
 *
 * @example draftOf(sampleMessage).name // 'Pricing'
 */
export const sampleMessage: Message = {
  id: 'm1',
  brand_id: 'b1',
  channel_id: 'c1',
  name: 'Pricing',
  greeting: 'Hi {{first_name}} 👋',
  response: { type: 'agent', follow_up: 'An agent will be with you.', customer_details: ['name', 'email'] },
  rules: 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit\n',
  rule: null,
  diagnostics: [],
  tags: [],
  time_of_day: { kind: 'during', schedule: null },
  frequency: 'once_per_visit',
  timing: { kind: 'on_page', minutes: 0, seconds: 30 },
  status: 'draft',
  order: 0,
  version: 3,
  sent: 0,
  opened: 0,
  dismissed: 0,
  replied: 0,
  created_at: '2026-11-27T09:00:00Z',
  updated_at: '2026-11-27T10:00:00Z',
};

/**
 * The same message with a one-condition rule checked on page load, at any time.
 *
 * @example plainRuleMessage.rules // 'when visitor.page_url contains "pricing"'
 */
export const plainRuleMessage: Message = {
  ...sampleMessage,
  greeting: 'Hi',
  response: { type: 'agent', follow_up: 'An agent will be with you.', customer_details: ['name'] },
  rules: 'when visitor.page_url contains "pricing"',
  time_of_day: { kind: 'anytime' },
  timing: { kind: 'page_load' },
  created_at: '2026-11-27T10:00:00.000Z',
  updated_at: '2026-11-27T10:00:00.000Z',
};
