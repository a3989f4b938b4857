import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  rulesEqual,
  type Comparison,
  type Condition,
  type Rule,
  type StringValue,
  type Value,
} from '@proactive/dsl';
import { fields, operators } from '@proactive/dsl';
import {
  addItem,
  emptyBuilderRule,
  findNode,
  fromCondition,
  fromRule,
  isBlank,
  moveItem,
  newGroup,
  removeItem,
  setField,
  setGroupOperator,
  setNegated,
  setObject,
  setOperator,
  setValue,
  stringsToValue,
  toCondition,
  toRule,
  valueFitsField,
  valueStrings,
  type ConditionNode,
  type GroupNode,
} from './builder-model.ts';

const str = (value: string): StringValue => ({ kind: 'string', value });
const cmp = (field: string, operator: Comparison['operator'], value: Value): Comparison => ({
  kind: 'comparison',
  field,
  operator,
  value,
});
const url = cmp('visitor.page_url', 'contains', str('pricing'));
const title = cmp('visitor.page_title', 'is_not', { kind: 'list', items: [str('Plans'), str('Docs')] });
const history = cmp('visitor.visit_history', 'is', { kind: 'symbol', name: 'returning_user' });
const language = cmp('device.language', 'is', str('fr'));

function roundTrip(condition: Condition): Condition | null {
  return toCondition(fromCondition(condition)).condition;
}

describe('AST -> builder -> AST is lossless', () => {
  it.each([
    ['page URL text', url],
    ['page title list', title],
    ['visit history symbol', history],
    ['device language', language],
    ['language list', cmp('device.language', 'is_not', { kind: 'list', items: [str('fr'), str('pt-BR')] })],
    ['one-item list stays a list', cmp('visitor.page_url', 'contains', { kind: 'list', items: [str('a')] })],
  ])('every field kind: %s', (_name, condition) => {
    const root = fromCondition(condition);
    expect(root.items).toHaveLength(1);
    const row = root.items[0] as ConditionNode;
    expect(row.field).toBe(condition.field);
    expect(row.object).toBe(condition.field.split('.')[0]);
    expect(rulesEqual(roundTrip(condition), condition)).toBe(true);
  });

  it('maps a nested AND/OR to a root group with a nested group', () => {
    const condition: Condition = {
      kind: 'and',
      operands: [url, { kind: 'or', operands: [history, language] }],
    };
    const root = fromCondition(condition);
    expect(root.operator).toBe('and');
    expect(root.items.map((item) => item.type)).toEqual(['condition', 'group']);
    expect((root.items[1] as GroupNode).operator).toBe('or');
    expect(rulesEqual(roundTrip(condition), condition)).toBe(true);
  });

  it('keeps NOT on conditions and groups, and double negation', () => {
    const notGroup: Condition = { kind: 'not', operand: { kind: 'or', operands: [url, title] } };
    const condition: Condition = {
      kind: 'and',
      operands: [
        { kind: 'not', operand: history },
        notGroup,
        { kind: 'not', operand: { kind: 'not', operand: language } },
      ],
    };
    const root = fromCondition(condition);
    expect((root.items[0] as ConditionNode).negated).toBe(true);
    expect((root.items[1] as GroupNode).negated).toBe(true);
    expect(rulesEqual(roundTrip(condition), condition)).toBe(true);
    expect(rulesEqual(roundTrip(notGroup), notGroup)).toBe(true);
    const negatedRoot = fromCondition(notGroup);
    expect(negatedRoot.negated).toBe(true);
  });

  it('keeps comments on comparisons, also under NOT', () => {
    const condition: Condition = {
      kind: 'or',
      operands: [
        { ...url, comments: { before: ['the pricing page'], after: 'main' } },
        { kind: 'not', operand: { ...language, comments: { before: ['not French'] } } },
      ],
    };
    expect(rulesEqual(roundTrip(condition), condition)).toBe(true);
  });

  it('keeps timing, time of day, frequency, tags and rule comments', () => {
    const rule: Rule = {
      kind: 'rule',
      condition: url,
      timing: { kind: 'on_page', minutes: 0, seconds: 30, range: { start: 1, end: 2 } },
      timeOfDay: { kind: 'during', schedule: 'EMEA support' },
      frequency: 'once_per_customer',
      tags: ['pricing', 'vip'],
      comments: { before: ['Pricing visitors'] },
      range: { start: 0, end: 10 },
    };
    const builder = fromRule(rule);
    expect(builder.rest.timing).toEqual({ kind: 'on_page', minutes: 0, seconds: 30 });
    expect(rulesEqual(toRule(builder).rule, rule)).toBe(true);
  });

  it('holds for generated normalised conditions (property)', () => {
    const leaf = fc.constantFrom<Condition>(url, title, history, language);
    const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.record({ kind: fc.constant('not' as const), operand: tie('tree') }),
        fc.record({
          kind: fc.constantFrom('and' as const, 'or' as const),
          operands: fc.array(tie('tree'), { minLength: 2, maxLength: 4 }),
        }),
      ),
    }));
    fc.assert(
      fc.property(tree.map(normalise), (condition) => rulesEqual(roundTrip(condition), condition)),
      { seed: 42, numRuns: 2000 },
    );
  });
});

