import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const CORE_PATTERNS = [
  {
    group: ['react', 'react-*', 'react/*', 'zustand', 'zustand/*', 'mermaid'],
    message: 'The core imports no UI framework.',
  },
  { group: ['**/app/**', '**/cli/**'], message: 'The core imports nothing from its faces.' },
];
/** Each room of the core and the rooms above it, which it may not import. */
const ROOM_ABOVE = {
  model: ['procedures', 'entities', 'engine', 'explore', 'formats'],
  xml: ['procedures', 'entities', 'engine', 'explore', 'formats'],
  procedures: ['entities', 'engine', 'explore', 'formats'],
  entities: ['engine', 'explore', 'formats'],
  engine: ['explore', 'formats'],
};
function coreRooms() {
  const rule = (patterns) => ['error', { patterns }];
  const base = {
    files: ['src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': rule(CORE_PATTERNS),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  };
  const rooms = Object.entries(ROOM_ABOVE).map(([room, above]) => ({
    files: [`src/core/${room}/**/*.ts`],
    rules: {
      'no-restricted-imports': rule([
        ...CORE_PATTERNS,
        {
          group: above.flatMap((r) => [`../${r}`, `../${r}/**`]),
          message: `core/${room}/ imports none of ${above.map((r) => `${r}/`).join(', ')}: the core's rooms import downwards only (ARCHITECTURE.md).`,
        },
      ]),
    },
  }));
  return [base, ...rooms];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-e2e-*',
      'dist-bench',
      'dist-package',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware rules where the logic lives, and in the page (a voided promise there once hid an Import's error).
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/app/**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  // The core is framework-free (the CLI and the page are faces on it), and its rooms import downwards only:
  // model/ and xml/, then procedures/, entities/, engine/, and explore/ and formats/ on top (ARCHITECTURE.md).
  ...coreRooms(),
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, '@typescript-eslint/no-explicit-any': 'error' },
  },
  prettier,
);
