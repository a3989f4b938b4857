/**
 * The words for what makes a compiled rule or a schedule unusable: what the CLI, the server and the
 * admin app show (through `createEvaluator`). Kept apart from rule.ts and schedule.ts, which only name
 * problems by code, so that the widget's bundle carries none of these texts.
 */
import { COMPILED_VERSION } from '../compile/compiled.ts';
import type { MalformedRule } from './rule.ts';

const ruleProblems: Readonly<Record<string, (detail: unknown) => string>> = {
  'not-object': () => 'expected a JSON object',
  field: () => 'field must be an object of the context and its property, such as "visitor.page_url"',
  key: () => 'key must be a string',
  kind: (match) => `unknown match kind ${JSON.stringify(match)}`,
  values: (type) => `values must be a non-empty list of ${type as string}s`,
  operator: (detail) => {
    const [operator, match] = detail as [unknown, string];
    return `unknown operator ${JSON.stringify(operator)} for match kind "${match}"`;
  },
  condition: () => 'expected a condition object',
  'condition-type': (kind) => `unknown condition type ${JSON.stringify(kind)}`,
  operands: (kind) => `"${kind as string}" needs a non-empty list of conditions`,
  frequency: () => 'expected a frequency name',
  event: (event) =>
    `expected {"type": "page_load"}, {"type": "on_page", "seconds": N} or an event of a trigger this evaluator is given, got ${JSON.stringify(event)}`,
  'time-of-day': () => 'expected {"mode": "anytime"} or {"mode": "during"|"outside", "schedule": name}',
};

/**
 * The full message of a compiled rule the evaluator refuses.
 *
 * @example describeRuleProblem(malformed('when', 'condition')) // 'Malformed compiled rule at when: expected a condition object. Recompile the rule.'
 */
export function describeRuleProblem(error: MalformedRule): string {
  if (error.problem === 'version') {
    return `Cannot evaluate a compiled rule of version ${JSON.stringify(error.detail)}: this evaluator understands version ${COMPILED_VERSION}.`;
  }
  const words = ruleProblems[error.problem]?.(error.detail) ?? error.problem;
  return `Malformed compiled rule at ${error.path}: ${words}. Recompile the rule.`;
}

/**
 * What is wrong with a schedule, from the code `createScheduleService().prepare` answers.
 *
 * @example describeScheduleProblem('interval:2') // 'intervals[2] must be {day: mon..sun, open: HH:MM, close: HH:MM or 24:00}'
 */
export function describeScheduleProblem(code: string): string {
  const [name, detail] = code.split(':', 2) as [string, string | undefined];
  switch (name) {
    case 'time-zone':
      return 'time_zone must be an IANA time zone name such as "Europe/Paris"';
    case 'unknown-time-zone':
      return `time_zone "${detail}" is not a time zone this browser knows (use an IANA name such as "Europe/Paris")`;
    case 'intervals':
      return 'intervals must be a list of {day, open, close}';
    case 'interval':
      return `intervals[${detail}] must be {day: mon..sun, open: HH:MM, close: HH:MM or 24:00}`;
    case 'holidays':
      return 'holidays must be a list';
    case 'holiday':
      return `holidays[${detail}] must be {name, date: YYYY-MM-DD}`;
    default:
      return 'must be {time_zone, intervals, holidays}';
  }
}
