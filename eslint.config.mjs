// Lint: typescript-eslint's recommended rules, plus the rule that keeps the core pure.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = builtinModules.flatMap(m => [m, `node:${m}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-*/**', 'node_modules/**', '.code-server/**', 'test-output/**', 'bench/out/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analysis core runs in the server, the CLI and tests alike: no editor API, no LSP
    // connection, no file system or other Node built-ins. IO belongs to server/src/io/ and lsp/.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'The core must not depend on the VS Code API.' },
          { name: 'vscode-languageserver', message: 'The core must not depend on the LSP connection; use vscode-languageserver-types.' },
          { name: 'vscode-languageserver/node', message: 'The core must not depend on the LSP connection.' },
          { name: 'vscode-languageclient', message: 'The core must not depend on the language client.' },
          ...nodeBuiltins.map(name => ({ name, message: 'The core does no IO: Node built-ins are not allowed here.' })),
        ],
        patterns: [{ group: ['vscode-languageserver/*', 'vscode-languageclient/*'], message: 'The core must not depend on LSP transports.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', '__filename', 'Buffer'],
    },
  },
  {
    // Outside the core, the facade is the only way in: server/src/service/index.ts (which
    // re-exports the types and pure helpers callers need). Tests and bench may look deeper.
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['server/src/service/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '(^|/)service/(?!index$).+',
          message: 'Import the core through its facade (service/index.ts); add what you need there.',
        }],
      }],
    },
  },
  {
    // A test's temporary folder comes from test/helpers/tempDir.ts, which removes it when the test
    // file's process ends (test runs used to leave thousands in /tmp).
    files: ['test/**/*.ts'],
    ignores: ['test/helpers/tempDir.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'CallExpression[callee.property.name=/^mkdtemp(Sync)?$/]',
        message: 'Use makeTempDir or tempDir from test/helpers/tempDir.ts: the folder is removed when the test file ends.',
      }],
    },
  },
);
