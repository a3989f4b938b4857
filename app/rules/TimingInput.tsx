/**
 * "When to check the conditions": the Event (the rule's trigger, from the catalog) and what it needs:
 * how long in Minutes and Seconds for the triggers that wait (0:01 to 60:00), the share of the page for
 * a scroll, the name of a custom event.
 */
import styled from 'styled-components';
import { Field, Input } from '@zendeskgarden/react-forms';
import type { EventEntry, Timing } from '@proactive/dsl';
import { events, onPageSeconds } from '@proactive/dsl';
import { catalogText, t } from '../i18n.ts';
import { SelectField } from '../shell/SelectField.tsx';

const Line = styled.div`
  display: grid;
  grid-template-columns: minmax(220px, 2fr) minmax(90px, 1fr) minmax(90px, 1fr);
  gap: 12px;
  align-items: end;
`;

/**
 * Whether a duration is within the catalog's limits (those of `event`, `for M:SS`'s by default).
 *
 * @example durationProblem(0, 0) // 'rules.timing.tooShort'
 */
export function durationProblem(
  minutes: number,
  seconds: number,
  limits: { min: number; max: number } = onPageSeconds,
): string | null {
  if (!Number.isInteger(minutes) || !Number.isInteger(seconds) || seconds < 0 || seconds > 59 || minutes < 0)
    return 'rules.timing.invalid';
  const total = minutes * 60 + seconds;
  if (total < limits.min) return 'rules.timing.tooShort';
  if (total > limits.max) return 'rules.timing.tooLong';
  return null;
}

/**
 * The timing a trigger starts with when it is picked: 30 seconds for those that wait, half the page for
 * a scroll, an empty name for a custom event.
 *
 * @example defaultTiming('scroll') // { kind: 'scroll', percent: 50 }
 */
export function defaultTiming(kind: Timing['kind']): Timing {
  switch (kind) {
    case 'on_page':
    case 'on_site':
    case 'idle':
      return { kind, minutes: 0, seconds: 30 };
    case 'scroll':
      return { kind, percent: 50 };
    case 'custom':
      return { kind, name: '' };
    default:
      return { kind };
  }
}

export interface TimingInputProps {
  timing: Timing;
  onChange: (timing: Timing) => void;
  disabled?: boolean;
}

/**
 * The timing row.
 *
 * @example <TimingInput timing={{ kind: 'page_load' }} onChange={setTiming} />
 */
export function TimingInput({ timing, onChange, disabled }: TimingInputProps) {
  const entry = events.find((event) => event.name === timing.kind) as EventEntry;
  const waits = timing.kind === 'on_page' || timing.kind === 'on_site' || timing.kind === 'idle';
  const minutes = waits ? timing.minutes : 0;
  const seconds = waits ? timing.seconds : 0;
  const problem = waits ? durationProblem(minutes, seconds, entry.seconds) : null;
  const number = (text: string) => (text.trim() === '' ? 0 : Math.trunc(Number(text)));
  return (
    <div>
      <Line>
        <SelectField
          label={t('rules.event')}
          value={timing.kind}
          disabled={disabled}
          options={events.map((event) => ({ value: event.name, label: catalogText('events', event) }))}
          onChange={(kind) => onChange(defaultTiming(kind as Timing['kind']))}
          name="event"
        />
        {timing.kind === 'scroll' ? (
          <Field>
            <Field.Label>{t('rules.percent')}</Field.Label>
            <Input
              type="number"
              min={1}
              max={100}
              disabled={disabled}
              value={String(timing.percent)}
              onChange={(event) => onChange({ ...timing, percent: number(event.target.value) })}
            />
          </Field>
        ) : timing.kind === 'custom' ? (
          <Field>
            <Field.Label>{t('rules.eventName')}</Field.Label>
            <Input
              disabled={disabled}
              value={timing.name}
              onChange={(event) => onChange({ ...timing, name: event.target.value })}
            />
          </Field>
        ) : (
          <>
            <Field>
              <Field.Label>{t('rules.minutes')}</Field.Label>
              <Input
                type="number"
                min={0}
                max={60}
                disabled={disabled || !waits}
                value={waits ? String(minutes) : ''}
                validation={problem ? 'error' : undefined}
                onChange={(event) => waits && onChange({ ...timing, minutes: number(event.target.value) })}
              />
            </Field>
            <Field>
              <Field.Label>{t('rules.seconds')}</Field.Label>
              <Input
                type="number"
                min={0}
                max={59}
                disabled={disabled || !waits}
                value={waits ? String(seconds) : ''}
                validation={problem ? 'error' : undefined}
                onChange={(event) => waits && onChange({ ...timing, seconds: number(event.target.value) })}
              />
            </Field>
          </>
        )}
      </Line>
      {problem && (
        <Field>
          <Field.Message validation="error">{t(problem)}</Field.Message>
        </Field>
      )}
    </div>
  );
}
