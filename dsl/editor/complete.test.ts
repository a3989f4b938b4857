/**
 * Completion as the Text view uses it (issue 9): strings replaced whole, schedule names, clauses offered
 * once, completion after earlier errors; and (issue 11) from the statement around the cursor, which must
 * agree with the grammar read over every token before the cursor.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { language, print } from '../language.ts';

import { ruleArbitrary } from '../testing/arbitraries.ts';
import { createCompletion } from './complete.ts';
import { complete, type EditorOptions } from './index.ts';

function at(marked: string): [string, number] {
  const offset = marked.indexOf('<|>');
  if (offset < 0) throw new Error('no <|> marker');
  return [marked.replace('<|>', ''), offset];
}
const labels = (marked: string, options?: EditorOptions) =>
  complete(...at(marked), options).items.map((item) => item.label);

/** The text after accepting the item labelled `label` at the marked cursor. */
function accept(marked: string, label: string, options?: EditorOptions): string {
  const [text, offset] = at(marked);
  const { range, items } = complete(text, offset, options);
  const item = items.find((candidate) => candidate.label === label);
  if (!item)
    throw new Error(`no item ${label} among ${items.map((candidate) => candidate.label).join(', ')}`);
  return text.slice(0, range.start) + item.insertText + text.slice(range.end);
}

const clauseLabels = [
  'for 0:30',
  'for 2:00 on_site',
  'on exit_intent',
  'on scroll 50%',
  'on idle 0:30',
  'on event "added_to_cart"',
  'anytime',
  'during business_hours',
  'outside business_hours',
  'once_per_customer',
  'once_per_visit',
  'every_time',
  'tag',
];

describe('a string completion replaces the whole string', () => {
  it('leaves no stray quote when the editor closed the string itself', () => {
    expect(accept('when device.language is "f<|>"', '"fr"')).toBe('when device.language is "fr"');
    expect(accept('when device.language is "<|>"', '"fr"')).toBe('when device.language is "fr"');
    expect(accept('when device.language is ["de", "f<|>"]', '"fr"')).toBe(
      'when device.language is ["de", "fr"]',
    );
    expect(accept('when device.language is "f<|>" and a.b is "x"', '"fr-CA"')).toBe(
      'when device.language is "fr-CA" and a.b is "x"',
    );
  });

  it('replaces up to the cursor in a string that is not closed', () => {
    expect(accept('when device.language is "f<|>', '"fr"')).toBe('when device.language is "fr"');
    const [text, offset] = at('when device.language is "f<|>r and');
    expect(complete(text, offset).range).toEqual({ start: 24, end: offset });
  });

  it('filters by what is written up to the cursor, spaces included', () => {
    const options = { schedules: ['EMEA support', 'EMEA sales', 'US'] };
    expect(labels('when a.b is "x" during business_hours "EMEA s<|>"', options)).toEqual([
      '"EMEA support"',
      '"EMEA sales"',
    ]);
    expect(accept('when a.b is "x" during business_hours "EMEA su<|>"', '"EMEA support"', options)).toBe(
      'when a.b is "x" during business_hours "EMEA support"',
    );
  });
});

describe('schedule names', () => {
  const options = { schedules: ['EMEA support', 'US'] };

  it('are offered after during / outside business_hours, with the clauses that may follow', () => {
    const items = complete(...at('when a.b is "x" during business_hours <|>'), options).items;
    expect(items[0]).toMatchObject({ label: '"EMEA support"', kind: 'value', insertText: '"EMEA support"' });
    expect(items.map((item) => item.label)).toEqual(
      expect.arrayContaining(['"EMEA support"', '"US"', 'once_per_visit', 'tag']),
    );
    expect(labels('when a.b is "x" outside business_hours "<|>', options)).toEqual([
      '"EMEA support"',
      '"US"',
    ]);
    expect(labels('when a.b is "x" during business_hours "U<|>" once_per_visit', options)).toEqual(['"US"']);
  });

  it('are quoted as the language writes strings', () => {
    expect(labels('when a.b is "x" during business_hours "<|>"', { schedules: ['Say "hi"'] })).toEqual([
      '"Say \\"hi\\""',
    ]);
  });

  it('are not offered without the channel’s schedules, nor elsewhere', () => {
    expect(labels('when a.b is "x" during business_hours "<|>"')).toEqual([]);
    expect(labels('when a.b is "x" tag "<|>"', options)).toEqual(['""']);
    expect(labels('when a.b is "<|>"', options)).toEqual(['""']);
  });
});

