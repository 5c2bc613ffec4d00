import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// Layer rules of shared/design/architecture.md, enforced: imports flow domain/schema → db/sync → features → app.
const forbid = (...patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((group) => ({ group, message: 'Layer rule (docs/architecture).' })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'node_modules',
      'dev-dist',
      'test-results',
      'playwright-report',
      'bench/.harness-dist',
      'src/domain/safety/ctcae-catalogue.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/domain/**'],
    rules: forbid([
      'react',
      'react-*',
      'dexie',
      'dexie-*',
      '@/db/*',
      '@/sync/*',
      '@/app/*',
      '@/features/*',
      '@/ui/*',
      '@/session/*',
    ]),
  },
  { files: ['src/schema/**'], rules: forbid(['react', 'dexie', '@/*', '../*']) },
  {
    files: ['src/db/**', 'src/sync/**'],
    rules: forbid(['react', 'react-*', '@/app/*', '@/features/*', '@/ui/*']),
  },
  { files: ['src/alarms/**'], rules: forbid(['@/app/*', '@/features/*', '@/sync/*', '@/session/*']) },
  { files: ['src/ui/**'], rules: forbid(['@/db/*', '@/sync/*', '@/domain/*', '@/app/*', '@/features/*']) },
  { files: ['src/features/**'], rules: forbid(['@/app/*']) },
  {
    files: ['server/**'],
    rules: forbid([
      'react',
      'react-*',
      'dexie',
      '@/db/*',
      '@/sync/*',
      '@/app/*',
      '@/features/*',
      '../src/db/*',
      '../../src/db/*',
    ]),
  },
);
