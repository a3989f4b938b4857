/**
 * Admin routes for the account setup a message builds on: brands, schedules (business hours), channels
 * (web widgets), bots and their answers. Changes that alter what widgets see invalidate snapshots.
 */
import { Hono } from 'hono';
import type { Bus } from '../../domain/bus.ts';
import { newId } from '../../domain/ids.ts';
import { HttpError, notFound } from '../../http/errors.ts';
import * as schemas from '@proactive/contract/admin';
import { readJson } from '../../http/validation.ts';
import type { Rule } from '@proactive/dsl';
import type { Repository } from '../../storage/repository.ts';
import { pathId, stamp } from './crud.ts';

export interface SetupRouteDeps {
  repository: Repository;
  bus: Bus;
  /** Local invalidation; the bus tells the other servers. */
  invalidate: (channelIds: string[] | 'all') => void;
}

/** Names of the messages whose rule names the schedule (`during business_hours "Name"`). */
async function messagesNamingSchedule(repository: Repository, scheduleName: string): Promise<string[]> {
  const messages = await repository.messages.list();
  return messages
    .filter((message) => {
      const timeOfDay = (message.rule as Rule | null)?.timeOfDay;
      return timeOfDay !== undefined && timeOfDay.kind !== 'anytime' && timeOfDay.schedule === scheduleName;
    })
    .map((message) => `"${message.name}"`);
}

function inUse(what: string, by: string): HttpError {
  return new HttpError(409, 'in_use', `This ${what} is still used by ${by}; change or delete those first.`);
}

/**
 * `/api/v1/brands|schedules|channels|bots` and `/api/v1/bots/:id/answers`.
 *
 * @example app.route('/api/v1', setupRoutes({ repository, bus, invalidate }))
 */
