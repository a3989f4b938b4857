import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cstTypesPath, renderCstTypes } from './cst-types.ts';

describe('syntax/cst.d.ts', () => {
  it('is what generateCstDts makes of the grammar (run `npm run -w @proactive/dsl generate:cst` after changing it)', () => {
    expect(readFileSync(cstTypesPath, 'utf8')).toBe(renderCstTypes());
  });
});