/** Same normal form as the parser's: same-kind children merge into their parent. */
function normalise(condition: Condition): Condition {
  if (condition.kind === 'comparison') return condition;
  if (condition.kind === 'not') return { kind: 'not', operand: normalise(condition.operand) };
  const operands = condition.operands
    .map(normalise)
    .flatMap((operand) => (operand.kind === condition.kind ? operand.operands : [operand]));
  return { kind: condition.kind, operands };
}

describe('builder -> AST normalises', () => {
  it('merges a nested group with the same operator as its parent', () => {
    const root = fromCondition({
      kind: 'and',
      operands: [url, { kind: 'or', operands: [history, language] }],
    });
    const nested = root.items[1] as GroupNode;
    const merged = toCondition(setGroupOperator(root, nested.id, 'and')).condition;
    expect(merged).toEqual({ kind: 'and', operands: [url, history, language] });
  });

  it('turns a one-item group into its item', () => {
    const root = fromCondition({
      kind: 'and',
      operands: [url, { kind: 'or', operands: [history, language] }],
    });
    const nested = root.items[1] as GroupNode;
    const withoutOne = removeItem(root, (nested.items[0] as ConditionNode).id);
    expect(toCondition(withoutOne).condition).toEqual({ kind: 'and', operands: [url, language] });
  });

  it('a negated one-item group is NOT of its item', () => {
    const root = fromCondition(url);
    const negated = setNegated(root, root.id, true);
    expect(toCondition(negated).condition).toEqual({ kind: 'not', operand: url });
  });
});

describe('incomplete rows are reported, not guessed', () => {
  it('reports a missing value on the row', () => {
    const builder = emptyBuilderRule();
    const { rule, problems } = toRule(builder);
    expect(rule).toBeNull();
    expect(problems).toEqual([
      { nodeId: builder.root.items[0]?.id, code: 'missing-value', messageKey: 'rules.problem.value' },
    ]);
  });

  it('reports an empty root group and missing field/operator', () => {
    const empty: GroupNode = { type: 'group', id: 'root', operator: 'and', negated: false, items: [] };
    expect(toCondition(empty).problems.map((problem) => problem.code)).toEqual(['empty-group']);
    const row: ConditionNode = {
      type: 'condition',
      id: 'x',
      negated: false,
      object: 'visitor',
      field: '',
      operator: null,
      value: null,
    };
    const noOperator: ConditionNode = { ...row, id: 'y', field: 'visitor.page_url' };
    const root: GroupNode = { ...empty, items: [row, noOperator] };
    expect(toCondition(root).problems.map((problem) => [problem.nodeId, problem.code])).toEqual([
      ['x', 'missing-field'],
      ['y', 'missing-operator'],
    ]);
  });

  it('an empty list or blank symbol is a missing value', () => {
    const root = fromCondition({ kind: 'and', operands: [url, history] });
    const [first, second] = root.items as ConditionNode[];
    const blankList = setValue(root, first!.id, { kind: 'list', items: [] });
    expect(toCondition(blankList).problems[0]?.code).toBe('missing-value');
    const blankSymbol = setValue(root, second!.id, { kind: 'symbol', name: '' });
    expect(toCondition(blankSymbol).problems[0]?.code).toBe('missing-value');
  });
});

