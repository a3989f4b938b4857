/**
 * `/api/v1/dsl/*`: the rule language as a service for editors and tools: check, format, explain. Explain
 * takes the same context JSON as `proactive eval --context`.
 */
import { Hono } from 'hono';
import { check, compile, format } from '@proactive/dsl';
import { createEvaluator } from '@proactive/dsl/evaluator';
import type { RuleContext } from '@proactive/dsl';
import { parseContext } from '@proactive/dsl';
import { HttpError } from '../http/errors.ts';
import * as schemas from '@proactive/contract/admin';
import { readJson } from '../http/validation.ts';
import type { Repository } from '../storage/repository.ts';
import { ruleOptionsFor } from '../domain/messages.ts';
import { withoutRanges } from '@proactive/dsl';

/**
 * The DSL routes.
 *
 * @example app.route('/api/v1/dsl', dslRoutes(repository))
 */
export function dslRoutes(repository: Repository) {
  const app = new Hono();

  const optionsFor = async (channelId: string | undefined) =>
    channelId ? ruleOptionsFor(repository, channelId) : {};

  app.post('/check', async (c) => {
    const input = await readJson(c, schemas.dslSource);
    const result = check(input.source, await optionsFor(input.channel_id));
    const errors = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
    return c.json({
      valid: !errors,
      diagnostics: result.diagnostics,
      rule: result.rule ? withoutRanges(result.rule) : null,
    });
  });

  app.post('/format', async (c) => {
    const input = await readJson(c, schemas.dslSource);
    const result = format(input.source);
    return c.json({
      text: result.text,
      changed: result.text !== input.source,
      diagnostics: result.diagnostics,
    });
  });

  app.post('/explain', async (c) => {
    const input = await readJson(c, schemas.dslExplain);
    const result = check(input.source);
    const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    if (!result.rule || errors.length > 0) {
      return c.json(
        {
          error: {
            code: 'invalid_rule',
            message: `The rule has errors: ${errors[0]?.message ?? 'it does not parse'}`,
            details: { diagnostics: result.diagnostics },
          },
        },
        422,
      );
    }
    const parsedContext = parseContext(input.context);
    if (!parsedContext.ok) {
      throw new HttpError(400, 'invalid_context', `Invalid context: ${parsedContext.errors.join('; ')}`, {
        errors: parsedContext.errors,
      });
    }
    const compiled = compile(result.rule);
    const context: RuleContext = {
      ...parsedContext.context,
      now: parsedContext.context.now ?? new Date().toISOString(),
    };
    const evaluation = createEvaluator(compiled)(context);
    if (evaluation.error) {
      // The context cannot answer this rule (e.g. it lacks a schedule the rule needs): an error, not "false".
      return c.json(
        {
          error: {
            code: 'context_error',
            message: evaluation.error.message,
            details: { ...evaluation.error, explain: evaluation.explain },
          },
        },
        422,
      );
    }
    // The evaluation computes its explanation lazily (a getter), so read the fields explicitly.
    return c.json({
      fires: evaluation.fires,
      explain: evaluation.explain,
      frequency: compiled.frequency,
      tags: compiled.tags,
      diagnostics: result.diagnostics,
    });
  });

  return app;
}
