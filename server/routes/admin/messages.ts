/**
 * `/api/v1/messages`: the proactive messages, their lifecycle (publish, pause, resume, clone) and stats.
 */
import { Hono } from 'hono';
import type { MessageService } from '../../domain/messages.ts';
import { HttpError } from '../../http/errors.ts';
import * as schemas from '@proactive/contract/admin';
import { check, readJson, requireIfMatch } from '../../http/validation.ts';
import type { MessageStatus, Repository } from '../../storage/repository.ts';
import type { Rule } from '@proactive/dsl';
import { pathId } from './crud.ts';

const statuses: MessageStatus[] = ['draft', 'live', 'paused', 'contains_errors'];
const dayMs = 86_400_000;

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += dayMs) {
    out.push(new Date(time).toISOString().slice(0, 10));
  }
  return out;
}

/**
 * The messages routes.
 *
 * @example app.route('/api/v1/messages', messageRoutes(service, repository))
 */
export function messageRoutes(messages: MessageService, repository: Repository) {
  const app = new Hono();

  app.get('/', async (c) => {
    const status = c.req.query('status');
    if (status !== undefined && !statuses.includes(status as MessageStatus)) {
      throw new HttpError(400, 'invalid_request', `status must be one of ${statuses.join(', ')}.`);
    }
    const channelId = c.req.query('channel_id');
    const brandId = c.req.query('brand_id');
    const list = await messages.list({
      ...(status ? { status: status as MessageStatus } : {}),
      ...(channelId ? { channel_id: channelId } : {}),
      ...(brandId ? { brand_id: brandId } : {}),
    });
    const channels = new Map((await repository.channels.list()).map((channel) => [channel.id, channel]));
    return c.json(
      list.map((message) => ({
        ...message,
        channel: { id: message.channel_id, name: channels.get(message.channel_id)?.name ?? '' },
      })),
    );
  });

  app.post('/', async (c) => c.json(await messages.create(await readJson(c, schemas.messageCreate)), 201));

  app.get('/:id', async (c) => {
    const message = await messages.get(pathId(c, 'id', 'message'));
    c.header('ETag', `"${message.version}"`);
    return c.json(message);
  });

  app.patch('/:id', async (c) => {
    const id = pathId(c, 'id', 'message');
    const version = requireIfMatch(c);
    const input = await readJson(c, schemas.messagePatch);
    const { rule, ...rest } = input;
    const message = await messages.update(id, version, {
      ...rest,
      ...(rule !== undefined ? { rule: rule as Rule | null } : {}),
    });
    c.header('ETag', `"${message.version}"`);
    return c.json(message);
  });

  app.delete('/:id', async (c) => {
    await messages.remove(pathId(c, 'id', 'message'));
    return c.body(null, 204);
  });

  app.post('/:id/publish', async (c) => c.json(await messages.publish(pathId(c, 'id', 'message'))));
  app.post('/:id/pause', async (c) => c.json(await messages.pause(pathId(c, 'id', 'message'))));
  app.post('/:id/resume', async (c) => c.json(await messages.resume(pathId(c, 'id', 'message'))));
  app.post('/:id/clone', async (c) => c.json(await messages.clone(pathId(c, 'id', 'message')), 201));

  app.get('/:id/stats', async (c) => {
    const id = pathId(c, 'id', 'message');
    await messages.get(id);
    const query = check(schemas.statsQuery, c.req.query(), 'query');
    const to = query.to ?? new Date().toISOString().slice(0, 10);
    const from =
      query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 29 * dayMs).toISOString().slice(0, 10);
    if (from > to) throw new HttpError(400, 'invalid_request', `"from" (${from}) is after "to" (${to}).`);
    if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * dayMs) {
      throw new HttpError(400, 'invalid_request', 'Ask for at most 366 days at a time.');
    }
    const rows = new Map((await repository.stats.daily(id, from, to)).map((row) => [row.day, row]));
    const series = days(from, to).map((day) => {
      const row = rows.get(day);
      return {
        date: day,
        sent: row?.shown ?? 0,
        opened: row?.opened ?? 0,
        dismissed: row?.dismissed ?? 0,
        replied: row?.replied ?? 0,
      };
    });
    const totals = series.reduce(
      (sum, day) => ({
        sent: sum.sent + day.sent,
        opened: sum.opened + day.opened,
        dismissed: sum.dismissed + day.dismissed,
        replied: sum.replied + day.replied,
      }),
      { sent: 0, opened: 0, dismissed: 0, replied: 0 },
    );
    return c.json({ message_id: id, from, to, totals, series });
  });

  return app;
}
