/**
 * Proactive messages: creation, edits under an optimistic lock, the publish checks, the status machine,
 * and the API view. Every change that can alter what a widget sees announces the channel on the bus.
 *
 * Status: `draft` (never published, or cloned), `live` (on the widget), `paused` (taken off by an admin),
 * `contains_errors` (the rule has errors; never on the widget). An edit that introduces errors to a live
 * message takes it off the widget (status `contains_errors`) rather than serving a rule that is wrong.
 */
import type { Diagnostic } from '@proactive/dsl';
import type { Frequency, Rule } from '@proactive/dsl';
import type { Bus } from './bus.ts';
import { newId } from './ids.ts';
import {
  applyRuleEdit,
  isPublishable,
  revalidate,
  RuleNotEditable,
  timeOfDayView,
  type RuleEdit,
  type RuleOptions,
  type RuleState,
  type TimeOfDayView,
} from './rules.ts';
import { HttpError, notFound } from '../http/errors.ts';
import type { MessageRecord, MessageResponse, MessageStatus, Repository } from '../storage/repository.ts';
import type { CompiledRule } from '@proactive/dsl';

/**
 * What a channel's rules are validated against: the schedule names that exist, and whether the channel
 * has business hours.
 *
 * @example check(text, await ruleOptionsFor(repository, 'demo'))
 */
export async function ruleOptionsFor(repository: Repository, channelId: string): Promise<RuleOptions> {
  const [channel, schedules] = await Promise.all([
    repository.channels.get(channelId),
    repository.schedules.list(),
  ]);
  return {
    schedules: schedules.map((schedule) => schedule.name),
    hasBusinessHours: Boolean(channel?.schedule_id),
  };
}

export interface MessagePatch extends RuleEdit {
  name?: string;
  greeting?: string;
  response?: MessageResponse;
  order?: number;
}

/** A problem that keeps a message from going live, outside the rule text. */
export interface PublishProblem {
  field: string;
  code: string;
  message: string;
}

export interface MessageTotals {
  sent: number;
  opened: number;
  dismissed: number;
  replied: number;
}

const noTotals: MessageTotals = { sent: 0, opened: 0, dismissed: 0, replied: 0 };

/**
 * The API view of a stored message: the record plus the rule's views (`tags`, `time_of_day`,
 * `frequency`, `timing`) and `order`.
 *
 * @example messageView(record)
 */
export function messageView(record: MessageRecord, totals: MessageTotals = noTotals) {
  const rule = record.rule as Rule | null;
  return {
    id: record.id,
    name: record.name,
    brand_id: record.brand_id,
    channel_id: record.channel_id,
    status: record.status,
    greeting: record.greeting,
    response: record.response,
    rules: record.rules,
    rule,
    diagnostics: record.diagnostics,
    tags: rule?.tags ?? [],
    time_of_day: rule ? timeOfDayView(rule.timeOfDay) : ({ kind: 'anytime' } as TimeOfDayView),
    frequency: (rule?.frequency ?? 'once_per_visit') as Frequency,
    timing: rule ? rule.timing : { kind: 'page_load' },
    order: record.position,
    version: record.version,
    ...totals,
    created_at: record.created_at,
    updated_at: record.updated_at,
  };
}

export type MessageView = ReturnType<typeof messageView>;

function stateOf(record: MessageRecord): RuleState {
  return {
    rules: record.rules,
    rule: record.rule as Rule | null,
    diagnostics: record.diagnostics,
    compiled: record.compiled as CompiledRule | null,
  };
}

function statusAfterEdit(status: MessageStatus, state: RuleState): MessageStatus {
  const hasErrors = state.diagnostics.some((diagnostic: Diagnostic) => diagnostic.severity === 'error');
  if (hasErrors) return 'contains_errors';
  if (status === 'contains_errors') return 'draft';
  return status;
}

export interface MessageServiceDeps {
  repository: Repository;
  bus: Bus;
  /** Called with channels whose widget payload changed, before the bus hears of it. */
  onChannelsChanged: (channelIds: string[]) => void;
  now?: () => Date;
}

/**
 * The messages service used by the admin routes.
 *
 * @example const messages = createMessageService({ repository, bus, onChannelsChanged })
 */
