/**
 * The grammar of the rule language (a chevrotain EmbeddedActionsParser), built once per catalog
 * vocabulary: the operator and frequency alternatives are the catalog's. As it recognises a text it hands
 * what it read to {@link GrammarActions} (parser.ts builds the AST with them), with no CST in between;
 * completion asks it what may come next.
 *
 * ```
 * rule        := "when" disjunction clause*
 * clause     := timing | timeOfDay | frequency | tags
 * disjunction := conjunction ("or" conjunction)*
 * conjunction := unary ("and" unary)*
 * unary      := "not" unary | "(" disjunction ")" | comparison
 * comparison := Identifier [fieldKey] operator value
 * fieldKey   := "[" String "]"
 * operator   := one of the catalog's operator keywords: "is" | "is" "not" | "contains" | ">=" | ...
 * value      := String | "[" [String ("," String)*] "]" | Identifier | Number | "true" | "false"
 * timing     := "for" Duration ["on_site"] | "on" trigger
 * trigger    := "exit_intent" | "scroll" Percent | "idle" Duration | "event" String
 * timeOfDay  := "anytime" | ("during" | "outside") "business_hours" [String]
 * frequency  := one of the catalog's frequencies: "once_per_customer" | "once_per_visit" | ...
 * tags       := "tag" String ("," String)*
 * ```
 */
import {
  EmbeddedActionsParser,
  EOF,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import type { Catalog } from '../catalog/types.ts';
import type {
  Condition,
  Frequency,
  ListValue,
  OperatorName,
  Rule,
  SourceRange,
  StringValue,
  TimeOfDay,
  Timing,
  Value,
} from '../model/ast.ts';
import * as t from './lexer.ts';
import type { Vocabulary } from './lexer.ts';

function labelOf(tokenType: TokenType): string {
  if (tokenType === EOF) return 'the end of the rule';
  return tokenType.LABEL as string;
}

/** What a grammar rule stands for, when it is what was expected. */
const expectedByRule: Record<string, string> = {
  value: 'a value',
  unary: 'a condition',
  operator: 'an operator',
  clause: 'a clause',
  trigger: 'a trigger',
};

/**
 * What a syntax error says was expected: the distinct labels, the last one after "or".
 *
 * @example joinAlternatives(['`(`', 'a field', 'a field']) // '`(` or a field'
 */
export function joinAlternatives(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  const last = unique.pop() as string;
  return unique.length === 0 ? last : `${unique.join(', ')} or ${last}`;
}

const fixedHints: Record<string, string> = {
  comparison: 'A condition reads `field operator value`, e.g. visitor.page_url contains "pricing".',
  value:
    'A value is a "quoted string", a ["list", "of strings"], a number such as 3, true, false or a word such as returning_user.',
  fieldKey: 'A key goes in brackets after the field: visitor.attributes["plan"].',
  stringList: 'A list reads ["pricing", "plans"].',
  timing: 'Write the time on the page as minutes:seconds, e.g. for 0:30.',
  trigger:
    'After `on` comes exit_intent, scroll N% (e.g. scroll 50%), idle M:SS (e.g. idle 0:30) or event "name".',
  timeOfDay:
    'Write `during business_hours` or `outside business_hours`, optionally followed by a schedule name in quotes.',
  tags: 'Tags read: tag "vip", "sales".',
  unary: 'A condition reads `field operator value`, e.g. visitor.page_url contains "pricing".',
};

/** Syntax error messages that name what was expected, in the catalog's words, with a hint. */
function errorMessagesFor(catalog: Catalog, vocabulary: Vocabulary): IParserErrorMessageProvider {
  const hintsByRule: Record<string, string> = {
    ...fixedHints,
    operator: `Operators: ${catalog.operators.map((operator) => operator.keyword).join(', ')}.`,
  };
  const withHint = (message: string, ruleName: string): string => {
    const hint = hintsByRule[ruleName];
    return hint ? `${message} ${hint}` : message;
  };
  const describeToken = (token: IToken): string => {
    if (token.tokenType === EOF) return 'the end of the rule';
    const lower = token.image.toLowerCase();
    if (token.tokenType === t.Identifier && vocabulary.keywords.includes(lower) && lower !== token.image) {
      return `\`${token.image}\` (keywords are lower-case: write \`${lower}\`)`;
    }
    return `\`${token.image}\``;
  };
  const clauses = [
    'for M:SS [on_site] or on exit_intent / scroll N% / idle M:SS / event "name"',
    catalog.timesOfDay.map((entry) => entry.keyword).join(' / '),
    catalog.frequencies.map((entry) => entry.name).join(' / '),
  ].join(', ');
  return {
    buildMismatchTokenMessage({ expected, actual, ruleName }) {
      return withHint(`Expected ${labelOf(expected)} but found ${describeToken(actual)}.`, ruleName);
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return `Unexpected ${describeToken(firstRedundant)}. After the condition come, in any order: ${clauses}, and tag "...". Join conditions with and / or.`;
    },
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, ruleName }) {
      const firsts = expectedPathsPerAlt.flatMap((paths) => paths.map((path) => path[0])).filter(Boolean);
      const expected =
        expectedByRule[ruleName] ??
        joinAlternatives(firsts.map((tokenType) => labelOf(tokenType as TokenType)));
      return withHint(`Expected ${expected} but found ${describeToken(actual[0] as IToken)}.`, ruleName);
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, ruleName }) {
      const firsts = expectedIterationPaths.map((path) => path[0]).filter(Boolean);
      return withHint(
        `Expected ${joinAlternatives(firsts.map((tokenType) => labelOf(tokenType as TokenType)))} but found ${describeToken(actual[0] as IToken)}.`,
        ruleName,
      );
    },
  };
}

