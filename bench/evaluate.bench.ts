/**
 * Evaluates one compiled 10-condition rule against 1,000 generated contexts, side by side with
 * json-logic-js, @marcbachmann/cel-js, json-rules-engine and a hand-written function for the same rule.
 * Every implementation uses the same value semantics (the evaluator's case folding, URL normalisation
 * and language matching helpers, a missing text is the empty text, other missing values compare false)
 * and must agree on every context before timing.
 *
 * Run: npx tsx bench/evaluate.bench.ts
 */
import jsonLogic from 'json-logic-js';
import { Environment } from '@marcbachmann/cel-js';
import { Engine } from 'json-rules-engine';
import { compile } from '@proactive/dsl';
import type { RuleContext } from '@proactive/dsl';
import { createEvaluator } from '@proactive/dsl/evaluator';
import { languageMatches, prepareLanguage } from '@proactive/dsl/evaluator';
import { bareUrl, foldCase, normalizeUrl } from '@proactive/dsl/evaluator';
import { parse } from '@proactive/dsl';
import {
  compareRounds,
  fastest,
  measureAsync,
  pairedRatios,
  printTable,
  seeded,
  type Measurement,
} from './measure.ts';

export const ruleText = `when (visitor.page_url contains ["pricing", "plans"] or visitor.page_title contains "pricing")
  and visitor.page_url does not contain ["checkout", "cart", "login"]
  and visitor.page_title is not ["404", "Error"]
  and (device.language is ["en", "fr", "de"] or visitor.visit_history is returning_user)
  and not visitor.page_url contains "admin"
  and (visitor.page_title does not contain "internal" or device.language is "fr-CA")
  and visitor.page_url is not "https://acme.test/"
`;

/** 1,000 varied, deterministic contexts (some fields missing, mixed case, many languages). */
export function generateContexts(count = 1000, seed = 2026): RuleContext[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const paths = [
    '/',
    '/pricing',
    '/Plans/team',
    '/docs/pricing-faq',
    '/checkout',
    '/cart?x=1',
    '/admin/pricing',
    '/blog/why',
    '/login',
    '/PRICING/enterprise',
  ];
  const titles = [
    'Pricing',
    'Plans and PRICING',
    '404',
    'error',
    'Internal pricing notes',
    'Docs',
    'Welcome',
    'Été — tarifs',
    'Our Plans',
  ];
  const languages = [
    'en-US',
    'fr-CA',
    'fr',
    'de-AT',
    'pt-BR',
    'ja',
    'EN-gb',
    'es-419',
    'fr_FR',
    'zh-Hant-TW',
  ];
  return Array.from({ length: count }, () => {
    const visitor: RuleContext['visitor'] = {};
    if (random() > 0.03) visitor.page_url = `https://acme.test${pick(paths)}`;
    if (random() > 0.03) visitor.page_title = pick(titles);
    if (random() > 0.03) visitor.visit_history = random() > 0.5 ? 'returning_user' : 'new_user';
    const device: RuleContext['device'] = random() > 0.03 ? { language: pick(languages) } : {};
    return { visitor, device, event: { type: 'page_load' }, now: '2026-11-27T15:04:05Z' };
  });
}

/** Text as the evaluator prepares it: folded, and a missing text is the empty text. */
const text = (value: unknown): string => (typeof value === 'string' ? foldCase(value) : '');
/** A page URL as the evaluator prepares it: decoded and folded (`is` compares it without a trailing slash). */
const pageUrl = (value: unknown): string => (typeof value === 'string' ? normalizeUrl(value) : '');
const language = (value: unknown): string | null =>
  typeof value === 'string' ? prepareLanguage(value) : null;

/** The same rule written by hand: the practical speed limit. */
export function handWritten(context: RuleContext): boolean {
  if (context.event?.type !== 'page_load') return false;
  const url = pageUrl(context.visitor?.page_url);
  const title = text(context.visitor?.page_title);
  const lang = language(context.device?.language);
  const history = context.visitor?.visit_history ?? null;
  return (
    (url.includes('pricing') || url.includes('plans') || title.includes('pricing')) &&
    !(url.includes('checkout') || url.includes('cart') || url.includes('login')) &&
    !(title === '404' || title === 'error') &&
    ((lang !== null &&
      (languageMatches(lang, 'en') || languageMatches(lang, 'fr') || languageMatches(lang, 'de'))) ||
      history === 'returning_user') &&
    !url.includes('admin') &&
    (!title.includes('internal') || (lang !== null && languageMatches(lang, 'fr-ca'))) &&
    bareUrl(url) !== 'https://acme.test'
  );
}

