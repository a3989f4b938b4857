/**
 * Demo data for a fresh database (`npm start` seeds it unless PROACTIVE_DEMO=0): brand Acme, the web
 * widget channel `demo` with business hours (Mon-Fri 09:00-17:00 New York, holidays), a bot with answers,
 * and live messages that make every behaviour visible at any hour: the user's example rule during
 * business hours and its twin outside them, a bot-response message, and a language rule.
 */
import { createMessageService } from '../domain/messages/service.ts';
import type { MessageResponse, Repository } from '../storage/repository.ts';

/** The demo channel's id, stable so the demo pages can embed it. */
export const demoChannelId = 'demo';

interface DemoMessage {
  name: string;
  greeting: string;
  rules: string;
  response: MessageResponse | 'bot';
  status: 'live' | 'paused' | 'draft';
}

/**
 * Seeds the demo. Call only on an empty database.
 *
 * @example if (await repository.isEmpty()) await seedDemo(repository)
 */
export async function seedDemo(repository: Repository): Promise<void> {
  const now = new Date().toISOString();
  const stamp = { created_at: now, updated_at: now };
  await repository.brands.insert({ id: 'acme', name: 'Acme', ...stamp });
  await repository.schedules.insert({
    id: 'business-hours',
    name: 'Business hours',
    time_zone: 'America/New_York',
    intervals: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      open: '09:00',
      close: '17:00',
    })),
    holidays: [
      { name: 'Thanksgiving', date: '2026-11-26' },
      { name: 'Christmas Day', date: '2026-12-25' },
      { name: "New Year's Day", date: '2027-01-01' },
    ],
    ...stamp,
  });
  await repository.schedules.insert({
    id: 'emea-support',
    name: 'EMEA support',
    time_zone: 'Europe/Paris',
    intervals: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      open: '08:00',
      close: '18:00',
    })),
    holidays: [{ name: 'Noël', date: '2026-12-25' }],
    ...stamp,
  });
  await repository.channels.insert({
    id: demoChannelId,
    brand_id: 'acme',
    name: 'Acme website',
    schedule_id: 'business-hours',
    ...stamp,
  });
  await repository.bots.insert({
    id: 'acme-assistant',
    brand_id: 'acme',
    name: 'Acme Assistant',
    channel_ids: [demoChannelId],
    ...stamp,
  });
  const answers = [
    {
      id: 'answer-getting-started',
      title: 'Getting started',
      body: 'Our quick-start guide walks you through setup in five minutes: https://acme.test/docs/start. Want a person to help? Just ask.',
    },
    {
      id: 'answer-plans',
      title: 'Plans and pricing',
      body: 'Starter is free, Team is $12 per seat per month, Enterprise is custom. All plans include chat support.',
    },
    {
      id: 'answer-reset-password',
      title: 'Reset your password',
      body: 'Use "Forgot password" on the sign-in page; the link in the email is valid for one hour.',
    },
  ];
  for (const answer of answers)
    await repository.answers.insert({ ...answer, bot_id: 'acme-assistant', ...stamp });

  // Nothing serves widgets yet: there are no snapshots to tell of changes.
  const quiet = {
    channels: async () => undefined,
    message: async () => undefined,
    all: async () => undefined,
  };
  const service = createMessageService({ repository, changes: quiet });
  const messages: DemoMessage[] = [
    {
      name: 'Pricing help (business hours)',
      greeting: 'Hi {{first_name}} 👋 Comparing plans? One of our experts can help you pick the right one.',
      rules:
        'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit tag "pricing", "sales"',
      response: {
        type: 'agent',
        follow_up: 'Great! Let me connect you with our sales team.',
        customer_details: ['name', 'email'],
      },
      status: 'live',
    },
    {
      name: 'Pricing help (after hours)',
      greeting:
        'Hi {{first_name}} 👋 Questions about pricing? Our team is offline, but leave a message and we will reply by email.',
      rules:
        'when visitor.page_url contains "pricing" for 0:30 outside business_hours once_per_visit tag "pricing", "after_hours"',
      response: {
        type: 'agent',
        follow_up: 'Thanks! Tell us how to reach you and we will get back to you first thing.',
        customer_details: ['email'],
      },
      status: 'live',
    },
    {
      name: 'Docs: getting started',
      greeting: 'Need a hand getting started? 📚',
      rules: 'when visitor.page_url contains "/docs" anytime once_per_visit tag "docs"',
      response: 'bot',
      status: 'live',
    },
    {
      name: 'French visitors',
      greeting: 'Bonjour {{first_name}} ! 👋 Une question ? Notre équipe parle français.',
      rules:
        'when device.language is "fr" or visitor.page_url contains "/fr" for 0:05 anytime once_per_customer tag "french"',
      response: {
        type: 'agent',
        follow_up: 'Parfait ! Un conseiller francophone va vous répondre.',
        customer_details: ['name'],
      },
      status: 'live',
    },
    {
      name: 'Welcome back',
      greeting: 'Welcome back {{first_name}} 👋 Anything we can help you with today?',
      rules:
        'when visitor.visit_history is returning_user and not visitor.page_url contains ["pricing", "docs", "/fr", "spa"] for 0:03 anytime once_per_visit tag "returning"',
      response: { type: 'agent', follow_up: 'Sure! What can we do for you?', customer_details: [] },
      status: 'live',
    },
    {
      name: 'Checkout help',
      greeting: 'Stuck at checkout? We can help right now.',
      rules:
        'when visitor.page_url contains "checkout" for 1:00 during business_hours every_time tag "checkout"',
      response: { type: 'agent', follow_up: 'Connecting you with billing.', customer_details: [] },
      status: 'paused',
    },
    {
      name: 'Holiday sale (draft)',
      greeting: '🎄 Our holiday sale starts soon. Want early access?',
      rules:
        'when visitor.visit_history is returning_user and visitor.page_url contains ["pricing", "plans"] anytime once_per_customer tag "holiday_sale"',
      response: {
        type: 'agent',
        follow_up: 'Leave your email and we will send you the code.',
        customer_details: ['email'],
      },
      status: 'draft',
    },
  ];
  for (const demo of messages) {
    const created = await service.create({ name: demo.name, brand_id: 'acme', channel_id: demoChannelId });
    const response: MessageResponse =
      demo.response === 'bot'
        ? { type: 'bot', bot_id: 'acme-assistant', answer_id: 'answer-getting-started' }
        : demo.response;
    await service.update(created.id, created.version, {
      greeting: demo.greeting,
      rules: demo.rules,
      response,
    });
    if (demo.status === 'draft') continue;
    await service.publish(created.id);
    if (demo.status === 'paused') await service.pause(created.id);
  }
}