/** Occurrence numbers: chevrotain tells apart two uses of one token in a rule by their index. */
function occurrences() {
  const counts = new Map<TokenType, number>();
  return (token: TokenType): number => {
    const next = counts.get(token) ?? 0;
    counts.set(token, next + 1);
    return next;
  };
}

/** A node as the parser builds it: always with its range. */
export type Located<T> = T & { range: SourceRange };

/** A timing clause as written: the time on the page (`for M:SS [on_site]`) or a trigger after `on`. */
export type TimingSyntax =
  | { kind: 'on_page' | 'on_site'; duration: IToken }
  | { kind: 'exit_intent' }
  | { kind: 'scroll'; percent: IToken }
  | { kind: 'idle'; duration: IToken }
  | { kind: 'custom'; name: Located<StringValue> };

/** A clause as written (clauses may come in any order, each at most once), with its range. */
export type Clause = (
  | { name: 'timing'; value: Timing }
  | { name: 'timeOfDay'; value: TimeOfDay }
  | { name: 'frequency'; value: Frequency }
  | { name: 'tags'; value: Located<StringValue>[] }
) & { range: SourceRange };

/**
 * What the grammar does with what it recognises (parser.ts builds the AST). Called only while the text
 * has no syntax error: after one the parse reports errors and no AST, so nothing more is built.
 */
export interface GrammarActions {
  rule(when: IToken, condition: Located<Condition>, clauses: readonly Clause[]): Located<Rule>;
  /** An `and` or `or` of one or more operands (one operand is itself). */
  group(kind: 'and' | 'or', operands: readonly Located<Condition>[]): Located<Condition>;
  not(not: IToken, operand: Located<Condition>): Located<Condition>;
  parenthesized(open: IToken, inner: Located<Condition>, close: IToken): Located<Condition>;
  comparison(
    field: IToken,
    key: Located<StringValue> | undefined,
    operator: OperatorName,
    value: Located<Value>,
  ): Located<Condition>;
  string(token: IToken): Located<StringValue>;
  list(open: IToken, items: StringValue[], close: IToken): Located<ListValue>;
  /** A symbol, number, `true` or `false`. */
  word(token: IToken): Located<Value>;
  timing(written: TimingSyntax, range: SourceRange): Timing;
  timeOfDay(word: IToken, schedule: Located<StringValue> | undefined, range: SourceRange): TimeOfDay;
}

class RuleGrammar extends EmbeddedActionsParser {
  /** Set by the parser before each parse; the grammar alone (completion) builds nothing. */
  actions: GrammarActions | undefined;

  // Alternatives are built once and reused: chevrotain's recommended way to keep OR cheap.
  private clauseAlternatives?: IOrAlt<{ name: Clause['name']; value: unknown }>[];
  private unaryAlternatives?: IOrAlt<Located<Condition> | undefined>[];
  private operatorAlternatives?: IOrAlt<OperatorName>[];
  private valueAlternatives?: IOrAlt<Located<Value> | undefined>[];
  private timingAlternatives?: IOrAlt<Timing | undefined>[];
  private triggerAlternatives?: IOrAlt<TimingSyntax>[];
  private stringAlternatives?: IOrAlt<IToken>[];
  private timeOfDayAlternatives?: IOrAlt<TimeOfDay | undefined>[];
  private timeOfDayInnerAlternatives?: IOrAlt<IToken>[];
  private frequencyAlternatives?: IOrAlt<Frequency>[];

  private readonly vocabulary: Vocabulary;

