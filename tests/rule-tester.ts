import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The parsers every rule is tested under: espree for ES modules, espree for CommonJS, and
 * `@typescript-eslint/parser` (no type information).
 */
export type ParserName = 'esm' | 'cjs' | 'ts';

type WithParsers<T> = T & {
  /** Parsers to run this case under. Default: all three, or `esm` + `ts` when the code has `import`/`export`. */
  readonly parsers?: readonly ParserName[];
};

export type Valid<Options extends readonly unknown[]> = string | WithParsers<ValidTestCase<Options>>;
export type Invalid<MessageIds extends string, Options extends readonly unknown[]> = WithParsers<
  InvalidTestCase<MessageIds, Options>
>;

const MODULE_SYNTAX = /^\s*(?:import|export)[\s{*]/mu;

function defaultParsers(code: string): readonly ParserName[] {
  return MODULE_SYNTAX.test(code) ? ['esm', 'ts'] : ['esm', 'cjs', 'ts'];
}

function createTester(parser: ParserName): RuleTester {
  if (parser === 'ts') {
    return new RuleTester({
      languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
    });
  }
  return new RuleTester({
    languageOptions: {
      parser: espree as unknown as TSESLint.FlatConfig.Parser,
      ecmaVersion: 'latest',
      sourceType: parser === 'esm' ? 'module' : 'commonjs',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
}

function defaultFilename(parser: ParserName): string {
  if (parser === 'ts') return 'file.tsx';
  return parser === 'cjs' ? 'file.cjs' : 'file.mjs';
}

function assertLocated(name: string, testCase: Invalid<string, readonly unknown[]>): void {
  for (const error of testCase.errors) {
    if (error.line === undefined || error.column === undefined) {
      throw new Error(`${name}: every expected error must assert line and column:\n${testCase.code}`);
    }
  }
}

/**
 * Runs one list of cases under each parser. Every invalid case must assert `messageId`,
 * `line` and `column` of each error; RuleTester itself requires suggestions to be asserted
 * with their output.
 */
export function runRuleTests<MessageIds extends string, Options extends readonly unknown[]>(
  name: string,
  rule: TSESLint.RuleModule<MessageIds, Options>,
  cases: { valid: readonly Valid<Options>[]; invalid: readonly Invalid<MessageIds, Options>[] },
): void {
  for (const testCase of cases.invalid) assertLocated(name, testCase as Invalid<string, readonly unknown[]>);
  for (const parser of ['esm', 'cjs', 'ts'] as const) {
    const valid = cases.valid
      .map((testCase) => (typeof testCase === 'string' ? { code: testCase } : testCase))
      .filter((testCase) => (testCase.parsers ?? defaultParsers(testCase.code)).includes(parser))
      .map(({ parsers: _parsers, ...testCase }) => ({ filename: defaultFilename(parser), ...testCase }));
    const invalid = cases.invalid
      .filter((testCase) => (testCase.parsers ?? defaultParsers(testCase.code)).includes(parser))
      .map(({ parsers: _parsers, ...testCase }) => ({ filename: defaultFilename(parser), ...testCase }));
    if (valid.length === 0 && invalid.length === 0) continue;
    createTester(parser).run(`${name} (${parser})`, rule, { valid, invalid });
  }
}
