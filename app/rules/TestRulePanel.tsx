/**
 * "Test this rule": a sample visitor (one input per catalog field, as its kind names it; seconds on the
 * page; date and time) -> "Would fire" / "Would not fire", with every condition marked true or false and
 * the value it saw (the evaluator's explain tree). Runs the same compiler and evaluator as the widget,
 * in the browser (the model is sample-visitor.ts).
 */
import { useMemo, useState } from 'react';
import styled from 'styled-components';
import { Field, Input } from '@zendeskgarden/react-forms';
import { Alert, Well } from '@zendeskgarden/react-notifications';
import { Tag } from '@zendeskgarden/react-tags';
import { Code, Paragraph, Span } from '@zendeskgarden/react-typography';
import {
  catalog,
  fieldByName,
  operatorByName,
  type Condition,
  type Rule,
  type RuleContext,
  type AttributeDeclaration,
  type Schedule,
} from '@proactive/dsl';
import type { ContextEvent, Evaluation, ExplainNode } from '@proactive/dsl/evaluator';
import { catalogText, t } from '../i18n.ts';
import { SelectField } from '../shell/SelectField.tsx';
import { Muted } from '../shell/Muted.tsx';
import { palette } from '../shell/palette.ts';
import { languageLabel } from './languages.ts';
import {
  initialSample,
  sampleContext,
  sampleInputs,
  testRule,
  type SampleInput,
  type SampleVisitor,
} from './sample-visitor.ts';

const Grid = styled.div`
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(220px, 1fr));
  gap: 12px;
  margin-bottom: 16px;
`;

/** A small-text line that may hold a Tag (a div, which a paragraph cannot contain). */
const Line = styled.div`
  margin-top: 4px;
  font-size: ${(p) => p.theme.fontSizes.sm};
  line-height: ${(p) => p.theme.lineHeights.sm};
`;

const Tree = styled.ul`
  list-style: none;
  margin: 4px 0 0;
  padding-left: 16px;
  border-left: 2px solid ${palette.grey300};
`;

const Verdict = styled.div<{ $fires: boolean }>`
  font-size: 18px;
  font-weight: 600;
  color: ${(p) => (p.$fires ? palette.green700 : palette.red700)};
  margin-bottom: 8px;
`;

export interface TestRulePanelProps {
  rule: Rule | null;
  /** `default` is the channel's business hours; other keys are named schedules. */
  schedules: Record<string, Schedule>;
  /** The brand's declared attributes: a sample attribute is read as its declared type. */
  attributes?: readonly AttributeDeclaration[];
}

/**
 * The test panel.
 *
 * @example <TestRulePanel rule={rule} schedules={{}} />
 */
export function TestRulePanel({ rule, schedules, attributes }: TestRulePanelProps) {
  const [sample, setSample] = useState<SampleVisitor>(() =>
    initialSample(catalog, navigator.language ? { language: navigator.language } : {}),
  );
  const result = useMemo(
    () => (rule ? testRule(rule, sample, schedules, catalog, attributes) : null),
    [rule, sample, schedules, attributes],
  );
  const set = <K extends keyof SampleVisitor>(key: K, value: SampleVisitor[K]) =>
    setSample((current) => ({ ...current, [key]: value }));
  const setValue = (field: string, value: string) =>
    setSample((current) => ({ ...current, values: { ...current.values, [field]: value } }));

  return (
    <Well isRecessed aria-labelledby="test-rule-title" data-testid="test-rule">
      <Well.Title id="test-rule-title">{t('test.title')}</Well.Title>
      <Paragraph size="small">{t('test.intro')}</Paragraph>
      <Grid>
        {sampleInputs(catalog).map((input) => (
          <SampleField
            key={input.field.name}
            input={input}
            value={sample.values[input.field.name] ?? ''}
            onChange={(value) => setValue(input.field.name, value)}
          />
        ))}
        <Field>
          <Field.Label>{t('test.seconds')}</Field.Label>
          <Input
            isCompact
            type="number"
            min={0}
            value={String(sample.seconds)}
            onChange={(event) => set('seconds', Math.max(0, Math.trunc(Number(event.target.value) || 0)))}
          />
        </Field>
        <Field>
          <Field.Label>{t('test.dateTime')}</Field.Label>
          <Input
            isCompact
            type="datetime-local"
            value={sample.dateTime}
            onChange={(event) => set('dateTime', event.target.value)}
          />
        </Field>
      </Grid>
      {!rule && <Paragraph>{t('test.noRule')}</Paragraph>}
      {result?.error && (
        <Alert type="warning">
          <Alert.Title>{t('test.cannotRun')}</Alert.Title>
          {result.error}
        </Alert>
      )}
      {result?.evaluation && (
        <EvaluationView
          evaluation={result.evaluation}
          shown={{
            context: sampleContext(sample, schedules, catalog, rule?.timing, attributes),
            written: writtenValues(rule),
          }}
        />
      )}
    </Well>
  );
}