jsonLogic.add_operation('fold', text);
jsonLogic.add_operation('url', pageUrl);
jsonLogic.add_operation('bare_url', bareUrl);
jsonLogic.add_operation('lang_is', (actual: unknown, ...expected: string[]) => {
  const prepared = language(actual);
  return prepared !== null && expected.some((tag) => languageMatches(prepared, tag));
});

const v = (path: string) => ({ var: path });
const folded = (path: string) => (path === 'visitor.page_url' ? { url: [v(path)] } : { fold: [v(path)] });
const has = (path: string, value: string) => ({ in: [value, folded(path)] });

export const jsonLogicRule = {
  and: [
    { '==': [v('event.type'), 'page_load'] },
    {
      or: [
        has('visitor.page_url', 'pricing'),
        has('visitor.page_url', 'plans'),
        has('visitor.page_title', 'pricing'),
      ],
    },
    {
      '!': {
        or: [
          has('visitor.page_url', 'checkout'),
          has('visitor.page_url', 'cart'),
          has('visitor.page_url', 'login'),
        ],
      },
    },
    { '!': { in: [folded('visitor.page_title'), ['404', 'error']] } },
    {
      or: [
        { lang_is: [v('device.language'), 'en', 'fr', 'de'] },
        { '==': [v('visitor.visit_history'), 'returning_user'] },
      ],
    },
    { '!': has('visitor.page_url', 'admin') },
    {
      or: [{ '!': has('visitor.page_title', 'internal') }, { lang_is: [v('device.language'), 'fr-ca'] }],
    },
    { '!=': [{ bare_url: [folded('visitor.page_url')] }, 'https://acme.test'] },
  ],
};

const celEnvironment = new Environment({ unlistedVariablesAreDyn: true })
  .registerFunction('fold(string): string', foldCase)
  .registerFunction('url(string): string', normalizeUrl)
  .registerFunction('bare(string): string', bareUrl)
  .registerFunction('langIs(string, string): bool', (actual: string, tag: string) =>
    languageMatches(prepareLanguage(actual), tag),
  );

/** A text field in CEL: folded, and the empty text when missing. */
const celText = (path: string) => `fold(has(${path}) ? ${path} : "")`;
const celUrl = `url(has(visitor.page_url) ? visitor.page_url : "")`;
const celTitle = celText('visitor.page_title');

export const celSource = `event.type == "page_load"
  && (${celUrl}.contains("pricing") || ${celUrl}.contains("plans") || ${celTitle}.contains("pricing"))
  && !(${celUrl}.contains("checkout") || ${celUrl}.contains("cart") || ${celUrl}.contains("login"))
  && !(${celTitle} in ["404", "error"])
  && ((has(device.language) && (langIs(device.language, "en") || langIs(device.language, "fr") || langIs(device.language, "de")))
      || (has(visitor.visit_history) && visitor.visit_history == "returning_user"))
  && !${celUrl}.contains("admin")
  && (!${celTitle}.contains("internal") || (has(device.language) && langIs(device.language, "fr-ca")))
  && bare(${celUrl}) != "https://acme.test"`;

/**
 * The contexts as the peers get them pre-folded: every text already case-folded (the URL normalised and
 * its bare form computed), languages canonical, a missing text the empty text. The peers then need no
 * custom operation but language matching; our evaluator still gets the raw contexts and folds itself.
 */
export function preFold(context: RuleContext) {
  const url = pageUrl(context.visitor?.page_url);
  const lang = language(context.device?.language);
  return {
    event: { type: context.event?.type },
    visitor: {
      page_url: url,
      bare_url: bareUrl(url),
      page_title: text(context.visitor?.page_title),
      ...(context.visitor?.visit_history ? { visit_history: context.visitor.visit_history } : {}),
    },
    device: lang === null ? {} : { language: lang },
  };
}

jsonLogic.add_operation('lang_matches', (prepared: unknown, ...expected: string[]) => {
  return typeof prepared === 'string' && expected.some((tag) => languageMatches(prepared, tag));
});
const plainHas = (path: string, value: string) => ({ in: [value, v(path)] });

