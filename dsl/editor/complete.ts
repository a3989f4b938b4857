/**
 * Completion: what may come next at the cursor. The grammar says which tokens are possible
 * (chevrotain's computeContentAssist); the catalog fills in fields and the operators the field allows,
 * and the field's kind the values it takes.
 */
import type { IToken, TokenType } from 'chevrotain';
import type {
  AttributeDeclaration,
  Catalog,
  EventEntry,
  FieldEntry,
  OperatorEntry,
} from '../catalog/types.ts';
import type { RuleLanguage } from '../language.ts';
import type { SourceRange } from '../model/ast.ts';
import * as t from '../syntax/lexer.ts';
import { decodeString, encodeString } from '../syntax/strings.ts';
import { createLexing, type Lex } from './lexing.ts';
import { clauseStarts, createStatement, type ClauseName } from './statement.ts';

export type CompletionKind = 'keyword' | 'field' | 'operator' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Text that replaces `range` of the result. */
  insertText: string;
  detail?: string;
  documentation?: string;
}

/**
 * What the editor knows beyond the text (see `ValidateOptions`): the attribute keys the site declares, and
 * the names of the channel's schedules.
 */
export interface EditorOptions {
  attributes?: readonly AttributeDeclaration[];
  schedules?: readonly string[];
}

/** How completion is built: the lexer it shares with the other services, and what it hands the grammar. */
export interface CompletionSetup {
  lex?: Lex;
  /**
   * `statement` (the default): the statement around the cursor (statement.ts), from the text's tokens.
   * `whole`: the text before the cursor lexed anew, every token of it read by the grammar; what
   * `statement` must agree with on rules without errors (a property test checks it), and slower the
   * longer the text.
   */
  prefix?: 'statement' | 'whole';
}

export interface CompletionResult {
  /**
   * What the chosen item replaces: the word before the cursor (empty when none), or the whole string the
   * cursor is in, closing quote included.
   */
  range: SourceRange;
  items: CompletionItem[];
}

/**
 * The label of a catalog object, e.g. "Visitor".
 *
 * @example objectLabel(catalog, 'device') // 'Device'
 */
export function objectLabel(catalog: Catalog, name: string): string {
  return catalog.objects.find((object) => object.name === name)?.label ?? name;
}

/** The completion item that writes a trigger (`rest` drops the words already written). */
function triggerItem(event: EventEntry, rest = event.example): CompletionItem {
  return { label: rest, kind: 'snippet', insertText: rest, detail: event.label, documentation: event.doc };
}

