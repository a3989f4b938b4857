/**
 * The visual condition builder's model and its mapping to and from the rule AST (dsl/ast.ts).
 *
 * The builder shows the rule's condition as a tree of groups (AND/OR, optionally negated) holding
 * conditions (field, operator, value, optionally negated) and nested groups. The mapping is lossless:
 * `toCondition(fromCondition(c))` equals `c` for every normalised condition (comments included), and the
 * AST it produces is normalised (and/or with >= 2 operands, no same-kind nesting).
 *
 * Everything here is pure: operations return a new model and never touch the one they get. What a field's
 * value looks like comes from its kind (`catalog.kindOf(field)`); functions that need the catalog take it
 * as their last argument, the built-in catalog by default.
 */
import {
  withoutRanges,
  type Comments,
  type Condition,
  type OperatorName,
  type Rule,
  type Value,
} from '@proactive/dsl';
import {
  catalog as builtinCatalog,
  type AttributeDeclaration,
  type Catalog,
  type FieldEntry,
} from '@proactive/dsl';

export type GroupOperator = 'and' | 'or';

/** One comparison row: Object -> Field -> Operator -> Value. Empty strings / null mean "not chosen yet". */
export interface ConditionNode {
  type: 'condition';
  id: string;
  negated: boolean;
  /** The catalog object the admin picked (kept even before a field is chosen). */
  object: string;
  field: string;
  /** The key of a keyed field (`plan` of `visitor.attributes["plan"]`); '' while not chosen. */
  key?: string;
  operator: OperatorName | null;
  value: Value | null;
  comments?: Comments;
}

/** A group of conditions combined with AND or OR; the root group is the whole condition. */
export interface GroupNode {
  type: 'group';
  id: string;
  operator: GroupOperator;
  negated: boolean;
  items: BuilderNode[];
}

export type BuilderNode = ConditionNode | GroupNode;

/** Why the builder cannot produce an AST yet, attached to the row (or group) it concerns. */
export interface BuilderProblem {
  nodeId: string;
  /** Stable: `empty-group`, `missing-field`, `missing-key`, `missing-operator`, `missing-value`. */
  code: string;
  /** A translation key for the message shown inline. */
  messageKey: string;
}

let nextId = 0;
/** Fresh node ids; ids only need to be unique within one page. */
export function newId(prefix = 'n'): string {
  nextId += 1;
  return `${prefix}${nextId}`;
}

function withComments<T extends object>(target: T, comments: object | undefined): T {
  if (comments && Object.keys(comments).length > 0) {
    (target as Record<string, unknown>).comments = structuredClone(comments);
  }
  return target;
}

/**
 * Builds the builder tree of a condition. The root is always a group.
 *
 * @example fromCondition(parse('when visitor.page_url contains "pricing"').rule!.condition).items.length // 1
 */
export function fromCondition(condition: Condition, catalog: Catalog = builtinCatalog): GroupNode {
  const node = toNode(condition, catalog);
  if (node.type === 'group') return node;
  return { type: 'group', id: newId('g'), operator: 'and', negated: false, items: [node] };
}

function toNode(condition: Condition, catalog: Catalog): BuilderNode {
  switch (condition.kind) {
    case 'comparison': {
      const entry = catalog.fieldByName(condition.field);
      const node: ConditionNode = {
        type: 'condition',
        id: newId('c'),
        negated: false,
        object: entry?.object ?? condition.field.split('.')[0] ?? '',
        field: condition.field,
        ...(condition.key === undefined ? {} : { key: condition.key }),
        operator: condition.operator,
        value: withoutRanges(condition.value),
      };
      return withComments(node, condition.comments);
    }
    case 'and':
    case 'or': {
      return {
        type: 'group',
        id: newId('g'),
        operator: condition.kind,
        negated: false,
        items: condition.operands.map((operand) => toNode(operand, catalog)),
      };
    }
    case 'not': {
      const inner = toNode(condition.operand, catalog);
      // Double negation (or a negated node that is already negated) keeps its shape in a one-item group.
      const target: BuilderNode = inner.negated
        ? { type: 'group', id: newId('g'), operator: 'and', negated: false, items: [inner] }
        : inner;
      target.negated = true;
      return target;
    }
  }
}