/** The rule for pre-folded contexts in json-logic-js: plain `in` and `==`, language matching only. */
export const jsonLogicPreFoldedRule = {
  and: [
    { '==': [v('event.type'), 'page_load'] },
    {
      or: [
        plainHas('visitor.page_url', 'pricing'),
        plainHas('visitor.page_url', 'plans'),
        plainHas('visitor.page_title', 'pricing'),
      ],
    },
    {
      '!': {
        or: [
          plainHas('visitor.page_url', 'checkout'),
          plainHas('visitor.page_url', 'cart'),
          plainHas('visitor.page_url', 'login'),
        ],
      },
    },
    { '!': { in: [v('visitor.page_title'), ['404', 'error']] } },
    {
      or: [
        { lang_matches: [v('device.language'), 'en', 'fr', 'de'] },
        { '==': [v('visitor.visit_history'), 'returning_user'] },
      ],
    },
    { '!': plainHas('visitor.page_url', 'admin') },
    {
      or: [
        { '!': plainHas('visitor.page_title', 'internal') },
        { lang_matches: [v('device.language'), 'fr-ca'] },
      ],
    },
    { '!=': [v('visitor.bare_url'), 'https://acme.test'] },
  ],
};

const celPreFoldedEnvironment = new Environment({ unlistedVariablesAreDyn: true }).registerFunction(
  'langIs(string, string): bool',
  languageMatches,
);

/** The rule for pre-folded contexts in CEL: plain `contains`, `in` and `==`, language matching only. */
export const celPreFoldedSource = `event.type == "page_load"
  && (visitor.page_url.contains("pricing") || visitor.page_url.contains("plans") || visitor.page_title.contains("pricing"))
  && !(visitor.page_url.contains("checkout") || visitor.page_url.contains("cart") || visitor.page_url.contains("login"))
  && !(visitor.page_title in ["404", "error"])
  && ((has(device.language) && (langIs(device.language, "en") || langIs(device.language, "fr") || langIs(device.language, "de")))
      || (has(visitor.visit_history) && visitor.visit_history == "returning_user"))
  && !visitor.page_url.contains("admin")
  && (!visitor.page_title.contains("internal") || (has(device.language) && langIs(device.language, "fr-ca")))
  && visitor.bare_url != "https://acme.test"`;

type Operand = string | string[];
function createRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const list = (value: Operand) => (Array.isArray(value) ? value : [value]);
  const textOperators = (prefix: string, prepare: (actual: unknown) => string, equalsForm = prepare) => {
    engine.addOperator(`${prefix}Contains`, (actual: unknown, value: Operand) => {
      const prepared = prepare(actual);
      return list(value).some((item) => prepared.includes(item));
    });
    engine.addOperator(`${prefix}NotContains`, (actual: unknown, value: Operand) => {
      const prepared = prepare(actual);
      return !list(value).some((item) => prepared.includes(item));
    });
    engine.addOperator(`${prefix}IsNot`, (actual: unknown, value: Operand) => {
      return !list(value).includes(equalsForm(actual));
    });
  };
  textOperators('fold', text);
  textOperators('url', pageUrl, (actual) => bareUrl(pageUrl(actual)));
  engine.addOperator('langIs', (actual: unknown, value: Operand) => {
    const prepared = language(actual);
    return prepared !== null && list(value).some((tag) => languageMatches(prepared, tag));
  });
  const url = { fact: 'visitor', path: '$.page_url' };
  const title = { fact: 'visitor', path: '$.page_title' };
  const lang = { fact: 'device', path: '$.language' };
  engine.addRule({
    conditions: {
      all: [
        { fact: 'event', path: '$.type', operator: 'equal', value: 'page_load' },
        {
          any: [
            { ...url, operator: 'urlContains', value: ['pricing', 'plans'] },
            { ...title, operator: 'foldContains', value: 'pricing' },
          ],
        },
        { ...url, operator: 'urlNotContains', value: ['checkout', 'cart', 'login'] },
        { ...title, operator: 'foldIsNot', value: ['404', 'error'] },
        {
          any: [
            { ...lang, operator: 'langIs', value: ['en', 'fr', 'de'] },
            { fact: 'visitor', path: '$.visit_history', operator: 'equal', value: 'returning_user' },
          ],
        },
        { not: { ...url, operator: 'urlContains', value: 'admin' } },
        {
          any: [
            { ...title, operator: 'foldNotContains', value: 'internal' },
            { ...lang, operator: 'langIs', value: 'fr-ca' },
          ],
        },
        { ...url, operator: 'urlIsNot', value: 'https://acme.test' },
      ],
    },
    event: { type: 'fires' },
  });
  return engine;
}

