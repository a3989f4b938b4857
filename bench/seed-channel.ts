/**
 * Seeds a large channel straight into a server's repository for the benches: `count` messages in the
 * demo brand, each with its rule parsed, compiled and ranked as the API would store it.
 */
import { compile, parse, withoutRanges } from '@proactive/dsl';
import type { startNodeServer } from '@proactive/server/node';
import { generateNKeysBetween } from 'fractional-indexing';

type Repository = Awaited<ReturnType<typeof startNodeServer>>['repository'];
type MessageRecord = Parameters<Repository['messages']['insert']>[0];

interface SeedOptions {
  channelId: string;
  count: number;
  /** The rule text of the message at `index`. */
  ruleText(index: number): string;
  /** Its status. */
  status(index: number): MessageRecord['status'];
}

/**
 * Inserts the channel and its messages (`bench_00000`, `bench_00001`, ... in rank order).
 *
 * @example await seedChannel(server.repository, { channelId: 'bench-10k', count: 10_000, ruleText: () => text, status: () => 'live' })
 */
export async function seedChannel(
  repository: Repository,
  { channelId, count, ruleText, status }: SeedOptions,
): Promise<void> {
  const now = new Date().toISOString();
  await repository.channels.insert({
    id: channelId,
    brand_id: 'acme',
    name: `${count} messages`,
    schedule_id: null,
    created_at: now,
    updated_at: now,
  });
  const ranks = generateNKeysBetween(null, null, count);
  // Messages sharing one rule text share its parse.
  const rules = new Map<string, { rule: MessageRecord['rule']; compiled: MessageRecord['compiled'] }>();
  for (let index = 0; index < count; index++) {
    const text = ruleText(index);
    let parsed = rules.get(text);
    if (!parsed) {
      const rule = withoutRanges(parse(text).rule!);
      rules.set(text, (parsed = { rule, compiled: compile(rule) }));
    }
    await repository.messages.insert({
      id: `bench_${String(index).padStart(5, '0')}`,
      brand_id: 'acme',
      channel_id: channelId,
      name: `Bench message ${index}`,
      greeting: `Hello from message ${index} 👋`,
      response: {
        type: 'agent',
        follow_up: 'Connecting you with the team.',
        customer_details: ['name', 'email'],
      },
      rules: text,
      ...parsed,
      diagnostics: [],
      status: status(index),
      rank: ranks[index]!,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
}