/** The input of one field's sample value: the component of the control its kind names. */
function SampleField({
  input,
  value,
  onChange,
}: {
  input: SampleInput;
  value: string;
  onChange: (value: string) => void;
}) {
  const label = catalogText('fields', input.field);
  if (input.control.control === 'keyValues') {
    return (
      <Field>
        <Field.Label>{label}</Field.Label>
        <Field.Hint>{t('test.keyValuesHint')}</Field.Hint>
        <Input isCompact value={value} onChange={(event) => onChange(event.target.value)} />
      </Field>
    );
  }
  if (input.control.control === 'select') {
    return (
      <SelectField
        label={label}
        compact
        value={value}
        options={input.control.options.map((symbol) => ({
          value: symbol.name,
          label: catalogText('values', symbol),
        }))}
        onChange={onChange}
        name={`test-${input.field.name}`}
      />
    );
  }
  return (
    <Field>
      <Field.Label>{label}</Field.Label>
      <Input
        isCompact
        type={input.control.control === 'number' ? 'number' : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

function Result({ value }: { value: boolean }) {
  return (
    <Tag size="small" hue={value ? 'successHue' : 'dangerHue'}>
      {value ? t('test.true') : t('test.false')}
    </Tag>
  );
}

/**
 * The sample's value of a field as the admin typed it (the evaluator reports its normalised, lower-cased
 * copy), or null when the context has none.
 *
 * @example typedValue(context, 'visitor.page_url') // 'https://Acme.test/Pricing'
 */
export function typedValue(context: RuleContext, field: string, key?: string): string | null {
  let value: unknown = context;
  for (const part of key === undefined ? field.split('.') : [...field.split('.'), key])
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'string' ? value : null;
}

/**
 * How the panel writes an event: the rule's trigger, or the sample visitor's moment.
 *
 * @example eventText({ type: 'scroll', percent: 50 }) // '50% scrolled'
 */
export function eventText(event: ContextEvent): string {
  switch (event.type) {
    case 'page_load':
      return t('test.eventLoad');
    case 'on_page':
      return t('test.eventOnPage', { seconds: event.seconds });
    case 'on_site':
      return t('test.eventOnSite', { seconds: event.seconds });
    case 'idle':
      return t('test.eventIdle', { seconds: event.seconds });
    case 'exit_intent':
      return t('test.eventExit');
    case 'scroll':
      return t('test.eventScroll', { percent: event.percent });
    case 'custom':
      return t('test.eventCustom', { name: event.name });
  }
}

/** Each field's string values as the rule writes them, keyed by their lower-cased form. */
type WrittenValues = Map<string, Map<string, string>>;

/**
 * The rule's string values as written, by field (the compiled rule keeps lower-cased copies).
 *
 * @example writtenValues(rule).get('visitor.page_url')?.get('pricing') // 'Pricing'
 */
export function writtenValues(rule: Rule | null): WrittenValues {
  const found: WrittenValues = new Map();
  const visit = (condition: Condition) => {
    if (condition.kind === 'not') return visit(condition.operand);
    if (condition.kind !== 'comparison') return condition.operands.forEach(visit);
    const strings =
      condition.value.kind === 'string'
        ? [condition.value]
        : condition.value.kind === 'list'
          ? condition.value.items
          : [];
    const byLower = found.get(condition.field) ?? new Map<string, string>();
    for (const { value } of strings) byLower.set(value.toLowerCase(), value);
    found.set(condition.field, byLower);
  };
  if (rule) visit(rule.condition);
  return found;
}

interface Shown {
  context: RuleContext;
  written: WrittenValues;
}

function EvaluationView({ evaluation, shown }: { evaluation: Evaluation; shown: Shown }) {
  const { explain } = evaluation;
  const expectedEvent = eventText(explain.event.expected);
  const actualEvent = explain.event.actual ? eventText(explain.event.actual) : '—';
  const time = explain.time_of_day;
  return (
    <div data-testid="test-result" data-fires={String(evaluation.fires)} aria-live="polite">
      <Verdict $fires={evaluation.fires}>
        {evaluation.fires ? t('test.wouldFire') : t('test.wouldNotFire')}
      </Verdict>
      {evaluation.error && <Alert type="warning">{evaluation.error.message}</Alert>}
      <Span isBold>{t('test.conditions')}</Span>
      <Tree>
        <ExplainView node={explain.conditions} shown={shown} />
      </Tree>
      <Line>
        <Result value={explain.event.result} />{' '}
        {t('test.event', { expected: expectedEvent, actual: actualEvent })}
      </Line>
      <Line>
        <Result value={time.result} />{' '}
        {time.mode === 'anytime'
          ? t('test.anytime')
          : t(time.mode === 'during' ? 'test.during' : 'test.outside', {
              schedule:
                time.schedule === 'default' || !time.schedule ? t('test.channelSchedule') : time.schedule,
              local: time.local_time ?? '—',
              state: time.holiday
                ? t('test.holiday', { name: time.holiday })
                : time.open
                  ? t('test.open')
                  : t('test.closed'),
            })}
      </Line>
      <Paragraph size="small">
        {t('test.frequency', { frequency: t(`frequency.${explain.frequency}`) })}
      </Paragraph>
    </div>
  );
}

function ExplainView({ node, shown }: { node: ExplainNode; shown: Shown }) {
  if (node.kind === 'comparison') {
    const field = fieldByName(node.field);
    // Values of fields edited with the language control read best with their language's name; others as written.
    const control = field && catalog.kindOf(field).valueControl(field).control;
    const expected = node.expected.map((value) =>
      typeof value !== 'string'
        ? String(value)
        : control === 'language'
          ? languageLabel(value)
          : (shown.written.get(node.field)?.get(value.toLowerCase()) ?? value),
    );
    const name = field ? catalogText('fields', field) : node.field;
    return (
      <li data-explain="comparison" data-result={String(node.result)}>
        <Result value={node.result} />{' '}
        <Span isBold>{node.key === undefined ? name : `${name} “${node.key}”`}</Span>{' '}
        {catalogText('operators', operatorByName(node.operator)).toLowerCase()}{' '}
        <Code>{expected.join(', ')}</Code>{' '}
        <Muted>
          {t('test.actual', {
            value:
              typedValue(shown.context, node.field, node.key) ??
              (node.actual === null ? t('test.missing') : String(node.actual)),
          })}
        </Muted>
      </li>
    );
  }
  return (
    <li data-explain={node.kind} data-result={String(node.result)}>
      <Result value={node.result} /> <Span isBold>{t(`test.${node.kind}`)}</Span>
      <Tree>
        {node.children.map((child, index) => (
          <ExplainView key={index} node={child} shown={shown} />
        ))}
      </Tree>
    </li>
  );
}
