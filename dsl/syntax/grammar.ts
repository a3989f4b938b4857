/**
 * The grammar of the rule language (a chevrotain CstParser), built once per catalog vocabulary: the
 * operator and frequency alternatives are the catalog's. The visitor in parser.ts turns its CST (typed by
 * the generated syntax/cst.d.ts) into the AST, and completion asks it what may come next.
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
  CstParser,
  EOF,
  type CstNode,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IToken,
  type ParserMethod,
  type TokenType,
} from 'chevrotain';
import type { Catalog } from '../catalog/types.ts';
import type { RuleCstNode } from './cst.d.ts';
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

class RuleGrammar extends CstParser {
  // Alternatives are built once and reused: chevrotain's recommended way to keep OR cheap.
  private clauseAlternatives?: IOrAlt<unknown>[];
  private unaryAlternatives?: IOrAlt<unknown>[];
  private operatorAlternatives?: IOrAlt<unknown>[];
  private valueAlternatives?: IOrAlt<unknown>[];
  private timingAlternatives?: IOrAlt<unknown>[];
  private triggerAlternatives?: IOrAlt<unknown>[];
  private stringAlternatives?: IOrAlt<unknown>[];
  private timeOfDayAlternatives?: IOrAlt<unknown>[];
  private timeOfDayInnerAlternatives?: IOrAlt<unknown>[];
  private frequencyAlternatives?: IOrAlt<unknown>[];

  private readonly vocabulary: Vocabulary;

  constructor(catalog: Catalog, vocabulary: Vocabulary) {
    super(vocabulary.allTokens, {
      recoveryEnabled: true,
      errorMessageProvider: errorMessagesFor(catalog, vocabulary),
      maxLookahead: Math.max(2, ...vocabulary.operators.map((operator) => operator.tokens.length)),
      nodeLocationTracking: 'none',
    });
    this.vocabulary = vocabulary;
    this.performSelfAnalysis();
  }

  /**
   * Starts the CST node of a rule invocation. Chevrotain's own gives each node `children:
   * Object.create(null)`, which V8 keeps as a slow, large dictionary: on a 2,000-line rule that was a
   * third of the parse's garbage. A plain object takes the same keys (rule and token names, none of them
   * an `Object.prototype` name) and stays small and fast.
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as { CST_STACK: CstNode[] }).CST_STACK.push({ name: fullRuleName, children: {} });
  }

  /** The whole rule; its CST is typed by the generated syntax/cst.d.ts. */
  public rule = this.RULE('rule', () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.disjunction);
    this.MANY(() => this.SUBRULE(this.clause));
  }) as ParserMethod<[], RuleCstNode>;

  private clause = this.RULE('clause', () => {
    this.OR(
      (this.clauseAlternatives ??= [
        { ALT: () => this.SUBRULE(this.timing) },
        { ALT: () => this.SUBRULE(this.timeOfDay) },
        { ALT: () => this.SUBRULE(this.frequency) },
        { ALT: () => this.SUBRULE(this.tags) },
      ]),
    );
  });

  // Repetitions and options called for every condition are built once, as the alternatives are.
  private readonly nextConjunction = () => {
    this.CONSUME(t.Or);
    this.SUBRULE2(this.conjunction);
  };

  private disjunction = this.RULE('disjunction', () => {
    this.SUBRULE(this.conjunction);
    this.MANY(this.nextConjunction);
  });

  private readonly nextUnary = () => {
    this.CONSUME(t.And);
    this.SUBRULE2(this.unary);
  };

  private conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.unary);
    this.MANY(this.nextUnary);
  });

  private unary = this.RULE('unary', () => {
    this.OR(
      (this.unaryAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(t.Not);
            this.SUBRULE(this.unary);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.LParen);
            this.SUBRULE(this.disjunction);
            this.CONSUME(t.RParen);
          },
        },
        { ALT: () => this.SUBRULE(this.comparison) },
      ]),
    );
  });

  private readonly optionalFieldKey = () => this.SUBRULE(this.fieldKey);

  private comparison = this.RULE('comparison', () => {
    this.CONSUME(t.Identifier);
    this.OPTION(this.optionalFieldKey);
    this.SUBRULE(this.operator);
    this.SUBRULE(this.value);
  });

  private fieldKey = this.RULE('fieldKey', () => {
    this.CONSUME(t.LBracket);
    this.SUBRULE(this.string);
    this.CONSUME(t.RBracket);
  });

  private operator = this.RULE('operator', () => {
    this.OR((this.operatorAlternatives ??= this.alternativesOf(this.vocabulary.operators)));
  });

  /** One alternative per operator, consuming its words (two uses of a word get different occurrences). */
  private alternativesOf(operators: Vocabulary['operators']): IOrAlt<unknown>[] {
    const occurrence = occurrences();
    return operators.map((operator) => {
      const steps = operator.tokens.map((token) => ({ token, index: occurrence(token) }));
      return {
        ALT: () => {
          for (const { token, index } of steps) this.consume(index, token);
        },
      };
    });
  }

  private value = this.RULE('value', () => {
    this.OR(
      (this.valueAlternatives ??= [
        { ALT: () => this.SUBRULE(this.string) },
        { ALT: () => this.SUBRULE(this.stringList) },
        { ALT: () => this.CONSUME(t.Identifier) },
        { ALT: () => this.CONSUME(t.NumberLiteral) },
        { ALT: () => this.CONSUME(t.True) },
        { ALT: () => this.CONSUME(t.False) },
      ]),
    );
  });

  private string = this.RULE('string', () => {
    this.OR(
      (this.stringAlternatives ??= [
        { ALT: () => this.CONSUME(t.StringLiteral) },
        { ALT: () => this.CONSUME(t.UnterminatedString) },
      ]),
    );
  });

  private readonly listItems = { SEP: t.Comma, DEF: () => this.SUBRULE(this.string) };

  private stringList = this.RULE('stringList', () => {
    this.CONSUME(t.LBracket);
    this.MANY_SEP(this.listItems);
    this.CONSUME(t.RBracket);
  });

  private timing = this.RULE('timing', () => {
    this.OR(
      (this.timingAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(t.For);
            this.CONSUME(t.Duration);
            this.OPTION(() => this.CONSUME(t.OnSite));
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.On);
            this.SUBRULE(this.trigger);
          },
        },
      ]),
    );
  });

  private trigger = this.RULE('trigger', () => {
    this.OR(
      (this.triggerAlternatives ??= [
        { ALT: () => this.CONSUME(t.ExitIntent) },
        {
          ALT: () => {
            this.CONSUME(t.Scroll);
            this.CONSUME(t.Percent);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Idle);
            this.CONSUME(t.Duration);
          },
        },
        {
          ALT: () => {
            this.CONSUME(t.Event);
            this.SUBRULE(this.string);
          },
        },
      ]),
    );
  });

  private timeOfDay = this.RULE('timeOfDay', () => {
    this.OR(
      (this.timeOfDayAlternatives ??= [
        { ALT: () => this.CONSUME(t.Anytime) },
        {
          ALT: () => {
            this.OR2(
              (this.timeOfDayInnerAlternatives ??= [
                { ALT: () => this.CONSUME(t.During) },
                { ALT: () => this.CONSUME(t.Outside) },
              ]),
            );
            this.CONSUME(t.BusinessHours);
            this.OPTION(() => this.SUBRULE(this.string));
          },
        },
      ]),
    );
  });

  private frequency = this.RULE('frequency', () => {
    this.OR(
      (this.frequencyAlternatives ??= this.vocabulary.frequencies.map((token) => ({
        ALT: () => this.CONSUME(token),
      }))),
    );
  });

  private tags = this.RULE('tags', () => {
    this.CONSUME(t.Tag);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.string) });
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