/**
 * The AST condition of a builder tree, normalised, or the problems that keep it from being complete.
 *
 * @example toCondition(fromCondition(condition)).condition // equals condition (rulesEqual)
 */
export function toCondition(root: GroupNode): { condition: Condition | null; problems: BuilderProblem[] } {
  const problems: BuilderProblem[] = [];
  const condition = nodeToCondition(root, problems);
  return { condition: problems.length === 0 ? condition : null, problems };
}

function negate(condition: Condition, negated: boolean): Condition {
  return negated ? { kind: 'not', operand: condition } : condition;
}

function nodeToCondition(node: BuilderNode, problems: BuilderProblem[]): Condition | null {
  if (node.type === 'condition') {
    const before = problems.length;
    if (!node.field)
      problems.push({ nodeId: node.id, code: 'missing-field', messageKey: 'rules.problem.field' });
    else if (node.key !== undefined && node.key.trim() === '')
      problems.push({ nodeId: node.id, code: 'missing-key', messageKey: 'rules.problem.key' });
    else if (!node.operator)
      problems.push({ nodeId: node.id, code: 'missing-operator', messageKey: 'rules.problem.operator' });
    else if (!node.value || isEmptyValue(node.value))
      problems.push({ nodeId: node.id, code: 'missing-value', messageKey: 'rules.problem.value' });
    if (problems.length > before || !node.operator || !node.value) return null;
    const comparison = withComments<Condition>(
      {
        kind: 'comparison',
        field: node.field,
        ...(node.key === undefined ? {} : { key: node.key }),
        operator: node.operator,
        value: structuredClone(node.value),
      },
      node.comments,
    );
    return negate(comparison, node.negated);
  }
  const operands: Condition[] = [];
  for (const item of node.items) {
    const operand = nodeToCondition(item, problems);
    if (!operand) continue;
    // Normal form: a child of the same kind merges into its parent.
    if (operand.kind === node.operator) operands.push(...operand.operands);
    else operands.push(operand);
  }
  if (node.items.length === 0) {
    problems.push({ nodeId: node.id, code: 'empty-group', messageKey: 'rules.problem.emptyGroup' });
    return null;
  }
  if (operands.length === 0) return null;
  const combined: Condition =
    operands.length === 1 ? (operands[0] as Condition) : { kind: node.operator, operands };
  return negate(combined, node.negated);
}

function isEmptyValue(value: Value): boolean {
  if (value.kind === 'string') return value.value.trim() === '';
  if (value.kind === 'list') return value.items.length === 0;
  if (value.kind === 'symbol') return value.name === '';
  return false;
}

// ---------------------------------------------------------------------------------------------------
// Values, as the value inputs see them.

/**
 * The strings of a text or language value (one string, or the items of a list).
 *
 * @example valueStrings({ kind: 'list', items: [{ kind: 'string', value: 'a' }] }) // ['a']
 */
export function valueStrings(value: Value | null): string[] {
  if (!value) return [];
  if (value.kind === 'string') return value.value === '' ? [] : [value.value];
  if (value.kind === 'list') return value.items.map((item) => item.value);
  return [];
}

/**
 * A value from chips: one chip is a string, several a list. `previous` keeps a one-item list a list.
 *
 * @example stringsToValue(['pricing', 'plans']) // { kind: 'list', items: [...] }
 */
export function stringsToValue(strings: string[], previous: Value | null = null): Value {
  if (strings.length === 1 && previous?.kind !== 'list')
    return { kind: 'string', value: strings[0] as string };
  if (strings.length === 0) return { kind: 'string', value: '' };
  return { kind: 'list', items: strings.map((value) => ({ kind: 'string', value })) };
}

/**
 * The value a field starts with when picked, as its kind says (visit history: its first symbol; text:
 * an empty string).
 *
 * @example defaultValue(fieldByName('visitor.visit_history')!) // { kind: 'symbol', name: 'new_user' }
 */
export function defaultValue(field: FieldEntry, catalog: Catalog = builtinCatalog): Value {
  return catalog.kindOf(field).defaultValue(field);
}

