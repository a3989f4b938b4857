import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { formatDiagnostic, main, nodeIo, runCli, usage, type CliIo } from './cli.ts';

const example = 'when visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit\n';
const context = {
  visitor: { page_url: 'https://acme.test/pricing', page_title: 'Pricing', visit_history: 'returning_user' },
  device: { language: 'fr-CA' },
  event: { type: 'on_page', seconds: 31 },
  now: '2026-11-23T15:04:05Z',
  schedules: {
    default: {
      time_zone: 'America/New_York',
      intervals: [{ day: 'mon', open: '09:00', close: '17:00' }],
      holidays: [{ name: 'Christmas', date: '2026-12-25' }],
    },
  },
};

function memory(files: Record<string, string>, stdin = '') {
  const out = { stdout: '', stderr: '', files: { ...files } };
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    readFile: (path) => {
      if (path === 'dir') throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      if (path === 'locked') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      const text = out.files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    writeFile: (path, text) => void (out.files[path] = text),
    readStdin: () => stdin,
  };
  return { io, out };
}

const run = (argv: string[], files: Record<string, string> = {}, stdin = '') => {
  const { io, out } = memory(files, stdin);
  const code = runCli(argv, io);
  return { code, ...out };
};

describe('proactive check', () => {
  it('prints nothing and exits 0 for a clean rule', () => {
    expect(run(['check', 'a.rule'], { 'a.rule': example })).toMatchObject({
      code: 0,
      stdout: '',
      stderr: '',
    });
  });

  it('prints FILE:LINE:COL: error CODE: message and exits 1', () => {
    const result = run(['check', 'a.rule', 'b.rule'], {
      'a.rule': example,
      'b.rule': '# comment\nwhen visitor.page_ulr is "x"\n',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      'b.rule:2:6: error unknown-field: Unknown field `visitor.page_ulr`. Did you mean visitor.page_url?\n',
    );
  });

  it('prints warnings but exits 0 when there are only warnings', () => {
    const result = run(['check', 'w.rule'], { 'w.rule': 'when visitor.page_url contains ["a", "a"]' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^w\.rule:1:\d+: warning duplicate-value: /);
  });

  it('reads standard input for -, and checks named schedules when given', () => {
    const text = 'when visitor.page_url is "x" during business_hours "EMEA"';
    expect(run(['check', '-'], {}, text).code).toBe(0);
    const result = run(['check', '-', '--schedule', 'APAC'], {}, text);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^<stdin>:1:\d+: error unknown-schedule: /);
  });

  it('reports unreadable files and goes on with the others', () => {
    const result = run(['check', 'missing.rule', 'dir', 'locked', 'a.rule'], { 'a.rule': example });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'proactive: cannot read missing.rule: no such file\nproactive: cannot read dir: it is a directory\nproactive: cannot read locked: EACCES: permission denied\n',
    );
  });
});

