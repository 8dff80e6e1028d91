// ESLint with typescript-eslint's type-checked recommended rules over every TypeScript source.
// `npm run lint` runs it; `npm test` runs it too. A rule turned off says why, next to it.
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
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