describe('editing operations', () => {
  it('Add condition, Add nested condition, reorder and remove', () => {
    let root = fromCondition(url);
    root = addItem(root, root.id);
    const nested = newGroup('or');
    root = addItem(root, root.id, nested);
    expect(root.items.map((item) => item.type)).toEqual(['condition', 'condition', 'group']);
    expect(nested.items).toHaveLength(2);
    const lastId = nested.id;
    root = moveItem(root, lastId, -1);
    expect(root.items[1]?.id).toBe(lastId);
    expect(moveItem(root, root.items[0]!.id, -1)).toEqual(root);
    expect(moveItem(root, 'missing', 1)).toEqual(root);
    root = removeItem(root, lastId);
    expect(root.items).toHaveLength(2);
    expect(findNode(root, lastId)).toBeUndefined();
  });

  it('reorders inside nested groups and removes a nested group left empty', () => {
    let root = fromCondition({ kind: 'and', operands: [url, { kind: 'or', operands: [history, language] }] });
    const nested = root.items[1] as GroupNode;
    const [a, b] = nested.items as ConditionNode[];
    root = moveItem(root, b!.id, -1);
    expect(toCondition(root).condition).toEqual({
      kind: 'and',
      operands: [url, { kind: 'or', operands: [language, history] }],
    });
    root = removeItem(removeItem(root, a!.id), b!.id);
    expect(root.items).toHaveLength(1);
    expect(findNode(root, nested.id)).toBeUndefined();
  });

  it('every field picks operators and default values from the catalog', () => {
    for (const field of fields) {
      let root = fromCondition(url);
      const id = root.items[0]!.id;
      root = setField(root, id, field.name);
      const row = findNode(root, id) as ConditionNode;
      expect(row.object).toBe(field.object);
      expect(field.operators).toContain(row.operator);
      expect(valueFitsField(row.value, field)).toBe(true);
    }
  });

  it('keeps operator and value when the new field allows them', () => {
    let root = fromCondition(url);
    const id = root.items[0]!.id;
    root = setField(root, id, 'visitor.page_title');
    expect(findNode(root, id)).toMatchObject({ operator: 'contains', value: str('pricing') });
    root = setField(root, id, 'device.language');
    expect(findNode(root, id)).toMatchObject({ operator: 'is', value: str('') });
    root = setField(root, id, 'visitor.visit_history');
    expect(findNode(root, id)).toMatchObject({ operator: 'is', value: { kind: 'symbol', name: 'new_user' } });
  });

  it('changing the object resets the row to its first field', () => {
    let root = fromCondition(url);
    const id = root.items[0]!.id;
    root = setObject(root, id, 'device');
    expect(findNode(root, id)).toMatchObject({ object: 'device', field: 'device.language', operator: 'is' });
    expect(setObject(root, id, 'device')).toEqual(root);
  });

  it('keeps an unknown field so the validator can report it', () => {
    let root = fromCondition(url);
    const id = root.items[0]!.id;
    root = setField(root, id, 'visitor.page_ur');
    expect(toCondition(root).condition).toEqual({ ...url, field: 'visitor.page_ur' });
  });

  it('operators and values are set per row', () => {
    let root = fromCondition(url);
    const id = root.items[0]!.id;
    root = setOperator(root, id, operators[1]!.name);
    root = setValue(root, id, stringsToValue(['a', 'b']));
    expect(toCondition(root).condition).toEqual(
      cmp('visitor.page_url', 'is_not', { kind: 'list', items: [str('a'), str('b')] }),
    );
  });
});

describe('value helpers', () => {
  it('chips <-> values', () => {
    expect(valueStrings(null)).toEqual([]);
    expect(valueStrings(str(''))).toEqual([]);
    expect(valueStrings(str('a'))).toEqual(['a']);
    expect(valueStrings({ kind: 'symbol', name: 'new_user' })).toEqual([]);
    expect(stringsToValue([])).toEqual(str(''));
    expect(stringsToValue(['a'])).toEqual(str('a'));
    expect(stringsToValue(['a'], { kind: 'list', items: [] })).toEqual({ kind: 'list', items: [str('a')] });
  });

  it('checks a value against its field kind', () => {
    const byName = (name: string) => fields.find((field) => field.name === name);
    expect(valueFitsField(null, byName('visitor.page_url'))).toBe(true);
    expect(valueFitsField(str('x'), undefined)).toBe(true);
    expect(valueFitsField({ kind: 'symbol', name: 'new_user' }, byName('visitor.page_url'))).toBe(false);
    expect(valueFitsField(str('x'), byName('visitor.visit_history'))).toBe(false);
    expect(valueFitsField({ kind: 'list', items: [] }, byName('visitor.visit_history'))).toBe(false);
  });
});

describe('isBlank', () => {
  it('is true only while no row has a value', () => {
    const fresh = emptyBuilderRule().root;
    expect(isBlank(fresh)).toBe(true);
    expect(isBlank(addItem(fresh, fresh.id, newGroup()))).toBe(true);
    expect(isBlank(fromCondition(url))).toBe(false);
    expect(
      isBlank(fromCondition({ kind: 'and', operands: [url, { kind: 'or', operands: [history, language] }] })),
    ).toBe(false);
  });
});
