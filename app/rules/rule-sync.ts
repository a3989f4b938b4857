/**
 * Keeps the Visual and Text views of one rule in step. Both are views of the same AST:
 * - a visual edit changes the AST, and the text is reprinted (canonical) only when the AST changed;
 * - typed text is parsed on every change; when it has no syntax errors its AST becomes the builder's,
 *   and the typed text is kept exactly (formatting, comments) as long as the AST stays equal;
 * - text with syntax errors cannot switch to Visual (the first error says where and why);
 * - an incomplete builder (a row without a value, ...) cannot switch to Text.
 * Pure functions over an immutable state, so the editor component stays thin and this is unit-tested.
 */
import { rulesEqual, type Rule } from '@proactive/dsl';
import type { Diagnostic } from '@proactive/dsl';
import { lineColumnAt } from '@proactive/dsl';
import { parse, print } from '@proactive/dsl';
import {
  emptyBuilderRule,
  isBlank,
  fromRule,
  toRule,
  type BuilderProblem,
  type BuilderRule,
  type RuleRest,
} from './builder-model.ts';

export type RuleView = 'visual' | 'text';

export interface RuleState {
  view: RuleView;
  builder: BuilderRule;
  /** The rule text: as typed in the Text view, or printed from the AST after visual edits. */
  text: string;
  /** The AST of `text` when it has no syntax errors. */
  textRule: Rule | null;
  /** Syntax errors of `text`. */
  syntaxErrors: Diagnostic[];
}

/** Why a switch of view was refused. */
export type SwitchRefusal =
  | { reason: 'syntax'; line: number; column: number; message: string }
  | { reason: 'incomplete'; problems: BuilderProblem[] };

/**
 * The state for a stored rule text (what the server returned), in the Visual view when it parses.
 *
 * @example initialRuleState('when visitor.page_url contains "pricing"').view // 'visual'
 */
export function initialRuleState(text: string | null | undefined): RuleState {
  if (!text || !text.trim()) {
    const builder = emptyBuilderRule();
    return { view: 'visual', builder, text: '', textRule: null, syntaxErrors: [] };
  }
  const parsed = parse(text);
  if (!parsed.rule) {
    return {
      view: 'text',
      builder: emptyBuilderRule(),
      text,
      textRule: null,
      syntaxErrors: parsed.diagnostics,
    };
  }
  return { view: 'visual', builder: fromRule(parsed.rule), text, textRule: parsed.rule, syntaxErrors: [] };
}

/**
 * The AST the state stands for right now (null when incomplete or unparseable).
 *
 * @example currentRule(state)?.frequency // 'once_per_visit'
 */
export function currentRule(state: RuleState): Rule | null {
  if (state.view === 'text') return state.textRule;
  return toRule(state.builder).rule;
}

/**
 * Applies a visual edit (new builder). The text follows the AST: reprinted only when the AST changed.
 *
 * @example editBuilder(state, setValue(...))
 */
export function editBuilder(state: RuleState, builder: BuilderRule): RuleState {
  const rule = toRule(builder).rule;
  if (!rule || (state.textRule && rulesEqual(rule, state.textRule))) return { ...state, builder };
  return { ...state, builder, text: print(rule), textRule: rule, syntaxErrors: [] };
}

/**
 * Applies typed text. When it parses, the builder follows its AST (keeping the builder as it is when the
 * AST did not change, so row ids and half-edited rows survive).
 *
 * @example editText(state, 'when visitor.page_url contains "plans"')
 */
export function editText(state: RuleState, text: string): RuleState {
  if (text === state.text) return state;
  const parsed = parse(text);
  if (!parsed.rule) return { ...state, text, textRule: null, syntaxErrors: parsed.diagnostics };
  const builderRule = toRule(state.builder).rule;
  const builder = builderRule && rulesEqual(builderRule, parsed.rule) ? state.builder : fromRule(parsed.rule);
  return { ...state, text, textRule: parsed.rule, syntaxErrors: [], builder };
}

/**
 * Switches view, or says why it cannot.
 *
 * @example const result = switchView(state, 'visual'); if ('refused' in result) show(result.refused);
 */
export function switchView(
  state: RuleState,
  view: RuleView,
): { state: RuleState } | { refused: SwitchRefusal } {
  if (view === state.view) return { state };
  if (view === 'visual') {
    const first = state.syntaxErrors[0];
    if (first) {
      const { line, column } = lineColumnAt(state.text, first.range.start);
      return { refused: { reason: 'syntax', line, column, message: first.message } };
    }
    return { state: { ...state, view } };
  }
  const { rule, problems } = toRule(state.builder);
  // A fresh rule with no values yet opens the Text view on the current (usually empty) text.
  if (!rule && isBlank(state.builder.root)) return { state: { ...state, view } };
  if (!rule) return { refused: { reason: 'incomplete', problems } };
  if (state.textRule && rulesEqual(rule, state.textRule)) return { state: { ...state, view } };
  return { state: { ...state, view, text: print(rule), textRule: rule, syntaxErrors: [] } };
}

/**
 * The text to save: the typed/printed text, or the builder's rule printed when the text lags behind.
 * Null when there is nothing savable (an incomplete builder in the Visual view).
 *
 * @example textToSave(state) // 'when visitor.page_url contains "pricing"'
 */
export function textToSave(state: RuleState): string | null {
  if (state.view === 'text') return state.text;
  const rule = toRule(state.builder).rule;
  if (!rule) return null;
  return state.textRule && rulesEqual(rule, state.textRule) ? state.text : print(rule);
}

/**
 * The rule's timing, time of day, frequency and tags as the form shows them (null while the text has
 * syntax errors).
 *
 * @example currentRest(state)?.frequency // 'once_per_visit'
 */
export function currentRest(state: RuleState): RuleRest | null {
  if (state.view === 'text') return state.textRule ? fromRule(state.textRule).rest : null;
  return state.builder.rest;
}

/**
 * What the timing, time of day, frequency and tags fields show: the current rule's, or while the text has
 * a syntax error the last rule that parsed (kept by the builder), so the fields never go blank; they are
 * read-only then ({@link currentRest} is null).
 *
 * @example shownRest(editText(state, 'when visitor.page_url contains')).timing // as before the typo
 */
export function shownRest(state: RuleState): RuleRest {
  return currentRest(state) ?? state.builder.rest;
}

/**
 * Edits timing, time of day, frequency or tags from the form, in either view; the text follows the AST.
 *
 * @example editRest(state, { frequency: 'every_time' })
 */
export function editRest(state: RuleState, patch: Partial<RuleRest>): RuleState {
  if (state.view === 'text') {
    if (!state.textRule) return state;
    const rule: Rule = { ...state.textRule, ...patch };
    if (rulesEqual(rule, state.textRule)) return state;
    return { ...state, text: print(rule), textRule: rule, builder: fromRule(rule), syntaxErrors: [] };
  }
  return editBuilder(state, { ...state.builder, rest: { ...state.builder.rest, ...patch } });
}
