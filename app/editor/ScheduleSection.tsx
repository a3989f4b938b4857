/**
 * "Choose when to send": Time of day (Any time; Only during / Only outside of business hours with a
 * schedule, offered only when the channel has business hours) and Frequency (the catalog's three options
 * with the article's explanations).
 */
import styled from 'styled-components';
import { Field, Fieldset, Radio } from '@zendeskgarden/react-forms';
import type { Frequency, TimeOfDay } from '@proactive/dsl';
import { frequencies, timesOfDay } from '@proactive/dsl';
import type { Schedule } from '@proactive/contract/admin';
import { catalogText, t } from '../i18n.ts';
import { SelectField } from '../shell/SelectField.tsx';

const Stack = styled.div`
  display: flex;
  flex-direction: column;
  gap: 24px;
`;

const channelSchedule = '__channel__';

export interface ScheduleSectionProps {
  timeOfDay: TimeOfDay;
  frequency: Frequency;
  onChange: (patch: { timeOfDay?: TimeOfDay; frequency?: Frequency }) => void;
  /** The channel's business-hours schedule, or null when it has none. */
  channelScheduleRecord: Schedule | null;
  schedules: Schedule[];
  disabled?: boolean;
}

/**
 * The section's form.
 *
 * @example <ScheduleSection timeOfDay={{ kind: 'anytime' }} frequency="once_per_visit" ... />
 */
export function ScheduleSection({
  timeOfDay,
  frequency,
  onChange,
  channelScheduleRecord,
  schedules,
  disabled,
}: ScheduleSectionProps) {
  const hasBusinessHours = channelScheduleRecord !== null;
  const scheduleValue = timeOfDay.kind === 'anytime' ? null : (timeOfDay.schedule ?? channelSchedule);
  const scheduleOptions = [
    {
      value: channelSchedule,
      label: t('schedule.channelSchedule', { name: channelScheduleRecord?.name ?? '' }),
    },
    ...schedules
      .filter((schedule) => schedule.id !== channelScheduleRecord?.id)
      .map((schedule) => ({ value: schedule.name, label: schedule.name })),
  ];
  if (scheduleValue && !scheduleOptions.some((option) => option.value === scheduleValue))
    scheduleOptions.push({ value: scheduleValue, label: t('schedule.unknown', { name: scheduleValue }) });
  return (
    <Stack>
      <Fieldset>
        <Fieldset.Legend>{t('schedule.timeOfDay')}</Fieldset.Legend>
        {!hasBusinessHours && <Field.Hint>{t('schedule.noBusinessHours')}</Field.Hint>}
        {timesOfDay.map((entry) => {
          const needsHours = entry.name !== 'anytime';
          return (
            <Field key={entry.name}>
              <Radio
                name="time-of-day"
                value={entry.name}
                checked={timeOfDay.kind === entry.name}
                disabled={disabled || (needsHours && !hasBusinessHours && timeOfDay.kind !== entry.name)}
                onChange={() =>
                  onChange({
                    timeOfDay:
                      entry.name === 'anytime'
                        ? { kind: 'anytime' }
                        : {
                            kind: entry.name,
                            schedule: timeOfDay.kind === 'anytime' ? null : timeOfDay.schedule,
                          },
                  })
                }
              >
                <Field.Label>{catalogText('timesOfDay', entry)}</Field.Label>
                <Field.Hint>{catalogText('timesOfDay', entry, 'doc')}</Field.Hint>
              </Radio>
            </Field>
          );
        })}
        {timeOfDay.kind !== 'anytime' && (
          <div style={{ marginTop: 12, maxWidth: 420 }}>
            <SelectField
              label={t('schedule.schedule')}
              hint={t('schedule.scheduleHint')}
              value={scheduleValue}
              options={scheduleOptions}
              disabled={disabled}
              error={!hasBusinessHours ? t('schedule.needsHours') : null}
              onChange={(value) =>
                onChange({
                  timeOfDay: { kind: timeOfDay.kind, schedule: value === channelSchedule ? null : value },
                })
              }
              name="schedule"
            />
          </div>
        )}
      </Fieldset>
      <Fieldset>
        <Fieldset.Legend>{t('schedule.frequency')}</Fieldset.Legend>
        {frequencies.map((entry) => (
          <Field key={entry.name}>
            <Radio
              name="frequency"
              value={entry.name}
              checked={frequency === entry.name}
              disabled={disabled}
              onChange={() => onChange({ frequency: entry.name })}
            >
              <Field.Label>{catalogText('frequencies', entry)}</Field.Label>
              <Field.Hint>{catalogText('frequencies', entry, 'doc')}</Field.Hint>
            </Radio>
          </Field>
        ))}
      </Fieldset>
    </Stack>
  );
}
