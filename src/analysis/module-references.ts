import { builtinModules } from 'node:module';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

const { ReferenceTracker } = ASTUtils;

export const READ = ReferenceTracker.READ;
export const CALL = ReferenceTracker.CALL;
export const CONSTRUCT = ReferenceTracker.CONSTRUCT;

/** One module's exports: property names lead deeper, `READ` / `CALL` / `CONSTRUCT` mark a match. */
export interface TraceMapElement<T> {
  [key: string]: TraceMapElement<T>;
  [marker: symbol]: T | undefined;
}
export type TraceMap<T> = Record<string, TraceMapElement<T>>;

type BaseTracker = InstanceType<typeof ReferenceTracker>;
type FoundReference<T> = ReturnType<BaseTracker['iterateEsmReferences']> extends Iterable<infer F>
  ? Omit<F, 'info'> & { info: T }
  : never;
/** `iteratePropertyReferences` exists in `@eslint-community/eslint-utils` >= 4.5 but is missing from the re-exported types. */
type Tracker = BaseTracker & {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: TraceMapElement<unknown>): IterableIterator<FoundReference<unknown>>;
};

export type ReferenceKind = 'read' | 'call' | 'construct';

export interface ModuleReference<T> {
  /** The call, `new` expression, member expression, identifier or import that was matched. */
  readonly node: TSESTree.Node;
  /** Module id followed by the export path, e.g. `['fs', 'promises', 'writeFile']`. */
  readonly path: readonly string[];
  readonly kind: ReferenceKind;
  readonly info: T;
}

const BUILTINS: ReadonlySet<string> = new Set(builtinModules.filter((id) => !id.startsWith('_')));

/**
 * Adds the `node:` spelling of every Node built-in module in the map, so that a table written
 * as `{ fs: ... }` also matches `import fs from 'node:fs'`.
 */
export function withNodePrefix<T>(traceMap: TraceMap<T>): TraceMap<T> {
  const result: TraceMap<T> = { ...traceMap };
  for (const [moduleId, element] of Object.entries(traceMap)) {
    if (BUILTINS.has(moduleId) && !(`node:${moduleId}` in result)) result[`node:${moduleId}`] = element;
  }
  return result;
}

function kindOf(type: symbol): ReferenceKind {
  if (type === CALL) return 'call';
  if (type === CONSTRUCT) return 'construct';
  return 'read';
}

function toModuleReference<T>(found: FoundReference<T>, prefix: readonly string[] = []): ModuleReference<T> {
  return {
    node: found.node,
    path: prefix.length === 0 ? found.path : [...prefix, ...found.path],
    kind: kindOf(found.type),
    info: found.info,
  };
}

function isTypeOnlyImport(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ImportDeclaration) return node.importKind === 'type';
  if (node.type === AST_NODE_TYPES.ImportSpecifier) {
    return node.importKind === 'type' || (node.parent.type === AST_NODE_TYPES.ImportDeclaration && node.parent.importKind === 'type');
  }
  return false;
}

/** A global the host declared (ESLint's `sourceType: 'commonjs'`, `globals`) and the file neither declares nor assigns. */
function isHostGlobal(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.length === 0 && !variable.references.some((reference) => reference.isWrite());
}

/**
 * Identifiers that refer to the global `name`: references to a declared, never-written global
 * (ESLint's `sourceType: 'commonjs'` or `globals`), and unresolved references when the host did
 * not declare it (an ESM-parsed file, or oxlint's JS plugins). A local binding of the same name
 * shadows it, because its references resolve to that binding instead.
 */
export function globalIdentifierReferences(
  globalScope: TSESLint.Scope.Scope,
  name: string,
): TSESTree.Identifier[] {
  const declared = globalScope.set.get(name);
  if (declared) {
    if (!isHostGlobal(declared)) return [];
    return declared.references.map((reference) => reference.identifier as TSESTree.Identifier);
  }
  return globalScope.through
    .filter((reference) => reference.identifier.name === name && reference.identifier.type === AST_NODE_TYPES.Identifier)
    .map((reference) => reference.identifier as TSESTree.Identifier);
}

/**
 * The identifiers that refer to each of `names` as a global, by the same test as
 * `globalIdentifierReferences`, in one pass over the unresolved references however many names
 * are asked for. Names that are never referred to are absent from the map.
 */
