import { constants } from 'node:fs';
import { posix } from 'node:path';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, resolveToDefinition } from '../../analysis/const-binding.js';
import { findProperty, getArgumentObject } from '../../analysis/options-object.js';
import { unwrapExpression } from '../../analysis/unwrap.js';
import type { WriteApi } from './catalog.js';
import { argumentAt, staticValueOf, type CheckContext, type SuggestionPlan } from './context.js';

const READ_ONLY_FLAGS: ReadonlySet<string> = new Set(['r', 'rs', 'sr']);
const WRITING_FLAG_NAMES: ReadonlySet<string> = new Set(['O_WRONLY', 'O_RDWR', 'O_CREAT', 'O_APPEND', 'O_TRUNC']);
const NEUTRAL_FLAG_NAMES: ReadonlySet<string> = new Set([
  'O_RDONLY',
  'O_SYNC',
  'O_DSYNC',
  'O_NOFOLLOW',
  'O_NOATIME',
  'O_NONBLOCK',
  'O_DIRECT',
  'O_DIRECTORY',
  'O_NOCTTY',
  'O_EXCL',
  'O_SYMLINK',
]);
// The numeric values of the platform running the linter; flags written as numbers are platform-specific anyway.
const WRITING_FLAG_BITS = constants.O_WRONLY | constants.O_RDWR | constants.O_CREAT | constants.O_APPEND | constants.O_TRUNC;

function constantFlagWrites(value: unknown): boolean | undefined {
  if (typeof value === 'string') return !READ_ONLY_FLAGS.has(value);
  if (typeof value === 'number') return (value & WRITING_FLAG_BITS) !== 0;
  if (value === undefined || value === null) return false;
  return undefined;
}

/** Whether open flags write: `'w'`, `'a+'`, `O_WRONLY | O_CREAT`. `undefined` when not knowable. */
function flagsWrite(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): boolean | undefined {
  const expression = unwrapExpression(node);
  const folded = staticValueOf(sourceCode, expression);
  if (folded) return constantFlagWrites(folded.value);
  if (depth > 8) return undefined;
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '|') {
    const left = flagsWrite(sourceCode, expression.left, depth + 1);
    const right = flagsWrite(sourceCode, expression.right, depth + 1);
    if (left === true || right === true) return true;
    return left === false && right === false ? false : undefined;
  }
  const name =
    expression.type === AST_NODE_TYPES.MemberExpression
      ? (ASTUtils.getPropertyName(expression, sourceCode.getScope(expression)) ?? undefined)
      : expression.type === AST_NODE_TYPES.Identifier
        ? expression.name
        : undefined;
  if (name !== undefined && WRITING_FLAG_NAMES.has(name)) return true;
  if (name !== undefined && NEUTRAL_FLAG_NAMES.has(name)) return false;
  const resolved = resolveToDefinition(sourceCode, expression);
  return resolved === expression ? undefined : flagsWrite(sourceCode, resolved, depth + 1);
}

/** `open(path, flags?, mode?, callback?)`: a write unless the flags are provably read-only (unknown flags count as writing). */
function openWrites(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const flags = call.arguments[1];
  if (!flags) return false;
  if (flags.type === AST_NODE_TYPES.SpreadElement) return true;
  const expression = unwrapExpression(flags);
  if (expression.type === AST_NODE_TYPES.ArrowFunctionExpression || expression.type === AST_NODE_TYPES.FunctionExpression) return false;
  return flagsWrite(sourceCode, expression) !== false;
}

/** `readFile(path, { flag: 'a+' })` creates the file. */
function readCreatesFile(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const source = getArgumentObject(sourceCode, call, 1);
  if (source.kind !== 'object') return false;
  const flag = findProperty(sourceCode, source, 'flag');
  if (flag.kind !== 'present') return false;
  const value = staticValueOf(sourceCode, flag.value);
  return value !== undefined && constantFlagWrites(value.value) === true;
}