/** Runs the bench and prints the table; returns the measurements for bench/run.ts. */
export async function runEvaluateBench(): Promise<Measurement[]> {
  const parsed = parse(ruleText);
  if (!parsed.rule) throw new Error(`bench rule does not parse: ${JSON.stringify(parsed.diagnostics)}`);
  const evaluator = createEvaluator(compile(parsed.rule, ruleText));
  const cel = celEnvironment.parse(celSource);
  const engine = createRulesEngine();
  const contexts = generateContexts();

  const implementations: Array<[string, (context: RuleContext) => boolean]> = [
    ['proactive evaluator', (context) => evaluator(context).fires],
    ['hand-written', handWritten],
    ['json-logic-js', (context) => jsonLogic.apply(jsonLogicRule as never, context) === true],
    ['cel-js', (context) => cel(context as never) === true],
  ];
  let firing = 0;
  for (const [index, context] of contexts.entries()) {
    const expected = handWritten(context);
    if (expected) firing++;
    for (const [name, run] of implementations) {
      if (run(context) !== expected)
        throw new Error(`${name} disagrees on context #${index}: ${JSON.stringify(context)}`);
    }
    const engineResult = (await engine.run(context as never)).events.length > 0;
    if (engineResult !== expected)
      throw new Error(`json-rules-engine disagrees on context #${index}: ${JSON.stringify(context)}`);
  }
  console.log(
    `evaluate: ${contexts.length} contexts, all 5 implementations agree; the rule fires on ${firing}.`,
  );

  const rounds = compareRounds(implementations, contexts, 15, 150);
  const rows = rounds.map(fastest);
  rows.push(
    await measureAsync(
      'json-rules-engine',
      async (context) => (await engine.run(context as never)).events.length > 0,
      contexts,
      1000,
    ),
  );
  printTable('Evaluate a compiled 10-condition rule (1,000 contexts)', rows, 'proactive evaluator');
  const [oursRounds, handRounds] = rounds as [Measurement[], Measurement[]];
  const hand = pairedRatios(oursRounds, handRounds);
  console.log(
    `proactive evaluator vs hand-written, round by round: ${hand.min.toFixed(2)}x min / ${hand.median.toFixed(2)}x median slower (goal <= 1.5x; fastest rounds: ${(fastest(oursRounds).nsPerOp / fastest(handRounds).nsPerOp).toFixed(2)}x)`,
  );

  // The peers again, given pre-folded contexts (the folding done for them, outside the timing), while our
  // evaluator still folds the raw contexts itself.
  const preFolded = contexts.map(preFold);
  const celPreFolded = celPreFoldedEnvironment.parse(celPreFoldedSource);
  const peers: Array<[string, (index: number) => boolean]> = [
    ['proactive evaluator', (index) => evaluator(contexts[index] as RuleContext).fires],
    [
      'json-logic-js, pre-folded',
      (index) => jsonLogic.apply(jsonLogicPreFoldedRule as never, preFolded[index]) === true,
    ],
    ['cel-js, pre-folded', (index) => celPreFolded(preFolded[index] as never) === true],
  ];
  const indexes = contexts.map((_, index) => index);
  for (const index of indexes) {
    const expected = handWritten(contexts[index] as RuleContext);
    for (const [name, run] of peers)
      if (run(index) !== expected)
        throw new Error(`${name} disagrees on context #${index}: ${JSON.stringify(preFolded[index])}`);
  }
  const preFoldedRounds = compareRounds(peers, indexes, 15, 150);
  const preFoldedRows = preFoldedRounds.map(fastest);
  printTable(
    'The peers given pre-folded contexts (ours folds the raw ones)',
    preFoldedRows,
    'proactive evaluator',
  );
  const [oursAgain, jsonLogicRounds, celRounds] = preFoldedRounds as [
    Measurement[],
    Measurement[],
    Measurement[],
  ];
  for (const [name, measured, goal] of [
    ['json-logic-js, pre-folded', jsonLogicRounds, 6],
    ['cel-js, pre-folded', celRounds, 2],
  ] as const) {
    const { min, median } = pairedRatios(measured, oursAgain);
    console.log(
      `${name}, round by round: ours ${min.toFixed(2)}x min / ${median.toFixed(2)}x median faster (goal >= ${goal}x)`,
    );
  }
  return [...rows, ...preFoldedRows.slice(1)];
}

if (import.meta.url === `file://${process.argv[1]}`) await runEvaluateBench();