export function createMessageService(deps: MessageServiceDeps) {
  const { repository } = deps;
  const now = () => (deps.now?.() ?? new Date()).toISOString();

  const changed = async (channelIds: string[]) => {
    deps.onChannelsChanged(channelIds);
    await deps.bus.publish({ type: 'channels_changed', channel_ids: channelIds }).catch((error: unknown) => {
      console.error('could not notify other servers', error);
    });
  };

  const ruleOptions = (channelId: string) => ruleOptionsFor(repository, channelId);

  async function load(id: string): Promise<MessageRecord> {
    const record = await repository.messages.get(id);
    if (!record) throw notFound('message', id);
    return record;
  }

  async function save(record: MessageRecord, patch: Partial<MessageRecord>): Promise<MessageRecord> {
    const result = await repository.messages.updateIfVersion(record.id, record.version, {
      ...patch,
      updated_at: now(),
    });
    if (result === 'not_found') throw notFound('message', record.id);
    if (result === 'conflict') {
      // Someone saved between our read and our write: the same situation as a stale If-Match.
      throw new HttpError(
        412,
        'version_mismatch',
        'The message changed while this request ran (someone else saved it); reload it and apply your changes again.',
        { current_version: (await repository.messages.get(record.id))?.version ?? null },
      );
    }
    return result;
  }

  async function publishProblems(record: MessageRecord): Promise<PublishProblem[]> {
    const problems: PublishProblem[] = [];
    const channel = await repository.channels.get(record.channel_id);
    if (!channel)
      problems.push({
        field: 'channel_id',
        code: 'channel_missing',
        message: "The message's channel no longer exists.",
      });
    if (record.greeting.trim() === '') {
      problems.push({
        field: 'greeting',
        code: 'greeting_required',
        message: 'Write the proactive message text (greeting) first.',
      });
    }
    if (record.response.type === 'agent') {
      if (record.response.follow_up.trim() === '') {
        problems.push({
          field: 'response.follow_up',
          code: 'follow_up_required',
          message: 'Write the follow-up message shown before the conversation is handed to an agent.',
        });
      }
    } else {
      const bot = record.response.bot_id ? await repository.bots.get(record.response.bot_id) : null;
      if (!bot || !bot.channel_ids.includes(record.channel_id)) {
        problems.push({
          field: 'response.bot_id',
          code: 'bot_not_on_channel',
          message: "Choose a bot that is published to the message's channel.",
        });
      }
      const answer = record.response.answer_id
        ? await repository.answers.get(record.response.answer_id)
        : null;
      if (!answer || answer.bot_id !== bot?.id) {
        problems.push({
          field: 'response.answer_id',
          code: 'answer_required',
          message: "Choose one of the bot's answers as the response.",
        });
      }
    }
    if (!record.rule) {
      problems.push({
        field: 'rules',
        code: record.rules.trim() === '' ? 'rules_required' : 'rules_invalid',
        message:
          record.rules.trim() === ''
            ? "Add the rule's conditions first."
            : 'Fix the errors in the rule first.',
      });
    }
    return problems;
  }

  /**
   * Moves a message to index `order` among its channel's messages (0 = first) and renumbers the others,
   * so "order" means a place in the list, not a raw number that can tie. Returns the message's position.
   */
  async function makeRoomAt(record: MessageRecord, order: number): Promise<number> {
    const others = (await repository.messages.list({ channel_id: record.channel_id }))
      .filter((message) => message.id !== record.id)
      .sort((a, b) => a.position - b.position || a.created_at.localeCompare(b.created_at));
    const index = Math.min(order, others.length);
    let changedLive = false;
    for (const [at, message] of others.entries()) {
      const wanted = at < index ? at : at + 1;
      if (message.position !== wanted) {
        await repository.messages.update(message.id, { position: wanted });
        changedLive ||= message.status === 'live';
      }
    }
    if (changedLive) deps.onChannelsChanged([record.channel_id]);
    return index;
  }

  return {
    async list(filter: { channel_id?: string; status?: MessageStatus; brand_id?: string } = {}) {
      const [records, totals] = await Promise.all([
        repository.messages.list(filter),
        repository.stats.totals(),
      ]);
      return records.map((record) => {
        const total = totals.get(record.id);
        return messageView(
          record,
          total
            ? { sent: total.shown, opened: total.opened, dismissed: total.dismissed, replied: total.replied }
            : noTotals,
        );
      });
    },

    async get(id: string) {
      const record = await load(id);
      const total = (await repository.stats.totals()).get(id);
      return messageView(
        record,
        total
          ? { sent: total.shown, opened: total.opened, dismissed: total.dismissed, replied: total.replied }
          : noTotals,
      );
    },

    async create(input: {
      name: string;
      brand_id: string;
      channel_id: string;
      greeting?: string;
      response?: MessageResponse;
      rules?: string;
    }) {
      const [brand, channel] = await Promise.all([
        repository.brands.get(input.brand_id),
        repository.channels.get(input.channel_id),
      ]);
      if (!brand)
        throw new HttpError(422, 'invalid_reference', `No brand with id "${input.brand_id}".`, {
          field: 'brand_id',
        });
      if (!channel)
        throw new HttpError(422, 'invalid_reference', `No channel with id "${input.channel_id}".`, {
          field: 'channel_id',
        });
      if (channel.brand_id !== brand.id) {
        throw new HttpError(
          422,
          'channel_not_in_brand',
          `Channel "${channel.name}" belongs to another brand; pick one of brand "${brand.name}"'s channels.`,
          {
            field: 'channel_id',
          },
        );
      }
      const state = applyRuleEdit(
        { rules: '', rule: null, diagnostics: [], compiled: null },
        { rules: input.rules ?? '' },
        await ruleOptions(channel.id),
      );
      const stamp = now();
      const record: MessageRecord = {
        id: newId('msg'),
        brand_id: brand.id,
        channel_id: channel.id,
        name: input.name,
        greeting: input.greeting ?? '',
        response: input.response ?? { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
        rules: state.rules,
        rule: state.rule,
        compiled: state.compiled,
        diagnostics: state.diagnostics,
        status: statusAfterEdit('draft', state),
        position: (await repository.messages.maxPosition(channel.id)) + 1,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      };
      await repository.messages.insert(record);
      return messageView(record);
    },

    /** Applies a PATCH. `expectedVersion` comes from `If-Match`; a stale one is a 412. */
    async update(id: string, expectedVersion: number, patch: MessagePatch) {
      const record = await load(id);
      if (record.version !== expectedVersion) {
        throw new HttpError(
          412,
          'version_mismatch',
          `The message is at version ${record.version}, not ${expectedVersion}: someone else changed it. Reload it and apply your changes again.`,
          {
            current_version: record.version,
          },
        );
      }
      let state: RuleState;
      try {
        state = applyRuleEdit(stateOf(record), patch, await ruleOptions(record.channel_id));
      } catch (error) {
        if (error instanceof RuleNotEditable) throw new HttpError(409, 'rule_not_editable', error.message);
        throw error;
      }
      if (patch.response?.type === 'bot' && patch.response.bot_id) {
        const bot = await repository.bots.get(patch.response.bot_id);
        if (!bot)
          throw new HttpError(422, 'invalid_reference', `No bot with id "${patch.response.bot_id}".`, {
            field: 'response.bot_id',
          });
      }
      const status = statusAfterEdit(record.status, state);
      const position = patch.order === undefined ? undefined : await makeRoomAt(record, patch.order);
      const updated = await save(record, {
        name: patch.name,
        greeting: patch.greeting,
        response: patch.response,
        position,
        rules: state.rules,
        rule: state.rule,
        compiled: state.compiled,
        diagnostics: state.diagnostics,
        status,
      });
      if (record.status === 'live' || updated.status === 'live') await changed([record.channel_id]);
      return messageView(updated);
    },

    async publish(id: string) {
      const record = await load(id);
      const state = revalidate(stateOf(record), await ruleOptions(record.channel_id));
      const problems = await publishProblems({ ...record, rule: state.rule, rules: state.rules });
      const ruleErrors = state.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      if (problems.length > 0 || ruleErrors.length > 0 || !isPublishable(state)) {
        if (ruleErrors.length > 0 && record.status !== 'contains_errors') {
          await save(record, { diagnostics: state.diagnostics, compiled: null, status: 'contains_errors' });
        }
        const first = problems[0]?.message ?? ruleErrors[0]?.message ?? 'The message cannot go live.';
        throw new HttpError(422, 'cannot_publish', `The message cannot go live: ${first}`, {
          diagnostics: state.diagnostics,
          problems,
        });
      }
      const updated = await save(record, { ...state, status: 'live' });
      await changed([record.channel_id]);
      return messageView(updated);
    },

    async pause(id: string) {
      const record = await load(id);
      if (record.status !== 'live') {
        throw new HttpError(
          409,
          'invalid_status',
          `Only live messages can be paused; this one is ${record.status}.`,
        );
      }
      const updated = await save(record, { status: 'paused' });
      await changed([record.channel_id]);
      return messageView(updated);
    },

    async resume(id: string) {
      const record = await load(id);
      if (record.status !== 'paused') {
        throw new HttpError(
          409,
          'invalid_status',
          `Only paused messages can be resumed; this one is ${record.status}.`,
        );
      }
      return this.publish(id);
    },

    async clone(id: string) {
      const record = await load(id);
      const stamp = now();
      const copy: MessageRecord = {
        ...record,
        id: newId('msg'),
        name: `${record.name} (copy)`,
        status: record.status === 'contains_errors' ? 'contains_errors' : 'draft',
        position: (await repository.messages.maxPosition(record.channel_id)) + 1,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
      };
      await repository.messages.insert(copy);
      return messageView(copy);
    },

    async remove(id: string) {
      const record = await load(id);
      await repository.messages.delete(id);
      if (record.status === 'live') await changed([record.channel_id]);
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
