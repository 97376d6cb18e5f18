import js from '@eslint/js'
import { createNodeResolver, importX } from 'eslint-plugin-import-x'
import jsxA11y from 'eslint-plugin-jsx-a11y'
import react from 'eslint-plugin-react'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// Layering (docs/decisions/005-domain-layering.md): routes and components never reach the
// database; they call domain functions in app/domain/**/*.server.ts.
// A leading # starts a comment in these gitignore-style patterns, so '#…' imports are escaped.
const DATABASE_IMPORTS = {
  patterns: [
    {
      group: ['\\#db/*', '**/db/*', 'drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
      message:
        'Routes and components must not touch the database: call a domain function (app/domain/<area>/*.server.ts).',
    },
  ],
}

const CLIENT_SAFE_IMPORTS = {
  patterns: [
    ...DATABASE_IMPORTS.patterns,
    {
      group: ['*.server', '*.server.ts', 'node:*'],
      message: 'Schemas and rules must stay client-safe and pure.',
    },
  ],
}

const BOOKING_SURFACE_ONLY = {
  patterns: [
    {
      group: ['\\#app/domain/booking/**', '!\\#app/domain/booking/index.server.ts'],
      message:
        "Use booking's published surface, #app/domain/booking/index.server.ts (docs/decisions/029-booking-modules.md).",
    },
  ],
}

// `import { z } from 'zod'` is a namespace re-export that esbuild cannot tree-shake: it puts all
// of zod, every locale included, into the browser bundle (93 KB gzip instead of 25 KB; measured
// by npm run bench, docs/decisions/022-benchmarks.md). Import the namespace instead.
const ZOD_NAMED_Z = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message:
    "Use `import * as z from 'zod'` (or `import type * as z from 'zod'`): the named `z` export pulls all of zod into the browser bundle.",
}

export default tseslint.config(
  {
    ignores: [
      'build/**',
      'public/build/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'lhci-out/**',
      'bench/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: '18.3' } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs['jsx-runtime'].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      // Patient-entered text must never become HTML (security goal D3).
      'react/no-danger': 'error',
      'react/prop-types': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'error',
      'no-restricted-syntax': ['error', ZOD_NAMED_Z],
    },
  },
  {
    // No import cycles (docs/decisions/029-booking-modules.md): a module and everything it imports
    // must load without reaching back to it. Type-only imports are ignored, as they vanish at run
    // time. The node resolver follows package.json `imports` (#app/*, #db/*, #tests/*).
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['app/routes/**', 'app/components/**'],
    rules: { 'no-restricted-imports': ['error', DATABASE_IMPORTS] },
  },
  {
    // Client-safe modules: schemas and pure rules are bundled for the browser.
    files: ['app/domain/**/*.schema.ts', 'app/domain/**/*.rules.ts'],
    rules: { 'no-restricted-imports': ['error', CLIENT_SAFE_IMPORTS] },
  },
  {
    // Consent and screening use booking through its published surface only (ADR 029). Their
    // tests may drive the wizard's steps as the routes do.
    files: ['app/domain/consent/**', 'app/domain/screening/**'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', BOOKING_SURFACE_ONLY] },
  },
  {
    // Both at once: a later block's options would replace the earlier ones, not add to them.
    files: [
      'app/domain/{consent,screening}/**/*.schema.ts',
      'app/domain/{consent,screening}/**/*.rules.ts',
    ],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...CLIENT_SAFE_IMPORTS.patterns, ...BOOKING_SURFACE_ONLY.patterns] },
      ],
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'db/**', 'tests/**', 'app/server/**', '**/*.test.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ['tests/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        performance: 'readonly',
      },
    },
    rules: { 'no-console': 'off' },
  },
)
