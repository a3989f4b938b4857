/**
 * Building blocks of the wire contract: ids, names, dates, timestamps and the error body every error
 * response carries.
 */
import { z } from 'zod';

/**
 * A string of at most `max` characters.
 *
 * @example text(5000).parse('Hello') // 'Hello'
 */
export const text = (max: number) => z.string().max(max);

/** A display name: trimmed, not empty. */
export const name = z.string().trim().min(1, 'must not be empty').max(200);

/** An id sent by a client (ids the server makes are longer but fit). */
export const id = z.string().min(1).max(100);

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

/** An ISO 8601 instant as the server writes it, e.g. `2026-11-27T21:00:00.000Z`. */
export const instant = z.string().meta({ format: 'date-time' });

/** `created_at` and `updated_at` of every stored resource. */
export const timestamps = { created_at: instant, updated_at: instant };

/** `{"error": {"code", "message", "details"?}}`: the body of every error response. */
export const errorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Stable, e.g. not_found, invalid_request, in_use.' }),
      message: z.string().meta({ description: 'What is wrong and how to fix it, for people.' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof errorBody>;