/**
 * Whether a value has the shape the field's value editor edits (its kind decides: a symbol for visit
 * history, strings or lists of them for text).
 *
 * @example valueFitsField({ kind: 'symbol', name: 'new_user' }, fieldByName('visitor.page_url')!) // false
 */
export function valueFitsField(
  value: Value | null,
  field: FieldEntry | undefined,
  catalog: Catalog = builtinCatalog,
): boolean {
  if (!value || !field) return true;
  return catalog.kindOf(field).fitsValue(value, field);
}

/**
 * The catalog's fields of one object.
 *
 * @example fieldsOf('device').map((field) => field.name) // ['device.language']
 */
export function fieldsOf(object: string, catalog: Catalog = builtinCatalog): FieldEntry[] {
  return catalog.fields.filter((field) => field.object === object);
}

// ---------------------------------------------------------------------------------------------------
// Operations (all pure).

/**
 * A new, empty condition row; with `object` it starts on that object's first field.
 *
 * @example newCondition('device').field // 'device.language'
 */
export function newCondition(
  object: string = builtinCatalog.objects[0]?.name ?? 'visitor',
  catalog: Catalog = builtinCatalog,
): ConditionNode {
  const field = fieldsOf(object, catalog)[0];
  return {
    type: 'condition',
    id: newId('c'),
    negated: false,
    object,
    field: field?.name ?? '',
    ...(field?.key ? { key: '' } : {}),
    operator: field?.operators[0] ?? null,
    value: field ? defaultValue(field, catalog) : null,
  };
}

/** A new nested group holding two empty conditions (a nested condition has two or more inside). */
export function newGroup(operator: GroupOperator = 'or', catalog: Catalog = builtinCatalog): GroupNode {
  const first = catalog.objects[0]?.name;
  return {
    type: 'group',
    id: newId('g'),
    operator,
    negated: false,
    items: [newCondition(first, catalog), newCondition(first, catalog)],
  };
}

function mapGroup(group: GroupNode, fn: (group: GroupNode) => GroupNode): GroupNode {
  const mapped = fn(group);
  return {
    ...mapped,
    items: mapped.items.map((item) => (item.type === 'group' ? mapGroup(item, fn) : item)),
  };
}

function mapNode(root: GroupNode, id: string, fn: (node: BuilderNode) => BuilderNode): GroupNode {
  if (root.id === id) return fn(root) as GroupNode;
  return mapGroup(root, (group) => ({
    ...group,
    items: group.items.map((item) => (item.id === id ? fn(item) : item)),
  }));
}

/**
 * Finds a node by id.
 *
 * @example findNode(root, root.id) === root // true
 */
