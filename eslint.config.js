// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

/**
 * OpenTelemetry costs start-up time and memory, so it is loaded (by a dynamic import) only
 * when a connection string is set; a static import anywhere else would load it always.
 */
const telemetryOnlyWhenOn = {
  regex: '^(@azure/monitor-opentelemetry|@opentelemetry/)',
  message: 'OpenTelemetry is imported only in src/server/telemetry/azure-monitor.ts.',
};

/** Layers the domain must never reach: it is pure rules, no I/O and no SDK. */
const layersOutsideDomain = [
  'app',
  'store',
  'bot',
  'server',
  'scheduler',
  'cards',
  'render',
  'tab',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      '.data/',
      'dist/',
      '.build-test-*/',
      '.deploy/',
      'build/',
      'coverage/',
      'test-results/',
      'bench/results/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^[^.]',
              message:
                'src/domain is pure: it may not import a package, an SDK or a Node built-in.',
            },
            {
              regex: `(^|/)(${layersOutsideDomain.join('|')})(/|$)`,
              message: 'src/domain may not import another layer.',
            },
          ],
        },
      ],
    },
  },
  {
    // The domain's own rule above already refuses every package. Every other arrow between
    // the layers is checked by dependency-cruiser (.dependency-cruiser.cjs, `npm run lint`).
    files: [
      'src/app/**/*.ts',
      'src/store/**/*.ts',
      'src/scheduler/**/*.ts',
      'src/cards/**/*.ts',
      'src/render/**/*.ts',
      'src/graph/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(botbuilder|botframework-)',
              message: 'botbuilder stays inside src/bot and src/server.',
            },
            telemetryOnlyWhenOn,
          ],
        },
      ],
    },
  },
  {
    files: ['src/main.ts', 'src/bot/**/*.ts', 'src/server/**/*.ts'],
    ignores: ['src/server/telemetry/azure-monitor.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [telemetryOnlyWhenOn] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // dependency-cruiser reads its settings as a CommonJS module.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  prettier,
);
