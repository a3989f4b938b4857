import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../translations/en.json';
import { fieldByName } from '@proactive/dsl';
import { catalogTranslations } from './catalog-translations.ts';
import { catalogText, hasTranslation, t } from './i18n.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
  });
}

describe('translations', () => {
  it('holds the catalog labels and docs, generated from the catalog (npx tsx app/catalog-translations.ts --write)', () => {
    expect((en as { catalog?: unknown }).catalog).toEqual(catalogTranslations());
    const url = fieldByName('visitor.page_url')!;
    expect(catalogText('fields', url)).toBe('Page URL');
    expect(catalogText('fields', url, 'doc')).toBe(url.doc);
    expect(catalogText('fields', { name: 'planet.size', label: 'Planet size', doc: '' })).toBe('Planet size');
  });

  it('fills placeholders and falls back to the key', () => {
    expect(t('list.deleteConfirm', { name: 'Pricing' })).toContain('“Pricing”');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('chips.remove')).toBe('Remove {{value}}');
  });

  it('has every literal key the app uses', () => {
    const root = new URL('.', import.meta.url).pathname;
    const missing = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([a-zA-Z0-9_.]+)'/g))
        if (!hasTranslation(match[1]!)) missing.add(match[1]!);
      for (const match of text.matchAll(/messageKey: '([a-zA-Z0-9_.]+)'/g))
        if (!hasTranslation(match[1]!)) missing.add(match[1]!);
    }
    expect([...missing]).toEqual([]);
  });

  it('has the keys built from catalog and status names', () => {
    for (const key of ['live', 'draft', 'paused', 'contains_errors'])
      expect(hasTranslation(`status.${key}`)).toBe(true);
    for (const key of ['once_per_customer', 'once_per_visit', 'every_time'])
      expect(hasTranslation(`frequency.${key}`)).toBe(true);
    for (const key of ['and', 'or', 'not']) expect(hasTranslation(`test.${key}`)).toBe(true);
    for (const key of ['sent', 'opened', 'dismissed', 'replied'])
      expect(hasTranslation(`analytics.${key}`)).toBe(true);
    for (const key of ['visitor', 'agent', 'bot', 'system'])
      expect(hasTranslation(`conversations.author.${key}`)).toBe(true);
  });
});
