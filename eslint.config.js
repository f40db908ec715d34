// Flat config: typescript-eslint's recommended rules (not type-checked, so lint stays fast and
// needs no project build) for the server, scripts, browser flows, bench and the web app.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['**/dist/**', '**/node_modules/**', 'drizzle/**', 'data/**', 'tmp/**', 'coverage/**', 'e2e/artifacts/**', 'bench/results/**']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Stripping the control characters XML 1.0 cannot carry (docx/xlsx writers) is the point.
      'no-control-regex': 'off',
      // Rethrowing as a user-facing message is common here; wrapping with `{ cause }` is advised, not required.
      'preserve-caught-error': 'error',
    },
  },
  // Node: server, scripts, bench, browser-flow drivers and the root config files.
  {
    files: ['src/**', 'scripts/**', 'bench/**', 'e2e/**', '*.{js,ts,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Code run inside the page by the browser flows (page.evaluate callbacks) may use DOM globals.
  {
    files: ['e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // The web app runs in the browser; its Vite config runs in Node.
  {
    files: ['web/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['web/*.{js,ts,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
