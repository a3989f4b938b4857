/**
 * A test-only catalog extension: one field of an existing kind (`visitor.landing_page`, text) and one field
 * of a new kind (`visitor.page_path`, the example `prefix` kind with its own `is under` operator).
 * docs/extending.md walks through it; tests build their own language from it, so nothing global changes.
 */
import { catalog } from '../catalog/catalog.ts';
import { extendCatalog } from '../catalog/create.ts';
import { prefixKind } from './prefix-kind/index.ts';

/** The new field of an existing kind. */
export const landingPageField = {
  name: 'visitor.landing_page',
  object: 'visitor',
  label: 'Landing page',
  doc: 'The first page of the visit. Compared without regard to case.',
  operators: ['is', 'is_not', 'contains', 'does_not_contain'],
  match: 'text',
  allowsList: true,
  example: '"welcome"',
  sample: 'https://acme.test/welcome',
} as const;

/** The new field of the new kind. */
export const pagePathField = {
  name: 'visitor.page_path',
  object: 'visitor',
  label: 'Page path',
  doc: 'The path of the current page, without the site and the query.',
  operators: ['is_under', 'is'],
  match: 'prefix',
  allowsList: true,
  example: '"/blog"',
  sample: '/blog/launch',
} as const;

/**
 * The built-in catalog plus the two example fields and the example kind.
 *
 * @example createLanguage(exampleCatalog).check('when visitor.page_path is under "/blog"').diagnostics // []
 */
export const exampleCatalog = extendCatalog(catalog, {
  kinds: { prefix: prefixKind },
  fields: [landingPageField, pagePathField],
});