  constructor(catalog: Catalog, vocabulary: Vocabulary) {
    super(vocabulary.allTokens, {
      recoveryEnabled: true,
      errorMessageProvider: errorMessagesFor(catalog, vocabulary),
      maxLookahead: Math.max(2, ...vocabulary.operators.map((operator) => operator.tokens.length)),
    });
    this.vocabulary = vocabulary;
    this.performSelfAnalysis();
  }

  /**
   * The actions, when this step should build: not while chevrotain records the grammar, and not after
   * a syntax error (chevrotain's `errors` getter copies the list, so its own `_errors` is read).
   */
  private get building(): GrammarActions | undefined {
    return this.RECORDING_PHASE || (this as unknown as { _errors: unknown[] })._errors.length > 0
      ? undefined
      : this.actions;
  }

  /** From `first` to the end of the last token consumed. */
  private rangeFrom(first: IToken): SourceRange {
    const last = this.LA(0);
    return { start: first.startOffset, end: last.startOffset + last.image.length };
  }

  /** The whole rule: its AST when the text has no syntax error, else undefined. */
  public rule = this.RULE('rule', () => {
    const when = this.CONSUME(t.When);
    const condition = this.SUBRULE(this.disjunction);
    const clauses: Clause[] = [];
    this.MANY(() => {
      clauses.push(this.SUBRULE(this.clause) as Clause);
    });
    return this.building?.rule(when, condition as Located<Condition>, clauses);
  });

  private clause = this.RULE('clause', () => {
    const first = this.LA(1);
    const clause = this.OR(
      (this.clauseAlternatives ??= [
        { ALT: () => ({ name: 'timing', value: this.SUBRULE(this.timing) }) },
        { ALT: () => ({ name: 'timeOfDay', value: this.SUBRULE(this.timeOfDay) }) },
        { ALT: () => ({ name: 'frequency', value: this.SUBRULE(this.frequency) }) },
        { ALT: () => ({ name: 'tags', value: this.SUBRULE(this.tags) }) },
      ]),
    );
    return this.building && ({ ...clause, range: this.rangeFrom(first) } as Clause);
  });

  private disjunction = this.RULE('disjunction', () => {
    const operands = [this.SUBRULE(this.conjunction) as Located<Condition>];
    this.MANY(() => {
      this.CONSUME(t.Or);
      operands.push(this.SUBRULE2(this.conjunction) as Located<Condition>);
    });
    return this.building?.group('or', operands);
  });

  private conjunction = this.RULE('conjunction', () => {
    const operands = [this.SUBRULE(this.unary) as Located<Condition>];
    this.MANY(() => {
      this.CONSUME(t.And);
      operands.push(this.SUBRULE2(this.unary) as Located<Condition>);
    });
    return this.building?.group('and', operands);
  });

