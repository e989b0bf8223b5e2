import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { resolveToDefinition } from '../../analysis/const-binding.js';
import { findProperty, getArgumentObject, type ObjectSource, type PropertyLookup } from '../../analysis/options-object.js';
import type { DestinationEvaluator, DestinationKind } from '../../analysis/temp-path.js';
import { unwrapExpression } from '../../analysis/unwrap.js';

/** What kind of state a report is about; it picks the message. */
export type Category = 'write' | 'deletion' | 'upload' | 'log' | 'database';

export type SuggestionPlan =
  | { readonly kind: 'memoryStorage'; readonly property: TSESTree.Property; readonly multer: string }
  | { readonly kind: 'consoleTransport'; readonly expression: TSESTree.NewExpression; readonly transports: TSESTree.Node }
  | { readonly kind: 'tempDirectory'; readonly literal: TSESTree.StringLiteral | TSESTree.TemplateLiteral; readonly name: string };

export interface Finding {
  readonly node: TSESTree.Node;
  readonly category: Category;
  readonly destination: DestinationKind;
  readonly api: string;
  readonly suggestion?: SuggestionPlan;
}

/** What every check needs: the file, the destination evaluator, and a sink for findings. */
export interface CheckContext {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly evaluator: DestinationEvaluator;
  readonly allowedPaths: readonly string[];
  report(finding: Finding): void;
}

/** The argument at `index`, unless a spread comes first (then nothing can be said). */
export function argumentAt(
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
): TSESTree.Expression | undefined {
  for (let position = 0; position <= index; position++) {
    const argument = call.arguments[position];
    if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  }
  return call.arguments[index] as TSESTree.Expression;
}

export function hasSpreadArgument(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
}

/** The constant value of an expression (through `const` bindings), or `undefined`. */
export function staticValueOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): { value: unknown } | undefined {
  const value = ASTUtils.getStaticValue(unwrapExpression(node) as TSESTree.Expression, sourceCode.getScope(node));
  return value ?? undefined;
}

export function staticString(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | undefined {
  const value = staticValueOf(sourceCode, node)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** Whether a present option is the constant `true`. */
export function isStaticTrue(sourceCode: Readonly<TSESLint.SourceCode>, lookup: PropertyLookup): boolean {
  return lookup.kind === 'present' && staticValueOf(sourceCode, lookup.value)?.value === true;
}

export function optionOf(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  index: number,
  key: string,
): { source: ObjectSource; lookup: PropertyLookup } {
  const source = getArgumentObject(sourceCode, call, index);
  return { source, lookup: findProperty(sourceCode, source, key) };
}

/** The elements of an array literal the expression resolves to, or `undefined`. */
export function arrayElements(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Node[] | undefined {
  const resolved = resolveToDefinition(sourceCode, node);
  if (resolved.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const elements: TSESTree.Node[] = [];
  for (const element of resolved.elements) {
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      const spread = arrayElements(sourceCode, element.argument);
      if (spread) elements.push(...spread);
      continue;
    }
    elements.push(element);
  }
  return elements;
}

/** Worst of several destinations: temp only if all are, else the first persistent kind. */
export function combineKinds(kinds: readonly DestinationKind[]): DestinationKind {
  if (kinds.length === 0) return 'unknown';
  if (kinds.every((kind) => kind === 'temp' || kind === 'descriptor')) return 'temp';
  if (kinds.includes('app')) return 'app';
  if (kinds.includes('absolute')) return 'absolute';
  return 'unknown';
}

/** SQLite names that never touch a file: anonymous (`''`) and in-memory databases. */
export function isInMemoryDatabaseName(text: string): boolean {
  return text === '' || text.includes(':memory:') || /[?&]mode=memory\b/u.test(text);
}
