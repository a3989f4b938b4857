/**
 * Proactive messages: creation, edits under an optimistic lock, publishing, pausing and resuming (see
 * ./status.ts for the status machine), cloning and deleting. Every change that can alter what a widget
 * sees is announced (./changes.ts).
 */
import type {
  Message,
  MessageCreate,
  MessageListItem,
  MessagePage,
  MessagePatch,
  MessageTotals,
  MessagesQuery,
  MessageStats,
} from '@proactive/contract/admin';
import type { CompiledRule, Diagnostic, Rule } from '@proactive/dsl';
import type {
  MessagePageQuery,
  MessagePageRow,
  MessageRecord,
  Repository,
} from '../../storage/repository.ts';
import type { Changes } from '../changes.ts';
import { stamp, type Clock } from '../clock.ts';
import { DomainError, invalidReference, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { applyRuleEdit, isPublishable, revalidate, RuleNotEditable, type RuleState } from '../rules.ts';
import { rankAtEnd, rankForOrder } from './order.ts';
import { publishProblems } from './publish-checks.ts';
import { ruleOptionsFor } from './rule-options.ts';
import { messageStats } from './stats.ts';
import { nextStatus } from './status.ts';
import { messageTotals, messageView, noTotals } from './view.ts';

export interface MessageServiceDeps {
  repository: Repository;
  changes: Changes;
  clock?: Clock;
}

function stateOf(record: MessageRecord): RuleState {
  return {
    rules: record.rules,
    rule: record.rule as Rule | null,
    diagnostics: record.diagnostics,
    compiled: record.compiled as CompiledRule | null,
  };
}

function pageQuery(filter: Omit<MessagesQuery, 'page' | 'per_page'>): MessagePageQuery {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel_id ? { channel_id: filter.channel_id } : {}),
    ...(filter.brand_id ? { brand_id: filter.brand_id } : {}),
    ...(filter.q ? { name_contains: filter.q } : {}),
    sort: filter.sort ?? 'order',
    direction: filter.direction ?? 'asc',
  };
}

function listItem(row: MessagePageRow): MessageListItem {
  const { shown, opened, dismissed, replied } = row.totals;
  return {
    ...messageView(row.record, { sent: shown, opened, dismissed, replied }, row.order),
    channel: { id: row.record.channel_id, name: row.channel_name },
  };
}

const sameRule = (a: RuleState, b: RuleState) =>
  a.rules === b.rules &&
  JSON.stringify([a.rule, a.diagnostics, a.compiled]) === JSON.stringify([b.rule, b.diagnostics, b.compiled]);

const hasErrors = (diagnostics: Diagnostic[]) => diagnostics.some((item) => item.severity === 'error');

function statusAfterEdit(status: MessageRecord['status'], state: RuleState) {
  return nextStatus(status, hasErrors(state.diagnostics) ? 'found_errors' : 'edited_clean');
}

/**
 * The messages service used by the admin routes.
 *
 * @example const messages = createMessageService({ repository, changes })
 */