export function findNode(root: GroupNode, id: string): BuilderNode | undefined {
  if (root.id === id) return root;
  for (const item of root.items) {
    if (item.id === id) return item;
    if (item.type === 'group') {
      const found = findNode(item, id);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Appends a node (a new condition by default) to a group.
 *
 * @example addItem(root, root.id).items.length // root.items.length + 1
 */
export function addItem(root: GroupNode, groupId: string, node: BuilderNode = newCondition()): GroupNode {
  return mapNode(root, groupId, (group) =>
    group.type === 'group' ? { ...group, items: [...group.items, node] } : group,
  );
}

/**
 * Removes a node anywhere in the tree (not the root). A nested group left empty is removed too.
 *
 * @example removeItem(root, root.items[0].id)
 */
export function removeItem(root: GroupNode, id: string): GroupNode {
  const prune = (group: GroupNode): GroupNode => ({
    ...group,
    items: group.items
      .filter((item) => item.id !== id)
      .map((item) => (item.type === 'group' ? prune(item) : item))
      .filter((item) => item.type !== 'group' || item.items.length > 0),
  });
  return prune(root);
}

/**
 * Moves a node one place up (-1) or down (+1) within its group; no-op at the ends.
 *
 * @example moveItem(root, root.items[1].id, -1).items[0].id === root.items[1].id // true
 */
export function moveItem(root: GroupNode, id: string, direction: -1 | 1): GroupNode {
  return mapGroup(root, (group) => {
    const index = group.items.findIndex((item) => item.id === id);
    const target = index + direction;
    if (index < 0 || target < 0 || target >= group.items.length) return group;
    const items = [...group.items];
    [items[index], items[target]] = [items[target] as BuilderNode, items[index] as BuilderNode];
    return { ...group, items };
  });
}

/**
 * Sets a group's AND/OR.
 *
 * @example setGroupOperator(root, root.id, 'or').operator // 'or'
 */
export function setGroupOperator(root: GroupNode, groupId: string, operator: GroupOperator): GroupNode {
  return mapNode(root, groupId, (node) => (node.type === 'group' ? { ...node, operator } : node));
}

/**
 * Turns NOT on or off for a condition or group.
 *
 * @example setNegated(root, id, true)
 */
export function setNegated(root: GroupNode, id: string, negated: boolean): GroupNode {
  return mapNode(root, id, (node) => ({ ...node, negated }));
}

/**
 * Picks the object of a condition row: resets field, operator and value to that object's first field.
 *
 * @example setObject(root, id, 'device')
 */
export function setObject(
  root: GroupNode,
  id: string,
  object: string,
  catalog: Catalog = builtinCatalog,
): GroupNode {
  return mapNode(root, id, (node) => {
    if (node.type !== 'condition' || node.object === object) return node;
    const fresh = newCondition(object, catalog);
    return { ...fresh, id: node.id, negated: node.negated };
  });
}

/**
 * Picks the field of a condition row. The operator is kept when the new field allows it, and the value
 * when it fits the new field; otherwise they reset to the field's defaults from the catalog.
 *
 * @example setField(root, id, 'visitor.visit_history')
 */
export function setField(
  root: GroupNode,
  id: string,
  fieldName: string,
  catalog: Catalog = builtinCatalog,
): GroupNode {
  return mapNode(root, id, (node) => {
    if (node.type !== 'condition') return node;
    const field = catalog.fieldByName(fieldName);
    if (!field) return { ...node, field: fieldName };
    const operator =
      node.operator && field.operators.includes(node.operator) ? node.operator : (field.operators[0] ?? null);
    // Kept only between fields edited alike (URL and title: chips), not from a language to a title.
    const previous = catalog.fieldByName(node.field);
    const editorOf = (entry: FieldEntry) => catalog.kindOf(entry).valueControl(entry).control;
    const keepValue =
      previous !== undefined &&
      valueFitsField(node.value, field, catalog) &&
      editorOf(previous) === editorOf(field);
    const { key, ...rest } = node;
    return {
      ...rest,
      object: field.object,
      field: field.name,
      // A keyed field keeps the key written for another keyed field (query to attributes).
      ...(field.key ? { key: key ?? '' } : {}),
      operator,
      value: keepValue ? node.value : defaultValue(field, catalog),
    };
  });
}

/**
 * Sets the key of a keyed field's row (`plan` of `visitor.attributes["plan"]`). Given the declared keys, a
 * declared one brings its type: the value becomes one of that type and the operator one it allows.
 *
 * @example setKey(root, id, 'seats', [{ key: 'seats', type: 'number' }]) // value 0, operator `is`
 */
export function setKey(
  root: GroupNode,
  id: string,
  key: string,
  declarations?: readonly AttributeDeclaration[],
  catalog: Catalog = builtinCatalog,
): GroupNode {
  return mapNode(root, id, (node) => {
    if (node.type !== 'condition') return node;
    const field = catalog.fieldByName(node.field);
    const declared = declarationOf(field, key, declarations);
    const operatorsFor = field && catalog.kindOf(field).operatorsFor;
    if (!declared || !operatorsFor) return { ...node, key };
    // A declared key: the value takes the declared type, and the operator one that type allows.
    const value =
      node.value && typeOfValue(node.value) === declared.type ? node.value : typedDefault(declared.type);
    const allowed = operatorsFor(value, { key, declared })?.operators ?? [];
    const operator =
      node.operator && allowed.includes(node.operator) ? node.operator : (allowed[0] ?? node.operator);
    return { ...node, key, value, operator };
  });
}

/**
 * The declaration of a row's key, when its field's keys are declared (attributes) and this key is one.
 *
 * @example declarationOf(fieldByName('visitor.attributes'), 'seats', [{ key: 'seats', type: 'number' }])?.type // 'number'
 */
export function declarationOf(
  field: FieldEntry | undefined,
  key: string | undefined,
  declarations: readonly AttributeDeclaration[] | undefined,
): AttributeDeclaration | undefined {
  if (field?.key?.declarations !== 'attributes' || key === undefined) return undefined;
  return declarations?.find((declaration) => declaration.key === key);
}

/** The type of a typed fact's value: a number's, a boolean's, or text. */
function typeOfValue(value: Value): AttributeDeclaration['type'] {
  return value.kind === 'number' || value.kind === 'boolean' ? value.kind : 'text';
}

/**
 * The value a typed row starts with when its type is picked (or declared).
 *
 * @example typedDefault('boolean') // { kind: 'boolean', value: true }
 */
export function typedDefault(type: AttributeDeclaration['type']): Value {
  if (type === 'number') return { kind: 'number', value: 0 };
  if (type === 'boolean') return { kind: 'boolean', value: true };
  return { kind: 'string', value: '' };
}

/**
 * Picks the operator of a condition row.
 *
 * @example setOperator(root, id, 'contains')
 */
export function setOperator(root: GroupNode, id: string, operator: OperatorName): GroupNode {
  return mapNode(root, id, (node) => (node.type === 'condition' ? { ...node, operator } : node));
}

/**
 * Sets the value of a condition row.
 *
 * @example setValue(root, id, { kind: 'string', value: 'pricing' })
 */
export function setValue(root: GroupNode, id: string, value: Value): GroupNode {
  return mapNode(root, id, (node) => (node.type === 'condition' ? { ...node, value } : node));
}

// ---------------------------------------------------------------------------------------------------
// The whole rule.

/** Everything in a rule besides its condition, kept as-is so nothing is lost while the builder edits. */
export type RuleRest = Omit<Rule, 'condition' | 'kind' | 'range' | 'tagRanges'>;

/** The builder's view of a rule: the condition tree plus the rule's other parts. */
export interface BuilderRule {
  root: GroupNode;
  rest: RuleRest;
}

/**
 * The builder view of a rule.
 *
 * @example fromRule(parse('when visitor.page_url contains "x" for 0:30').rule!).rest.timing.kind // 'on_page'
 */
export function fromRule(rule: Rule, catalog: Catalog = builtinCatalog): BuilderRule {
  const { kind: _kind, condition, range: _range, ...rest } = withoutRanges(rule);
  return { root: fromCondition(condition, catalog), rest };
}

/**
 * The rule of a builder view, or the problems that keep it from being complete.
 *
 * @example rulesEqual(toRule(fromRule(rule)).rule, rule) // true
 */
export function toRule(builder: BuilderRule): { rule: Rule | null; problems: BuilderProblem[] } {
  const { condition, problems } = toCondition(builder.root);
  if (!condition) return { rule: null, problems };
  const { comments, ...rest } = structuredClone(builder.rest);
  const rule: Rule = { kind: 'rule', condition, ...rest };
  return { rule: withComments(rule, comments), problems };
}

/**
 * A new rule for a new message: `visitor.page_url contains ""` on page load, any time, once per visit.
 *
 * @example emptyBuilderRule().root.items.length // 1
 */
export function emptyBuilderRule(catalog: Catalog = builtinCatalog): BuilderRule {
  const first = newCondition(catalog.objects[0]?.name, catalog);
  return {
    root: { type: 'group', id: newId('g'), operator: 'and', negated: false, items: [first] },
    rest: {
      timing: { kind: 'page_load' },
      timeOfDay: { kind: 'anytime' },
      frequency: catalog.defaultFrequency,
      tags: [],
    },
  };
}

/**
 * Whether no condition has a value yet (a fresh rule): switching to Text then loses nothing.
 *
 * @example isBlank(emptyBuilderRule().root) // true
 */
export function isBlank(root: GroupNode): boolean {
  return root.items.every((item) =>
    item.type === 'group' ? isBlank(item) : !item.value || isEmptyValue(item.value),
  );
}
