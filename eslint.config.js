// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

const packages = ['dsl', 'contract', 'server', 'widget', 'app'];

/**
 * A relative import that climbs into another top-level folder bypasses that package's `exports` map.
 *
 * @param {string} own the folder the file is in
 */
const noRelativeEscape = (own) => ({
  regex: `^(\\.\\./)+(${packages.filter((name) => name !== own).join('|')})/`,
  message: 'Import another package by its name (e.g. @proactive/dsl), not by a relative path.',
});

const serverUses = {
  group: ['@proactive/app', '@proactive/widget'],
  message: 'The server imports neither the admin app nor the widget.',
};

/**
 * Import boundaries between the workspaces: which package may use which.
 *
 * @param {string} own the package folder
 * @param {object[]} patterns further forbidden patterns
 * @param {string[]} [files] the files the rule covers (default: the package's sources)
 */
const boundary = (own, patterns, files = [`${own}/**/*.{ts,tsx}`]) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', { patterns: [noRelativeEscape(own), ...patterns] }],
  },
});

/** The admin app reaches the server only through types (its typed client). */
const appServerTypesOnly = {
  group: ['@proactive/server', '@proactive/server/*'],
  allowTypeImports: true,
  message: 'The admin app may import the server only as types (for the typed client).',
};

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'assets/**',
      'dist/**',
      '**/dist/**',
      'coverage/**',
      'data/**',
      'test-artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  // The rules of hooks and complete effect dependencies in the admin app (React).
  { files: ['app/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        window: 'readonly',
        document: 'readonly',
        navigator: 'readonly',
        localStorage: 'readonly',
        sessionStorage: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  // The rule language depends on no other package of ours.
  boundary('dsl', [
    { group: ['@proactive/*'], message: '@proactive/dsl depends on no other Proactive package.' },
  ]),
  // The wire contract sits between the deployables and depends only on the rule language.
  boundary('contract', [
    {
      group: [
        '@proactive/server',
        '@proactive/server/*',
        '@proactive/widget',
        '@proactive/widget/*',
        '@proactive/app',
      ],
      message: 'The contract is shared by server, widget and app: it imports none of them.',
    },
  ]),
  boundary('server', [serverUses]),
  // The server's domain raises DomainErrors; only server/http maps them to statuses (http/errors.ts).
  boundary(
    'server',
    [
      serverUses,
      {
        regex: '(^|/)http/|^(hono|@hono/[^/]+)(/.*)?$',
        message:
          'The server domain knows no HTTP: throw a DomainError (domain/errors.ts); http/errors.ts maps it to a status.',
      },
    ],
    ['server/domain/**/*.ts'],
  ),
  boundary('app', [
    { group: ['@proactive/dsl/testing'], message: 'Test helpers stay out of the admin app.' },
    appServerTypesOnly,
  ]),
  // The app's own tests may use the rule language's test helpers (e.g. its example catalog extension).
  boundary('app', [appServerTypesOnly], ['app/**/*.test.{ts,tsx}']),
  // What customer sites load: the evaluator, never the parser, zod or anything server-side.
  {
    ...boundary('widget', [
      {
        regex: '^(@proactive/dsl(/(editor|testing))?|chevrotain|zod)$',
        message:
          'The widget may use only @proactive/dsl/evaluator: the parser and zod must not reach customer sites.',
      },
      {
        group: ['@proactive/contract/admin', '@proactive/server', '@proactive/server/*', '@proactive/app'],
        message: 'The widget uses only the widget contract (@proactive/contract/widget).',
      },
      {
        group: ['@proactive/contract/widget'],
        allowTypeImports: true,
        message:
          'The widget imports the widget contract as types only (`import type`): its zod schemas stay off customer sites.',
      },
    ]),
    ignores: ['widget/**/*.test.ts', 'widget/build.ts'],
  },
  // Root-level suites and tools reach packages through their exports, like any other user.
  boundary('root', [], ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts']),
);
