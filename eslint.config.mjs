// ESLint with typescript-eslint's type-checked recommended rules over every TypeScript source.
// `npm run lint` runs it; `npm test` runs it too. A rule turned off says why, next to it.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  // A .d.mts only types a script that is itself not linted (scripts/build-config.mjs for the tests).
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs', '**/*.d.mts'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    rules: {
      // `const { dropped: _d, ...rest } = o` is how a key is left out of a copy; the rest is what is used.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    files: ['core/src/syntax/fastYaml.ts'],
    rules: {
      // OUTSIDE_SUBSET matches control characters on purpose: they are what sends a text to the full parser.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      // node:test's test() returns a promise that the runner itself awaits; mocha's suites are synchronous.
      '@typescript-eslint/no-floating-promises': 'off',
    },
  },
);
