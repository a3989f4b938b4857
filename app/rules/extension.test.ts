/**
 * The admin app's rule models follow the catalog: a field and a kind from the test-only extension
 * (dsl/testing/example-extension.ts) appear in the visual builder, the value editor's control, the test
 * panel's sample form and the translations, with no change to the app.
 */
import { describe, expect, it } from 'vitest';
import { createLanguage } from '@proactive/dsl';
import { exampleCatalog } from '@proactive/dsl/testing';
import { catalogTranslations } from '../catalog-translations.ts';
import {
  defaultValue,
  fieldsOf,
  fromRule,
  newCondition,
  setField,
  toRule,
  valueFitsField,
  type ConditionNode,
} from './builder-model.ts';
import { initialSample, sampleContext, sampleInputs, testRule } from './sample-visitor.ts';

const language = createLanguage(exampleCatalog);
const pagePath = exampleCatalog.fieldByName('visitor.page_path')!;
const landingPage = exampleCatalog.fieldByName('visitor.landing_page')!;

describe('the visual builder with an extended catalog', () => {
  it('offers the new fields with their kind’s operators and values', () => {
    expect(fieldsOf('visitor', exampleCatalog).map((field) => field.name)).toEqual([
      ...fieldsOf('visitor').map((field) => field.name),
      'visitor.landing_page',
      'visitor.page_path',
    ]);
    // A row on page URL `contains`: page path has no `contains`, so its first operator is picked.
    const row = { ...newCondition('visitor', exampleCatalog), operator: 'contains' };
    const root = { type: 'group' as const, id: 'g', operator: 'and' as const, negated: false, items: [row] };
    const picked = setField(root, row.id, 'visitor.page_path', exampleCatalog).items[0] as ConditionNode;
    expect(picked).toMatchObject({
      field: 'visitor.page_path',
      operator: 'is_under',
      value: { kind: 'string' },
    });
    expect(defaultValue(pagePath, exampleCatalog)).toEqual({ kind: 'string', value: '' });
    expect(valueFitsField({ kind: 'symbol', name: 'x' }, pagePath, exampleCatalog)).toBe(false);
    expect(exampleCatalog.kindOf(pagePath).valueControl(pagePath)).toEqual({
      control: 'chips',
      allowsList: true,
    });
  });

  it('round-trips rules that use them', () => {
    const rule = language.parse(
      'when visitor.page_path is under "/blog" and visitor.landing_page contains "x"',
    ).rule!;
    const back = toRule(fromRule(rule, exampleCatalog)).rule!;
    expect(language.print(back)).toBe(language.print(rule));
  });
});

describe('the test panel with an extended catalog', () => {
  it('has an input per field, with the kind’s control and starting value', () => {
    const inputs = sampleInputs(exampleCatalog);
    expect(inputs.map((input) => [input.field.name, input.control.control])).toEqual([
      ...sampleInputs().map((input) => [input.field.name, input.control.control]),
      ['visitor.landing_page', 'text'],
      ['visitor.page_path', 'text'],
    ]);
    const sample = initialSample(exampleCatalog, { language: 'fr-CA' });
    expect(sample.values).toMatchObject({
      'visitor.landing_page': 'https://acme.test/welcome',
      'visitor.page_path': '/blog/launch',
      'device.language': 'fr-CA',
      'visitor.visit_history': 'new_user',
    });
    expect(sampleContext(sample, {}, exampleCatalog).visitor).toMatchObject({
      landing_page: 'https://acme.test/welcome',
      page_path: '/blog/launch',
    });
  });

  it('evaluates rules on the new fields with the new kind’s runtime', () => {
    const rule = language.parse(
      'when visitor.page_path is under "/BLOG" and visitor.landing_page contains "welcome"',
    ).rule!;
    const sample = { ...initialSample(exampleCatalog), seconds: 0 };
    expect(testRule(rule, sample, {}, exampleCatalog).evaluation?.fires).toBe(true);
    const elsewhere = { ...sample, values: { ...sample.values, 'visitor.page_path': '/about' } };
    expect(testRule(rule, elsewhere, {}, exampleCatalog).evaluation?.fires).toBe(false);
    expect(testRule(rule, sample, {}).error).toContain('Unknown field `visitor.page_path`');
  });
});

describe('translations of an extended catalog', () => {
  it('hold the new fields and operator', () => {
    const strings = catalogTranslations(exampleCatalog);
    expect(strings.fields['visitor.landing_page']).toEqual({ label: 'Landing page', doc: landingPage.doc });
    expect(strings.operators.is_under?.label).toBe('Is under');
  });
});
