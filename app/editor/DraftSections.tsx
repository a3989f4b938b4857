/**
 * The parts of the message form that show the draft's rule, each subscribed to the draft store for what
 * it shows (useDraft.ts): a rule edit or a switch between Visual and Text re-renders the rules section
 * (and the schedule section only when the time of day, frequency or its being editable changed), never
 * the rest of the form. Also the conflict dialog, which compares the whole draft.
 */
import { memo, useCallback } from 'react';
import type { Frequency, Schedule as ContextSchedule, TimeOfDay, ValidateOptions } from '@proactive/dsl';
import type { Schedule } from '@proactive/contract/admin';
import type { BuilderProblem } from '../rules/builder-model.ts';
import { currentRest, editRest, shownRest, type RuleState } from '../rules/rule-sync.ts';
import { ConflictModal, type ConflictModalProps } from './ConflictModal.tsx';
import { patchOf, type Draft } from './draft.ts';
import type { DraftSnapshot, DraftStore } from './draft-store.ts';
import { RulesSection } from './RulesSection.tsx';
import { ScheduleSection } from './ScheduleSection.tsx';
import { useDraftSlice } from './useDraft.ts';

const selectRule = (snapshot: DraftSnapshot) => snapshot.draft.rule;
const selectDraft = (snapshot: DraftSnapshot) => snapshot.draft;

export interface DraftRulesSectionProps {
  store: DraftStore;
  problems: BuilderProblem[];
  validateOptions: ValidateOptions;
  schedules: Record<string, ContextSchedule>;
}

/**
 * "Set the rules" on the draft's rule.
 *
 * @example <DraftRulesSection store={store} problems={[]} validateOptions={{}} schedules={{}} />
 */
export const DraftRulesSection = memo(function DraftRulesSection({
  store,
  problems,
  validateOptions,
  schedules,
}: DraftRulesSectionProps) {
  const rule = useDraftSlice(store, selectRule);
  const setRule = useCallback(
    (next: RuleState) => store.edit((draft) => ({ ...draft, rule: next })),
    [store],
  );
  return (
    <RulesSection
      state={rule}
      onChange={setRule}
      problems={problems}
      validateOptions={validateOptions}
      schedules={schedules}
    />
  );
});

/** What the schedule section shows of the rule. */
interface ShownSchedule {
  timeOfDay: TimeOfDay;
  frequency: Frequency;
  /** The text has a syntax error: the fields show the last rule that parsed, read-only. */
  disabled: boolean;
}

const selectSchedule = ({ draft }: DraftSnapshot): ShownSchedule => {
  const { timeOfDay, frequency } = shownRest(draft.rule);
  return { timeOfDay, frequency, disabled: !currentRest(draft.rule) };
};

const scheduleOf = (timeOfDay: TimeOfDay) => (timeOfDay.kind === 'anytime' ? null : timeOfDay.schedule);

// The Text view derives a new time of day on every change, equal to the Visual view's one.
const sameSchedule = (before: ShownSchedule, after: ShownSchedule) =>
  before.frequency === after.frequency &&
  before.disabled === after.disabled &&
  before.timeOfDay.kind === after.timeOfDay.kind &&
  scheduleOf(before.timeOfDay) === scheduleOf(after.timeOfDay);

const editSchedule = (patch: { timeOfDay?: TimeOfDay; frequency?: Frequency }) => (draft: Draft) => ({
  ...draft,
  rule: editRest(draft.rule, patch),
});

export interface DraftScheduleSectionProps {
  store: DraftStore;
  /** The channel's business-hours schedule, or null when it has none. */
  channelScheduleRecord: Schedule | null;
  schedules: Schedule[];
}

/**
 * "Choose when to send" on the draft's rule.
 *
 * @example <DraftScheduleSection store={store} channelScheduleRecord={null} schedules={[]} />
 */
export const DraftScheduleSection = memo(function DraftScheduleSection({
  store,
  channelScheduleRecord,
  schedules,
}: DraftScheduleSectionProps) {
  const shown = useDraftSlice(store, selectSchedule, sameSchedule);
  const onChange = useCallback(
    (patch: { timeOfDay?: TimeOfDay; frequency?: Frequency }) => store.edit(editSchedule(patch)),
    [store],
  );
  return (
    <ScheduleSection
      timeOfDay={shown.timeOfDay}
      frequency={shown.frequency}
      disabled={shown.disabled}
      channelScheduleRecord={channelScheduleRecord}
      schedules={schedules}
      onChange={onChange}
    />
  );
});

export interface DraftConflictModalProps extends Omit<ConflictModalProps, 'mine'> {
  store: DraftStore;
}

/**
 * The conflict dialog, comparing the draft with their version.
 *
 * @example <DraftConflictModal store={store} theirs={conflict} onReload={reload} onKeepMine={keep} onClose={close} />
 */
export function DraftConflictModal({ store, ...props }: DraftConflictModalProps) {
  const draft = useDraftSlice(store, selectDraft);
  return <ConflictModal mine={patchOf(draft)} {...props} />;
}
