import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

/** The boundary messages ESLint reports for `code` placed at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((message) => message.message);
}

describe('import boundaries between the workspaces (eslint.config.js)', () => {
  it('keeps the parser out of the widget', async () => {
    expect(
      await boundaryErrors('widget/x.ts', "import { parse } from '@proactive/dsl';\nparse('');\n"),
    ).toEqual([expect.stringContaining('only @proactive/dsl/evaluator')]);
    expect(await boundaryErrors('widget/x.ts', "import { z } from 'zod';\nz.string();\n")).toHaveLength(1);
    expect(
      await boundaryErrors(
        'widget/x.ts',
        "import { createEvaluator } from '@proactive/dsl/evaluator';\ncreateEvaluator;\n",
      ),
    ).toEqual([]);
  });

  it('lets the rule language depend on no other package', async () => {
    expect(
      await boundaryErrors('dsl/x.ts', "import { x } from '@proactive/contract/widget';\nx;\n"),
    ).toHaveLength(1);
    expect(await boundaryErrors('dsl/editor/x.ts', "import { x } from '../../server/app.ts';\nx;\n")).toEqual(
      [expect.stringContaining('not by a relative path')],
    );
  });

  it('lets the admin app import the server only as types', async () => {
    expect(
      await boundaryErrors('app/x.ts', "import type { X } from '@proactive/server';\nlet y: X;\n"),
    ).toEqual([]);
    expect(
      await boundaryErrors('app/x.ts', "import { createApp } from '@proactive/server';\ncreateApp;\n"),
    ).toHaveLength(1);
  });

  it('keeps HTTP out of the server domain', async () => {
    const httpError = "import { HttpError } from '../http/errors.ts';\nHttpError;\n";
    expect(await boundaryErrors('server/domain/x.ts', httpError)).toEqual([
      expect.stringContaining('knows no HTTP'),
    ]);
    expect(
      await boundaryErrors('server/domain/messages/x.ts', "import { Hono } from 'hono';\nHono;\n"),
    ).toHaveLength(1);
    expect(
      await boundaryErrors('server/domain/x.ts', "import { notFound } from './errors.ts';\nnotFound;\n"),
    ).toEqual([]);
    expect(await boundaryErrors('server/routes/x.ts', httpError)).toEqual([]);
  });

  it('lets the widget import the widget contract as types only', async () => {
    expect(
      await boundaryErrors(
        'widget/x.ts',
        "import { channelRules } from '@proactive/contract/widget';\nchannelRules;\n",
      ),
    ).toEqual([expect.stringContaining('as types only')]);
    expect(
      await boundaryErrors(
        'widget/x.ts',
        "import type { ChannelRules } from '@proactive/contract/widget';\nlet x: ChannelRules;\n",
      ),
    ).toEqual([]);
  });

  it('makes root suites use package names', async () => {
    expect(
      await boundaryErrors('test/x.test.ts', "import { x } from '../server/node.ts';\nx;\n"),
    ).toHaveLength(1);
  });
});