export function createMessageService({ repository, changes, clock }: MessageServiceDeps) {
  async function load(id: string): Promise<MessageRecord> {
    const record = await repository.messages.get(id);
    if (!record) throw notFound('message', id);
    return record;
  }

  /** The API view, with the message's `order` (its index among its channel's messages). */
  async function present(record: MessageRecord, totals: MessageTotals = noTotals): Promise<Message> {
    return messageView(record, totals, await repository.messages.indexOf(record));
  }

  async function save(record: MessageRecord, patch: Partial<MessageRecord>): Promise<MessageRecord> {
    const result = await repository.messages.updateIfVersion(record.id, record.version, {
      ...patch,
      updated_at: stamp(clock),
    });
    if (result === 'not_found') throw notFound('message', record.id);
    if (result === 'conflict') {
      // Someone saved between our read and our write: the same situation as a stale If-Match.
      throw new DomainError(
        'version_conflict',
        'The message changed while this request ran (someone else saved it); reload it and apply your changes again.',
        { current_version: (await repository.messages.get(record.id))?.version ?? null },
      );
    }
    return result;
  }

  async function publish(id: string): Promise<Message> {
    const record = await load(id);
    const state = revalidate(stateOf(record), await ruleOptionsFor(repository, record.channel_id));
    const problems = await publishProblems(repository, { ...record, rule: state.rule, rules: state.rules });
    const ruleErrors = state.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (problems.length > 0 || ruleErrors.length > 0 || !isPublishable(state)) {
      if (ruleErrors.length > 0 && record.status !== 'contains_errors') {
        await save(record, {
          diagnostics: state.diagnostics,
          compiled: null,
          status: nextStatus(record.status, 'found_errors'),
        });
        // A live message that no longer compiles leaves its widget payload.
        if (record.status === 'live') await changes.message(record.channel_id, record.id);
      }
      const first = problems[0]?.message ?? ruleErrors[0]?.message ?? 'The message cannot go live.';
      throw new DomainError('cannot_publish', `The message cannot go live: ${first}`, {
        diagnostics: state.diagnostics,
        problems,
      });
    }
    // Publishing a live message whose rule compiles to the same thing changes nothing: same version.
    if (record.status === 'live' && sameRule(stateOf(record), state)) return present(record);
    const updated = await save(record, { ...state, status: nextStatus(record.status, 'publish') });
    await changes.message(record.channel_id, record.id);
    return present(updated);
  }

  return {
    /** Messages with their totals and their channel's name, all of them (in channel order by default). */
    async list(filter: Omit<MessagesQuery, 'page' | 'per_page'> = {}): Promise<MessageListItem[]> {
      const { rows } = await repository.messages.page(pageQuery(filter));
      return rows.map(listItem);
    },

    /** One page of messages, filtered and sorted by the database, with how many match. */
    async page(
      filter: Omit<MessagesQuery, 'page' | 'per_page'> & { page: number; per_page: number },
    ): Promise<MessagePage> {
      const { rows, total } = await repository.messages.page({
        ...pageQuery(filter),
        limit: filter.per_page,
        offset: (filter.page - 1) * filter.per_page,
      });
      return { items: rows.map(listItem), total, page: filter.page, per_page: filter.per_page };
    },

    async get(id: string): Promise<Message> {
      const record = await load(id);
      return present(record, (await messageTotals(repository)).get(id) ?? noTotals);
    },

    async create(input: MessageCreate): Promise<Message> {
      const [brand, channel] = await Promise.all([
        repository.brands.get(input.brand_id),
        repository.channels.get(input.channel_id),
      ]);
      if (!brand) throw invalidReference('brand_id', `No brand with id "${input.brand_id}".`);
      if (!channel) throw invalidReference('channel_id', `No channel with id "${input.channel_id}".`);
      if (channel.brand_id !== brand.id) {
        throw new DomainError(
          'channel_not_in_brand',
          `Channel "${channel.name}" belongs to another brand; pick one of brand "${brand.name}"'s channels.`,
          { field: 'channel_id' },
        );
      }
      const state = applyRuleEdit(
        { rules: '', rule: null, diagnostics: [], compiled: null },
        { rules: input.rules ?? '' },
        await ruleOptionsFor(repository, channel.id),
      );
      const now = stamp(clock);
      const record: MessageRecord = {
        id: newId('msg'),
        brand_id: brand.id,
        channel_id: channel.id,
        name: input.name,
        greeting: input.greeting ?? '',
        response: input.response ?? { type: 'agent', follow_up: '', customer_details: ['name', 'email'] },
        ...state,
        status: statusAfterEdit('draft', state),
        rank: await rankAtEnd(repository, channel.id),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repository.messages.insert(record);
      return present(record);
    },

    /** Applies a PATCH. `expectedVersion` comes from `If-Match`; a stale one is a `version_conflict`. */
    async update(id: string, expectedVersion: number, patch: MessagePatch): Promise<Message> {
      const record = await load(id);
      if (record.version !== expectedVersion) {
        throw new DomainError(
          'version_conflict',
          `The message is at version ${record.version}, not ${expectedVersion}: someone else changed it. Reload it and apply your changes again.`,
          { current_version: record.version },
        );
      }
      let state: RuleState;
      try {
        state = applyRuleEdit(stateOf(record), patch, await ruleOptionsFor(repository, record.channel_id));
      } catch (error) {
        if (error instanceof RuleNotEditable) throw new DomainError('rule_not_editable', error.message);
        throw error;
      }
      if (patch.response?.type === 'bot' && patch.response.bot_id) {
        if (!(await repository.bots.get(patch.response.bot_id))) {
          throw invalidReference('response.bot_id', `No bot with id "${patch.response.bot_id}".`);
        }
      }
      const placed =
        patch.order === undefined ? undefined : await rankForOrder(repository, record, patch.order);
      const updated = await save(record, {
        name: patch.name,
        greeting: patch.greeting,
        response: patch.response,
        rank: placed?.rank,
        ...state,
        status: statusAfterEdit(record.status, state),
      });
      // Spreading ranks rewrote other messages' ranks too: the whole channel is read again.
      if (placed?.respread) await changes.channels([record.channel_id]);
      else if (record.status === 'live' || updated.status === 'live') {
        await changes.message(record.channel_id, record.id);
      }
      return present(updated);
    },

    publish,

    /** Idempotent: pausing a paused message answers it unchanged. */
    async pause(id: string): Promise<Message> {
      const record = await load(id);
      if (record.status === 'paused') return present(record);
      const updated = await save(record, { status: nextStatus(record.status, 'pause') });
      await changes.message(record.channel_id, record.id);
      return present(updated);
    },

    /** Idempotent: resuming a live message is publishing it again, which changes nothing. */
    async resume(id: string): Promise<Message> {
      const record = await load(id);
      if (record.status !== 'live') nextStatus(record.status, 'resume');
      return publish(id);
    },

    async clone(id: string): Promise<Message> {
      const record = await load(id);
      const now = stamp(clock);
      const copy: MessageRecord = {
        ...record,
        id: newId('msg'),
        name: `${record.name} (copy)`,
        status: nextStatus(record.status, 'cloned'),
        rank: await rankAtEnd(repository, record.channel_id),
        version: 1,
        created_at: now,
        updated_at: now,
      };
      await repository.messages.insert(copy);
      return present(copy);
    },

    async remove(id: string): Promise<void> {
      const record = await load(id);
      await repository.messages.delete(id);
      if (record.status === 'live') await changes.message(record.channel_id, record.id);
    },

    async stats(id: string, range: { from?: string; to?: string }): Promise<MessageStats> {
      await load(id);
      return messageStats(repository, id, range, clock?.() ?? new Date());
    },
  };
}

export type MessageService = ReturnType<typeof createMessageService>;