/** `fs.writeFileSync('out.csv', ...)` -> suggest `path.join(os.tmpdir(), 'out.csv')`. */
function tempDirectorySuggestion(node: TSESTree.Node): SuggestionPlan | undefined {
  const literal = unwrapExpression(node);
  let text: string | undefined;
  if (literal.type === AST_NODE_TYPES.Literal && typeof literal.value === 'string') text = literal.value;
  else if (literal.type === AST_NODE_TYPES.TemplateLiteral && literal.expressions.length === 0) text = literal.quasis[0]?.value.cooked ?? undefined;
  if (text === undefined || text.startsWith('/') || /^[a-zA-Z]:/u.test(text) || /['"`\\\n\r$]/u.test(text)) return undefined;
  const name = posix.normalize(text).replace(/\/+$/u, '');
  if (name === '.' || name === '' || name.startsWith('..')) return undefined;
  return { kind: 'tempDirectory', literal: literal as TSESTree.StringLiteral | TSESTree.TemplateLiteral, name };
}

function isNullish(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const value = staticValueOf(sourceCode, node);
  return value !== undefined && (value.value === null || value.value === undefined);
}

/** Checks one call of a file-system write API of `fs`, its drop-ins, or a write helper. */
export function checkWriteCall(
  context: CheckContext,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  api: WriteApi,
  label: string,
): void {
  const { sourceCode, evaluator } = context;
  if (api.effect === 'open' && !openWrites(sourceCode, call)) return;
  if (api.effect === 'readWithFlag' && !readCreatesFile(sourceCode, call)) return;
  const destination = argumentAt(call, api.destination);
  // `createWriteStream(null, { fd })`: no path, the descriptor was opened elsewhere.
  if (!destination || isNullish(sourceCode, destination)) return;
  const kind = api.effect === 'mkdtemp' ? evaluator.classifyPrefix(destination) : evaluator.classify(destination);
  const category = api.effect === 'deletion' ? 'deletion' : 'write';
  const suggestion = category === 'write' && kind === 'app' ? tempDirectorySuggestion(destination) : undefined;
  context.report({ node: call, category, destination: kind, api: label, ...(suggestion ? { suggestion } : {}) });
}

/** How a module reference is named in messages: `fs.promises.writeFile`, `fs-extra.outputJson`. */
export function labelOf(path: readonly string[]): string {
  const [moduleId = '', ...rest] = path;
  const name = moduleId.replace(/^node:/u, '');
  return rest.length > 0 ? `${name}.${rest.join('.')}` : name;
}

/** The write API a function value denotes: `fs.writeFile`, or an identifier bound by an import or `require`. */
function writeApiOfValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  readApis: ReadonlyMap<TSESTree.Node, { api: WriteApi; label: string }>,
): { api: WriteApi; label: string } | undefined {
  const expression = unwrapExpression(node);
  const direct = readApis.get(expression);
  if (direct) return direct;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariableOf(sourceCode, expression)?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'ImportBinding') return readApis.get(definition.node);
  if (definition.type === 'Variable' && definition.name.parent?.type === AST_NODE_TYPES.Property) return readApis.get(definition.name.parent);
  return undefined;
}

/** `const write = util.promisify(fs.writeFile); write(path, data)`: the calls of the promisified function. */
export function checkPromisified(
  context: CheckContext,
  promisifyCall: TSESTree.CallExpression,
  readApis: ReadonlyMap<TSESTree.Node, { api: WriteApi; label: string }>,
): void {
  const original = argumentAt(promisifyCall, 0);
  const found = original && writeApiOfValue(context.sourceCode, original, readApis);
  if (!found) return;
  const label = `promisify(${found.label})`;
  const parent = promisifyCall.parent;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === promisifyCall) {
    checkWriteCall(context, parent, found.api, label);
    return;
  }
  if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== promisifyCall) return;
  for (const variable of context.sourceCode.getDeclaredVariables(parent)) {
    for (const reference of variable.references) {
      const call = reference.identifier.parent;
      if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier) checkWriteCall(context, call, found.api, label);
    }
  }
}

