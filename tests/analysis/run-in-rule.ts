import { createRequire } from 'node:module';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type { TSESLint } from '@typescript-eslint/utils';
import type { ParserName } from '../rule-tester.js';

const hermesParser = createRequire(import.meta.url)('hermes-eslint') as Linter.Parser;

/**
 * Lints `code` with a throw-away rule whose `Program:exit` calls `inspect` with the real
 * `SourceCode` of the real parser, and returns what `inspect` returned. Analysis helpers are
 * tested through this, so that they see exactly what a rule sees.
 */
export function runInRule<T>(
  code: string,
  parser: ParserName,
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
  const linter = new Linter({ configType: 'flat' });
  const languageOptions: Linter.LanguageOptions =
    parser === 'ts'
      ? { parser: tsParser as Linter.Parser }
      : parser === 'flow'
        ? { parser: hermesParser, sourceType: 'module' }
        : { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: parser === 'esm' ? 'module' : 'commonjs' };
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.ts'],
        languageOptions,
        plugins: { test: { rules: { inspect: rule as unknown as Linter.RuleEntry & object } } as never },
        rules: { 'test/inspect': 'error' },
      },
    ],
    parser === 'ts' ? 'file.ts' : 'file.js',
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!result) throw new Error('the inspecting rule did not run');
  return result.value;
}