/** Keyword-like tokens and the completion each offers. */
function keywordItems(catalog: Catalog, frequencyTokens: readonly TokenType[]) {
  const { keywordDocs, events, timesOfDay, frequencies } = catalog;
  const timeOfDayTokens: Record<string, TokenType> = {
    anytime: t.Anytime,
    during: t.During,
    outside: t.Outside,
  };
  const event = (name: string) => events.find((entry) => entry.name === name) as EventEntry;
  /** The trigger word after `on`, and the entry it writes. */
  const triggerTokens: readonly [TokenType, string][] = [
    [t.ExitIntent, 'exit_intent'],
    [t.Scroll, 'scroll'],
    [t.Idle, 'idle'],
    [t.Event, 'custom'],
  ];
  return new Map<TokenType, CompletionItem[]>([
    [t.When, [{ label: 'when', kind: 'keyword', insertText: 'when ', documentation: keywordDocs.when }]],
    [t.And, [{ label: 'and', kind: 'keyword', insertText: 'and ', documentation: keywordDocs.and }]],
    [t.Or, [{ label: 'or', kind: 'keyword', insertText: 'or ', documentation: keywordDocs.or }]],
    [t.Not, [{ label: 'not', kind: 'keyword', insertText: 'not ', documentation: keywordDocs.not }]],
    [t.LParen, [{ label: '(', kind: 'snippet', insertText: '(', detail: 'Group conditions' }]],
    [t.RParen, [{ label: ')', kind: 'snippet', insertText: ')', detail: 'Close the group' }]],
    [
      t.For,
      [
        {
          label: 'for 0:30',
          kind: 'snippet',
          insertText: 'for 0:30',
          detail: event('on_page').label,
          documentation: keywordDocs.for,
        },
        triggerItem(event('on_site')),
      ],
    ],
    [t.On, triggerTokens.map(([, name]) => triggerItem(event(name)))],
    ...triggerTokens.map(([token, name]): [TokenType, CompletionItem[]] => [
      token,
      [triggerItem(event(name), event(name).example.slice('on '.length))],
    ]),
    [
      t.OnSite,
      [
        {
          label: 'on_site',
          kind: 'keyword',
          insertText: 'on_site',
          detail: event('on_site').label,
          documentation: keywordDocs.on_site,
        },
      ],
    ],
    [t.Percent, [{ label: '50%', kind: 'value', insertText: '50%', detail: 'percent of the page' }]],
    [t.Tag, [{ label: 'tag', kind: 'keyword', insertText: 'tag ""', documentation: keywordDocs.tag }]],
    [
      t.BusinessHours,
      [
        {
          label: 'business_hours',
          kind: 'keyword',
          insertText: 'business_hours',
          documentation: keywordDocs.business_hours,
        },
      ],
    ],
    ...timesOfDay.map((entry): [TokenType, CompletionItem[]] => [
      timeOfDayTokens[entry.name] as TokenType,
      [
        {
          label: entry.keyword,
          kind: 'keyword',
          insertText: entry.keyword,
          detail: entry.label,
          documentation: entry.doc,
        },
      ],
    ]),
    ...frequencies.map((entry, index): [TokenType, CompletionItem[]] => [
      frequencyTokens[index] as TokenType,
      [
        {
          label: entry.name,
          kind: 'keyword',
          insertText: entry.name,
          detail: entry.label,
          documentation: entry.doc,
        },
      ],
    ]),
  ]);
}

/** Tokens that begin a value (or a string inside a list or after `tag`). */
const valueStarts: TokenType[] = [
  t.StringLiteral,
  t.UnterminatedString,
  t.LBracket,
  t.Identifier,
  t.NumberLiteral,
  t.True,
  t.False,
];

function wordRangeAt(text: string, offset: number): SourceRange {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_.:"-]/.test(text.charAt(start - 1))) start--;
  return { start, end: offset };
}

