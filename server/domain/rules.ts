/**
 * The server's one doorway to the rule language: turns what an admin sends (rule text or AST JSON plus the
 * `time_of_day` / `frequency` / `tags` views) into the stored trio — canonical text, AST, diagnostics —
 * and the compiled wire form. Text and AST never disagree: the AST is always re-derived from the printed
 * text, so it is in the parser's normal form.
 */
import { check, compile, parse, print } from '@proactive/dsl';
import { withoutRanges, type Frequency, type Rule, type TimeOfDay } from '@proactive/dsl';
import type { AttributeDeclaration, Diagnostic } from '@proactive/dsl';
import type { CompiledRule } from '@proactive/dsl';
import { compiledRuleSchema } from '@proactive/dsl';
import type { TimeOfDayView } from '@proactive/contract/admin';

export interface RuleOptions {
  /** Names of the schedules that exist (for `during business_hours "Name"`). */
  schedules: string[];
  /** Whether the message's channel has a business-hours schedule. */
  hasBusinessHours: boolean;
  /**
   * The visitor attributes the brand declares (settings): an undeclared key is a warning, a value of
   * another type than the declared one an error. Left out, keys are not checked.
   */
  attributes?: AttributeDeclaration[];
}

export interface RuleEdit {
  rules?: string;
  rule?: Rule | null;
  tags?: string[];
  time_of_day?: TimeOfDayView;
  frequency?: Frequency;
}

export interface RuleState {
  rules: string;
  rule: Rule | null;
  diagnostics: Diagnostic[];
  compiled: CompiledRule | null;
}

/** Thrown when a view field is set on a message whose rule text does not parse (there is no AST to edit). */
export class RuleNotEditable extends Error {}

const isError = (diagnostic: Diagnostic) => diagnostic.severity === 'error';

/**
 * Whether a rule state may go live: it has a rule and no error diagnostics.
 *
 * @example isPublishable(analyse('when visitor.page_url contains "x"', options)) // true
 */
export function isPublishable(state: RuleState): boolean {
  return state.rule !== null && !state.diagnostics.some(isError);
}

/**
 * Parses, validates and (when clean) compiles rule text. Text that parses is replaced by its canonical
 * form; text with syntax errors is kept exactly as typed with the errors, and has no AST.
 *
 * @example analyse('when visitor.page_url contains "pricing"', { schedules: [], hasBusinessHours: false })
 */
export function analyse(text: string, options: RuleOptions): RuleState {
  if (text.trim() === '') return { rules: text, rule: null, diagnostics: [], compiled: null };
  const parsed = parse(text);
  if (!parsed.rule || parsed.diagnostics.some(isError)) {
    return { rules: text, rule: null, diagnostics: parsed.diagnostics, compiled: null };
  }
  return fromRule(parsed.rule, options);
}

/**
 * The state for an AST: printed to canonical text, re-parsed into normal form, validated, compiled.
 *
 * @example fromRule(rule, { schedules: ['EMEA support'], hasBusinessHours: true }).rules
 */
export function fromRule(rule: Rule, options: RuleOptions): RuleState {
  const canonical = print(withoutRanges(rule));
  const checked = check(canonical, options);
  if (!checked.rule)
    return { rules: canonical, rule: null, diagnostics: checked.diagnostics, compiled: null };
  const normal = withoutRanges(checked.rule);
  const compiled = checked.diagnostics.some(isError) ? null : compiledRuleSchema.parse(compile(normal));
  return {
    rules: canonical,
    rule: normal,
    diagnostics: checked.diagnostics,
    compiled: compiled as CompiledRule | null,
  };
}

/**
 * Applies an edit to the stored state: rule text or AST first, then the view fields on top of it.
 * Throws {@link RuleNotEditable} when a view field is set but there is no AST to set it on.
 *
 * @example applyRuleEdit(state, { frequency: 'every_time' }, options)
 */
export function applyRuleEdit(current: RuleState, edit: RuleEdit, options: RuleOptions): RuleState {
  let state = current;
  if (edit.rules !== undefined) state = analyse(edit.rules, options);
  else if (edit.rule !== undefined)
    state = edit.rule === null ? analyse('', options) : fromRule(edit.rule, options);

  const viewEdits = edit.tags !== undefined || edit.time_of_day !== undefined || edit.frequency !== undefined;
  if (!viewEdits)
    return edit.rules === undefined && edit.rule === undefined ? revalidate(state, options) : state;
  if (!state.rule) {
    if (edit.rules !== undefined) return state; // keep the typed text; its syntax errors explain why
    throw new RuleNotEditable(
      'time_of_day, frequency and tags are part of the rule: write the rule\'s conditions first (send "rules" or "rule").',
    );
  }
  const rule: Rule = { ...state.rule };
  if (edit.tags !== undefined) {
    rule.tags = [...new Set(edit.tags.map((tag) => tag.toLowerCase()))];
    delete rule.tagRanges;
  }
  if (edit.frequency !== undefined) rule.frequency = edit.frequency;
  if (edit.time_of_day !== undefined) rule.timeOfDay = toTimeOfDay(edit.time_of_day);
  return fromRule(rule, options);
}

/**
 * Re-checks a stored state against the current schedules and channel (they may have changed since).
 *
 * @example revalidate(state, { schedules: [], hasBusinessHours: false })
 */
export function revalidate(state: RuleState, options: RuleOptions): RuleState {
  return state.rule ? fromRule(state.rule, options) : analyse(state.rules, options);
}

function toTimeOfDay(view: TimeOfDayView): TimeOfDay {
  return view.kind === 'anytime' ? { kind: 'anytime' } : { kind: view.kind, schedule: view.schedule };
}

/**
 * The API view of a rule's time of day.
 *
 * @example timeOfDayView({ kind: 'during', schedule: null }) // { kind: 'during', schedule: null }
 */
export function timeOfDayView(timeOfDay: TimeOfDay): TimeOfDayView {
  return timeOfDay.kind === 'anytime'
    ? { kind: 'anytime' }
    : { kind: timeOfDay.kind, schedule: timeOfDay.schedule };
}
