/**
 * "Set the rules": the Visual | Text switch over one AST (rule-sync.ts), the condition builder or the
 * Monaco text view, the Condition key, "When to check the conditions", Tags, problems, and the Test this
 * rule panel.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import styled from 'styled-components';
import { Field } from '@zendeskgarden/react-forms';
import { Alert } from '@zendeskgarden/react-notifications';
import { Tabs } from '@zendeskgarden/react-tabs';
import { Paragraph } from '@zendeskgarden/react-typography';
import { check } from '@proactive/dsl';
import type { Diagnostic } from '@proactive/dsl';
import { lineColumnAt } from '@proactive/dsl';
import type { Schedule } from '@proactive/dsl';
import type { ValidateOptions } from '@proactive/dsl';
import { t } from '../i18n.ts';
import { ChipInput } from '../shell/ChipInput.tsx';
import { Loading } from '../shell/Loading.tsx';
import type { BuilderProblem } from '../rules/builder-model.ts';
import { ConditionBuilder } from '../rules/ConditionBuilder.tsx';
import { ConditionKey } from '../rules/ConditionKey.tsx';
import {
  currentRest,
  shownRest,
  currentRule,
  editBuilder,
  editRest,
  editText,
  switchView,
  type RuleState,
  type RuleView,
  type SwitchRefusal,
} from '../rules/rule-sync.ts';
import type { RuleTextEditorHandle } from '../rules/RuleTextEditor.tsx';
import { TestRulePanel } from '../rules/TestRulePanel.tsx';
import { TimingInput } from '../rules/TimingInput.tsx';
import { preloadMonaco } from '../monaco/load.ts';

const loadRuleTextEditor = () => import('../rules/RuleTextEditor.tsx');
const RuleTextEditor = lazy(() =>
  loadRuleTextEditor().then((module) => ({ default: module.RuleTextEditor })),
);

const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: 24px;
`;

/**
 * Splits typed tags the way the language does: no whitespace inside a tag, stored lower-case.
 *
 * @example splitTags('VIP, pricing  sales') // ['vip', 'pricing', 'sales']
 */
export function splitTags(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((tag) => tag.trim().toLowerCase())
    .filter(Boolean);
}

export interface RulesSectionProps {
  state: RuleState;
  onChange: (state: RuleState) => void;
  /** Builder problems to show inline (after a save or switch attempt). */
  problems: BuilderProblem[];
  validateOptions: ValidateOptions;
  schedules: Record<string, Schedule>;
}

/**
 * The section.
 *
 * @example <RulesSection state={ruleState} onChange={setRuleState} problems={[]} validateOptions={{}} schedules={{}} />
 */
export function RulesSection({ state, onChange, problems, validateOptions, schedules }: RulesSectionProps) {
  const [refusal, setRefusal] = useState<SwitchRefusal | null>(null);
  const [shownProblems, setShownProblems] = useState<BuilderProblem[]>([]);
  const rest = currentRest(state);
  const shown = shownRest(state);
  const rule = currentRule(state);
  const diagnostics = useMemo<Diagnostic[]>(() => {
    if (state.view === 'text')
      return state.syntaxErrors.length ? state.syntaxErrors : check(state.text, validateOptions).diagnostics;
    return rule ? check(state.text, validateOptions).diagnostics : [];
  }, [state, rule, validateOptions]);
  const visibleProblems = problems.length > 0 ? problems : shownProblems;
  // Warm up the Text view (its component and Monaco) while the form is read.
  useEffect(() => {
    void loadRuleTextEditor().catch(() => undefined);
    preloadMonaco();
  }, []);

  const textEditor = useRef<RuleTextEditorHandle>(null);

  function trySwitch(view: RuleView) {
    // The Text view checks after a pause in typing: what was typed since then switches too.
    const pending = textEditor.current?.takePending();
    const current = pending === undefined ? state : editText(state, pending);
    const result = switchView(current, view);
    if ('refused' in result) {
      if (current !== state) onChange(current);
      setRefusal(result.refused);
      if (result.refused.reason === 'incomplete') setShownProblems(result.refused.problems);
      return;
    }
    setRefusal(null);
    setShownProblems([]);
    onChange(result.state);
  }

  return (
    <Stack>
      <Paragraph>{t('rules.intro')}</Paragraph>
      <output hidden data-testid="rule-text" data-view={state.view} data-text={state.text} />
      <Tabs selectedItem={state.view} onChange={(item: RuleView) => trySwitch(item)}>
        <Tabs.TabList aria-label={t('rules.viewSwitch')}>
          <Tabs.Tab item="visual">{t('rules.visual')}</Tabs.Tab>
          <Tabs.Tab item="text">{t('rules.text')}</Tabs.Tab>
        </Tabs.TabList>
        {refusal && (
          <Alert type="warning" role="alert" data-testid="switch-refused">
            <Alert.Title>
              {refusal.reason === 'syntax' ? t('rules.cannotVisual') : t('rules.cannotText')}
            </Alert.Title>
            {refusal.reason === 'syntax'
              ? t('rules.syntaxAt', { line: refusal.line, column: refusal.column, message: refusal.message })
              : t('rules.completeFirst')}
            <Alert.Close aria-label={t('common.close')} onClick={() => setRefusal(null)} />
          </Alert>
        )}
        <Tabs.TabPanel item="visual">
          {state.view === 'visual' && (
            <Stack>
              <ConditionBuilder
                root={state.builder.root}
                problems={visibleProblems}
                attributes={validateOptions.attributes}
                onChange={(root) => {
                  setShownProblems([]);
                  onChange(editBuilder(state, { ...state.builder, root }));
                }}
              />
              <ConditionKey attributes={validateOptions.attributes} />
            </Stack>
          )}
        </Tabs.TabPanel>
        <Tabs.TabPanel item="text">
          {state.view === 'text' && (
            <Suspense fallback={<Loading />}>
              <RuleTextEditor
                handle={textEditor}
                value={state.text}
                onChange={(text) => onChange(editText(state, text))}
                validateOptions={validateOptions}
              />
            </Suspense>
          )}
        </Tabs.TabPanel>
      </Tabs>
      {diagnostics.length > 0 && (
        <Alert
          type={diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 'error' : 'warning'}
          data-testid="rule-diagnostics"
        >
          <Alert.Title>{t('rules.diagnostics')}</Alert.Title>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {diagnostics.map((diagnostic, index) => {
              const at = lineColumnAt(state.text, diagnostic.range.start);
              return (
                <li key={index}>
                  {state.view === 'text' ? `${at.line}:${at.column} ` : ''}
                  {diagnostic.message}
                </li>
              );
            })}
          </ul>
        </Alert>
      )}
      <Field>
        <Field.Label>{t('rules.when')}</Field.Label>
        <Field.Hint>{t('rules.whenHint')}</Field.Hint>
      </Field>
      <TimingInput
        timing={shown.timing}
        disabled={!rest}
        onChange={(timing) => onChange(editRest(state, { timing }))}
      />
      <Field>
        <Field.Label>{t('rules.tags')}</Field.Label>
        <Field.Hint>{rest ? t('rules.tagsHint') : t('rules.fixTextFirst')}</Field.Hint>
        <ChipInput
          label={t('rules.tags')}
          values={shown.tags}
          split={splitTags}
          normalise={(tag) => tag.toLowerCase()}
          disabled={!rest}
          onChange={(tags) => onChange(editRest(state, { tags }))}
          placeholder={t('rules.tagsPlaceholder')}
        />
      </Field>
      <TestRulePanel rule={rule} schedules={schedules} attributes={validateOptions.attributes} />
    </Stack>
  );
}