  private unary: () => Located<Condition> | undefined = this.RULE('unary', () =>
    this.OR(
      (this.unaryAlternatives ??= [
        {
          ALT: () => {
            const not = this.CONSUME(t.Not);
            const operand = this.SUBRULE(this.unary);
            return this.building?.not(not, operand as Located<Condition>);
          },
        },
        {
          ALT: () => {
            const open = this.CONSUME(t.LParen);
            const inner = this.SUBRULE(this.disjunction);
            const close = this.CONSUME(t.RParen);
            return this.building?.parenthesized(open, inner as Located<Condition>, close);
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]),
    ),
  );

  private readonly optionalFieldKey = () => this.SUBRULE(this.fieldKey);

  private comparison = this.RULE('comparison', () => {
    const field = this.CONSUME(t.Identifier);
    const key = this.OPTION(this.optionalFieldKey);
    const operator = this.SUBRULE(this.operator);
    const value = this.SUBRULE(this.value);
    return this.building?.comparison(field, key, operator, value as Located<Value>);
  });

  /** The key of a keyed field: the string in brackets. */
  private fieldKey = this.RULE('fieldKey', () => {
    this.CONSUME(t.LBracket);
    const key = this.SUBRULE(this.string);
    this.CONSUME(t.RBracket);
    return key;
  });

  /** The catalog operator whose words these are. */
  private operator = this.RULE('operator', () =>
    this.OR((this.operatorAlternatives ??= this.alternativesOf(this.vocabulary.operators))),
  );

  /** One alternative per operator, consuming its words (two uses of a word get different occurrences). */
  private alternativesOf(operators: Vocabulary['operators']): IOrAlt<OperatorName>[] {
    const occurrence = occurrences();
    return operators.map((operator) => {
      const steps = operator.tokens.map((token) => ({ token, index: occurrence(token) }));
      return {
        ALT: () => {
          for (const { token, index } of steps) this.consume(index, token);
          return operator.name;
        },
      };
    });
  }

  private value = this.RULE('value', () =>
    this.OR(
      (this.valueAlternatives ??= [
        { ALT: () => this.SUBRULE(this.string) },
        { ALT: () => this.SUBRULE(this.stringList) },
        { ALT: () => this.word(this.CONSUME(t.Identifier)) },
        { ALT: () => this.word(this.CONSUME(t.NumberLiteral)) },
        { ALT: () => this.word(this.CONSUME(t.True)) },
        { ALT: () => this.word(this.CONSUME(t.False)) },
      ]),
    ),
  );

  private word(token: IToken): Located<Value> | undefined {
    return this.building?.word(token);
  }

  private string = this.RULE('string', () => {
    const token = this.OR(
      (this.stringAlternatives ??= [
        { ALT: () => this.CONSUME(t.StringLiteral) },
        { ALT: () => this.CONSUME(t.UnterminatedString) },
      ]),
    );
    return this.building?.string(token);
  });

  private stringList = this.RULE('stringList', () => {
    const open = this.CONSUME(t.LBracket);
    const items: StringValue[] = [];
    this.MANY_SEP({
      SEP: t.Comma,
      DEF: () => {
        items.push(this.SUBRULE(this.string) as StringValue);
      },
    });
    const close = this.CONSUME(t.RBracket);
    return this.building?.list(open, items, close);
  });

  private timing = this.RULE('timing', () =>
    this.OR(
      (this.timingAlternatives ??= [
        {
          ALT: () => {
            const first = this.CONSUME(t.For);
            const duration = this.CONSUME(t.Duration);
            const onSite = this.OPTION(() => this.CONSUME(t.OnSite));
            const kind = onSite ? 'on_site' : 'on_page';
            return this.building?.timing({ kind, duration }, this.rangeFrom(first));
          },
        },
        {
          ALT: () => {
            const first = this.CONSUME(t.On);
            const trigger = this.SUBRULE(this.trigger);
            return this.building?.timing(trigger, this.rangeFrom(first));
          },
        },
      ]),
    ),
  );

  private trigger = this.RULE('trigger', () =>
    this.OR<TimingSyntax>(
      (this.triggerAlternatives ??= [
        { ALT: () => (this.CONSUME(t.ExitIntent), { kind: 'exit_intent' }) },
        { ALT: () => (this.CONSUME(t.Scroll), { kind: 'scroll', percent: this.CONSUME(t.Percent) }) },
        { ALT: () => (this.CONSUME(t.Idle), { kind: 'idle', duration: this.CONSUME(t.Duration) }) },
        {
          ALT: () => {
            this.CONSUME(t.Event);
            return { kind: 'custom', name: this.SUBRULE(this.string) as Located<StringValue> };
          },
        },
      ]),
    ),
  );

  private timeOfDay = this.RULE('timeOfDay', () =>
    this.OR(
      (this.timeOfDayAlternatives ??= [
        {
          ALT: () => {
            const word = this.CONSUME(t.Anytime);
            return this.building?.timeOfDay(word, undefined, this.rangeFrom(word));
          },
        },
        {
          ALT: () => {
            const word = this.OR2(
              (this.timeOfDayInnerAlternatives ??= [
                { ALT: () => this.CONSUME(t.During) },
                { ALT: () => this.CONSUME(t.Outside) },
              ]),
            );
            this.CONSUME(t.BusinessHours);
            const schedule = this.OPTION(() => this.SUBRULE(this.string));
            return this.building?.timeOfDay(word, schedule, this.rangeFrom(word));
          },
        },
      ]),
    ),
  );

  private frequency = this.RULE('frequency', () =>
    this.OR(
      (this.frequencyAlternatives ??= this.vocabulary.frequencies.map((token) => ({
        ALT: () => this.CONSUME(token).image as Frequency,
      }))),
    ),
  );

  private tags = this.RULE('tags', () => {
    this.CONSUME(t.Tag);
    const tags: Located<StringValue>[] = [];
    this.AT_LEAST_ONE_SEP({
      SEP: t.Comma,
      DEF: () => {
        tags.push(this.SUBRULE(this.string) as Located<StringValue>);
      },
    });
    return tags;
  });
}

export type { RuleGrammar };

/**
 * The grammar of a catalog's vocabulary (chevrotain parsers are built once and reused).
 *
 * @example createGrammar(catalog, createVocabulary(catalog)).computeContentAssist('rule', tokens)
 */
export function createGrammar(catalog: Catalog, vocabulary: Vocabulary): RuleGrammar {
  return new RuleGrammar(catalog, vocabulary);
}
