import { describe, expect, it } from 'vitest';
import { compile, parse } from '@proactive/dsl';
import { needsExtras } from './needs.ts';

const compiled = (text: string) => compile(parse(text).rule!);

describe('what the rules need beyond the seed', () => {
  it('the seed language needs no extras chunk', () => {
    for (const text of [
      'when visitor.page_url contains "pricing"',
      'when visitor.page_title is not "Cart" and visitor.visit_history is returning_user for 0:30',
      'when not device.language is "fr" during business_hours once_per_customer',
      'when visitor.page_url does not contain ["a", "b"]',
    ])
      expect(needsExtras(compiled(text)), text).toBe(false);
  });

  it('a field, kind, operator or trigger beyond the seed needs it', () => {
    for (const text of [
      'when visitor.referrer contains "google"',
      'when visitor.utm_source is "news"',
      'when visitor.query["ref"] is "x"',
      'when device.type is mobile',
      'when visitor.pages_viewed > 2',
      'when visitor.attributes["trial"] is true',
      'when visitor.page_url starts with "https://"',
      'when visitor.page_title matches "*sale*"',
      'when visitor.page_url contains "x" on scroll 50%',
      'when visitor.page_url contains "x" on event "added"',
      'when visitor.page_url contains "x" for 1:00 on_site',
    ])
      expect(needsExtras(compiled(text)), text).toBe(true);
  });
});