/** Calls of `Bun.write` and `Bun.file` (global `Bun` and the `bun` module). */
export interface BunCalls {
  readonly writes: TSESTree.CallExpression[];
  readonly files: Set<TSESTree.CallExpression>;
}

/** Adds the `Bun.write(...)` and `Bun.file(...)` calls among the references to the global `Bun`. */
export function collectGlobalBunCalls(sourceCode: Readonly<TSESLint.SourceCode>, bunReferences: readonly TSESTree.Identifier[], calls: BunCalls): void {
  for (const identifier of bunReferences) {
    const member = identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const key = ASTUtils.getPropertyName(member, sourceCode.getScope(member));
    if (key === 'write') calls.writes.push(call);
    else if (key === 'file') calls.files.add(call);
  }
}

function isBunStandardStream(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(node.object);
  const key = ASTUtils.getPropertyName(node, sourceCode.getScope(node));
  return (
    object.type === AST_NODE_TYPES.Identifier &&
    object.name === 'Bun' &&
    (key === 'stdout' || key === 'stderr') &&
    !findVariableOf(sourceCode, object)?.defs.length
  );
}

const BUN_WRITE: WriteApi = { type: 'write', effect: 'write', destination: 0 };

/**
 * `Bun.write(dest, data)`: `dest` is a path, a `Bun.file(path)`, an S3 file (`s3.file(key)`,
 * object storage: fine) or `Bun.stdout` / `Bun.stderr`. `Bun.file(path).write(data)` and
 * `.writer()` write to `path`.
 */
export function checkBunCalls(context: CheckContext, calls: BunCalls): void {
  const { sourceCode } = context;
  for (const call of calls.writes) {
    const destination = argumentAt(call, 0);
    if (!destination) continue;
    const resolved = resolveToDefinition(sourceCode, destination);
    if (isBunStandardStream(sourceCode, resolved)) continue;
    if (resolved.type === AST_NODE_TYPES.CallExpression) {
      if (calls.files.has(resolved)) {
        const path = argumentAt(resolved, 0);
        if (path) context.report({ node: call, category: 'write', destination: context.evaluator.classify(path), api: 'Bun.write' });
        continue;
      }
      const callee = unwrapExpression(resolved.callee);
      // `s3.file(key)`, `Bun.s3.file(key)`, `new S3Client().file(key)`: object storage.
      if (callee.type === AST_NODE_TYPES.MemberExpression && ASTUtils.getPropertyName(callee, sourceCode.getScope(callee)) === 'file') continue;
    }
    checkWriteCall(context, call, BUN_WRITE, 'Bun.write');
  }
  for (const fileCall of calls.files) {
    const path = argumentAt(fileCall, 0);
    if (!path) continue;
    for (const writeCall of fileWriteCalls(sourceCode, fileCall)) {
      context.report({ node: writeCall, category: 'write', destination: context.evaluator.classify(path), api: 'Bun.file().write' });
    }
  }
}

/** `Bun.file(p).write(x)`, `const f = Bun.file(p); f.writer()`. */
function fileWriteCalls(sourceCode: Readonly<TSESLint.SourceCode>, fileCall: TSESTree.CallExpression): TSESTree.CallExpression[] {
  const receivers: TSESTree.Node[] = [fileCall];
  const declarator = fileCall.parent;
  if (declarator.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === fileCall) {
    for (const variable of sourceCode.getDeclaredVariables(declarator)) {
      for (const reference of variable.references) if (!reference.init) receivers.push(reference.identifier);
    }
  }
  const calls: TSESTree.CallExpression[] = [];
  for (const receiver of receivers) {
    const member = receiver.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== receiver) continue;
    const key = ASTUtils.getPropertyName(member, sourceCode.getScope(member));
    const call = member.parent;
    if ((key === 'write' || key === 'writer') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member) calls.push(call);
  }
  return calls;
}
