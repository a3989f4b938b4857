/**
 * What an evaluation answers: whether the rule fires and why (or why not). Types only.
 */
import type { Frequency, OperatorName } from '../model/ast.ts';
import type { CompiledEvent, CompiledValue } from '../compile/compiled.ts';
import type { ContextEvent } from '../catalog/context.ts';

/** One node of the condition tree with its result; comparisons carry the value they saw. */
export type ExplainNode =
  | { kind: 'and' | 'or' | 'not'; result: boolean; children: ExplainNode[] }
  | {
      kind: 'comparison';
      field: string;
      /** The key of a keyed field (`visitor.attributes["plan"]` has field `visitor.attributes`, key `plan`). */
      key?: string;
      operator: OperatorName;
      /** The rule's values, normalised (lower-cased text, canonical language tags, numbers, booleans). */
      expected: CompiledValue[];
      /**
       * The context's value as given, or null when it is missing or of a type the kind cannot read (a
       * number where text is compared is shown, and compares false).
       */
      actual: CompiledValue | null;
      result: boolean;
    };

export interface EventExplain {
  /** The event the rule waits for. */
  expected: CompiledEvent;
  /** The context's event, or null when it is missing or malformed. */
  actual: ContextEvent | null;
  result: boolean;
}

export interface TimeOfDayExplain {
  mode: 'anytime' | 'during' | 'outside';
  /** The key in the context's `schedules` (`default` = the channel's business hours). */
  schedule?: string;
  time_zone?: string;
  /** The instant in the schedule's time zone: `2026-11-27 10:04 fri`. */
  local_time?: string;
  /** Whether the schedule was open at that time. */
  open?: boolean;
  /** The holiday that closed the schedule. */
  holiday?: string;
  result: boolean;
}

export interface Explanation {
  conditions: ExplainNode;
  event: EventExplain;
  time_of_day: TimeOfDayExplain;
  /** Reported only: applying it needs the visitor's history, which the widget keeps. */
  frequency: Frequency;
}

export interface EvaluationError {
  /** `missing-schedule`, `invalid-schedule` or `invalid-now`. */
  code: string;
  message: string;
}

export interface Evaluation {
  fires: boolean;
  /**
   * Built on first access (most callers only need `fires`), from the context as it is then: do not
   * change a context object between evaluating it and reading the explanation.
   */
  explain: Explanation;
  /** Set when the context cannot answer the rule (the rule then does not fire). */
  error?: EvaluationError;
}