export function globalReferencesByName(
  globalScope: TSESLint.Scope.Scope,
  names: ReadonlySet<string>,
): Map<string, TSESTree.Identifier[]> {
  const found = new Map<string, TSESTree.Identifier[]>();
  for (const name of names) {
    const declared = globalScope.set.get(name);
    if (declared && isHostGlobal(declared) && declared.references.length > 0) {
      found.set(name, declared.references.map((reference) => reference.identifier as TSESTree.Identifier));
    }
  }
  for (const reference of globalScope.through) {
    const identifier = reference.identifier;
    if (identifier.type !== AST_NODE_TYPES.Identifier || !names.has(identifier.name) || globalScope.set.has(identifier.name)) continue;
    const list = found.get(identifier.name);
    if (list) list.push(identifier);
    else found.set(identifier.name, [identifier]);
  }
  return found;
}

/**
 * Whether one identifier refers to the global of its name, by the same test as
 * `globalIdentifierReferences` (declared by the host and never written, or not declared at all),
 * without listing every reference of the file.
 */
export function isGlobalReference(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  return variable === null || (variable.scope.type === 'global' && isHostGlobal(variable));
}

function calledWith(identifier: TSESTree.Node): TSESTree.CallExpression | undefined {
  const parent = identifier.parent;
  return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier ? parent : undefined;
}

/** The module id of `require(id)`: a string literal read directly (nearly every call), anything else folded. */
function moduleIdOf(call: TSESTree.CallExpression, globalScope: TSESLint.Scope.Scope): string | undefined {
  const [argument] = call.arguments;
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  if (argument.type === AST_NODE_TYPES.Literal) return typeof argument.value === 'string' ? argument.value : undefined;
  return ASTUtils.getStringIfConstant(argument, globalScope) ?? undefined;
}

/** `member.property`'s name when it is written as an identifier or string (nearly always), else folded. */
function memberName(member: TSESTree.MemberExpression, globalScope: TSESLint.Scope.Scope): string | null {
  if (!member.computed) return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : null;
  if (member.property.type === AST_NODE_TYPES.Literal) return typeof member.property.value === 'string' ? member.property.value : null;
  return ASTUtils.getPropertyName(member, globalScope);
}

const CREATE_REQUIRE: TraceMap<true> = withNodePrefix({ module: { createRequire: { [CALL]: true } } });

/**
 * Every `require`-like call in the file: the global `require` (declared or not),
 * `process.getBuiltinModule`, and a binding made with `module.createRequire(...)`.
 */
function requireLikeCalls(
  tracker: Tracker,
  globalScope: TSESLint.Scope.Scope,
  sourceCode: Readonly<TSESLint.SourceCode>,
  importsModuleBuiltin: boolean,
): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  // An undeclared `require` is found by a pass over all unresolved references: skip it when the word is not in the file.
  const requireReferences = globalScope.set.has('require') || sourceCode.text.includes('require') ? globalIdentifierReferences(globalScope, 'require') : [];
  for (const identifier of requireReferences) {
    const call = calledWith(identifier);
    if (call) calls.push(call);
  }
  // A static `process.getBuiltinModule` access spells the name out: most files never do, and need no pass over their globals.
  const processReferences = sourceCode.text.includes('getBuiltinModule') ? globalIdentifierReferences(globalScope, 'process') : [];
  for (const identifier of processReferences) {
    const member = identifier.parent;
    if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === identifier && memberName(member, globalScope) === 'getBuiltinModule') {
      const call = calledWith(member);
      if (call) calls.push(call);
    }
  }
  // `createRequire` needs the `module` built-in: look for it only when the file loads that module.
  const loadsModuleBuiltin = calls.some((call) => {
    const moduleId = moduleIdOf(call, globalScope);
    return moduleId !== undefined && Object.hasOwn(CREATE_REQUIRE, moduleId);
  });
  if (!loadsModuleBuiltin && !importsModuleBuiltin) return calls;
  const createRequireCalls = [...tracker.iterateEsmReferences(CREATE_REQUIRE), ...cjsReferences(tracker, globalScope, CREATE_REQUIRE, calls)];
  for (const { node } of createRequireCalls) {
    const declarator = node.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    for (const variable of sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) {
        const call = calledWith(reference.identifier);
        if (call) calls.push(call);
      }
    }
  }
  return calls;
}

