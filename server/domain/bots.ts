/**
 * Bots and their answers. A bot is published to channels of its own brand; a message's bot response names
 * a bot and one of its answers, so neither can be deleted while a message uses it.
 */
import type {
  AnswerCreate,
  AnswerPatch,
  Bot,
  BotAnswer,
  BotCreate,
  BotPatch,
} from '@proactive/contract/admin';
import type { Repository } from '../storage/repository.ts';
import type { SetupServiceDeps } from './brands.ts';
import { stamp } from './clock.ts';
import { inUse, invalidReference, notFound } from './errors.ts';
import { newId } from './ids.ts';

async function checkChannels(repository: Repository, brandId: string, channelIds: string[]) {
  for (const channelId of channelIds) {
    const channel = await repository.channels.get(channelId);
    if (!channel || channel.brand_id !== brandId) {
      throw invalidReference('channel_ids', `No channel "${channelId}" in the bot's brand.`);
    }
  }
}

/**
 * The bots service, answers included.
 *
 * @example const bots = createBotService({ repository, changes }); await bots.answers.list('bot_1')
 */
export function createBotService({ repository, changes, clock }: SetupServiceDeps) {
  async function get(id: string): Promise<Bot> {
    const bot = await repository.bots.get(id);
    if (!bot) throw notFound('bot', id);
    return bot;
  }

  async function getAnswer(botId: string, answerId: string): Promise<BotAnswer> {
    const answer = await repository.answers.get(answerId);
    if (!answer || answer.bot_id !== botId) throw notFound('answer', answerId);
    return answer;
  }

  const answers = {
    async list(botId: string): Promise<BotAnswer[]> {
      const bot = await get(botId);
      return repository.answers.list({ bot_id: bot.id });
    },
    get: getAnswer,
    async create(botId: string, input: AnswerCreate): Promise<BotAnswer> {
      const bot = await get(botId);
      const now = stamp(clock);
      return repository.answers.insert({
        id: newId('ans'),
        bot_id: bot.id,
        title: input.title,
        body: input.body,
        created_at: now,
        updated_at: now,
      });
    },
    async update(botId: string, answerId: string, patch: AnswerPatch): Promise<BotAnswer> {
      const answer = await getAnswer(botId, answerId);
      const updated = await repository.answers.update(answer.id, { ...patch, updated_at: stamp(clock) });
      if (!updated) throw notFound('answer', answerId);
      await changes.all();
      return updated;
    },
    async remove(botId: string, answerId: string): Promise<void> {
      const answer = await getAnswer(botId, answerId);
      if ((await repository.messages.referencing({ answer_id: answer.id })).length > 0) {
        throw inUse('answer', 'proactive messages');
      }
      await repository.answers.delete(answer.id);
      await changes.all();
    },
  };

  return {
    async list(filter: { channel_id?: string } = {}): Promise<Bot[]> {
      const bots = await repository.bots.list();
      const channelId = filter.channel_id;
      return channelId ? bots.filter((bot) => bot.channel_ids.includes(channelId)) : bots;
    },
    get,
    async create(input: BotCreate): Promise<Bot> {
      if (!(await repository.brands.get(input.brand_id))) {
        throw invalidReference('brand_id', `No brand with id "${input.brand_id}".`);
      }
      const channelIds = [...new Set(input.channel_ids)];
      await checkChannels(repository, input.brand_id, channelIds);
      const now = stamp(clock);
      return repository.bots.insert({
        id: newId('bot'),
        brand_id: input.brand_id,
        name: input.name,
        channel_ids: channelIds,
        created_at: now,
        updated_at: now,
      });
    },
    async update(id: string, patch: BotPatch): Promise<Bot> {
      const bot = await get(id);
      if (patch.channel_ids) await checkChannels(repository, bot.brand_id, patch.channel_ids);
      const updated = await repository.bots.update(id, {
        ...patch,
        channel_ids: patch.channel_ids ? [...new Set(patch.channel_ids)] : undefined,
        updated_at: stamp(clock),
      });
      if (!updated) throw notFound('bot', id);
      await changes.all();
      return updated;
    },
    async remove(id: string): Promise<void> {
      if ((await repository.messages.referencing({ bot_id: id })).length > 0) {
        throw inUse('bot', 'proactive messages');
      }
      if (!(await repository.bots.delete(id))) throw notFound('bot', id);
      for (const answer of await repository.answers.list({ bot_id: id })) {
        await repository.answers.delete(answer.id);
      }
      await changes.all();
    },
    answers,
  };
}

export type BotService = ReturnType<typeof createBotService>;
