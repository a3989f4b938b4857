/**
 * Completion: what may come next at the cursor. The grammar says which tokens are possible
 * (chevrotain's computeContentAssist); the catalog fills in fields, the operators the field allows,
 * and the values it takes.
 */
import type { IToken, TokenType } from 'chevrotain';
import type { SourceRange } from '../model/ast.ts';
import {
  events,
  fieldByName,
  fields,
  frequencies,
  keywordDocs,
  objects,
  operatorByName,
  suggestedLanguages,
  timesOfDay,
  type FieldEntry,
  type SymbolEntry,
} from '../catalog/catalog.ts';
import { grammar } from '../syntax/grammar.ts';
import * as t from '../syntax/lexer.ts';
import { encodeString } from '../syntax/strings.ts';

export type CompletionKind = 'keyword' | 'field' | 'operator' | 'value' | 'snippet';

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  /** Text that replaces `range` of the result. */
  insertText: string;
  detail?: string;
  documentation?: string;
}

export interface CompletionResult {
  /** The word being typed at the cursor (empty range when none), replaced by the chosen item. */
  range: SourceRange;
  items: CompletionItem[];
}

/** Keyword-like tokens and the completion each offers. */
const keywordItems = new Map<TokenType, CompletionItem[]>([
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
        detail: events.find((event) => event.name === 'on_page')?.label,
        documentation: keywordDocs.for,
      },
    ],
  ],
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
    entry.name === 'anytime' ? t.Anytime : entry.name === 'during' ? t.During : t.Outside,
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
  ...frequencies.map((entry): [TokenType, CompletionItem[]] => [
    entry.name === 'once_per_customer'
      ? t.OncePerCustomer
      : entry.name === 'once_per_visit'
        ? t.OncePerVisit
        : t.EveryTime,
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

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * The English name of a language tag, or the tag itself when it has none.
 *
 * @example languageName('pt-BR') // 'Brazilian Portuguese'
 */
export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) as string;
  } catch {
    return tag;
  }
}

/**
 * The label of a catalog object, e.g. "Visitor".
 *
 * @example objectLabel('device') // 'Device'
 */
export function objectLabel(name: string): string {
  return objects.find((object) => object.name === name)?.label ?? name;
}

function fieldItems(): CompletionItem[] {
  return fields.map((field) => ({
    label: field.name,
    kind: 'field',
    insertText: `${field.name} `,
    detail: `${objectLabel(field.object)} › ${field.label}`,
    documentation: field.doc,
  }));
}

function operatorItems(field: FieldEntry | undefined, afterIs: boolean): CompletionItem[] {
  const names = field?.operators ?? (['is', 'is_not', 'contains', 'does_not_contain'] as const);
  return names
    .map((name) => operatorByName(name))
    .filter((operator) => !afterIs || operator.name === 'is_not')
    .map((operator) => ({
      label: afterIs ? 'not' : operator.keyword,
      kind: 'operator',
      insertText: `${afterIs ? 'not' : operator.keyword} `,
      detail: operator.label,
      documentation: operator.doc,
    }));
}

function valueItems(field: FieldEntry | undefined): CompletionItem[] {
  if (!field) return [{ label: '""', kind: 'value', insertText: '""' }];
  if (field.match === 'symbol') {
    return (field.symbols as readonly SymbolEntry[]).map((symbol) => ({
      label: symbol.name,
      kind: 'value',
      insertText: symbol.name,
      detail: symbol.label,
      documentation: symbol.doc,
    }));
  }
  const list: CompletionItem = {
    label: '[…]',
    kind: 'snippet',
    insertText: `[${field.example}]`,
    detail: 'A list of values',
  };
  if (field.match === 'language') {
    return [
      ...suggestedLanguages.map((tag): CompletionItem => {
        const name = languageName(tag);
        return {
          label: encodeString(tag),
          kind: 'value',
          insertText: encodeString(tag),
          ...(name ? { detail: name } : {}),
        };
      }),
      list,
    ];
  }
  return [{ label: field.example, kind: 'value', insertText: field.example, detail: field.label }, list];
}

/** The field of the comparison being written: the identifier before the operator tokens at the end. */
function currentField(tokens: IToken[]): FieldEntry | undefined {
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index] as IToken;
    if (token.tokenType === t.Identifier) return fieldByName(token.image);
    if (
      ![t.Is, t.Not, t.Contains, t.Does, t.Contain, t.LBracket, t.Comma, t.StringLiteral].includes(
        token.tokenType,
      )
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** Tokens that begin a value (or a string inside a list or after `tag`). */
const valueStarts: TokenType[] = [t.StringLiteral, t.UnterminatedString, t.LBracket, t.Identifier];

function wordRangeAt(text: string, offset: number): SourceRange {
  let start = offset;
  while (start > 0 && /[A-Za-z0-9_.:"-]/.test(text.charAt(start - 1))) start--;
  return { start, end: offset };
}

/**
 * Completion items at `offset` in `text`, filtered by the word being typed.
 *
 * @example complete('when visitor.page_url ', 22).items.map((item) => item.label) // ['is', 'is not', 'contains', 'does not contain']
 */
export function complete(text: string, offset: number): CompletionResult {
  const range = wordRangeAt(text, offset);
  const typed = text.slice(range.start, range.end).toLowerCase();
  const before = t.ruleLexer.tokenize(text.slice(0, range.start)).tokens;
  const paths = grammar.computeContentAssist('rule', before);
  const items: CompletionItem[] = [];
  const lastToken = before.at(-1);
  const field = currentField(before);
  for (const path of paths) {
    const rule = path.ruleStack.at(-1);
    const next = path.nextTokenType;
    const startsValue = valueStarts.includes(next) && rule !== 'comparison';
    if (rule === 'operator' || next === t.Contains || next === t.Does) {
      items.push(...operatorItems(field, lastToken?.tokenType === t.Is));
    } else if (startsValue && path.ruleStack.includes('comparison')) {
      items.push(...valueItems(field));
    } else if (startsValue && path.ruleStack.includes('tags')) {
      items.push({ label: '""', kind: 'value', insertText: '""' });
    } else if (next === t.Identifier && rule === 'comparison') {
      items.push(...fieldItems());
    } else if (next === t.Duration) {
      items.push({ label: '0:30', kind: 'value', insertText: '0:30', detail: 'minutes:seconds' });
    } else {
      items.push(...(keywordItems.get(next) ?? []));
    }
  }
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    if (seen.has(item.label) || !item.label.toLowerCase().startsWith(typed)) return false;
    seen.add(item.label);
    return true;
  });
  return { range, items: unique };
}
