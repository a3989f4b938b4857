/**
 * Evaluating every rule of a channel on one page event, at 10, 100, 1,000 and 10,000 rules:
 * `createChannelEvaluator` (what the widget runs) beside a hand-written loop over the same rules that
 * folds the page's text once per event and tests every rule in plain JavaScript (the anchor, outside our
 * evaluator), and beside one `createMatcher` per rule (how the widget evaluated before). All three must
 * give the same answer on every page before timing; rounds are interleaved and each one's figures are
 * reported as min / median over rounds, per event and per rule.
 *
 * Then the first check on a page: building the evaluator of a 1,000-rule channel and answering its first
 * event, beside JSON.parse of the same rules (what the widget does with them anyway).
 *
 * Run: npx tsx bench/channel.bench.ts
 */
import { compile, parse } from '@proactive/dsl';
import type { CompiledRule, RuleContext } from '@proactive/dsl/evaluator';
import {
  builtinRuntimeKinds,
  createChannelEvaluator,
  createMatcher,
  foldCase,
  literalIndex,
  normalizeUrl,
  urlWithOperators,
} from '@proactive/dsl/evaluator';
import { median, seeded } from './measure.ts';

/** A hand-written rule: what a developer would write for the same shapes of rules, without an index. */
type HandRule =
  | { kind: 'url_contains'; literal: string; language?: string }
  | { kind: 'title_contains'; literal: string }
  | { kind: 'url_starts'; literal: string }
  | { kind: 'returning_in'; language: string };

/** The rules of a channel: mostly per-product pages, some titles and blog sections, some audiences. */
export function generateChannel(count: number, seed = 2026): { texts: string[]; hand: HandRule[] } {
  const random = seeded(seed);
  const texts: string[] = [];
  const hand: HandRule[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random();
    if (roll < 0.6) {
      texts.push(`when visitor.page_url contains "/product-${index}/"`);
      hand.push({ kind: 'url_contains', literal: `/product-${index}/` });
    } else if (roll < 0.75) {
      texts.push(`when visitor.page_url contains "/deal-${index}" and device.language is "en"`);
      hand.push({ kind: 'url_contains', literal: `/deal-${index}`, language: 'en' });
    } else if (roll < 0.85) {
      texts.push(`when visitor.page_title contains "Offer ${index}!"`);
      hand.push({ kind: 'title_contains', literal: `offer ${index}!` });
    } else if (roll < 0.95) {
      texts.push(`when visitor.page_url starts with "https://acme.test/blog/${index}-"`);
      hand.push({ kind: 'url_starts', literal: `https://acme.test/blog/${index}-` });
    } else {
      const language = ['fr', 'de', 'es'][index % 3] as string;
      texts.push(`when visitor.visit_history is returning_user and device.language is "${language}"`);
      hand.push({ kind: 'returning_in', language });
    }
  }
  return { texts, hand };
}

/** Page events on pages of the channel's site: product pages, blog posts, the home page. */
export function generatePages(count: number, rules: number, seed = 7): RuleContext[] {
  const random = seeded(seed);
  return Array.from({ length: count }, (_, index) => {
    const target = Math.floor(random() * rules);
    const path = [`/product-${target}/specs`, `/blog/${target}-launch`, '/', `/deal-${target}`][index % 4];
    return {
      visitor: {
        page_url: `https://acme.test${path}?utm=x`,
        page_title: index % 5 === 0 ? `Offer ${target}! Today` : 'ACME — Products',
        visit_history: index % 2 ? 'returning_user' : 'new_user',
      },
      device: { language: ['en-US', 'fr-FR', 'de', 'es-419'][index % 4] as string },
      event: { type: 'page_load' },
      now: '2026-11-27T15:04:05Z',
    };
  });
}

/** The anchor: fold once per event, then test every rule in order, in plain JavaScript. */
function handWritten(rules: readonly HandRule[]) {
  return (context: RuleContext): number[] => {
    const url = normalizeUrl(context.visitor.page_url ?? '');
    const title = foldCase(context.visitor.page_title ?? '');
    const language = (context.device.language ?? '').toLowerCase();
    const returning = context.visitor.visit_history === 'returning_user';
    const fired: number[] = [];
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as HandRule;
      let fires: boolean;
      switch (rule.kind) {
        case 'url_contains':
          fires =
            url.includes(rule.literal) &&
            (rule.language === undefined ||
              language === rule.language ||
              language.startsWith(`${rule.language}-`));
          break;
        case 'title_contains':
          fires = title.includes(rule.literal);
          break;
        case 'url_starts':
          fires = url.startsWith(rule.literal);
          break;
        default:
          fires = returning && (language === rule.language || language.startsWith(`${rule.language}-`));
      }
      if (fires) fired.push(index);
    }
    return fired;
  };
}

