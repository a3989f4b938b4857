/**
 * The `proactive` command line: check, format, compile and evaluate rule files. `dsl/bin/proactive.js` runs
 * {@link main}; tests call {@link runCli} with an in-memory {@link CliIo}.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseContext } from '../catalog/context-schema.ts';
import { hasErrors } from '../check/check.ts';
import { check, compile, format } from '../language.ts';
import { createLineIndex, type Diagnostic, type LineColumn } from '../model/diagnostic.ts';
import { createEvaluator } from '../runtime/evaluator.ts';

/** Where the CLI reads and writes; tests swap it for memory. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  readStdin(): string;
}

export const usage = `Usage: proactive <command> [options]

Commands:
  check FILE...                       Report problems as FILE:LINE:COL: error|warning CODE: message.
                                      Exit 1 if any error. --schedule NAME (repeatable) lists the
                                      schedules that exist, so unknown names are reported.
  fmt FILE...                         Print the canonical text of one file.
      --write                         Rewrite the files in canonical form instead.
      --check                         Exit 1 if a file is not in canonical form.
  compile FILE                        Print the compiled JSON the widget runs.
  eval FILE --context CONTEXT.json    Print {"fires": ..., "explain": ...} for a visitor context.

FILE "-" reads standard input. The rule language is described in docs/dsl.md.
`;

class UsageError extends Error {}

/** Shown for unreadable files, bad JSON and the like: the message says what to do. */
class CliError extends Error {}

const STDIN = '-';

function displayName(file: string): string {
  return file === STDIN ? '<stdin>' : file;
}

function read(io: CliIo, file: string): string {
  if (file === STDIN) return io.readStdin();
  try {
    return io.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message;
    throw new CliError(`cannot read ${file}: ${reason}`);
  }
}

/**
 * One line per diagnostic: `FILE:LINE:COL: error CODE: message`.
 *
 * @example formatDiagnostic('a.rule', 'when x', diagnostic) // 'a.rule:1:6: error unknown-field: Unknown field `x`. ...'
 */
export function formatDiagnostic(
  file: string,
  text: string | ((offset: number) => LineColumn),
  diagnostic: Diagnostic,
): string {
  const lineOf = typeof text === 'string' ? createLineIndex(text) : text;
  const { line, column } = lineOf(diagnostic.range.start);
  return `${displayName(file)}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code}: ${diagnostic.message}`;
}

function report(
  io: CliIo,
  file: string,
  text: string,
  diagnostics: readonly Diagnostic[],
  to: 'stdout' | 'stderr',
) {
  const lineOf = createLineIndex(text);
  for (const diagnostic of diagnostics) io[to](`${formatDiagnostic(file, lineOf, diagnostic)}\n`);
}

function commandCheck(io: CliIo, files: string[], schedules: string[] | undefined): number {
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  let failed = false;
  for (const file of files) {
    let text: string;
    try {
      text = read(io, file);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      io.stderr(`proactive: ${error.message}\n`);
      failed = true;
      continue;
    }
    const { diagnostics } = check(text, schedules ? { schedules } : {});
    report(io, file, text, diagnostics, 'stdout');
    if (hasErrors(diagnostics)) failed = true;
  }
  return failed ? 1 : 0;
}

function commandFmt(io: CliIo, files: string[], write: boolean, checkOnly: boolean): number {
  if (files.length === 0) throw new UsageError('fmt needs a FILE');
  if (write && checkOnly) throw new UsageError('use either --write or --check, not both');
  if (files.length > 1 && !write && !checkOnly)
    throw new UsageError('fmt prints one FILE; use --write or --check for several');
  if (write && files.includes(STDIN)) throw new UsageError('--write needs a file, not standard input');
  let status = 0;
  for (const file of files) {
    const text = read(io, file);
    const formatted = format(text);
    if (formatted.diagnostics.length > 0) {
      report(io, file, text, formatted.diagnostics, 'stderr');
      io.stderr(`proactive: ${displayName(file)} has syntax errors; fix them before formatting\n`);
      status = 1;
    } else if (checkOnly) {
      if (formatted.text !== text) {
        io.stderr(`${displayName(file)}: not formatted; run "proactive fmt --write ${file}"\n`);
        status = 1;
      }
    } else if (write) {
      if (formatted.text !== text) io.writeFile(file, formatted.text);
    } else {
      io.stdout(formatted.text);
    }
  }
  return status;
}

function compileFile(io: CliIo, file: string) {
  const text = read(io, file);
  const { rule, diagnostics } = check(text);
  if (!rule || hasErrors(diagnostics)) {
    report(io, file, text, diagnostics, 'stderr');
    throw new CliError(`${displayName(file)} has errors; fix them first (see "proactive check ${file}")`);
  }
  return compile(rule, text);
}

function commandCompile(io: CliIo, files: string[]): number {
  if (files.length !== 1) throw new UsageError('compile needs exactly one FILE');
  io.stdout(`${JSON.stringify(compileFile(io, files[0] as string), null, 2)}\n`);
  return 0;
}

function commandEval(io: CliIo, files: string[], contextFile: string | undefined): number {
  if (files.length !== 1) throw new UsageError('eval needs exactly one FILE');
  if (contextFile === undefined) throw new UsageError('eval needs --context CONTEXT.json');
  if (files[0] === STDIN && contextFile === STDIN)
    throw new UsageError('only one of FILE and CONTEXT can be "-"');
  const compiled = compileFile(io, files[0] as string);
  const contextText = read(io, contextFile);
  let json: unknown;
  try {
    json = JSON.parse(contextText);
  } catch (error) {
    throw new CliError(`${displayName(contextFile)} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = parseContext(json);
  for (const message of parsed.warnings) io.stderr(`${displayName(contextFile)}: warning: ${message}\n`);
  if (!parsed.ok) {
    for (const message of parsed.errors) io.stderr(`${displayName(contextFile)}: ${message}\n`);
    throw new CliError(
      `${displayName(contextFile)} is not a valid context (see docs/dsl.md, "Testing a rule")`,
    );
  }
  const evaluation = createEvaluator(compiled)(parsed.context);
  if (evaluation.error) throw new CliError(`${evaluation.error.code}: ${evaluation.error.message}`);
  io.stdout(`${JSON.stringify({ fires: evaluation.fires, explain: evaluation.explain }, null, 2)}\n`);
  return 0;
}

/**
 * Runs one CLI invocation and answers its exit code: 0 success, 1 problems found or bad input, 2 usage.
 *
 * @example await runCli(['check', 'welcome.rule'], nodeIo) // 0
 */
export function runCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        write: { type: 'boolean' },
        check: { type: 'boolean' },
        context: { type: 'string' },
        schedule: { type: 'string', multiple: true },
      },
    });
  } catch (error) {
    io.stderr(`proactive: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  try {
    if (values.help || command === undefined) throw new UsageError('');
    switch (command) {
      case 'check':
        return commandCheck(io, files, values.schedule);
      case 'fmt':
        return commandFmt(io, files, values.write === true, values.check === true);
      case 'compile':
        return commandCompile(io, files);
      case 'eval':
        return commandEval(io, files, values.context);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${error.message ? `proactive: ${error.message}\n\n` : ''}${usage}`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`proactive: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The real terminal and file system. */
export const nodeIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  readStdin: () => readFileSync(0, 'utf8'),
};

/**
 * Entry point of `dsl/bin/proactive.js`: runs the command line and sets the exit code.
 *
 * @example main(['fmt', '--check', 'rules/welcome.rule'])
 */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  process.exitCode = runCli(argv, nodeIo);
}
