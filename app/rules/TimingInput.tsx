/**
 * "When to check the conditions": the Event (from the catalog) and, for "Visitor is on the page", how
 * long in Minutes and Seconds (0:01 to 60:00).
 */
import styled from 'styled-components';
import { Field, Input } from '@zendeskgarden/react-forms';
import type { Timing } from '@proactive/dsl';
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
 * Whether a duration is within the catalog's limits.
 *
 * @example durationProblem(0, 0) // 'rules.timing.tooShort'
 */
export function durationProblem(minutes: number, seconds: number): string | null {
  if (!Number.isInteger(minutes) || !Number.isInteger(seconds) || seconds < 0 || seconds > 59 || minutes < 0)
    return 'rules.timing.invalid';
  const total = minutes * 60 + seconds;
  if (total < onPageSeconds.min) return 'rules.timing.tooShort';
  if (total > onPageSeconds.max) return 'rules.timing.tooLong';
  return null;
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
  const onPage = timing.kind === 'on_page';
  const minutes = onPage ? timing.minutes : 0;
  const seconds = onPage ? timing.seconds : 0;
  const problem = onPage ? durationProblem(minutes, seconds) : null;
  const number = (text: string) => (text.trim() === '' ? 0 : Math.trunc(Number(text)));
  return (
    <div>
      <Line>
        <SelectField
          label={t('rules.event')}
          value={timing.kind}
          disabled={disabled}
          options={events.map((event) => ({ value: event.name, label: catalogText('events', event) }))}
          onChange={(kind) =>
            onChange(
              kind === 'on_page' ? { kind: 'on_page', minutes: 0, seconds: 30 } : { kind: 'page_load' },
            )
          }
          name="event"
        />
        <Field>
          <Field.Label>{t('rules.minutes')}</Field.Label>
          <Input
            type="number"
            min={0}
            max={60}
            disabled={disabled || !onPage}
            value={onPage ? String(minutes) : ''}
            validation={problem ? 'error' : undefined}
            onChange={(event) => onPage && onChange({ ...timing, minutes: number(event.target.value) })}
          />
        </Field>
        <Field>
          <Field.Label>{t('rules.seconds')}</Field.Label>
          <Input
            type="number"
            min={0}
            max={59}
            disabled={disabled || !onPage}
            value={onPage ? String(seconds) : ''}
            validation={problem ? 'error' : undefined}
            onChange={(event) => onPage && onChange({ ...timing, seconds: number(event.target.value) })}
          />
        </Field>
      </Line>
      {problem && (
        <Field>
          <Field.Message validation="error">{t(problem)}</Field.Message>
        </Field>
      )}
    </div>
  );
}
