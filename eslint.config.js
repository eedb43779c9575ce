// ESLint flat config. The engine rule is architectural: src/engine/ runs unchanged in the
// browser, the CLI, the classroom server and tests, so it may not reach for a renderer,
// audio, i18n, the DOM, Node built-ins, the clock or Math.random.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export const ENGINE_PURITY = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['phaser', 'phaser/*', 'howler', 'howler/*', 'i18next', 'i18next*', 'react-i18next', 'node:*', 'fs', 'path', 'os', 'child_process'],
          message: 'src/engine is pure TypeScript: no Phaser, Howler, i18next, DOM or Node built-ins (pass data in instead).',
        },
        {
          group: ['../game/*', '../platform/*', '../server/*', '../cli/*', '../../game/*', '../../platform/*', '../../server/*', '../../cli/*'],
          message: 'src/engine may not depend on the layers built on it.',
        },
      ],
    },
  ],
  'no-restricted-globals': [
    'error',
    ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'requestAnimationFrame', 'performance', 'process', 'setTimeout', 'setInterval'].map(
      (name) => ({ name, message: 'src/engine may not touch the DOM, the host or timers: time and randomness arrive as events or input.' }),
    ),
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Math', property: 'random', message: 'use the seeded RNG in src/engine/rng.ts' },
    { object: 'Date', property: 'now', message: 'time arrives as an event (clock.tick)' },
    { object: 'globalThis', property: 'window', message: 'no DOM in the engine' },
    { object: 'globalThis', property: 'document', message: 'no DOM in the engine' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date']", message: 'time arrives as an event (clock.tick)' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**', 'tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['bin/**/*.mjs', 'tools/**/*.mjs', '*.config.js', '*.config.ts'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  { files: ['src/engine/**/*.ts'], rules: ENGINE_PURITY },
);
