import { createRequire } from 'node:module';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ParserName } from '../rule-tester.js';

const hermesParser = createRequire(import.meta.url)('hermes-eslint') as Linter.Parser;

/** How to lint the code: the parser, and optionally the file name (relative to the working directory) and the host's globals. */
export interface RunOptions {
  readonly parser: ParserName;
  readonly filename?: string;
  readonly globals?: Linter.Globals;
}

/**
 * Lints `code` with a throw-away rule whose `Program:exit` calls `inspect` with the real
 * `SourceCode` of the real parser, and returns what `inspect` returned. Analysis helpers are
 * tested through this, so that they see exactly what a rule sees.
 */
export function runInRule<T>(
  code: string,
  how: ParserName | RunOptions,
  inspect: (sourceCode: Readonly<TSESLint.SourceCode>, context: Readonly<TSESLint.RuleContext<string, []>>) => T,
  listeners: (context: Readonly<TSESLint.RuleContext<string, []>>) => TSESLint.RuleListener = () => ({}),
): T {
  let result: { value: T } | undefined;
  const rule: TSESLint.RuleModule<string, []> = {
    defaultOptions: [],
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        ...listeners(context),
        'Program:exit'() {
          result = { value: inspect(context.sourceCode, context) };
        },
      };
    },
  };
  const { parser, filename = parser === 'ts' ? 'file.ts' : 'file.js', globals = {} } = typeof how === 'string' ? { parser: how } : how;
  const jsx = { ecmaFeatures: { jsx: true } };
  const linter = new Linter({ configType: 'flat' });
  const languageOptions: Linter.LanguageOptions =
    parser === 'ts'
      ? { parser: tsParser as Linter.Parser, parserOptions: jsx, globals }
      : parser === 'flow'
        ? { parser: hermesParser, sourceType: 'module', globals }
        : { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: parser === 'esm' ? 'module' : 'commonjs', parserOptions: jsx, globals };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.{js,cjs,mjs,jsx,ts,cts,mts,tsx}'],
        languageOptions,
        plugins: { test: { rules: { inspect: rule as unknown as Linter.RuleEntry & object } } as never },
        rules: { 'test/inspect': 'error' },
      },
    ],
    filename,
  );
  // ESLint 10 also reports an inline configuration comment it cannot apply (`/* eslint-env */`) as
  // fatal, yet the rules run: only a fatal message with no rule run is a parse error.
  const fatal = messages.find((message) => message.fatal);
  if (!result) throw new Error(fatal ? `parse error: ${fatal.message}` : 'the inspecting rule did not run');
  return result.value;
}
