/**
 * `/api/v1/dsl/*`: the rule language as a service for editors and tools: check, format, explain. Explain
 * takes the same context JSON as `proactive eval --context`.
 */
import {
  dslCheckResult,
  dslExplain,
  dslExplainResult,
  dslFormatResult,
  dslSource,
} from '@proactive/contract/admin';
import { check, compile, format, parseContext, withoutRanges, type RuleContext } from '@proactive/dsl';
import { createEvaluator } from '@proactive/dsl/evaluator';
import { ruleOptionsFor } from '../domain/messages/rule-options.ts';
import { HttpError } from '../http/errors.ts';
import { body, errors, json, openApiApp, route } from '../http/openapi.ts';
import type { Repository } from '../storage/repository.ts';

const tags = ['Rule language'];
const routes = {
  check: route({
    method: 'post',
    path: '/dsl/check',
    tags,
    summary: "Diagnostics of a rule text (with `channel_id`, against that channel's schedules).",
    request: { body: body(dslSource) },
    responses: { 200: json(dslCheckResult, 'The diagnostics.'), ...errors(400, 401, 413, 415, 503) },
  }),
  format: route({
    method: 'post',
    path: '/dsl/format',
    tags,
    summary: 'Canonical text of a rule.',
    request: { body: body(dslSource) },
    responses: { 200: json(dslFormatResult, 'The canonical text.'), ...errors(400, 401, 413, 415, 503) },
  }),
  explain: route({
    method: 'post',
    path: '/dsl/explain',
    tags,
    summary:
      'Evaluate a rule against a visitor context (the CLI eval context JSON): fires + explanation tree. 400 `invalid_context`; 422 `invalid_rule` or `context_error`.',
    request: { body: body(dslExplain) },
    responses: { 200: json(dslExplainResult, 'The evaluation.'), ...errors(400, 401, 413, 415, 422, 503) },
  }),
};

/**
 * The DSL routes.
 *
 * @example admin.route('/', dslRoutes(repository))
 */
export function dslRoutes(repository: Repository) {
  return openApiApp()
    .openapi(routes.check, async (c) => {
      const input = c.req.valid('json');
      const options = input.channel_id ? await ruleOptionsFor(repository, input.channel_id) : {};
      const result = check(input.source, options);
      const errors = result.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
      return c.json(
        {
          valid: !errors,
          diagnostics: result.diagnostics,
          rule: result.rule ? withoutRanges(result.rule) : null,
        },
        200,
      );
    })
    .openapi(routes.format, async (c) => {
      const input = c.req.valid('json');
      const result = format(input.source);
      return c.json(
        { text: result.text, changed: result.text !== input.source, diagnostics: result.diagnostics },
        200,
      );
    })
    .openapi(routes.explain, async (c) => {
      const input = c.req.valid('json');
      const result = check(input.source);
      const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
      if (!result.rule || errors.length > 0) {
        throw new HttpError(
          422,
          'invalid_rule',
          `The rule has errors: ${errors[0]?.message ?? 'it does not parse'}`,
          { diagnostics: result.diagnostics },
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
        throw new HttpError(422, 'context_error', evaluation.error.message, {
          ...evaluation.error,
          explain: evaluation.explain,
        });
      }
      // The evaluation computes its explanation lazily (a getter), so read the fields explicitly.
      return c.json(
        {
          fires: evaluation.fires,
          explain: evaluation.explain,
          frequency: compiled.frequency,
          tags: compiled.tags,
          diagnostics: result.diagnostics,
        },
        200,
      );
    });
}
