import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compile, parse } from '../language.ts';
import type { Rule } from '../model/ast.ts';
import { createEvaluator, createMatcher } from '../runtime/evaluator.ts';
import { builtinRuntimeKinds } from './builtin-runtime.ts';
import { textWithOperators } from './extra-runtime.ts';
import { wildcardMatch, withStringOperators } from './string-operators.ts';
import { textRuntime } from './text/runtime.ts';

const page = (page_url: string, page_title = 'Plans and pricing') => ({
  visitor: { page_url, page_title },
  device: {},
  event: { type: 'page_load' as const },
});
const fires = (text: string, context: ReturnType<typeof page>) =>
  createEvaluator(compile(parse(text).rule as Rule))(context).fires;

describe('wildcardMatch', () => {
  it('reads * as any run of characters (even none) and everything else literally', () => {
    expect(wildcardMatch('https://*.acme.test/blog/*', 'https://www.acme.test/blog/launch')).toBe(true);
    expect(wildcardMatch('https://*.acme.test/blog/*', 'https://www.acme.test/blog/')).toBe(true);
    expect(wildcardMatch('https://*.acme.test/blog/*', 'https://acme.test/blog/x')).toBe(false);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('a?c', 'abc')).toBe(false);
    expect(wildcardMatch('(x)+[y]', '(x)+[y]')).toBe(true);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('', '')).toBe(true);
    expect(wildcardMatch('', 'x')).toBe(false);
    expect(wildcardMatch('**', 'anything')).toBe(true);
  });

  it('anchors the first piece at the start and the last at the end, without overlap', () => {
    expect(wildcardMatch('ab*', 'abc')).toBe(true);
    expect(wildcardMatch('ab*', 'xabc')).toBe(false);
    expect(wildcardMatch('*bc', 'abc')).toBe(true);
    expect(wildcardMatch('*bc', 'abcx')).toBe(false);
    expect(wildcardMatch('aba*aba', 'ababa')).toBe(false);
    expect(wildcardMatch('aba*aba', 'abaaba')).toBe(true);
    expect(wildcardMatch('a*b*c', 'a-c-b')).toBe(false);
    expect(wildcardMatch('a*b*c', 'aXbYc')).toBe(true);
    expect(wildcardMatch('a*bb*c', 'abbc')).toBe(true);
    expect(wildcardMatch('a*bc*c', 'abcc')).toBe(true);
    expect(wildcardMatch('a*cc*c', 'acc')).toBe(false);
  });

  it('agrees with a backtracking matcher on random patterns (fast-check, fixed seed)', () => {
    const slow = (pattern: string, text: string): boolean => {
      if (pattern === '') return text === '';
      if (pattern[0] === '*')
        return [...Array(text.length + 1).keys()].some((at) => slow(pattern.slice(1), text.slice(at)));
      return text[0] === pattern[0] && slow(pattern.slice(1), text.slice(1));
    };
    const alphabet = fc.constantFrom('a', 'b', '*');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 7 }).map((chars) => chars.join('')),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 9 }).map((chars) => chars.join('')),
        (pattern, text) => {
          expect(wildcardMatch(pattern, text)).toBe(slow(pattern, text));
        },
      ),
      { seed: 12, numRuns: 4000 },
    );
  });

  describe('is linear whatever the pattern', () => {
    afterEach(() => vi.restoreAllMocks());

    it('searches each piece at most once: no backtracking, no RegExp built from the pattern', () => {
      const indexOf = vi.spyOn(String.prototype, 'indexOf');
      const regExp = vi.spyOn(globalThis, 'RegExp');
      const text = 'a'.repeat(100_000);
      expect(wildcardMatch('*a*a*a*a*a*b', text)).toBe(false);
      expect(wildcardMatch('*a*a*a*a*a*', text)).toBe(true);
      expect(wildcardMatch(`${'*a'.repeat(50)}*b*`, text)).toBe(false);
      const pieces = 5 + 5 + 51;
      expect(indexOf.mock.calls.length).toBeLessThanOrEqual(pieces);
      expect(regExp).not.toHaveBeenCalled();
    });

    it('scans the text once per piece: the positions searched only move forward', () => {
      const indexOf = vi.spyOn(String.prototype, 'indexOf');
      const text = `${'ab'.repeat(20_000)}c`;
      expect(wildcardMatch('*ab*ab*ab*c', text)).toBe(true);
      const starts = indexOf.mock.calls.map(([, from]) => from as number);
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(starts.length).toBe(3);
    });
  });
});

describe('starts with, ends with, matches and does not match', () => {
  it('compare folded text and URLs, a list meaning at least one (none for does not match)', () => {
    const pricing = page('https://acme.test/Pricing/Team', 'Billing | HELP');
    expect(fires('when visitor.page_url starts with "https://ACME.test/pricing"', pricing)).toBe(true);
    expect(fires('when visitor.page_url starts with ["/pricing", "https://acme.test/p"]', pricing)).toBe(
      true,
    );
    expect(fires('when visitor.page_url ends with "/team"', pricing)).toBe(true);
    expect(fires('when visitor.page_title ends with "| help"', pricing)).toBe(true);
    expect(fires('when visitor.page_title starts with "help"', pricing)).toBe(false);
    expect(fires('when visitor.page_url matches "https://*.test/pricing/*"', pricing)).toBe(true);
    expect(fires('when visitor.page_url matches ["*/blog/*", "*/pricing/*"]', pricing)).toBe(true);
    expect(fires('when visitor.page_url does not match ["*/blog/*", "*/pricing/*"]', pricing)).toBe(false);
    expect(fires('when visitor.page_url does not match "*/blog/*"', pricing)).toBe(true);
    expect(fires('when visitor.page_url matches "*/café"', page('https://acme.test/caf%C3%A9'))).toBe(true);
  });

  it('treat a missing text as the empty text', () => {
    const none = { visitor: {}, device: {}, event: { type: 'page_load' as const } };
    expect(fires('when visitor.page_title does not match "*x*"', none as never)).toBe(true);
    expect(fires('when visitor.page_title matches "*"', none as never)).toBe(true);
    expect(fires('when visitor.page_title starts with "x"', none as never)).toBe(false);
  });

  it('leave the seed kinds as they are: a widget gives the matcher the kinds with them', () => {
    const compiled = compile(parse('when visitor.page_title starts with "plan"').rule as Rule);
    expect(() => createMatcher(compiled)).toThrow(
      expect.objectContaining({ path: 'when', problem: 'operator', detail: ['starts_with', 'text'] }),
    );
    expect(() => createEvaluator(compiled, { kinds: builtinRuntimeKinds })).toThrow(
      /unknown operator "starts_with" for match kind "text"/,
    );
    const matches = createMatcher(compiled, { kinds: { ...builtinRuntimeKinds, text: textWithOperators } });
    expect(matches(page('https://acme.test/') as never)).toBe(true);
    expect(textRuntime.test('starts_with', ['x'])).toBeUndefined();
  });

  it('delegate the kind’s own operators to it, and refold values when asked', () => {
    const kind = withStringOperators(textRuntime);
    expect(kind.test('is', ['PLAN'])?.('plan')).toBe(true);
    expect(kind.test('starts_with', ['PL'])?.('plan')).toBe(false);
    expect(textWithOperators.test('starts_with', ['PL'])?.('plan')).toBe(true);
    expect(kind.test('resembles', ['x'])).toBeUndefined();
  });
});
