import { describe, expect, it } from 'vitest';
import { tokenLine } from './token-line.ts';

describe("npm start's admin token line", () => {
  it('prints a generated token, which is the only way to learn it', () => {
    expect(tokenLine({ adminToken: 'generated-123', generatedToken: true })).toContain('generated-123');
  });

  it('never prints a token that came from PROACTIVE_ADMIN_TOKEN', () => {
    const line = tokenLine({ adminToken: 'from-the-environment', generatedToken: false });
    expect(line).not.toContain('from-the-environment');
    expect(line).toContain('PROACTIVE_ADMIN_TOKEN');
  });
});
