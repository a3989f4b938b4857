/**
 * The grammar of the rule language (a chevrotain CstParser). One instance is created and reused; the
 * visitor in parser.ts turns its CST into the AST, and completion asks it what may come next.
 *
 * ```
 * rule        := "when" disjunction clause*
 * clause     := timing | timeOfDay | frequency | tags
 * disjunction := conjunction ("or" conjunction)*
 * conjunction := unary ("and" unary)*
 * unary      := "not" unary | "(" disjunction ")" | comparison
 * comparison := Identifier operator value
 * operator   := "is" ["not"] | "contains" | "does" "not" "contain"
 * value      := String | "[" [String ("," String)*] "]" | Identifier
 * timing     := "for" Duration
 * timeOfDay  := "anytime" | ("during" | "outside") "business_hours" [String]
 * frequency  := "once_per_customer" | "once_per_visit" | "every_time"
 * tags       := "tag" String ("," String)*
 * ```
 */
import {
  CstParser,
  EOF,
  type IOrAlt,
  type IParserErrorMessageProvider,
  type IToken,
  type TokenType,
} from 'chevrotain';
import * as t from './lexer.ts';

function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return 'the end of the rule';
  const lower = token.image.toLowerCase();
  if (token.tokenType === t.Identifier && t.keywords.includes(lower) && lower !== token.image) {
    return `\`${token.image}\` (keywords are lower-case: write \`${lower}\`)`;
  }
  return `\`${token.image}\``;
}

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
};

function joinAlternatives(labels: string[]): string {
  const unique = [...new Set(labels)];
  const last = unique.pop() as string;
  return unique.length === 0 ? last : `${unique.join(', ')} or ${last}`;
}

const hintsByRule: Record<string, string> = {
  comparison: 'A condition reads `field operator value`, e.g. visitor.page_url contains "pricing".',
  operator: 'Operators: is, is not, contains, does not contain.',
  value: 'A value is a "quoted string", a ["list", "of strings"] or a word such as returning_user.',
  stringList: 'A list reads ["pricing", "plans"].',
  timing: 'Write the time on the page as minutes:seconds, e.g. for 0:30.',
  timeOfDay:
    'Write `during business_hours` or `outside business_hours`, optionally followed by a schedule name in quotes.',
  tags: 'Tags read: tag "vip", "sales".',
  unary: 'A condition reads `field operator value`, e.g. visitor.page_url contains "pricing".',
};

const errorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    return withHint(`Expected ${labelOf(expected)} but found ${describeToken(actual)}.`, ruleName);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `Unexpected ${describeToken(firstRedundant)}. After the condition come, in any order: for M:SS, anytime / during business_hours / outside business_hours, once_per_customer / once_per_visit / every_time, and tag "...". Join conditions with and / or.`;
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

function withHint(message: string, ruleName: string): string {
  const hint = hintsByRule[ruleName];
  return hint ? `${message} ${hint}` : message;
}

class RuleGrammar extends CstParser {
  // Alternatives are built once and reused: chevrotain's recommended way to keep OR cheap.
  private clauseAlternatives?: IOrAlt<unknown>[];
  private unaryAlternatives?: IOrAlt<unknown>[];
  private operatorAlternatives?: IOrAlt<unknown>[];
  private valueAlternatives?: IOrAlt<unknown>[];
  private stringAlternatives?: IOrAlt<unknown>[];
  private timeOfDayAlternatives?: IOrAlt<unknown>[];
  private timeOfDayInnerAlternatives?: IOrAlt<unknown>[];
  private frequencyAlternatives?: IOrAlt<unknown>[];

  constructor() {
    super(t.allTokens, {
      recoveryEnabled: true,
      errorMessageProvider: errorMessages,
      maxLookahead: 2,
      nodeLocationTracking: 'none',
    });
    this.performSelfAnalysis();
  }

  public rule = this.RULE('rule', () => {
    this.CONSUME(t.When);
    this.SUBRULE(this.disjunction);
    this.MANY(() => this.SUBRULE(this.clause));
  });

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

  private disjunction = this.RULE('disjunction', () => {
    this.SUBRULE(this.conjunction);
    this.MANY(() => {
      this.CONSUME(t.Or);
      this.SUBRULE2(this.conjunction);
    });
  });

  private conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.unary);
    this.MANY(() => {
      this.CONSUME(t.And);
      this.SUBRULE2(this.unary);
    });
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

  private comparison = this.RULE('comparison', () => {
    this.CONSUME(t.Identifier);
    this.SUBRULE(this.operator);
    this.SUBRULE(this.value);
  });

  private operator = this.RULE('operator', () => {
    this.OR(
      (this.operatorAlternatives ??= [
        {
          ALT: () => {
            this.CONSUME(t.Is);
            this.OPTION(() => this.CONSUME(t.Not));
          },
        },
        { ALT: () => this.CONSUME(t.Contains) },
        {
          ALT: () => {
            this.CONSUME(t.Does);
            this.CONSUME2(t.Not);
            this.CONSUME(t.Contain);
          },
        },
      ]),
    );
  });

  private value = this.RULE('value', () => {
    this.OR(
      (this.valueAlternatives ??= [
        { ALT: () => this.SUBRULE(this.string) },
        { ALT: () => this.SUBRULE(this.stringList) },
        { ALT: () => this.CONSUME(t.Identifier) },
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

  private stringList = this.RULE('stringList', () => {
    this.CONSUME(t.LBracket);
    this.MANY_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.string) });
    this.CONSUME(t.RBracket);
  });

  private timing = this.RULE('timing', () => {
    this.CONSUME(t.For);
    this.CONSUME(t.Duration);
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
      (this.frequencyAlternatives ??= [
        { ALT: () => this.CONSUME(t.OncePerCustomer) },
        { ALT: () => this.CONSUME(t.OncePerVisit) },
        { ALT: () => this.CONSUME(t.EveryTime) },
      ]),
    );
  });

  private tags = this.RULE('tags', () => {
    this.CONSUME(t.Tag);
    this.AT_LEAST_ONE_SEP({ SEP: t.Comma, DEF: () => this.SUBRULE(this.string) });
  });
}

/** The one grammar instance (chevrotain parsers are built once and reused). */
export const grammar = new RuleGrammar();