/**
 * Calls of the project's own `require` wrappers (`safeRequire('node-sass-middleware')`): a
 * function of that name declared at the top of the file, imported, or a global. Found only when
 * the name is in the file's text.
 */
function wrapperCalls(sourceCode: Readonly<TSESLint.SourceCode>, globalScope: TSESLint.Scope.Scope, names: ReadonlySet<string>): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  // The module scope of an ES module, or the wrapper function scope of a CommonJS file, holds the top-level bindings.
  const topScopes = [globalScope, ...globalScope.childScopes.filter((scope) => scope.block.type === AST_NODE_TYPES.Program)];
  for (const name of names) {
    if (!sourceCode.text.includes(name)) continue;
    const identifiers = topScopes.flatMap((scope) => scope.set.get(name)?.references.map((reference) => reference.identifier) ?? []);
    for (const reference of globalScope.through) if (reference.identifier.name === name) identifiers.push(reference.identifier);
    for (const identifier of identifiers) {
      const call = calledWith(identifier);
      if (call) calls.push(call);
    }
  }
  return calls;
}

function* cjsReferences<T>(
  tracker: Tracker,
  globalScope: TSESLint.Scope.Scope,
  traceMap: TraceMap<T>,
  calls: readonly TSESTree.CallExpression[],
): Generator<ModuleReference<T>> {
  for (const call of calls) {
    const moduleId = moduleIdOf(call, globalScope);
    if (moduleId === undefined || !Object.hasOwn(traceMap, moduleId)) continue;
    const element = traceMap[moduleId]!;
    if (element[READ]) yield { node: call, path: [moduleId], kind: 'read', info: element[READ] as T };
    for (const found of tracker.iteratePropertyReferences(call, element) as Iterable<FoundReference<T>>) yield toModuleReference(found, [moduleId]);
  }
}

type ImportEqualsDeclaration = TSESTree.TSImportEqualsDeclaration & { moduleReference: TSESTree.TSExternalModuleReference };

function* importEqualsReferences<T>(
  tracker: Tracker,
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
  declarations: readonly ImportEqualsDeclaration[],
): Generator<ModuleReference<T>> {
  for (const declaration of declarations) {
    const moduleId = (declaration.moduleReference.expression as TSESTree.StringLiteral).value;
    const element = traceMap[moduleId]!;
    for (const variable of sourceCode.getDeclaredVariables(declaration)) {
      for (const reference of variable.references) {
        if (!reference.isRead()) continue;
        if (element[READ]) yield { node: reference.identifier, path: [moduleId], kind: 'read', info: element[READ] as T };
        for (const found of tracker.iteratePropertyReferences(reference.identifier, element) as Iterable<FoundReference<T>>) {
          yield toModuleReference(found, [moduleId]);
        }
      }
    }
  }
}

interface TopLevelImports {
  /** Whether an import or re-export statement names a module of the trace map. */
  readonly esm: boolean;
  /** TypeScript `import x = require('m')` (also exported) of a module of the trace map. */
  readonly importEquals: ImportEqualsDeclaration[];
  /** Whether `node:module` (home of `createRequire`) is imported. */
  readonly moduleBuiltin: boolean;
}

/** One pass over the top-level statements, so that the tracker's own passes run only when a traced module is imported. */
function scanTopLevelImports(program: TSESTree.Program, traceMap: TraceMap<unknown>): TopLevelImports {
  let esm = false;
  let moduleBuiltin = false;
  const importEquals: ImportEqualsDeclaration[] = [];
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        if (Object.hasOwn(traceMap, statement.source.value)) esm = true;
        if (Object.hasOwn(CREATE_REQUIRE, statement.source.value)) moduleBuiltin = true;
        break;
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (Object.hasOwn(traceMap, statement.source.value)) esm = true;
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.source && Object.hasOwn(traceMap, statement.source.value)) esm = true;
        else if (statement.declaration?.type === AST_NODE_TYPES.TSImportEqualsDeclaration) addImportEquals(statement.declaration, traceMap, importEquals);
        break;
      case AST_NODE_TYPES.TSImportEqualsDeclaration:
        addImportEquals(statement, traceMap, importEquals);
        break;
      default:
        break;
    }
  }
  return { esm, importEquals, moduleBuiltin };
}

