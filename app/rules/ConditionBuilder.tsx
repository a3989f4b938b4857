/**
 * The visual condition builder ("Set the rules"): groups combined with AND or OR, each holding condition
 * rows (Object -> Field -> Operator -> Value, everything offered from the catalog) and nested groups;
 * NOT per row and per group; reorder and remove; "+" with Add condition / Add nested condition.
 * It edits a builder tree (builder-model.ts) and reports every change through `onChange`.
 */
import { palette } from '../shell/palette.ts';
import styled from 'styled-components';
import { IconButton, Button } from '@zendeskgarden/react-buttons';
import { Menu, Item } from '@zendeskgarden/react-dropdowns';
import { Checkbox, Field } from '@zendeskgarden/react-forms';
import { Tooltip } from '@zendeskgarden/react-tooltips';
import { Span } from '@zendeskgarden/react-typography';
import { catalog, fieldByName, objects, operatorByName, type AttributeDeclaration } from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';
import { ArrowDownIcon, ArrowUpIcon, CloseIcon, PlusIcon } from '../shell/icons.tsx';
import { SelectField } from '../shell/SelectField.tsx';
import {
  addItem,
  declarationOf,
  fieldsOf,
  moveItem,
  newCondition,
  newGroup,
  removeItem,
  setField,
  setGroupOperator,
  setKey,
  setNegated,
  setObject,
  setOperator,
  setValue,
  valueFitsField,
  type BuilderNode,
  type BuilderProblem,
  type ConditionNode,
  type GroupNode,
} from './builder-model.ts';
import { KeyPicker } from './KeyPicker.tsx';
import { ValueInput } from './ValueInput.tsx';

const GroupBox = styled.fieldset<{ $nested: boolean }>`
  margin: 0;
  padding: ${(p) => (p.$nested ? '12px 12px 8px' : '0')};
  border: ${(p) => (p.$nested ? `1px solid ${palette.grey300}` : 'none')};
  border-left: ${(p) => (p.$nested ? `3px solid ${palette.blue400}` : 'none')};
  border-radius: 4px;
  background: ${(p) => (p.$nested ? palette.grey100 : 'transparent')};
  min-width: 0;
`;

const GroupHeader = styled.div`
  display: flex;
  align-items: center;
  gap: 12px;
  flex-wrap: wrap;
  margin-bottom: 8px;
`;

/**
 * A condition row: its controls wrap onto more lines when the column is narrow (each keeps the width its
 * longest option needs), and Move / Remove keep their own column at the right, so nothing is ever pushed
 * out of the form or clipped, in nested groups too.
 */
const Row = styled.div`
  display: grid;
  grid-template-columns: minmax(0, 1fr) auto;
  column-gap: 8px;
  align-items: start;
  padding: 8px 0;
`;

const Controls = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: 8px;
  align-items: flex-start;
  min-width: 0;
`;

/** One control's slot: grows from `$basis`, never narrower than `$min` (nor than the row). */
const Slot = styled.div<{ $basis: number; $min: number; $grow?: number }>`
  flex: ${(p) => p.$grow ?? 1} 1 ${(p) => p.$basis}px;
  min-width: min(${(p) => p.$min}px, 100%);
  max-width: 100%;
`;

const NotSlot = styled.div`
  flex: 0 0 auto;
  padding-top: 6px;
`;

const Joiner = styled(Span)`
  display: block;
  font-size: ${(p) => p.theme.fontSizes.sm};
  font-weight: ${(p) => p.theme.fontWeights.semibold};
  color: ${palette.grey700};
  text-transform: uppercase;
  margin: 2px 0;
`;

const RowTools = styled.div`
  display: flex;
  gap: 2px;
  padding-top: 4px;
`;

const Problem = styled.div`
  grid-column: 1 / -1;
  color: ${palette.red700};
  font-size: ${(p) => p.theme.fontSizes.sm};
