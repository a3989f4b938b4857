/**
 * Visitor attribute declarations: the keys of `visitor.attributes["key"]` a brand declares in the admin
 * app's settings, each with its type and a label. Rule checks, completion, hover and the builder use
 * them: an undeclared key is a warning, a value of another type than the declared one an error.
 */
import { z } from 'zod';
import { id, name, timestamps } from './common.ts';

/** The types a declared attribute may have (the rule language's `AttributeDeclaration['type']`). */
export const attributeType = z
  .enum(['text', 'number', 'boolean'])
  .meta({ description: 'What the site sends for this key: text, a number or true / false.' });

/**
 * A declared key: what the site passes to `proactive('identify', {attributes: {plan: 'pro'}})`, so a
 * letter first, then letters, digits, `_`, `-` or `.`, at most 64 characters.
 */
export const attributeKey = z
  .string()
  .trim()
  .min(1, 'must not be empty: write the key the site sends, e.g. plan')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[A-Za-z][A-Za-z0-9_.-]*$/,
    'must start with a letter and hold only letters, digits, _ - or . (e.g. plan, seats_count, trial-ends)',
  )
  .meta({ description: 'The key as the site sends it and rules write it: `visitor.attributes["plan"]`.' });

export const attributeCreate = z.strictObject({
  brand_id: id,
  key: attributeKey,
  type: attributeType,
  /** Shown by completion, hover and the builder; the key itself when left out. */
  label: name.optional(),
});
export const attributePatch = z.strictObject({
  key: attributeKey.optional(),
  type: attributeType.optional(),
  label: name.optional(),
});
export const attribute = z
  .object({
    id: z.string(),
    brand_id: z.string(),
    key: z.string(),
    type: attributeType,
    label: z.string(),
    ...timestamps,
  })
  .meta({ id: 'Attribute' });
export const attributesQuery = z.object({ brand_id: z.string().optional() });

export type AttributeType = z.infer<typeof attributeType>;
export type Attribute = z.infer<typeof attribute>;
export type AttributeCreate = z.output<typeof attributeCreate>;
export type AttributePatch = z.output<typeof attributePatch>;
