import { createRequire } from 'node:module';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { RuleTester, type InvalidTestCase, type ValidTestCase } from '@typescript-eslint/rule-tester';
import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The parsers every rule is tested under: espree for ES modules, espree for CommonJS,
 * `@typescript-eslint/parser` (no type information), and hermes-eslint, which `stateless-audit`
 * uses for Flow-annotated JavaScript (its AST adds Flow nodes and differs from espree's in small
 * ways, such as `directive: null` on every expression statement).
 */
export type ParserName = 'esm' | 'cjs' | 'ts' | 'flow';

const PARSER_NAMES: readonly ParserName[] = ['esm', 'cjs', 'ts', 'flow'];

type WithParsers<T> = T & {
  /**
   * Parsers to run this case under. Default: all four, or all but `cjs` when the code has
   * `import`/`export`, and never `flow` for code with top-level `await`, which hermes does not parse.
   */
  readonly parsers?: readonly ParserName[];
};

export type Valid<Options extends readonly unknown[]> = string | WithParsers<ValidTestCase<Options>>;
export type Invalid<MessageIds extends string, Options extends readonly unknown[]> = WithParsers<
  InvalidTestCase<MessageIds, Options>
>;

const MODULE_SYNTAX = /^\s*(?:import|export)[\s{*]/mu;

const hermesParser = createRequire(import.meta.url)('hermes-eslint') as TSESLint.FlatConfig.Parser;

interface SyntaxNode {
  readonly type: string;
  readonly [key: string]: unknown;
}

const FUNCTION_TYPES = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** Whether `node` holds an `await` (or `for await`) that no function encloses. */
function awaitsOutsideFunctions(node: SyntaxNode): boolean {
  if (FUNCTION_TYPES.has(node.type)) return false;
  if (node.type === 'AwaitExpression' || (node.type === 'ForOfStatement' && node.await === true)) return true;
  return Object.values(node).some((value) =>
    (Array.isArray(value) ? value : [value]).some(
      (child: unknown) => typeof child === 'object' && child !== null && typeof (child as SyntaxNode).type === 'string' && awaitsOutsideFunctions(child as SyntaxNode),
    ),
  );
}

function hasTopLevelAwait(code: string): boolean {
  if (!/\bawait\b/u.test(code)) return false;
  try {
    return awaitsOutsideFunctions(espree.parse(code, { ecmaVersion: 'latest', sourceType: 'module', ecmaFeatures: { jsx: true } }) as unknown as SyntaxNode);
  } catch {
    return false;
  }
}

function defaultParsers(code: string): readonly ParserName[] {
  const parsers: ParserName[] = MODULE_SYNTAX.test(code) ? ['esm', 'ts'] : ['esm', 'cjs', 'ts'];
  if (!hasTopLevelAwait(code)) parsers.push('flow');
  return parsers;
}

function createTester(parser: ParserName): RuleTester {
  if (parser === 'flow') {
    // hermes-eslint takes `script` or `module` only, as the audit passes it.
    return new RuleTester({ languageOptions: { parser: hermesParser, sourceType: 'module' } });
  }
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
  if (parser === 'flow') return 'file.js';
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
  for (const parser of PARSER_NAMES) {
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