`;

export interface ConditionBuilderProps {
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  /** Problems to show inline (shown after the admin tried to save or switch view). */
  problems: BuilderProblem[];
  /** Validator diagnostics per row id (unknown field, invalid language tag, ...). */
  rowMessages?: Record<string, string>;
  /** The visitor attributes the brand declares: offered as keys, their type picks operators and value. */
  attributes?: readonly AttributeDeclaration[];
}

/**
 * The builder.
 *
 * @example <ConditionBuilder root={builder.root} onChange={setRoot} problems={[]} />
 */
export function ConditionBuilder({
  root,
  onChange,
  problems,
  rowMessages = {},
  attributes,
}: ConditionBuilderProps) {
  const problemOf = (id: string) => problems.find((problem) => problem.nodeId === id);
  return (
    <GroupView
      group={root}
      depth={0}
      root={root}
      onChange={onChange}
      problemOf={problemOf}
      rowMessages={rowMessages}
      attributes={attributes}
      index={0}
      count={1}
    />
  );
}

interface ViewProps {
  root: GroupNode;
  onChange: (root: GroupNode) => void;
  problemOf: (id: string) => BuilderProblem | undefined;
  rowMessages: Record<string, string>;
  attributes: readonly AttributeDeclaration[] | undefined;
  depth: number;
  index: number;
  count: number;
}

function GroupView({ group, ...props }: ViewProps & { group: GroupNode }) {
  const { root, onChange, depth, problemOf } = props;
  const nested = depth > 0;
  const problem = problemOf(group.id);
  const joiner = group.operator === 'and' ? t('rules.and') : t('rules.or');
  return (
    <GroupBox
      $nested={nested}
      data-group-id={group.id}
      data-depth={depth}
      aria-label={nested ? t('rules.nestedGroup') : t('rules.conditions')}
    >
      {(group.items.length > 1 || nested || group.negated) && (
        <GroupHeader>
          <SelectField
            label={t('rules.match')}
            hideLabel
            compact
            value={group.operator}
            options={[
              { value: 'and', label: t('rules.matchAll') },
              { value: 'or', label: t('rules.matchAny') },
            ]}
            onChange={(operator) => onChange(setGroupOperator(root, group.id, operator as 'and' | 'or'))}
            name="group-operator"
          />
          <Field>
            <Checkbox
              checked={group.negated}
              onChange={(event) => onChange(setNegated(root, group.id, event.target.checked))}
            >
              <Field.Label isRegular>{nested ? t('rules.notGroup') : t('rules.notAll')}</Field.Label>
            </Checkbox>
          </Field>
          {nested && <MoveRemove id={group.id} {...props} label={t('rules.nestedGroup')} />}
        </GroupHeader>
      )}
      {group.items.map((item, index) => (
        <div key={item.id}>
          {index > 0 && <Joiner>{joiner}</Joiner>}
          <NodeView node={item} {...props} depth={depth + 1} index={index} count={group.items.length} />
        </div>
      ))}
      {problem && <Problem role="alert">{t(problem.messageKey)}</Problem>}
      <AddMenu group={group} root={root} onChange={onChange} />
    </GroupBox>
  );
}

function NodeView({ node, ...props }: ViewProps & { node: BuilderNode }) {
  return node.type === 'group' ? (
    <GroupView group={node} {...props} />
  ) : (
    <ConditionRow row={node} {...props} />
  );
}

function AddMenu({
  group,
  root,
  onChange,
}: {
  group: GroupNode;
  root: GroupNode;
  onChange: (root: GroupNode) => void;
}) {
  if (group.items.length === 0)
    return (
      <Button size="small" onClick={() => onChange(addItem(root, group.id, newCondition()))}>
        {t('rules.addCondition')}
      </Button>
    );
  return (
    <Menu
      button={(buttonProps) => (
        <Tooltip content={t('rules.add')}>
          <IconButton
            {...buttonProps}
            aria-label={t('rules.addTo', { group: group.operator.toUpperCase() })}
            size="small"
            isPill
          >
            <PlusIcon />
          </IconButton>
        </Tooltip>
      )}
      onChange={(change) => {
        if (change.value === 'condition') onChange(addItem(root, group.id, newCondition()));
        if (change.value === 'nested')
          onChange(addItem(root, group.id, newGroup(group.operator === 'and' ? 'or' : 'and')));
      }}
    >
      <Item value="condition">{t('rules.addCondition')}</Item>
      <Item value="nested">{t('rules.addNested')}</Item>
    </Menu>
  );
}

function MoveRemove({ id, root, onChange, index, count, label }: ViewProps & { id: string; label: string }) {
  return (
    <RowTools>
      <IconButton
        size="small"
        aria-label={t('rules.moveUp', { what: label })}
        disabled={index === 0}
        onClick={() => onChange(moveItem(root, id, -1))}
      >
        <ArrowUpIcon />
      </IconButton>
      <IconButton
        size="small"
        aria-label={t('rules.moveDown', { what: label })}
        disabled={index >= count - 1}
        onClick={() => onChange(moveItem(root, id, 1))}
      >
        <ArrowDownIcon />
      </IconButton>
      <IconButton
        size="small"
        isDanger
        aria-label={t('rules.remove', { what: label })}
        onClick={() => onChange(removeItem(root, id))}
      >
        <CloseIcon />
      </IconButton>
    </RowTools>
  );
}

function ConditionRow({ row, ...props }: ViewProps & { row: ConditionNode }) {
  const { root, onChange, problemOf, rowMessages, attributes } = props;
  const field = fieldByName(row.field);
  const declared = declarationOf(field, row.key, attributes);
  const typedOperators =
    declared && row.value
      ? field && catalog.kindOf(field).operatorsFor?.(row.value, { declared })
      : undefined;
  const problem = problemOf(row.id);
  const fieldOptions = fieldsOf(row.object).map((entry) => ({
    value: entry.name,
    label: catalogText('fields', entry),
  }));
  if (row.field && !field)
    fieldOptions.push({ value: row.field, label: t('rules.unknownField', { field: row.field }) });
  const operatorOptions = (
    typedOperators?.operators ??
    field?.operators ??
    (row.operator ? [row.operator] : [])
  ).map((name) => ({
    value: name,
    label: catalogText('operators', operatorByName(name)),
  }));
  const mismatch = !valueFitsField(row.value, field);
  const message = problem
    ? t(problem.messageKey)
    : mismatch
      ? t('rules.problem.valueKind')
      : rowMessages[row.id];
  const messageId = `${row.id}-message`;
  const label = field ? catalogText('fields', field) : t('rules.condition');
  return (
    <Row
      data-condition-id={row.id}
      data-field={row.field}
      role="group"
      aria-label={t('rules.conditionLabel', { field: label })}
    >
      <Controls>
        <NotSlot>
          <Field>
            <Checkbox
              checked={row.negated}
              onChange={(event) => onChange(setNegated(root, row.id, event.target.checked))}
            >
              <Field.Label isRegular>{t('rules.not')}</Field.Label>
            </Checkbox>
          </Field>
        </NotSlot>
        <Slot $basis={120} $min={110}>
          <SelectField
            label={t('rules.object')}
            hideLabel
            compact
            value={row.object}
            options={objects.map((object) => ({ value: object.name, label: catalogText('objects', object) }))}
            onChange={(object) => onChange(setObject(root, row.id, object))}
            name="object"
          />
        </Slot>
        <Slot $basis={160} $min={150}>
          <SelectField
            label={t('rules.field')}
            hideLabel
            compact
            value={row.field || null}
            placeholder={t('rules.choose')}
            options={fieldOptions}
            onChange={(name) => onChange(setField(root, row.id, name))}
            error={problem?.code === 'missing-field' || (row.field && !field) ? ' ' : null}
            name="field"
          />
        </Slot>
        {field?.key && (
          <Slot $basis={140} $min={120}>
            <KeyPicker
              what={field.key.label}
              value={row.key ?? ''}
              placeholder={field.key.example.replace(/^"|"$/g, '')}
              invalid={problem?.code === 'missing-key'}
              declarations={field.key.declarations === 'attributes' ? attributes : undefined}
              onChange={(key) => onChange(setKey(root, row.id, key, attributes))}
            />
          </Slot>
        )}
        <Slot $basis={240} $min={230}>
          <SelectField
            label={t('rules.operator')}
            hideLabel
            compact
            value={row.operator}
            placeholder={t('rules.choose')}
            options={operatorOptions}
            onChange={(operator) =>
              onChange(setOperator(root, row.id, operator as ConditionNode['operator'] & string))
            }
            error={problem?.code === 'missing-operator' ? ' ' : null}
            name="operator"
          />
        </Slot>
        <Slot $basis={240} $min={200} $grow={2}>
          <ValueInput
            field={field}
            context={row.key === undefined ? undefined : { key: row.key, declared }}
            value={row.value}
            onChange={(value) => onChange(setValue(root, row.id, value))}
            invalid={problem?.code === 'missing-value' || mismatch || Boolean(rowMessages[row.id])}
            describedBy={message ? messageId : undefined}
          />
        </Slot>
      </Controls>
      <MoveRemove id={row.id} {...props} label={label} />
      {message && (
        <Problem id={messageId} role={problem ? 'alert' : undefined}>
          {message}
        </Problem>
      )}
    </Row>
  );
}
