/**
 * The account setup a message builds on: brands, schedules (business hours), channels (web widgets), bots
 * and their answers. Request bodies are strict (an unknown field is a 400, so a typo never silently does
 * nothing); responses are what the server stores.
 */
import { z } from 'zod';
import { scheduleSchema } from '@proactive/dsl';
import { id, instant, name, text, timestamps } from './common.ts';

export const brandCreate = z.strictObject({ name });
export const brandPatch = z.strictObject({ name: name.optional() });
export const brand = z.object({ id: z.string(), name: z.string(), ...timestamps }).meta({ id: 'Brand' });

/**
 * A schedule is the rule language's own schedule (`scheduleSchema`, what the evaluator's context takes)
 * plus a name, so the API cannot store hours the evaluator would refuse.
 */
export const scheduleCreate = scheduleSchema.extend({
  name,
  intervals: scheduleSchema.shape.intervals.max(100),
  holidays: scheduleSchema.shape.holidays.unwrap().max(400).default([]),
});
export const schedulePatch = scheduleCreate.partial();
export const schedule = scheduleCreate
  .extend({ id: z.string(), created_at: instant, updated_at: instant })
  .meta({ id: 'Schedule' });

export const channelCreate = z.strictObject({
  id: id.regex(/^[A-Za-z0-9_-]+$/).optional(),
  brand_id: id,
  name,
  schedule_id: id.nullable().default(null),
});
export const channelPatch = z.strictObject({ name: name.optional(), schedule_id: id.nullable().optional() });
export const channel = z
  .object({
    id: z.string(),
    brand_id: z.string(),
    name: z.string(),
    schedule_id: z.string().nullable().meta({ description: "The channel's business hours, or null." }),
    ...timestamps,
  })
  .meta({ id: 'Channel' });
export const channelsQuery = z.object({ brand_id: z.string().optional() });

export const botCreate = z.strictObject({
  brand_id: id,
  name,
  channel_ids: z.array(id).max(100).default([]),
});
export const botPatch = z.strictObject({
  name: name.optional(),
  channel_ids: z.array(id).max(100).optional(),
});
export const bot = z
  .object({
    id: z.string(),
    brand_id: z.string(),
    name: z.string(),
    channel_ids: z.array(z.string()).meta({ description: 'The channels the bot is published to.' }),
    ...timestamps,
  })
  .meta({ id: 'Bot' });
export const botsQuery = z.object({ channel_id: z.string().optional() });

export const answerCreate = z.strictObject({ title: name, body: text(10_000) });
export const answerPatch = answerCreate.partial();
export const answer = z
  .object({ id: z.string(), bot_id: z.string(), title: z.string(), body: z.string(), ...timestamps })
  .meta({ id: 'BotAnswer' });

export type Brand = z.infer<typeof brand>;
export type BrandCreate = z.output<typeof brandCreate>;
export type BrandPatch = z.output<typeof brandPatch>;
export type Schedule = z.infer<typeof schedule>;
export type ScheduleCreate = z.output<typeof scheduleCreate>;
export type SchedulePatch = z.output<typeof schedulePatch>;
export type Channel = z.infer<typeof channel>;
export type ChannelCreate = z.output<typeof channelCreate>;
export type ChannelPatch = z.output<typeof channelPatch>;
export type Bot = z.infer<typeof bot>;
export type BotCreate = z.output<typeof botCreate>;
export type BotPatch = z.output<typeof botPatch>;
export type BotAnswer = z.infer<typeof answer>;
export type AnswerCreate = z.output<typeof answerCreate>;
export type AnswerPatch = z.output<typeof answerPatch>;