describe('clauses already written are not offered again', () => {
  it('leaves out each clause the rule says, before or after the cursor', () => {
    const after = labels('when a.b is "x" <|> once_per_visit tag "a"');
    expect(after).toEqual(
      expect.arrayContaining(['and', 'or', 'for 0:30', 'anytime', 'during business_hours']),
    );
    expect(after).not.toContain('once_per_customer');
    expect(after).not.toContain('every_time');
    expect(after).not.toContain('tag');
    const later = labels('when a.b is "x" for 0:30 during business_hours <|>');
    expect(later).toEqual(['once_per_customer', 'once_per_visit', 'every_time', 'tag']);
    expect(labels('when a.b is "x" on exit_intent anytime every_time tag "a" <|>')).toEqual([]);
  });

  it('counts a trigger written with `on` as the timing', () => {
    const labelsAfter = labels('when a.b is "x" on idle 0:30 <|>');
    expect(labelsAfter).not.toContain('for 0:30');
    expect(labelsAfter.filter((label) => label.startsWith('on '))).toEqual([]);
  });

  it('still completes the clause being written', () => {
    expect(labels('when a.b is "x" once_per_visit on <|>')).toEqual([
      'exit_intent',
      'scroll 50%',
      'idle 0:30',
      'event "added_to_cart"',
    ]);
    expect(labels('when a.b is "x" once_per_visit during <|>')).toEqual(['business_hours']);
    expect(labels('when a.b is "x" once<|>')).toEqual(['once_per_customer', 'once_per_visit']);
    expect(labels('when a.b is "x" once_per_visit<|>')).toEqual(['once_per_visit']);
  });
});

describe('completion after an error earlier in the text', () => {
  it('completes the statement around the cursor', () => {
    expect(labels('when visitor.page_url contians "x" and device.language is "f<|>')).toEqual([
      '"fi"',
      '"fr"',
      '"fr-CA"',
    ]);
    expect(labels('when a.b is "x" and c.d "y" or device.language <|>')).toEqual(['is', 'is not']);
    expect(labels('when ) a.b is "x" and visitor.page_u<|>')).toEqual(['visitor.page_url']);
    expect(labels('when a.b is "x" for 30 once<|>')).toEqual(['once_per_customer', 'once_per_visit']);
  });

  it('goes on after a statement it cannot read', () => {
    const afterBroken = labels('when visitor.page_url contians "x" <|>');
    expect(afterBroken).toEqual(expect.arrayContaining(['and', 'or', 'once_per_visit', 'tag']));
    expect(labels('when a.b is "x" for 30 <|>')).toEqual(clauseLabels.slice(6));
    expect(labels('when a.b is "x" <|>')).toEqual(['and', 'or', ...clauseLabels]);
    expect(labels('when (a.b is "x" or c.d is 3 4 <|>')).toEqual(expect.arrayContaining(['and', 'or', ')']));
    expect(labels('when a.b contians <|>')).toEqual([]);
  });

  it('offers nothing inside a comment', () => {
    expect(labels('when a.b is "x" # and <|>')).toEqual([]);
    expect(labels('# a comment<|>\nwhen a.b is "x"')).toEqual([]);
    expect(labels('when a.b is "x" # note\n<|>')).toEqual(expect.arrayContaining(['and', 'or']));
  });
});

describe('completion from the statement around the cursor', () => {
  const whole = createCompletion(language, { prefix: 'whole' });
  const statement = createCompletion(language);

  it('reads a group, a negation and a list the way the whole text does', () => {
    for (const marked of [
      'when (a.b is "x" <|>',
      'when (a.b is "x" and (c.d is "y") <|>',
      'when not <|>',
      'when not not (a.b is "x") <|>',
      'when a.b is not <|>',
      'when a.b is ["x", <|>',
      'when a.b is "x" and not c.d <|>',
      'when visitor.attributes["plan"] <|>',
      'when a.b is "x" tag "a", <|>',
      '<|>',
      'a.b is <|>',
    ]) {
      expect({ marked, ...statement(...at(marked)) }).toEqual({ marked, ...whole(...at(marked)) });
    }
  });

  it('equals completion over every token before the cursor, anywhere in generated rules (fast-check, fixed seed)', () => {
    const options = { schedules: ['EMEA support'], attributes: [{ key: 'plan', type: 'text' as const }] };
    fc.assert(
      fc.property(ruleArbitrary, fc.nat(), (rule, at) => {
        const text = print(rule);
        const offset = at % (text.length + 1);
        expect(statement(text, offset, options)).toEqual(whole(text, offset, options));
      }),
      { seed: 11, numRuns: 600 },
    );
  });
});