/** The number of tokens that start before `offset` (tokens are in text order). */
function countBefore(tokens: readonly IToken[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((tokens[middle] as IToken).startOffset < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

const endOf = (token: IToken) => token.startOffset + token.image.length;

/**
 * The completion of a catalog's language.
 *
 * @example createCompletion(language)('when visitor.page_url ', 22).items.map((item) => item.label) // ['is', 'is not', 'contains', 'does not contain']
 */
export function createCompletion(
  language: RuleLanguage,
  { lex = createLexing(language.syntax.vocabulary), prefix = 'statement' }: CompletionSetup = {},
): (text: string, offset: number, options?: EditorOptions) => CompletionResult {
  const { catalog } = language;
  const { vocabulary, grammar } = language.syntax;
  const keywords = keywordItems(catalog, vocabulary.frequencies);
  const clauses = clauseStarts(vocabulary);
  const statementOf = createStatement(vocabulary);

  /** The channel's schedules, after `during business_hours` / `outside business_hours`. */
  const scheduleItems = (options: EditorOptions): CompletionItem[] =>
    (options.schedules ?? []).map((name) => ({
      label: encodeString(name),
      kind: 'value',
      insertText: encodeString(name),
      detail: 'Schedule',
      documentation: `Uses the business hours of the schedule ${encodeString(name)} (in its own time zone) instead of the channel's.`,
    }));

  const fieldItems = (): CompletionItem[] =>
    catalog.fields.map((field) => ({
      label: field.name,
      kind: 'field',
      // A keyed field goes on with its key, which completes next.
      insertText: field.key ? `${field.name}["` : `${field.name} `,
      detail: `${objectLabel(catalog, field.object)} › ${field.label}`,
      documentation: field.doc,
    }));

  /** The declarations of a field's keys, when the editor was given them. */
  const declarationsOf = (field: FieldEntry | undefined, options: EditorOptions) =>
    field?.key?.declarations ? (options[field.key.declarations] ?? []) : [];

  /** Keys of a keyed field: the declared ones, or the field's example key. `close` adds the `]`. */
  function keyItems(field: FieldEntry | undefined, options: EditorOptions, open: string): CompletionItem[] {
    if (!field?.key) return [];
    const declared = declarationsOf(field, options);
    const keys = declared.length > 0 ? declared : [{ key: decodeString(field.key.example).value }];
    return keys.map((declaration) => {
      const label = `${open}${encodeString(declaration.key)}${open ? ']' : ''}`;
      const about =
        'type' in declaration ? `${declaration.label ?? declaration.key} (${declaration.type})` : undefined;
      return {
        label,
        kind: 'value' as const,
        insertText: `${open}${encodeString(declaration.key)}] `,
        detail: about ?? `A ${field.key?.label}`,
      };
    });
  }

  /** The operators of the field (all when it is unknown) that continue the operator words typed so far. */
  function operatorItems(field: FieldEntry | undefined, typed: readonly string[]): CompletionItem[] {
    const names = field?.operators ?? catalog.operators.map((operator) => operator.name);
    return names.flatMap((name) => {
      // Catalogs only let fields allow operators they have.
      const operator = catalog.operatorByName(name) as OperatorEntry;
      const words = operator.keyword.split(' ');
      if (words.length <= typed.length || typed.some((word, index) => words[index] !== word)) return [];
      const rest = words.slice(typed.length).join(' ');
      return [
        {
          label: rest,
          kind: 'operator' as const,
          insertText: `${rest} `,
          detail: operator.label,
          documentation: operator.doc,
        },
      ];
    });
  }

  const valueItems = (field: FieldEntry | undefined, key: string | undefined, options: EditorOptions) => {
    if (!field) return [{ label: '""', kind: 'value' as const, insertText: '""' }];
    const declared = declarationsOf(field, options).find((declaration) => declaration.key === key);
    return catalog.kindOf(field).completeValue(field, { key, declared });
  };

  /** The operator words written after the comparison's field (the text ends inside an operator). */
  function typedOperatorWords(tokens: IToken[]): string[] {
    let start = tokens.length;
    while (vocabulary.operatorWords.has((tokens[start - 1] as IToken).tokenType)) start--;
    return tokens.slice(start).map((token) => token.image);
  }

  /**
   * The field of the comparison being written, and its key: the identifier before the key, operator and
   * value tokens.
   */
  function currentField(tokens: IToken[]): { field?: FieldEntry; key?: string } {
    for (let index = tokens.length - 1; index >= 0; index--) {
      const token = tokens[index] as IToken;
      if (token.tokenType === t.Identifier) return { field: catalog.fieldByName(token.image) };
      const [open, key] = [tokens[index - 2], tokens[index - 1]];
      if (
        token.tokenType === t.RBracket &&
        open?.tokenType === t.LBracket &&
        key?.tokenType === t.StringLiteral &&
        tokens[index - 3]?.tokenType === t.Identifier
      ) {
        return {
          field: catalog.fieldByName((tokens[index - 3] as IToken).image),
          key: decodeString(key.image).value,
        };
      }
      const partOfValue = [t.LBracket, t.Comma, t.StringLiteral].includes(token.tokenType);
      if (!partOfValue && !vocabulary.operatorWords.has(token.tokenType)) return {};
    }
    return {};
  }

  /** What may come next after `before`, read from the statement around the cursor. */
  function nextPaths(before: IToken[]) {
    if (prefix === 'whole') return grammar.computeContentAssist('rule', before);
    const statement = statementOf(before);
    const paths = grammar.computeContentAssist('rule', statement.tokens);
    if (paths.length > 0 || !statement.recovery) return paths;
    return grammar.computeContentAssist('rule', statement.recovery);
  }

  /**
   * What the chosen item replaces: a whole string when the cursor is in one (with the quote the editor
   * closed by itself), else the word before the cursor. `typed` is what filters the items.
   */
  function replacedRange(text: string, tokens: readonly IToken[], offset: number) {
    const token = tokens[countBefore(tokens, offset) - 1];
    const isString = token?.tokenType === t.StringLiteral || token?.tokenType === t.UnterminatedString;
    if (token && isString && offset <= endOf(token)) {
      const end = token.tokenType === t.StringLiteral ? endOf(token) : offset;
      return { range: { start: token.startOffset, end }, typed: text.slice(token.startOffset, offset) };
    }
    const range = wordRangeAt(text, offset);
    return { range, typed: text.slice(range.start, range.end) };
  }

  /** The tokens before `end`, a token that runs past it cut there (as if the text ended at `end`). */
  function tokensBefore(text: string, tokens: readonly IToken[], end: number): IToken[] {
    const count = countBefore(tokens, end);
    const last = tokens[count - 1];
    if (!last || endOf(last) <= end) return tokens.slice(0, count);
    const cut = vocabulary.lexer.tokenize(text.slice(last.startOffset, end)).tokens.map((token) => ({
      ...token,
      startOffset: token.startOffset + last.startOffset,
    }));
    return [...tokens.slice(0, count - 1), ...cut];
  }

  /** The clauses the rule says already (the token at `except`, being typed over, does not count). */
  function clausesPresent(tokens: readonly IToken[], except: number): Set<ClauseName> {
    const present = new Set<ClauseName>();
    for (const token of tokens) {
      const clause = clauses.get(token.tokenType);
      if (clause && token.startOffset !== except) present.add(clause);
    }
    return present;
  }

  const inComment = (comments: readonly IToken[], offset: number) =>
    comments.some((comment) => comment.startOffset < offset && offset <= endOf(comment));

  return (text, offset, options = {}) => {
    const lexed = lex(text);
    const { range, typed: written } = replacedRange(text, lexed.tokens, offset);
    const typed = written.toLowerCase();
    if (inComment(lexed.groups.comments as IToken[], offset)) return { range, items: [] };
    const before =
      prefix === 'whole'
        ? vocabulary.lexer.tokenize(text.slice(0, range.start)).tokens
        : tokensBefore(text, lexed.tokens, range.start);
    const paths = nextPaths(before);
    const present = clausesPresent(lexed.tokens, range.start);
    const items: CompletionItem[] = [];
    const { field, key } = currentField(before);
    for (const path of paths) {
      const rule = path.ruleStack.at(-1);
      const next = path.nextTokenType;
      const startsValue = valueStarts.includes(next) && rule !== 'comparison';
      const clause = clauses.get(next);
      if (clause && present.has(clause)) continue;
      if (rule === 'fieldKey' && next === t.LBracket) {
        items.push(...keyItems(field, options, '['));
      } else if (path.ruleStack.includes('fieldKey')) {
        items.push(
          ...(next === t.RBracket
            ? [{ label: ']', kind: 'snippet' as const, insertText: '] ', detail: 'Close the key' }]
            : keyItems(field, options, '')),
        );
      } else if (rule === 'operator') {
        // A keyed field's key comes first: no operator before it.
        if (!field?.key || key !== undefined) items.push(...operatorItems(field, typedOperatorWords(before)));
      } else if (startsValue && path.ruleStack.includes('comparison')) {
        items.push(...valueItems(field, key, options));
      } else if (startsValue && path.ruleStack.includes('trigger')) {
        items.push({ label: '""', kind: 'value', insertText: '""', detail: 'The name the site tracks' });
      } else if (startsValue && path.ruleStack.includes('tags')) {
        items.push({ label: '""', kind: 'value', insertText: '""' });
      } else if (startsValue && path.ruleStack.includes('timeOfDay')) {
        items.push(...scheduleItems(options));
      } else if (next === t.Identifier && rule === 'comparison') {
        items.push(...fieldItems());
      } else if (next === t.Duration) {
        items.push({ label: '0:30', kind: 'value', insertText: '0:30', detail: 'minutes:seconds' });
      } else {
        items.push(...(keywords.get(next) ?? []));
      }
    }
    const seen = new Set<string>();
    const unique = items.filter((item) => {
      if (seen.has(item.label) || !item.label.toLowerCase().startsWith(typed)) return false;
      seen.add(item.label);
      return true;
    });
    return { range, items: unique };
  };
}