export function setupRoutes({ repository, bus, invalidate }: SetupRouteDeps) {
  const changed = async (channelIds: string[] | 'all') => {
    invalidate(channelIds);
    await bus
      .publish(
        channelIds === 'all'
          ? { type: 'all_changed' }
          : { type: 'channels_changed', channel_ids: channelIds },
      )
      .catch((error: unknown) => console.error('could not notify other servers', error));
  };
  const app = new Hono();

  app.get('/brands', async (c) => c.json(await repository.brands.list()));
  app.post('/brands', async (c) => {
    const input = await readJson(c, schemas.brandCreate);
    const now = stamp();
    return c.json(
      await repository.brands.insert({
        id: newId('brand'),
        name: input.name,
        created_at: now,
        updated_at: now,
      }),
      201,
    );
  });
  app.get('/brands/:id', async (c) => {
    const id = pathId(c, 'id', 'brand');
    const brand = await repository.brands.get(id);
    if (!brand) throw notFound('brand', id);
    return c.json(brand);
  });
  app.patch('/brands/:id', async (c) => {
    const id = pathId(c, 'id', 'brand');
    const input = await readJson(c, schemas.brandPatch);
    const updated = await repository.brands.update(id, { ...input, updated_at: stamp() });
    if (!updated) throw notFound('brand', id);
    await changed('all');
    return c.json(updated);
  });
  app.delete('/brands/:id', async (c) => {
    const id = pathId(c, 'id', 'brand');
    if ((await repository.channels.list({ brand_id: id })).length > 0) throw inUse('brand', 'channels');
    if (!(await repository.brands.delete(id))) throw notFound('brand', id);
    return c.body(null, 204);
  });

  app.get('/schedules', async (c) => c.json(await repository.schedules.list()));
  app.post('/schedules', async (c) => {
    const input = await readJson(c, schemas.scheduleCreate);
    if ((await repository.schedules.list({ name: input.name })).length > 0) {
      throw new HttpError(
        409,
        'duplicate_name',
        `A schedule named "${input.name}" already exists; rules refer to schedules by name.`,
      );
    }
    const now = stamp();
    return c.json(
      await repository.schedules.insert({ id: newId('sched'), ...input, created_at: now, updated_at: now }),
      201,
    );
  });
  app.get('/schedules/:id', async (c) => {
    const id = pathId(c, 'id', 'schedule');
    const schedule = await repository.schedules.get(id);
    if (!schedule) throw notFound('schedule', id);
    return c.json(schedule);
  });
  app.patch('/schedules/:id', async (c) => {
    const id = pathId(c, 'id', 'schedule');
    const input = await readJson(c, schemas.schedulePatch);
    if (input.name !== undefined) {
      const clash = (await repository.schedules.list({ name: input.name })).find(
        (schedule) => schedule.id !== id,
      );
      if (clash)
        throw new HttpError(409, 'duplicate_name', `A schedule named "${input.name}" already exists.`);
    }
    const current = await repository.schedules.get(id);
    if (!current) throw notFound('schedule', id);
    if (input.name !== undefined && input.name !== current.name) {
      const naming = await messagesNamingSchedule(repository, current.name);
      if (naming.length > 0) throw inUse('schedule name', `the rules of messages ${naming.join(', ')}`);
    }
    const updated = await repository.schedules.update(id, { ...input, updated_at: stamp() });
    if (!updated) throw notFound('schedule', id);
    await changed('all');
    return c.json(updated);
  });
  app.delete('/schedules/:id', async (c) => {
    const id = pathId(c, 'id', 'schedule');
    if ((await repository.channels.list({ schedule_id: id })).length > 0)
      throw inUse('schedule', 'channels as their business hours');
    const schedule = await repository.schedules.get(id);
    if (!schedule) throw notFound('schedule', id);
    const naming = await messagesNamingSchedule(repository, schedule.name);
    if (naming.length > 0) throw inUse('schedule', `the rules of messages ${naming.join(', ')}`);
    if (!(await repository.schedules.delete(id))) throw notFound('schedule', id);
    await changed('all');
    return c.body(null, 204);
  });

  app.get('/channels', async (c) => {
    const brandId = c.req.query('brand_id');
    return c.json(await repository.channels.list(brandId ? { brand_id: brandId } : {}));
  });
  app.post('/channels', async (c) => {
    const input = await readJson(c, schemas.channelCreate);
    if (!(await repository.brands.get(input.brand_id))) {
      throw new HttpError(422, 'invalid_reference', `No brand with id "${input.brand_id}".`, {
        field: 'brand_id',
      });
    }
    if (input.schedule_id && !(await repository.schedules.get(input.schedule_id))) {
      throw new HttpError(422, 'invalid_reference', `No schedule with id "${input.schedule_id}".`, {
        field: 'schedule_id',
      });
    }
    const id = input.id ?? newId('chan');
    if (await repository.channels.get(id))
      throw new HttpError(409, 'duplicate_id', `A channel with id "${id}" already exists.`);
    const now = stamp();
    const channel = await repository.channels.insert({
      id,
      brand_id: input.brand_id,
      name: input.name,
      schedule_id: input.schedule_id,
      created_at: now,
      updated_at: now,
    });
    await changed([id]);
    return c.json(channel, 201);
  });
  app.get('/channels/:id', async (c) => {
    const id = pathId(c, 'id', 'channel');
    const channel = await repository.channels.get(id);
    if (!channel) throw notFound('channel', id);
    return c.json(channel);
  });
  app.patch('/channels/:id', async (c) => {
    const id = pathId(c, 'id', 'channel');
    const input = await readJson(c, schemas.channelPatch);
    if (input.schedule_id && !(await repository.schedules.get(input.schedule_id))) {
      throw new HttpError(422, 'invalid_reference', `No schedule with id "${input.schedule_id}".`, {
        field: 'schedule_id',
      });
    }
    const updated = await repository.channels.update(id, { ...input, updated_at: stamp() });
    if (!updated) throw notFound('channel', id);
    await changed([id]);
    return c.json(updated);
  });
  app.delete('/channels/:id', async (c) => {
    const id = pathId(c, 'id', 'channel');
    if ((await repository.messages.list({ channel_id: id })).length > 0)
      throw inUse('channel', 'proactive messages');
    if (!(await repository.channels.delete(id))) throw notFound('channel', id);
    await changed([id]);
    return c.body(null, 204);
  });

  const checkChannels = async (brandId: string, channelIds: string[]) => {
    for (const channelId of channelIds) {
      const channel = await repository.channels.get(channelId);
      if (!channel || channel.brand_id !== brandId) {
        throw new HttpError(422, 'invalid_reference', `No channel "${channelId}" in the bot's brand.`, {
          field: 'channel_ids',
        });
      }
    }
  };
  app.get('/bots', async (c) => {
    const channelId = c.req.query('channel_id');
    const bots = await repository.bots.list();
    return c.json(channelId ? bots.filter((bot) => bot.channel_ids.includes(channelId)) : bots);
  });
  app.post('/bots', async (c) => {
    const input = await readJson(c, schemas.botCreate);
    if (!(await repository.brands.get(input.brand_id))) {
      throw new HttpError(422, 'invalid_reference', `No brand with id "${input.brand_id}".`, {
        field: 'brand_id',
      });
    }
    const channelIds = [...new Set(input.channel_ids)];
    await checkChannels(input.brand_id, channelIds);
    const now = stamp();
    const bot = {
      id: newId('bot'),
      brand_id: input.brand_id,
      name: input.name,
      channel_ids: channelIds,
      created_at: now,
      updated_at: now,
    };
    return c.json(await repository.bots.insert(bot), 201);
  });
  app.get('/bots/:id', async (c) => {
    const id = pathId(c, 'id', 'bot');
    const bot = await repository.bots.get(id);
    if (!bot) throw notFound('bot', id);
    return c.json(bot);
  });
  app.patch('/bots/:id', async (c) => {
    const id = pathId(c, 'id', 'bot');
    const input = await readJson(c, schemas.botPatch);
    const bot = await repository.bots.get(id);
    if (!bot) throw notFound('bot', id);
    if (input.channel_ids) await checkChannels(bot.brand_id, input.channel_ids);
    const updated = await repository.bots.update(id, {
      ...input,
      channel_ids: input.channel_ids ? [...new Set(input.channel_ids)] : undefined,
      updated_at: stamp(),
    });
    await changed('all');
    return c.json(updated);
  });
  app.delete('/bots/:id', async (c) => {
    const id = pathId(c, 'id', 'bot');
    const users = (await repository.messages.list()).filter(
      (m) => m.response.type === 'bot' && m.response.bot_id === id,
    );
    if (users.length > 0) throw inUse('bot', 'proactive messages');
    if (!(await repository.bots.delete(id))) throw notFound('bot', id);
    for (const answer of await repository.answers.list({ bot_id: id }))
      await repository.answers.delete(answer.id);
    await changed('all');
    return c.body(null, 204);
  });

  const loadBot = async (botId: string) => {
    const bot = await repository.bots.get(botId);
    if (!bot) throw notFound('bot', botId);
    return bot;
  };
  app.get('/bots/:id/answers', async (c) => {
    const bot = await loadBot(pathId(c, 'id', 'bot'));
    return c.json(await repository.answers.list({ bot_id: bot.id }));
  });
  app.post('/bots/:id/answers', async (c) => {
    const bot = await loadBot(pathId(c, 'id', 'bot'));
    const input = await readJson(c, schemas.answerCreate);
    const now = stamp();
    return c.json(
      await repository.answers.insert({
        id: newId('ans'),
        bot_id: bot.id,
        ...input,
        created_at: now,
        updated_at: now,
      }),
      201,
    );
  });
  const loadAnswer = async (botId: string, answerId: string) => {
    const answer = await repository.answers.get(answerId);
    if (!answer || answer.bot_id !== botId) throw notFound('answer', answerId);
    return answer;
  };
  app.get('/bots/:id/answers/:answer_id', async (c) => {
    return c.json(await loadAnswer(pathId(c, 'id', 'bot'), pathId(c, 'answer_id', 'answer')));
  });
  app.patch('/bots/:id/answers/:answer_id', async (c) => {
    const answer = await loadAnswer(pathId(c, 'id', 'bot'), pathId(c, 'answer_id', 'answer'));
    const input = await readJson(c, schemas.answerPatch);
    const updated = await repository.answers.update(answer.id, { ...input, updated_at: stamp() });
    await changed('all');
    return c.json(updated);
  });
  app.delete('/bots/:id/answers/:answer_id', async (c) => {
    const answer = await loadAnswer(pathId(c, 'id', 'bot'), pathId(c, 'answer_id', 'answer'));
    const users = (await repository.messages.list()).filter(
      (m) => m.response.type === 'bot' && m.response.answer_id === answer.id,
    );
    if (users.length > 0) throw inUse('answer', 'proactive messages');
    await repository.answers.delete(answer.id);
    await changed('all');
    return c.body(null, 204);
  });

  return app;
}