function addImportEquals(declaration: TSESTree.TSImportEqualsDeclaration, traceMap: TraceMap<unknown>, found: ImportEqualsDeclaration[]): void {
  if (declaration.importKind === 'type' || declaration.moduleReference.type !== AST_NODE_TYPES.TSExternalModuleReference) return;
  const source = declaration.moduleReference.expression;
  if (source.type !== AST_NODE_TYPES.Literal || typeof source.value !== 'string' || !Object.hasOwn(traceMap, source.value)) return;
  found.push(declaration as ImportEqualsDeclaration);
}

function* dynamicImportReferences<T>(
  tracker: Tracker,
  globalScope: TSESLint.Scope.Scope,
  imports: readonly TSESTree.ImportExpression[],
  traceMap: TraceMap<T>,
): Generator<ModuleReference<T>> {
  for (const expression of imports) {
    const moduleId = ASTUtils.getStringIfConstant(expression.source, globalScope);
    if (moduleId === null || !Object.hasOwn(traceMap, moduleId)) continue;
    const awaited = expression.parent;
    if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) continue;
    const element = traceMap[moduleId]!;
    const namespace: TraceMapElement<T> = { default: element, ...element };
    for (const found of tracker.iteratePropertyReferences(awaited, namespace) as Iterable<FoundReference<T>>) {
      const path = found.path.filter((key) => key !== 'default');
      if (path.length === 0 && found.type === READ) continue;
      yield toModuleReference({ ...found, path }, [moduleId]);
    }
  }
}

export interface ModuleReferenceOptions {
  /** `import('m')` expressions of the file, collected by the caller's `ImportExpression` listener. */
  readonly dynamicImports?: readonly TSESTree.ImportExpression[];
  /** The project's own functions that load a module by name like `require` (`settings.stateless.requireWrappers`). */
  readonly requireWrappers?: ReadonlySet<string>;
}

/**
 * Every reference in the file to the module exports named in `traceMap`, in every import
 * style: ESM default, named (renamed) and namespace imports; `require` (declared or not,
 * destructured, renamed, `require('m').x`); `createRequire`; `process.getBuiltinModule`;
 * TypeScript `import x = require('m')`; awaited `import('m')`; member chains and `const`
 * aliases. Type-only imports are ignored. Built on `ReferenceTracker` in `legacy` mode, so the
 * named imports of CommonJS modules (all Node built-ins) are bound too.
 */
export function* iterateModuleReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
  options: ModuleReferenceOptions = {},
): Generator<ModuleReference<T>> {
  const globalScope = sourceCode.getScope(sourceCode.ast);
  const tracker = new ReferenceTracker(globalScope, { mode: 'legacy' }) as Tracker;
  const imports = scanTopLevelImports(sourceCode.ast, traceMap);
  if (imports.esm) {
    for (const found of tracker.iterateEsmReferences(traceMap) as Iterable<FoundReference<T>>) {
      if (!isTypeOnlyImport(found.node)) yield toModuleReference(found);
    }
  }
  const calls = requireLikeCalls(tracker, globalScope, sourceCode, imports.moduleBuiltin);
  if (options.requireWrappers?.size) calls.push(...wrapperCalls(sourceCode, globalScope, options.requireWrappers));
  yield* cjsReferences(tracker, globalScope, traceMap, calls);
  if (imports.importEquals.length > 0) yield* importEqualsReferences(tracker, sourceCode, traceMap, imports.importEquals);
  if (options.dynamicImports?.length) yield* dynamicImportReferences(tracker, globalScope, options.dynamicImports, traceMap);
}

/**
 * The references to the members of the value `node` evaluates to (an instance a library call
 * made, say), by ReferenceTracker's own following of the value: member chains, `const`/`let`
 * bindings and assignments it is stored in, destructuring. Paths start at the value itself.
 */
export function* iterateValueReferences<T>(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  traceMap: TraceMapElement<T>,
): Generator<ModuleReference<T>> {
  const tracker = new ReferenceTracker(sourceCode.getScope(sourceCode.ast), { mode: 'legacy' }) as Tracker;
  for (const found of tracker.iteratePropertyReferences(node, traceMap) as Iterable<FoundReference<T>>) yield toModuleReference(found);
}
