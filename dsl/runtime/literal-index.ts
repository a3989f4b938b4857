/**
 * The literal index of a channel's rules: a rule whose condition needs one of a few pieces of text in a
 * field (`page_url contains "pricing"`, `page_title is "Plans"`, `page_url starts with
 * "https://acme.test/blog"`) is tested only when the field holds one of them. One automaton per field
 * finds the pieces of every rule in one scan of the page's text, so an event costs what the rules that may
 * fire cost, not what the channel holds.
 *
 * Given to `createChannelEvaluator(rules, { index: literalIndex })`; a widget loads it on demand for
 * channels large enough to need it (small channels test every rule of the event's type).
 */
import type { CompiledRule, CompiledValue } from '../compile/compiled.ts';
import type { AnyRuntimeKind } from '../kinds/runtime.ts';
import { slotFor, slotValue, type AnyRecord, type RuleScope, type Values } from './rule.ts';
import { createSubstringAutomaton, type SubstringAutomaton } from './substring-automaton.ts';

/**
 * Indexes a group of rules (indexes into `rules`, in order, all waiting for the same event type); returns
 * the candidates of an evaluation: the indexes, in order, of the rules worth testing.
 */
export type RuleIndex = (
  group: readonly number[],
  rules: readonly CompiledRule[],
  scope: RuleScope,
  kinds: Readonly<Record<string, AnyRuntimeKind>>,
) => (values: Values) => readonly number[];

/** A condition's literal needs: (slot, literal) pairs one of which must hold, or null when there are none. */
type Needs = Array<[number, string]> | null;

/**
 * What a compiled condition needs for it to hold: for a comparison, its kind's fragments of each value;
 * for `and`, the smallest need of its operands; for `or`, the union of its operands' needs, if each has
 * one; `not` needs nothing. Throws on a malformed condition (the rule is refused when built).
 */
function needsOf(node: AnyRecord, scope: RuleScope, kinds: Readonly<Record<string, AnyRuntimeKind>>): Needs {
  if (node.t === 'cmp') {
    const kind = kinds[node.match as string] as AnyRuntimeKind;
    if (!kind.fragment || kind.type) return null;
    const keys = (node.field as string).split('.');
    if (node.key !== undefined) keys.push(node.key as string);
    const slot = slotFor(scope, keys, node.match as string, kind);
    const needs: Array<[number, string]> = [];
    for (const value of node.values as string[]) {
      const fragment = kind.fragment(node.op as string, value);
      if (!fragment) return null;
      needs.push([slot, fragment]);
    }
    return needs;
  }
  if (node.t === 'not') return null;
  const operands = (node.of as AnyRecord[]).map((operand) => needsOf(operand, scope, kinds));
  if (node.t === 'or')
    return operands.some((needs) => !needs) ? null : (operands as Array<Array<[number, string]>>).flat();
  let smallest: Needs = null;
  for (const needs of operands) if (needs && (!smallest || needs.length < smallest.length)) smallest = needs;
  return smallest;
}

/** The literals of one field, and the automaton that finds them (built on the first scan). */
interface FieldLiterals {
  /** The field's prepared value in an evaluation. */
  value: (values: Values) => CompiledValue | null;
  texts: string[];
  /** Per literal (by its place in `texts`): the rules that need it, or another of theirs. */
  rules: number[][];
  automaton?: SubstringAutomaton;
}

/**
 * The literal index (see the module comment).
 *
 * @example createChannelEvaluator(rules, { index: literalIndex })
 */
export const literalIndex: RuleIndex = (group, rules, scope, kinds) => {
  const always: number[] = [];
  const fields = new Map<number, FieldLiterals>();
  const places = new Map<string, number>();
  for (const index of group) {
    let needs: Needs;
    try {
      needs = needsOf((rules[index] as CompiledRule).when as unknown as AnyRecord, scope, kinds);
    } catch {
      // Malformed: refused (and listed) when the rule is built.
      needs = null;
    }
    if (!needs) always.push(index);
    else
      for (const [slot, text] of needs) {
        let field = fields.get(slot);
        if (!field) fields.set(slot, (field = { value: slotValue(scope, slot), texts: [], rules: [] }));
        const key = `${slot} ${text}`;
        let place = places.get(key);
        if (place === undefined) {
          places.set(key, (place = field.texts.length));
          field.texts.push(text);
          field.rules.push([]);
        }
        const list = field.rules[place] as number[];
        if (list[list.length - 1] !== index) list.push(index);
      }
  }
  if (fields.size === 0) return () => always;

  // Per evaluation: the rules to test, each once (stamped with the evaluation's number: no clearing).
  let evaluation = 0;
  const queuedAt = new Uint32Array(rules.length);
  return (values) => {
    const stamp = ++evaluation;
    const candidates = always.slice();
    for (const field of fields.values()) {
      const text = field.value(values);
      if (typeof text !== 'string') continue;
      field.automaton ??= createSubstringAutomaton(field.texts);
      field.automaton.scan(text, (place) => {
        for (const index of field.rules[place] as number[])
          if (queuedAt[index] !== stamp) {
            queuedAt[index] = stamp;
            candidates.push(index);
          }
      });
    }
    return candidates.length === always.length ? candidates : candidates.sort((a, b) => a - b);
  };
};