describe('proactive fmt', () => {
  const messy = 'when  visitor.page_url contains "pricing"   for 0:30 during business_hours once_per_visit';

  it('prints the canonical text', () => {
    expect(run(['fmt', 'a.rule'], { 'a.rule': messy })).toMatchObject({ code: 0, stdout: example });
    expect(run(['fmt', '-'], {}, messy)).toMatchObject({ code: 0, stdout: example });
  });

  it('--check exits 1 naming unformatted files, 0 for formatted ones', () => {
    const result = run(['fmt', '--check', 'a.rule', 'b.rule'], { 'a.rule': messy, 'b.rule': example });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('a.rule: not formatted; run "proactive fmt --write a.rule"\n');
    expect(run(['fmt', '--check', 'b.rule'], { 'b.rule': example }).code).toBe(0);
  });

  it('--write rewrites files that need it', () => {
    const result = run(['fmt', '--write', 'a.rule', 'b.rule'], { 'a.rule': messy, 'b.rule': example });
    expect(result.code).toBe(0);
    expect(result.files).toEqual({ 'a.rule': example, 'b.rule': example });
  });

  it('refuses to format text with syntax errors and says where', () => {
    const result = run(['fmt', 'a.rule'], { 'a.rule': 'when visitor.page_url contains' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^a\.rule:1:\d+: error syntax: .*\nproactive: a\.rule has syntax errors/);
  });

  it('rejects conflicting or missing arguments as usage errors', () => {
    expect(run(['fmt']).code).toBe(2);
    expect(run(['fmt', '--write', '--check', 'a.rule']).stderr).toContain('either --write or --check');
    expect(run(['fmt', 'a.rule', 'b.rule']).stderr).toContain('use --write or --check for several');
    expect(run(['fmt', '--write', '-']).stderr).toContain('--write needs a file');
  });
});

describe('proactive compile', () => {
  it('prints the compiled JSON, two-space indented', () => {
    const result = run(['compile', 'a.rule'], { 'a.rule': example });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `${JSON.stringify(
        {
          v: 1,
          when: { t: 'cmp', field: 'visitor.page_url', match: 'url', op: 'contains', values: ['pricing'] },
          event: { type: 'on_page', seconds: 30 },
          time_of_day: { mode: 'during', schedule: 'default' },
          frequency: 'once_per_visit',
          tags: [],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('refuses rules with errors, listing them on stderr', () => {
    const result = run(['compile', 'a.rule'], { 'a.rule': 'when device.language is "fr!"' });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^a\.rule:1:\d+: error invalid-language: .*\nproactive: a\.rule has errors; fix them first/,
    );
    expect(run(['compile']).code).toBe(2);
    expect(run(['compile', 'nope.rule']).stderr).toBe('proactive: cannot read nope.rule: no such file\n');
  });
});

describe('proactive eval', () => {
  const files = { 'a.rule': example, 'ctx.json': JSON.stringify(context) };

  it('prints {fires, explain} and exits 0, whether or not the rule fires', () => {
    const result = run(['eval', 'a.rule', '--context', 'ctx.json'], files);
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.fires).toBe(true);
    expect(output.explain.conditions).toMatchObject({
      kind: 'comparison',
      actual: 'https://acme.test/pricing',
      result: true,
    });
    expect(output.explain.frequency).toBe('once_per_visit');
    const early = run(
      ['eval', 'a.rule', '--context', '-'],
      files,
      JSON.stringify({ ...context, event: { type: 'on_page', seconds: 12 } }),
    );
    expect(early.code).toBe(0);
    expect(JSON.parse(early.stdout)).toMatchObject({ fires: false, explain: { event: { result: false } } });
    expect(run(['eval', '-', '--context', 'ctx.json'], files, example).code).toBe(0);
  });

  it('exits 1 with a clear message for a missing schedule', () => {
    const result = run(
      ['eval', 'a.rule', '--context', '-'],
      files,
      JSON.stringify({ ...context, schedules: {} }),
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('proactive: missing-schedule: ');
    expect(result.stderr).toContain('schedules.default');
  });

  it('exits 1 for invalid contexts, saying where', () => {
    const bad = run(['eval', 'a.rule', '--context', 'ctx.json'], {
      ...files,
      'ctx.json': JSON.stringify({ ...context, event: { type: 'on_page', seconds: '40' } }),
    });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      'ctx.json: context.event.seconds: expected a number, got "40"\nproactive: ctx.json is not a valid context (see docs/dsl.md, "Testing a rule")\n',
    );
    const typo = run(['eval', 'a.rule', '--context', 'ctx.json'], {
      ...files,
      'ctx.json': JSON.stringify({ ...context, visitor: { ...context.visitor, page_ulr: 'x' } }),
    });
    expect(typo.code).toBe(0);
    expect(typo.stderr).toBe('ctx.json: warning: context.visitor: unknown field "page_ulr" (ignored)\n');
    expect(JSON.parse(typo.stdout).fires).toBe(true);
    const notJson = run(['eval', 'a.rule', '--context', 'ctx.json'], { ...files, 'ctx.json': '{"event": ' });
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^proactive: ctx\.json is not valid JSON: /);
  });

  it('exits 1 for an invalid rule and 2 for usage mistakes', () => {
    expect(run(['eval', 'a.rule', '--context', 'ctx.json'], { ...files, 'a.rule': 'when' }).code).toBe(1);
    expect(run(['eval', 'a.rule'], files).stderr).toContain('eval needs --context');
    expect(run(['eval', '--context', 'ctx.json'], files).code).toBe(2);
    expect(run(['eval', '-', '--context', '-'], files).stderr).toContain('only one of FILE and CONTEXT');
  });
});

describe('usage', () => {
  it('--help, no command, unknown commands and unknown options print usage on stderr with exit 2', () => {
    for (const argv of [['--help'], [], ['frobnicate'], ['check', '--bogus', 'a.rule']]) {
      const result = run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(usage);
    }
    expect(run(['frobnicate']).stderr).toMatch(/^proactive: unknown command "frobnicate"/);
    expect(run(['check']).stderr).toContain('check needs at least one FILE');
  });

  it('lets unexpected errors through (a bug, not bad input)', () => {
    const { io } = memory({});
    io.readStdin = () => {
      throw new TypeError('boom');
    };
    expect(() => runCli(['fmt', '-'], io)).toThrow('boom');
    expect(() => runCli(['check', '-'], io)).toThrow('boom');
  });

  it('formats diagnostics with 1-based positions', () => {
    const diagnostic = { range: { start: 5, end: 6 }, severity: 'warning' as const, code: 'x', message: 'y' };
    expect(formatDiagnostic('f', 'when\nab', diagnostic)).toBe('f:2:1: warning x: y');
  });
});

describe('the real command', () => {
  const directory = mkdtempSync(join(tmpdir(), 'proactive-cli-'));
  const rulePath = join(directory, 'welcome.rule');
  const contextPath = join(directory, 'context.json');
  writeFileSync(
    rulePath,
    'when  visitor.page_url contains "pricing" for 0:30 during business_hours once_per_visit',
  );
  writeFileSync(contextPath, JSON.stringify(context));

  it('runs through node bin/proactive.js', () => {
    const checked = spawnSync('node', ['dsl/bin/proactive.js', 'fmt', '--check', rulePath], {
      encoding: 'utf8',
    });
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain('not formatted');
    execFileSync('node', ['dsl/bin/proactive.js', 'fmt', '--write', rulePath]);
    expect(readFileSync(rulePath, 'utf8')).toBe(example);
    const evaluated = execFileSync('node', ['dsl/bin/proactive.js', 'eval', '-', '--context', contextPath], {
      input: example,
      encoding: 'utf8',
    });
    expect(JSON.parse(evaluated).fires).toBe(true);
    const usageRun = spawnSync('node', ['dsl/bin/proactive.js', 'nope'], { encoding: 'utf8' });
    expect(usageRun.status).toBe(2);
    expect(usageRun.stderr).toContain('Usage: proactive');
  }, 30_000);

  it('main() sets the process exit code through the real file system', () => {
    const previous = process.exitCode;
    const write = process.stdout.write;
    let printed = '';
    process.stdout.write = ((text: string) => ((printed += text), true)) as typeof process.stdout.write;
    try {
      main(['fmt', rulePath]);
      expect(process.exitCode).toBe(0);
      expect(printed).toBe(example);
    } finally {
      process.stdout.write = write;
      process.exitCode = previous;
    }
    expect(nodeIo.readFile(rulePath)).toBe(example);
  });

  it('nodeIo writes files and the process streams', () => {
    const written = join(directory, 'written.rule');
    nodeIo.writeFile(written, example);
    expect(readFileSync(written, 'utf8')).toBe(example);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      nodeIo.stderr('problem\n');
      nodeIo.stdout('answer\n');
      expect(stderr).toHaveBeenCalledWith('problem\n');
      expect(stdout).toHaveBeenCalledWith('answer\n');
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
});

describe('the commands on issue 12’s language', () => {
  const issue =
    'when visitor.utm_source is "newsletter" and visitor.attributes["plan"] is not "enterprise" and visitor.pages_viewed >= 2 on scroll 50% during business_hours once_per_customer tag "upsell"\n';
  const visitor = {
    visitor: {
      page_url: 'https://acme.test/pricing',
      referrer: '',
      utm_source: 'newsletter',
      query: { ref: 'x' },
      attributes: { plan: 'pro', seats: 12 },
      pages_viewed: 3,
      visit_count: 2,
    },
    device: { language: 'fr', type: 'mobile' },
    event: { type: 'scroll', percent: 60 },
    now: context.now,
    schedules: context.schedules,
  };
  const files = { 'issue.rule': issue, 'ctx.json': JSON.stringify(visitor) };

  it('checks, formats and compiles it', () => {
    expect(run(['check', 'issue.rule'], files)).toMatchObject({ code: 0, stdout: '' });
    const formatted = run(['fmt', 'issue.rule'], files).stdout;
    expect(formatted.split(/\s+/).filter(Boolean)).toEqual(issue.split(/\s+/).filter(Boolean));
    expect(JSON.parse(run(['compile', 'issue.rule'], files).stdout).event).toEqual({
      type: 'scroll',
      percent: 60 - 10,
    });
  });

  it('evaluates it against a context that names facts as the fields do', () => {
    const result = run(['eval', 'issue.rule', '--context', 'ctx.json'], files);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(result.stdout);
    expect(output.fires).toBe(true);
    expect(output.explain.event).toEqual({
      expected: { type: 'scroll', percent: 50 },
      actual: { type: 'scroll', percent: 60 },
      result: true,
    });
    expect(output.explain.conditions.children[1]).toMatchObject({ field: 'visitor.attributes', key: 'plan' });
    const custom = JSON.stringify({
      ...visitor,
      event: { type: 'custom', name: 'buy', properties: { value: 42 } },
    });
    const bought = run(
      ['eval', '-', '--context', 'ctx.json'],
      { 'ctx.json': custom },
      'when event.properties["value"] > 40 on event "buy"',
    );
    expect(JSON.parse(bought.stdout).fires).toBe(true);
  });

  it('treats facts the context lacks as absent, never as an error', () => {
    const bare = JSON.stringify({
      event: { type: 'scroll', percent: 60 },
      now: context.now,
      schedules: context.schedules,
    });
    const result = run(['eval', 'issue.rule', '--context', '-'], files, bare);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).fires).toBe(false);
    const negative = run(
      ['eval', '-', '--context', 'ctx.json'],
      { 'ctx.json': JSON.stringify({ event: { type: 'page_load' } }) },
      'when visitor.query["ref"] is not "x" and visitor.attributes["plan"] does not contain "a"',
    );
    expect(JSON.parse(negative.stdout).fires).toBe(true);
  });
});