const kinds = { ...builtinRuntimeKinds, url: urlWithOperators };

/** Nanoseconds per call of `run` over `inputs`, for one round of about `budgetMs`. */
function round<T>(run: (input: T) => unknown, inputs: readonly T[], budgetMs: number): number {
  let sink = 0;
  let calls = 0;
  const start = process.hrtime.bigint();
  const budget = BigInt(budgetMs) * 1_000_000n;
  do {
    for (const input of inputs) if (run(input)) sink++;
    calls += inputs.length;
  } while (process.hrtime.bigint() - start < budget);
  if (sink < 0) console.log(sink);
  return Number(process.hrtime.bigint() - start) / calls;
}

const format = (ns: number) =>
  ns >= 1e6
    ? `${(ns / 1e6).toFixed(2)} ms`
    : ns >= 1e3
      ? `${(ns / 1e3).toFixed(1)} µs`
      : `${ns.toFixed(0)} ns`;

export function runChannelBench(sizes = [10, 100, 1_000, 10_000], rounds = 7): void {
  console.log('\nOne page event over every rule of a channel (min / median of interleaved rounds)');
  console.log(
    `${'rules'.padStart(6)}  ${'channel evaluator'.padEnd(26)} ${'hand-written loop'.padEnd(26)} ${'one matcher per rule'.padEnd(26)} channel vs hand (median)`,
  );
  for (const size of sizes) {
    const { texts, hand } = generateChannel(size);
    const compiled: CompiledRule[] = texts.map((text) => compile(parse(text).rule!));
    const pages = generatePages(200, size);
    const channel = createChannelEvaluator(compiled, { kinds, index: literalIndex });
    const anchor = handWritten(hand);
    const matchers = compiled.map((rule) => createMatcher(rule, { kinds }));
    const perRule = (context: RuleContext) =>
      matchers.flatMap((matches, index) => (matches(context) ? [index] : []));
    for (const page of pages) {
      const expected = JSON.stringify(anchor(page));
      if (JSON.stringify(channel.firing(page)) !== expected || JSON.stringify(perRule(page)) !== expected)
        throw new Error(`implementations disagree on ${JSON.stringify(page)}`);
    }
    const times: Record<string, number[]> = { channel: [], hand: [], matchers: [] };
    const budget = size >= 10_000 ? 150 : 80;
    for (let index = 0; index < rounds; index++) {
      const order = [
        ['channel', (page: RuleContext) => channel.firing(page).length],
        ['hand', (page: RuleContext) => anchor(page).length],
        ['matchers', (page: RuleContext) => perRule(page).length],
      ] as const;
      // Rotate who goes first, so no implementation always runs on a warmer or colder machine.
      for (let turn = 0; turn < order.length; turn++) {
        const [name, run] = order[(turn + index) % order.length] as (typeof order)[number];
        (times[name] as number[]).push(round(run, pages, budget));
      }
    }
    const cell = (name: string) => {
      const values = times[name] as number[];
      const low = Math.min(...values);
      const middle = median(values);
      return `${format(low)} / ${format(middle)} (${(middle / size).toFixed(1)} ns/rule)`.padEnd(26);
    };
    const ratio = median(times.hand as number[]) / median(times.channel as number[]);
    console.log(
      `${String(size).padStart(6)}  ${cell('channel')} ${cell('hand')} ${cell('matchers')} ${ratio.toFixed(2)}x faster`,
    );
  }

  // The first check on a 1,000-rule page: build the evaluator and answer one event.
  const { texts } = generateChannel(1_000);
  const payload = JSON.stringify(texts.map((text) => compile(parse(text).rule!)));
  const [page] = generatePages(1, 1_000) as [RuleContext];
  const first: number[] = [];
  const parseOnly: number[] = [];
  for (let index = 0; index < 15; index++) {
    let start = process.hrtime.bigint();
    const rules = JSON.parse(payload) as CompiledRule[];
    parseOnly.push(Number(process.hrtime.bigint() - start));
    start = process.hrtime.bigint();
    createChannelEvaluator(rules, { kinds, index: literalIndex }).firing(page);
    first.push(Number(process.hrtime.bigint() - start));
  }
  console.log(
    `\nFirst check on a 1,000-rule page (build + first event): min ${format(Math.min(...first))}, median ${format(median(first))}; ` +
      `JSON.parse of the same rules (${(payload.length / 1024).toFixed(0)} KB): min ${format(Math.min(...parseOnly))}, median ${format(median(parseOnly))}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) runChannelBench();
