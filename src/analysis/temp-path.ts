import { posix } from 'node:path';
import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getStableInitializer, resolveToDefinition } from './const-binding.js';
import { CALL, READ, iterateModuleReferences, withNodePrefix, type TraceMap, type TraceMapElement } from './module-references.js';
import { findProperty, getArgumentObject, resolveObjectSource } from './options-object.js';
import { unwrapExpression } from './unwrap.js';

/**
 * Where a write lands:
 * - `temp`: provably inside a temp directory (or `/dev/null`, stdout, stderr, an allowed path);
 * - `app`: the app's own directory (`__dirname`, `import.meta.dirname`, `process.cwd()`, a relative path);
 * - `absolute`: another absolute local path (`/var/data`, the home directory);
 * - `unknown`: not resolvable in this file (a parameter, an imported value, an environment variable);
 * - `descriptor`: a file descriptor or `FileHandle` opened elsewhere, judged where it was opened.
 */
export type DestinationKind = 'temp' | 'app' | 'absolute' | 'unknown' | 'descriptor';

export interface DestinationEvaluatorOptions {
  /** Path prefixes (absolute, or relative to the working directory) declared as scratch space. */
  readonly allowedPaths?: readonly string[];
  /** `import()` expressions of the file, so that `await import('node:os')` is followed too. */
  readonly dynamicImports?: readonly TSESTree.ImportExpression[];
}

export interface DestinationEvaluator {
  /** Where a write to the path, URL or file descriptor `node` lands. */
  classify(node: TSESTree.Node): DestinationKind;
  /**
   * Where `mkdtemp(node)` creates its directory. The prefix must be strictly inside a temp root:
   * `mkdtemp(os.tmpdir())` creates `/tmpXXXXXX` next to `/tmp`, at the filesystem root.
   */
  classifyPrefix(node: TSESTree.Node): DestinationKind;
}

type Root = 'temp' | 'app' | 'relative' | 'absolute';

/** What the evaluator knows about a value used as a path. */
type PathValue =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'rooted'; readonly root: Root; readonly exactTempRoot: boolean }
  | { readonly type: 'record'; readonly fields: Readonly<Record<string, PathValue>> }
  | { readonly type: 'descriptor' }
  | { readonly type: 'unknown' };

const UNKNOWN: PathValue = { type: 'unknown' };
const DESCRIPTOR: PathValue = { type: 'descriptor' };
const TEMP_ROOT: PathValue = { type: 'rooted', root: 'temp', exactTempRoot: true };
const TEMP_INSIDE: PathValue = { type: 'rooted', root: 'temp', exactTempRoot: false };
const APP: PathValue = { type: 'rooted', root: 'app', exactTempRoot: false };
const RELATIVE: PathValue = { type: 'rooted', root: 'relative', exactTempRoot: false };
const ABSOLUTE: PathValue = { type: 'rooted', root: 'absolute', exactTempRoot: false };
const TEMP_RECORD: PathValue = { type: 'record', fields: { name: TEMP_INSIDE, path: TEMP_INSIDE, fd: DESCRIPTOR } };

const TEMP_ROOTS = ['/tmp', '/var/tmp'];
const STANDARD_STREAMS: ReadonlySet<string> = new Set([
  '/dev/null',
  '/dev/stdout',
  '/dev/stderr',
  '/dev/fd/1',
  '/dev/fd/2',
  '/proc/self/fd/1',
  '/proc/self/fd/2',
]);
const TEMP_ENVIRONMENT_VARIABLES: ReadonlySet<string> = new Set(['TMPDIR', 'TMP', 'TEMP']);
const HOME_ENVIRONMENT_VARIABLES: ReadonlySet<string> = new Set(['HOME', 'USERPROFILE']);
const MAX_ACTIVE = 64;

// ---------------------------------------------------------------------------------------------
// Library data: which module exports produce, combine or describe paths.

/** What a call (or a read) produces, directly or through the promise it returns. */
type Produced = 'tempRoot' | 'tempPath' | 'tempRecord' | 'descriptor' | 'prefixPath' | 'prefixRecord';

type PathOperation = 'join' | 'resolve' | 'normalize' | 'dirname' | 'basename' | 'relative' | 'separator' | 'toPath';

type SourceInfo =
  | { readonly kind: 'path'; readonly operation: PathOperation }
  | { readonly kind: 'home' }
  /** `process.cwd()` imported from `node:process`. */
  | { readonly kind: 'cwd' }
  | {
      readonly kind: 'producer';
      readonly returns?: Produced;
      /** Values the callback's parameters receive, by position (`mkdtemp(p, (err, dir) => ...)`). */
      readonly callbackParams?: Readonly<Record<number, Produced>>;
      /** An option of the first argument that moves the root away from the temp dir (`tmp`'s `tmpdir`). */
      readonly rootOption?: string;
    }
  /** `temp.track()`: returns the `temp` module itself. */
  | { readonly kind: 'tempTracker' };

type SourceElement = TraceMapElement<SourceInfo>;

function call(info: SourceInfo): SourceElement {
  return { [CALL]: info };
}
function read(info: SourceInfo): SourceElement {
  return { [READ]: info };
}
function pathCall(operation: PathOperation): SourceElement {
  return call({ kind: 'path', operation });
}
function returns(produced: Produced, rootOption?: string): SourceInfo {
  return rootOption ? { kind: 'producer', returns: produced, rootOption } : { kind: 'producer', returns: produced };
}
function callsBack(params: Record<number, Produced>, rootOption?: string): SourceInfo {
  return rootOption ? { kind: 'producer', callbackParams: params, rootOption } : { kind: 'producer', callbackParams: params };
}

const PATH_FUNCTIONS: SourceElement = {
  join: pathCall('join'),
  resolve: pathCall('resolve'),
  normalize: pathCall('normalize'),
  toNamespacedPath: pathCall('normalize'),
  dirname: pathCall('dirname'),
  basename: pathCall('basename'),
  relative: pathCall('relative'),
  sep: read({ kind: 'path', operation: 'separator' }),
};
const PATH_MODULE: SourceElement = { ...PATH_FUNCTIONS, posix: PATH_FUNCTIONS, win32: PATH_FUNCTIONS };

/** `mkdtemp` and `open` of every fs flavour; callback, Sync and promise forms. */
const FS_SOURCES: SourceElement = {
  // Core `fs.mkdtemp` only calls back; fs-extra and mz also return a promise.
  mkdtemp: call({ kind: 'producer', returns: 'prefixPath', callbackParams: { 1: 'prefixPath' } }),
  mkdtempSync: call(returns('prefixPath')),
  mkdtempDisposable: call(returns('prefixRecord')),
  mkdtempDisposableSync: call(returns('prefixRecord')),
  open: call({ kind: 'producer', returns: 'descriptor', callbackParams: { 1: 'descriptor' } }),
  openSync: call(returns('descriptor')),
};
const FS_MODULE: SourceElement = { ...FS_SOURCES, promises: FS_SOURCES };

const TMP_MODULE: SourceElement = {
  file: call(callsBack({ 1: 'tempPath', 2: 'descriptor' }, 'tmpdir')),
  fileSync: call(returns('tempRecord', 'tmpdir')),
  dir: call(callsBack({ 1: 'tempPath' }, 'tmpdir')),
  dirSync: call(returns('tempRecord', 'tmpdir')),
  tmpName: call(callsBack({ 1: 'tempPath' }, 'tmpdir')),
  tmpNameSync: call(returns('tempPath', 'tmpdir')),
  tmpdir: read(returns('tempRoot')),
};

const TMP_PROMISE_MODULE: SourceElement = {
  ...TMP_MODULE,
  file: call(returns('tempRecord', 'tmpdir')),
  dir: call(returns('tempRecord', 'tmpdir')),
  tmpName: call(returns('tempPath', 'tmpdir')),
  withFile: call(callsBack({ 0: 'tempRecord' })),
  withDir: call(callsBack({ 0: 'tempRecord' })),
};

function tempyFunction(task: Record<number, Produced>): SourceElement {
  return { [CALL]: returns('tempPath'), task: call(callsBack(task)) };
}
const TEMPY_MODULE: SourceElement = {
  // tempy >= 2
  temporaryFile: call(returns('tempPath')),
  temporaryDirectory: call(returns('tempPath')),
  temporaryWrite: call(returns('tempPath')),
  temporaryWriteSync: call(returns('tempPath')),
  temporaryFileTask: call(callsBack({ 0: 'tempPath' })),
  temporaryDirectoryTask: call(callsBack({ 0: 'tempPath' })),
  temporaryWriteTask: call(callsBack({ 0: 'tempPath' })),
  rootTemporaryDirectory: read(returns('tempRoot')),
  // tempy <= 1: methods of the default export
  file: tempyFunction({ 0: 'tempPath' }),
  directory: tempyFunction({ 0: 'tempPath' }),
  write: tempyFunction({ 0: 'tempPath' }),
  writeSync: call(returns('tempPath')),
  root: read(returns('tempRoot')),
};

const TEMP_MODULE: SourceElement = {
  path: call(returns('tempPath', 'dir')),
  mkdirSync: call(returns('tempPath', 'dir')),
  mkdir: call(callsBack({ 1: 'tempPath' }, 'dir')),
  openSync: call(returns('tempRecord', 'dir')),
  open: call(callsBack({ 1: 'tempRecord' }, 'dir')),
  dir: read(returns('tempRoot')),
  track: call({ kind: 'tempTracker' }),
};

const STANDARD_STREAM: SourceElement = { [READ]: returns('tempPath'), fd: read(returns('tempPath')) };

/** `import process from 'node:process'` and its named exports; the global `process` is handled apart. */
const PROCESS_MODULE: SourceElement = {
  cwd: call({ kind: 'cwd' }),
  env: {
    TMPDIR: read(returns('tempRoot')),
    TMP: read(returns('tempRoot')),
    TEMP: read(returns('tempRoot')),
    HOME: read({ kind: 'home' }),
    USERPROFILE: read({ kind: 'home' }),
  },
  stdout: STANDARD_STREAM,
  stderr: STANDARD_STREAM,
};

const SOURCES: TraceMap<SourceInfo> = withNodePrefix({
  process: PROCESS_MODULE,
  path: PATH_MODULE,
  'path/posix': PATH_FUNCTIONS,
  'path/win32': PATH_FUNCTIONS,
  pathe: PATH_FUNCTIONS,
  upath: PATH_FUNCTIONS,
  os: { tmpdir: call(returns('tempRoot')), homedir: call({ kind: 'home' }) },
  url: { fileURLToPath: pathCall('toPath'), pathToFileURL: pathCall('toPath') },
  fs: FS_MODULE,
  'fs/promises': FS_SOURCES,
  'graceful-fs': FS_MODULE,
  'fs-extra': FS_MODULE,
  'original-fs': FS_MODULE,
  'mz/fs': FS_MODULE,
  tmp: TMP_MODULE,
  'tmp-promise': TMP_PROMISE_MODULE,
  tempy: TEMPY_MODULE,
  temp: TEMP_MODULE,
  'temp-dir': read(returns('tempRoot')),
});

// ---------------------------------------------------------------------------------------------
// Path text.

interface TextClass {
  readonly root: Root;
  readonly exactTempRoot: boolean;
}

interface PathRoots {
  readonly absolute: readonly string[];
  readonly relative: readonly string[];
}

function trimTrailingSlashes(text: string): string {
  return text.length > 1 ? text.replace(/\/+$/u, '') : text;
}

function toPathRoots(allowedPaths: readonly string[]): PathRoots {
  const absolute = [...TEMP_ROOTS];
  const relative: string[] = [];
  for (const entry of allowedPaths) {
    if (entry.trim() === '') continue;
    const normalized = trimTrailingSlashes(posix.normalize(entry.replaceAll('\\', '/')));
    if (normalized.startsWith('/')) absolute.push(normalized);
    else if (normalized !== '.' && !normalized.startsWith('..')) relative.push(normalized);
  }
  return { absolute, relative };
}

function stripFileScheme(text: string): string {
  if (text.startsWith('file://')) return text.slice('file://'.length);
  if (text.startsWith('file:')) return text.slice('file:'.length);
  return text;
}

function isWindowsAbsolute(text: string): boolean {
  return /^[a-zA-Z]:[\\/]/u.test(text) || text.startsWith('\\\\');
}

/** Whether `path` is `root` itself or below it, compared by whole path segments. */
function relationTo(path: string, root: string): 'inside' | 'equal' | 'outside' {
  if (path === root || path === `${root}/`) return 'equal';
  if (root === '/') return path.startsWith('/') ? 'inside' : 'outside';
  return path.startsWith(`${root}/`) ? 'inside' : 'outside';
}

/** Classifies a complete path string (`/tmp/x`, `./data.json`, `file:///var/db`). */
function classifyPathText(text: string, roots: PathRoots): TextClass {
  // SQLite's in-memory database name is no file at all (`':memory:'`, `'file::memory:?cache=shared'`).
  if (text === ':memory:' || text.startsWith('file::memory:')) return { root: 'temp', exactTempRoot: false };
  const path = stripFileScheme(text);
  if (STANDARD_STREAMS.has(path)) return { root: 'temp', exactTempRoot: false };
  if (path.startsWith('/')) {
    const normalized = posix.normalize(path);
    for (const root of roots.absolute) {
      const relation = relationTo(normalized, root);
      if (relation !== 'outside') return { root: 'temp', exactTempRoot: relation === 'equal' };
    }
    return { root: 'absolute', exactTempRoot: false };
  }
  if (isWindowsAbsolute(path)) return { root: 'absolute', exactTempRoot: false };
  const normalized = posix.normalize(path.replaceAll('\\', '/'));
  for (const root of roots.relative) {
    const relation = relationTo(normalized, root);
    if (relation !== 'outside') return { root: 'temp', exactTempRoot: relation === 'equal' };
  }
  return { root: 'relative', exactTempRoot: false };
}

/** Where a write to the literal path `text` lands (`/tmp/a` -> temp, `data/x` -> app, `/srv/x` -> absolute). */
export function classifyPathString(text: string, allowedPaths: readonly string[] = []): DestinationKind {
  const { root } = classifyPathText(text, toPathRoots(allowedPaths));
  return root === 'relative' ? 'app' : root;
}

function textToRooted(text: string, roots: PathRoots): PathValue {
  const { root, exactTempRoot } = classifyPathText(text, roots);
  return { type: 'rooted', root, exactTempRoot };
}

/** The root a value starts in, or its non-path nature. */
function rootOf(value: PathValue, roots: PathRoots): Root | 'descriptor' | 'unknown' {
  switch (value.type) {
    case 'text':
      return classifyPathText(value.text, roots).root;
    case 'rooted':
      return value.root;
    case 'descriptor':
      return 'descriptor';
    default:
      return 'unknown';
  }
}

function isExactTempRoot(value: PathValue, roots: PathRoots): boolean {
  if (value.type === 'rooted') return value.exactTempRoot;
  return value.type === 'text' && classifyPathText(value.text, roots).exactTempRoot;
}

/**
 * The value of `a ? x : y`, `x || y`, or a parameter fed from several call sites: temp only if
 * every alternative is; otherwise the first persistent kind found, so that a known local
 * fallback (`process.env.DIR || './uploads'`) is reported as what it is.
 */
function alternatives(values: readonly PathValue[], roots: PathRoots): PathValue {
  const [first] = values;
  if (!first) return UNKNOWN;
  if (values.every((value) => value === first)) return first;
  if (first.type === 'text' && values.every((value) => value.type === 'text' && value.text === first.text)) return first;
  const kinds = values.map((value) => rootOf(value, roots));
  if (kinds.every((kind) => kind === 'descriptor')) return DESCRIPTOR;
  if (kinds.every((kind) => kind === 'temp' || kind === 'descriptor')) {
    return values.some((value) => isExactTempRoot(value, roots)) ? TEMP_ROOT : TEMP_INSIDE;
  }
  if (kinds.includes('app')) return APP;
  if (kinds.includes('relative')) return RELATIVE;
  if (kinds.includes('absolute')) return ABSOLUTE;
  return UNKNOWN;
}

/** `a + b` on paths. Appending to the exact temp root without a separator leaves it (`/tmpfoo`). */
function append(left: PathValue, right: PathValue, roots: PathRoots): PathValue {
  if (left.type === 'text') {
    if (right.type === 'text') return { type: 'text', text: left.text + right.text };
    if (left.text === '') return right;
    return append(prefixToRooted(left.text, roots), right, roots);
  }
  if (left.type !== 'rooted') return UNKNOWN;
  if (!left.exactTempRoot) return left;
  if (right.type === 'text') {
    if (right.text === '') return left;
    if (right.text.startsWith('/') || right.text.startsWith('\\')) return TEMP_INSIDE;
    return ABSOLUTE;
  }
  return UNKNOWN;
}

/** A known start of a longer string: `'/tmp/' + x` is inside temp, `'/tmp' + x` is not provable. */
function prefixToRooted(text: string, roots: PathRoots): PathValue {
  const path = stripFileScheme(text);
  if (path.startsWith('/')) {
    const normalized = posix.normalize(path);
    for (const root of roots.absolute) {
      if (normalized.startsWith(`${root}/`)) return TEMP_INSIDE;
      if (normalized === root) return TEMP_ROOT;
    }
    return ABSOLUTE;
  }
  if (isWindowsAbsolute(path)) return ABSOLUTE;
  const normalized = posix.normalize(path.replaceAll('\\', '/'));
  for (const root of roots.relative) {
    if (normalized.startsWith(`${root}/`)) return TEMP_INSIDE;
  }
  return RELATIVE;
}

function concat(values: readonly PathValue[], roots: PathRoots): PathValue {
  let accumulated: PathValue = { type: 'text', text: '' };
  for (const value of values) accumulated = append(accumulated, value, roots);
  return accumulated;
}

/** The first segment of `path.join`: a complete path, since `join` adds the separators. */
function segmentToRooted(value: PathValue, roots: PathRoots): PathValue {
  if (value.type === 'text') return textToRooted(value.text, roots);
  return value.type === 'rooted' ? value : UNKNOWN;
}

function joinValues(values: readonly PathValue[], roots: PathRoots): PathValue {
  const leadingTexts: string[] = [];
  let index = 0;
  while (index < values.length && values[index]!.type === 'text') {
    leadingTexts.push((values[index] as { text: string }).text);
    index++;
  }
  if (index === values.length) return { type: 'text', text: posix.join(...leadingTexts) };
  const joinedText = leadingTexts.length > 0 ? posix.join(...leadingTexts) : '.';
  let head: PathValue;
  if (joinedText === '.') {
    head = segmentToRooted(values[index]!, roots);
    index++;
  } else {
    head = textToRooted(joinedText, roots);
  }
  const rest = values.slice(index);
  if (head.type !== 'rooted' || rest.length === 0) return head;
  if (head.root === 'temp' && escapesUpward(rest)) return ABSOLUTE;
  return head.exactTempRoot ? TEMP_INSIDE : head;
}

/** `join(tmpdir(), '..', 'x')` leaves the temp dir; unknown segments are assumed not to. */
function escapesUpward(segments: readonly PathValue[]): boolean {
  const texts = segments.filter((segment) => segment.type === 'text').map((segment) => (segment as { text: string }).text);
  return texts.length > 0 && posix.join(...texts).startsWith('..');
}

function isAbsoluteValue(value: PathValue): boolean {
  if (value.type === 'text') return value.text.startsWith('/') || isWindowsAbsolute(value.text);
  return value.type === 'rooted' && value.root !== 'relative';
}

/**
 * `path.resolve(...)`: the last absolute segment decides. Unknown segments after it are assumed
 * relative (a file name under the anchor); with no absolute anchor, the working directory is.
 */
function resolveValues(values: readonly PathValue[], roots: PathRoots): PathValue {
  for (let index = values.length - 1; index >= 0; index--) {
    if (isAbsoluteValue(values[index]!)) return joinValues(values.slice(index), roots);
  }
  if (values.some((value) => value.type !== 'text' && !(value.type === 'rooted' && value.root === 'relative'))) return UNKNOWN;
  return APP;
}

function fieldOf(value: PathValue, key: string): PathValue {
  if (value.type === 'record') return value.fields[key] ?? UNKNOWN;
  // A URL built from a path keeps pointing at it.
  if ((value.type === 'text' || value.type === 'rooted') && (key === 'pathname' || key === 'href')) return value;
  return UNKNOWN;
}

function toKind(value: PathValue, roots: PathRoots): DestinationKind {
  const root = rootOf(value, roots);
  if (root === 'relative') return 'app';
  return root;
}

function toPrefixKind(value: PathValue, roots: PathRoots): DestinationKind {
  return toKind(prefixValue(value, roots), roots);
}

/** The directory `mkdtemp(prefix)` creates: inside temp only when the prefix is strictly inside. */
function prefixValue(prefix: PathValue, roots: PathRoots): PathValue {
  if (prefix.type === 'text') {
    const path = stripFileScheme(prefix.text);
    if (STANDARD_STREAMS.has(path)) return ABSOLUTE;
    const rooted = prefixToRooted(path, roots);
    return rooted === TEMP_ROOT ? ABSOLUTE : rooted;
  }
  if (prefix.type !== 'rooted') return UNKNOWN;
  if (prefix.root === 'temp') return prefix.exactTempRoot ? ABSOLUTE : TEMP_INSIDE;
  return prefix;
}

// ---------------------------------------------------------------------------------------------
// The evaluator.

function isUndeclaredGlobal(variable: TSESLint.Scope.Variable | undefined): boolean {
  return !variable || (variable.scope.type === 'global' && variable.defs.length === 0);
}

function staticKey(member: TSESTree.MemberExpression, scope: TSESLint.Scope.Scope): string | undefined {
  return ASTUtils.getPropertyName(member, scope) ?? undefined;
}

type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;

function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The class whose instance `this` is at `node`: through arrows, up to a method or field of the class. */
function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      const owner = current.parent;
      if (owner?.type !== AST_NODE_TYPES.MethodDefinition && owner?.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
    }
    if (current.type === AST_NODE_TYPES.ClassBody) {
      const classNode = current.parent;
      return classNode.type === AST_NODE_TYPES.ClassDeclaration || classNode.type === AST_NODE_TYPES.ClassExpression ? classNode : undefined;
    }
    current = current.parent;
  }
  return undefined;
}

/** The chain of object keys from a destructuring pattern down to `identifier`, e.g. `{ a: { b } }` -> `['a', 'b']`. */
function patternKeys(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Node,
  root: TSESTree.Node,
): string[] | undefined {
  const keys: string[] = [];
  let current: TSESTree.Node = identifier;
  while (current !== root) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.AssignmentPattern && parent.left === current) {
      current = parent;
      continue;
    }
    if (parent.type !== AST_NODE_TYPES.Property || parent.value !== current) return undefined;
    const key = parent.computed
      ? ASTUtils.getStringIfConstant(parent.key, sourceCode.getScope(parent.key))
      : parent.key.type === AST_NODE_TYPES.Identifier
        ? parent.key.name
        : parent.key.type === AST_NODE_TYPES.Literal
          ? String(parent.key.value)
          : null;
    if (key === null || key === undefined) return undefined;
    keys.unshift(key);
    if (parent.parent.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
    current = parent.parent;
  }
  return keys;
}

/**
 * Builds the destination evaluator of one file. Module references are collected lazily, on the
 * first question, in one pass; answers are memoised per node, so the cost stays linear.
 */
export function createDestinationEvaluator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: DestinationEvaluatorOptions = {},
): DestinationEvaluator {
  const roots = toPathRoots(options.allowedPaths ?? []);
  const memo = new WeakMap<TSESTree.Node, PathValue>();
  const active = new Set<TSESTree.Node>();
  const classFields = new WeakMap<TSESTree.Node, Map<string, (TSESTree.Node | undefined)[]>>();
  let references: { calls: Map<TSESTree.Node, SourceInfo>; reads: Map<TSESTree.Node, SourceInfo> } | undefined;

  function moduleReferences(): NonNullable<typeof references> {
    if (!references) {
      const calls = new Map<TSESTree.Node, SourceInfo>();
      const reads = new Map<TSESTree.Node, SourceInfo>();
      for (const reference of iterateModuleReferences(sourceCode, SOURCES, { dynamicImports: options.dynamicImports ?? [] })) {
        if (reference.kind === 'call') calls.set(reference.node, reference.info);
        else if (reference.kind === 'read') reads.set(reference.node, reference.info);
      }
      references = { calls, reads };
    }
    return references;
  }

  function isGlobal(node: TSESTree.Node, name: string): boolean {
    return node.type === AST_NODE_TYPES.Identifier && node.name === name && isUndeclaredGlobal(findVariableOf(sourceCode, node));
  }

  function isGlobalMember(node: TSESTree.Node, object: string, property: string): boolean {
    const member = unwrapExpression(node);
    return (
      member.type === AST_NODE_TYPES.MemberExpression &&
      isGlobal(unwrapExpression(member.object), object) &&
      staticKey(member, sourceCode.getScope(member)) === property
    );
  }

  function evaluate(node: TSESTree.Node): PathValue {
    const cached = memo.get(node);
    if (cached) return cached;
    if (active.has(node) || active.size > MAX_ACTIVE) return UNKNOWN;
    active.add(node);
    try {
      const value = compute(node);
      memo.set(node, value);
      return value;
    } finally {
      active.delete(node);
    }
  }

  function compute(node: TSESTree.Node): PathValue {
    const expression = unwrapExpression(node);
    if (expression !== node) return evaluate(expression);
    const readInfo = moduleReferences().reads.get(expression);
    if (readInfo) return fromInfo(readInfo, undefined);
    if (expression.type !== AST_NODE_TYPES.Literal && expression.type !== AST_NODE_TYPES.Identifier) {
      const folded = foldStatic(expression);
      if (folded) return folded;
    }
    switch (expression.type) {
      case AST_NODE_TYPES.Literal:
        return literalValue(expression.value);
      case AST_NODE_TYPES.TemplateLiteral:
        return concat(templateParts(expression), roots);
      case AST_NODE_TYPES.BinaryExpression:
        return expression.operator === '+' ? concat([evaluate(expression.left), evaluate(expression.right)], roots) : UNKNOWN;
      case AST_NODE_TYPES.LogicalExpression:
        return expression.operator === '&&'
          ? evaluate(expression.right)
          : alternatives([evaluate(expression.left), evaluate(expression.right)], roots);
      case AST_NODE_TYPES.ConditionalExpression:
        return alternatives([evaluate(expression.consequent), evaluate(expression.alternate)], roots);
      case AST_NODE_TYPES.AwaitExpression:
        return evaluate(expression.argument);
      case AST_NODE_TYPES.SequenceExpression:
        return evaluate(expression.expressions.at(-1)!);
      case AST_NODE_TYPES.AssignmentExpression:
        return expression.operator === '=' ? evaluate(expression.right) : UNKNOWN;
      case AST_NODE_TYPES.Identifier:
        return evaluateIdentifier(expression);
      case AST_NODE_TYPES.MemberExpression:
        return evaluateMember(expression);
      case AST_NODE_TYPES.CallExpression:
        return evaluateCall(expression);
      case AST_NODE_TYPES.NewExpression:
        return evaluateNew(expression);
      default:
        return UNKNOWN;
    }
  }

  function foldStatic(expression: TSESTree.Node): PathValue | undefined {
    const folded = ASTUtils.getStaticValue(expression, sourceCode.getScope(expression));
    if (!folded) return undefined;
    if (typeof folded.value === 'string' || typeof folded.value === 'number') return literalValue(folded.value);
    return undefined;
  }

  function literalValue(value: unknown): PathValue {
    if (typeof value === 'string') return { type: 'text', text: value };
    // File descriptors 1 and 2 are stdout and stderr.
    if (value === 1 || value === 2) return TEMP_INSIDE;
    return UNKNOWN;
  }

  function templateParts(template: TSESTree.TemplateLiteral): PathValue[] {
    const parts: PathValue[] = [];
    template.quasis.forEach((quasi, index) => {
      parts.push(quasi.value.cooked === null ? UNKNOWN : { type: 'text', text: quasi.value.cooked });
      const expression = template.expressions[index];
      if (expression) parts.push(evaluate(expression));
    });
    return parts;
  }

  function evaluateIdentifier(identifier: TSESTree.Identifier): PathValue {
    const folded = foldStatic(identifier);
    if (folded) return folded;
    const variable = findVariableOf(sourceCode, identifier);
    if (isUndeclaredGlobal(variable)) {
      return identifier.name === '__dirname' || identifier.name === '__filename' ? APP : UNKNOWN;
    }
    if (!variable || variable.defs.length !== 1) return UNKNOWN;
    const definition = variable.defs[0]!;
    const moduleRead = readOfDefinition(definition);
    if (moduleRead) return fromInfo(moduleRead, undefined);
    if (definition.type === 'Parameter') {
      return definition.name.type === AST_NODE_TYPES.Identifier ? evaluateParameter(definition.node, definition.name) : UNKNOWN;
    }
    if (definition.type !== 'Variable') return UNKNOWN;
    const init = getStableInitializer(variable);
    if (init) return evaluate(init);
    const declarator = definition.node;
    const writtenLater = variable.references.some((reference) => reference.isWrite() && !reference.init);
    if (!declarator.init || writtenLater) return UNKNOWN;
    const keys = patternKeys(sourceCode, definition.name, declarator.id);
    return keys ? evaluateMemberPath(declarator.init, keys) : UNKNOWN;
  }

  function readOfDefinition(definition: TSESLint.Scope.Definition): SourceInfo | undefined {
    const { reads } = moduleReferences();
    if (definition.type === 'ImportBinding') {
      const specifier = definition.node;
      if (specifier.type === AST_NODE_TYPES.ImportSpecifier) return reads.get(specifier);
      return reads.get(definition.parent as TSESTree.Node);
    }
    if (definition.type === 'Variable') {
      const property = definition.name.parent;
      if (property?.type === AST_NODE_TYPES.Property) return reads.get(property);
    }
    return undefined;
  }

  /** Follows `a.b.c` through object literals, `process.env`, and records returned by temp libraries. */
  function evaluateMemberPath(objectNode: TSESTree.Node, keys: readonly string[]): PathValue {
    let node: TSESTree.Node | undefined = objectNode;
    let value: PathValue | undefined;
    for (const key of keys) {
      if (node) {
        if (isGlobalMember(node, 'process', 'env')) {
          node = undefined;
          value = environmentValue(key);
          continue;
        }
        const property = propertyValueNode(node, key);
        if (property) {
          node = property;
          continue;
        }
        value = fieldOf(evaluate(node), key);
        node = undefined;
      } else {
        value = fieldOf(value!, key);
      }
    }
    return node ? evaluate(node) : (value ?? UNKNOWN);
  }

  /** The node of `object.key` when `object` resolves to an object literal of this file. */
  function propertyValueNode(objectNode: TSESTree.Node, key: string, depth = 0): TSESTree.Node | undefined {
    const object = resolveObjectLiteral(objectNode, depth);
    if (!object) return undefined;
    const lookup = findProperty(sourceCode, { kind: 'object', node: object }, key);
    return lookup.kind === 'present' ? lookup.value : undefined;
  }

  function resolveObjectLiteral(node: TSESTree.Node, depth: number): TSESTree.ObjectExpression | undefined {
    if (depth > 8) return undefined;
    const resolved = resolveToDefinition(sourceCode, node);
    if (resolved.type === AST_NODE_TYPES.ObjectExpression) return resolved;
    if (resolved.type === AST_NODE_TYPES.MemberExpression) {
      const key = staticKey(resolved, sourceCode.getScope(resolved));
      const value = key === undefined ? undefined : propertyValueNode(resolved.object, key, depth + 1);
      return value ? resolveObjectLiteral(value, depth + 1) : undefined;
    }
    const source = resolveObjectSource(sourceCode, resolved);
    return source.kind === 'object' ? source.node : undefined;
  }

  function environmentValue(name: string): PathValue {
    if (TEMP_ENVIRONMENT_VARIABLES.has(name)) return TEMP_ROOT;
    if (HOME_ENVIRONMENT_VARIABLES.has(name)) return ABSOLUTE;
    return UNKNOWN;
  }

  function evaluateMember(member: TSESTree.MemberExpression): PathValue {
    const key = staticKey(member, sourceCode.getScope(member));
    if (key === undefined) return UNKNOWN;
    const object = unwrapExpression(member.object);
    if (object.type === AST_NODE_TYPES.MetaProperty) {
      // `dirname`, `filename`, `url` (Node); `dir`, `path`, `file` (Bun).
      return object.meta.name === 'import' && ['dirname', 'filename', 'url', 'dir', 'path', 'file'].includes(key) ? APP : UNKNOWN;
    }
    if (isGlobal(object, 'process') && (key === 'stdout' || key === 'stderr')) return TEMP_INSIDE;
    if (key === 'fd' && (isGlobalMember(object, 'process', 'stdout') || isGlobalMember(object, 'process', 'stderr'))) return TEMP_INSIDE;
    if (object.type === AST_NODE_TYPES.ThisExpression) return classFieldValue(object, key);
    const trackedInfo = trackedTempMember(object, key, READ);
    if (trackedInfo) return fromInfo(trackedInfo, undefined);
    return evaluateMemberPath(object, [key]);
  }

  /**
   * `this.uploadDir` inside a class: the values the class gives the field (its initialiser,
   * `this.uploadDir = ...` in its methods). A constructor parameter property is `unknown`.
   */
  function classFieldValue(thisExpression: TSESTree.ThisExpression, key: string): PathValue {
    const classNode = enclosingClass(thisExpression);
    if (!classNode) return UNKNOWN;
    let fields = classFields.get(classNode);
    if (!fields) {
      fields = collectClassFields(classNode);
      classFields.set(classNode, fields);
    }
    const values = fields.get(key);
    return values ? alternatives(values.map((value) => (value ? evaluate(value) : UNKNOWN)), roots) : UNKNOWN;
  }

  function collectClassFields(classNode: TSESTree.ClassDeclaration | TSESTree.ClassExpression): Map<string, (TSESTree.Node | undefined)[]> {
    const fields = new Map<string, (TSESTree.Node | undefined)[]>();
    const add = (name: string, value: TSESTree.Node | undefined): void => {
      const values = fields.get(name) ?? [];
      values.push(value);
      fields.set(name, values);
    };
    for (const member of classNode.body.body) {
      if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && !member.computed && member.key.type === AST_NODE_TYPES.Identifier) {
        if (member.value) add(member.key.name, member.value);
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const name = param.parameter.type === AST_NODE_TYPES.AssignmentPattern ? param.parameter.left : param.parameter;
          if (name.type === AST_NODE_TYPES.Identifier) add(name.name, undefined);
        }
      }
    }
    visitThisAssignments(classNode.body, (name, value) => add(name, value));
    return fields;
  }

  /** Calls `found` for every `this.name = value` whose `this` is the class instance (methods and arrows, not nested functions or classes). */
  function visitThisAssignments(node: TSESTree.Node, found: (name: string, value: TSESTree.Node) => void): void {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const target = node.left;
      if (target.object.type === AST_NODE_TYPES.ThisExpression) {
        const name = staticKey(target, sourceCode.getScope(target));
        if (name !== undefined) found(name, node.right);
      }
    }
    const keys = sourceCode.visitorKeys[node.type];
    if (!keys) return;
    for (const key of keys) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) visitChildThisAssignments(item, found);
      } else {
        visitChildThisAssignments(child, found);
      }
    }
  }

  /** Descends into a child node unless `this` there is not the class instance (a nested class or plain function). */
  function visitChildThisAssignments(item: unknown, found: (name: string, value: TSESTree.Node) => void): void {
    if (!item || typeof item !== 'object' || !('type' in item)) return;
    const childNode = item as TSESTree.Node;
    if (childNode.type === AST_NODE_TYPES.ClassDeclaration || childNode.type === AST_NODE_TYPES.ClassExpression) return;
    if (
      (childNode.type === AST_NODE_TYPES.FunctionExpression || childNode.type === AST_NODE_TYPES.FunctionDeclaration) &&
      childNode.parent?.type !== AST_NODE_TYPES.MethodDefinition &&
      childNode.parent?.type !== AST_NODE_TYPES.PropertyDefinition
    ) {
      return;
    }
    visitThisAssignments(childNode, found);
  }

  /** `const temp = require('temp').track(); temp.mkdirSync()`: members of the tracked module. */
  function trackedTempMember(object: TSESTree.Node, key: string, marker: typeof READ | typeof CALL): SourceInfo | undefined {
    const resolved = resolveToDefinition(sourceCode, object);
    if (resolved.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (moduleReferences().calls.get(resolved)?.kind !== 'tempTracker') return undefined;
    return Object.hasOwn(TEMP_MODULE, key) ? (TEMP_MODULE[key]![marker] as SourceInfo | undefined) : undefined;
  }

  function callInfoOf(callExpression: TSESTree.CallExpression): SourceInfo | undefined {
    const info = moduleReferences().calls.get(callExpression);
    if (info) return info;
    const callee = unwrapExpression(callExpression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const key = staticKey(callee, sourceCode.getScope(callee));
    return key === undefined ? undefined : trackedTempMember(callee.object, key, CALL);
  }

  function evaluateCall(callExpression: TSESTree.CallExpression): PathValue {
    const info = callInfoOf(callExpression);
    if (info) return fromInfo(info, callExpression);
    const callee = unwrapExpression(callExpression.callee);
    const [first] = callExpression.arguments;
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const key = staticKey(callee, sourceCode.getScope(callee));
      if (key === 'cwd' && isGlobal(unwrapExpression(callee.object), 'process')) return APP;
      if (key === 'resolve' && isGlobal(unwrapExpression(callee.object), 'require')) return APP;
      if (key === 'toString' && callExpression.arguments.length === 0) return evaluate(callee.object);
      if (key === 'concat' && !callExpression.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) {
        return concat([evaluate(callee.object), ...callExpression.arguments.map((argument) => evaluate(argument))], roots);
      }
      return UNKNOWN;
    }
    if (isGlobal(callee, 'String') && first && first.type !== AST_NODE_TYPES.SpreadElement) return evaluate(first);
    return UNKNOWN;
  }

  function argumentValues(callExpression: TSESTree.CallExpression): PathValue[] | undefined {
    if (callExpression.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    return callExpression.arguments.map((argument) => evaluate(argument));
  }

  function fromInfo(info: SourceInfo, callExpression: TSESTree.CallExpression | undefined): PathValue {
    switch (info.kind) {
      case 'home':
        return ABSOLUTE;
      case 'cwd':
        return APP;
      case 'tempTracker':
        return UNKNOWN;
      case 'path':
        return pathOperation(info.operation, callExpression);
      case 'producer':
        return info.returns ? produce(info.returns, info, callExpression) : UNKNOWN;
    }
  }

  function pathOperation(operation: PathOperation, callExpression: TSESTree.CallExpression | undefined): PathValue {
    if (operation === 'separator') return { type: 'text', text: '/' };
    if (!callExpression) return UNKNOWN;
    const values = argumentValues(callExpression);
    if (!values) return UNKNOWN;
    const [first] = values;
    switch (operation) {
      case 'join':
        return joinValues(values, roots);
      case 'resolve':
        return resolveValues(values, roots);
      case 'relative':
        return RELATIVE;
      case 'normalize':
        if (first?.type === 'text') return { type: 'text', text: posix.normalize(first.text) };
        return first ?? UNKNOWN;
      case 'dirname':
        if (first?.type === 'text') return { type: 'text', text: posix.dirname(first.text) };
        if (first?.type === 'rooted') return first.exactTempRoot ? ABSOLUTE : first;
        return UNKNOWN;
      case 'basename':
        if (first?.type === 'text') return { type: 'text', text: posix.basename(first.text) };
        return RELATIVE;
      case 'toPath':
        return first ?? UNKNOWN;
    }
  }

  function produce(produced: Produced, info: SourceInfo, callExpression: TSESTree.CallExpression | undefined): PathValue {
    switch (produced) {
      case 'tempRoot':
        return TEMP_ROOT;
      case 'descriptor':
        return DESCRIPTOR;
      case 'tempPath':
        return movedRoot(info, callExpression) ?? TEMP_INSIDE;
      case 'tempRecord': {
        const moved = movedRoot(info, callExpression);
        return moved ? { type: 'record', fields: { name: moved, path: moved, fd: DESCRIPTOR } } : TEMP_RECORD;
      }
      case 'prefixPath':
      case 'prefixRecord': {
        const prefixNode = callExpression?.arguments[0];
        const directory =
          prefixNode && prefixNode.type !== AST_NODE_TYPES.SpreadElement ? prefixValue(evaluate(prefixNode), roots) : UNKNOWN;
        return produced === 'prefixPath' ? directory : { type: 'record', fields: { path: directory } };
      }
    }
  }

  /** `tmp.fileSync({ tmpdir: './data' })`, `temp.mkdirSync({ dir: './x' })`: the option replaces the temp root. */
  function movedRoot(info: SourceInfo, callExpression: TSESTree.CallExpression | undefined): PathValue | undefined {
    if (info.kind !== 'producer' || !info.rootOption || !callExpression) return undefined;
    const [first] = callExpression.arguments;
    if (!first || first.type === AST_NODE_TYPES.SpreadElement || isFunctionNode(unwrapExpression(first))) return undefined;
    const source = getArgumentObject(sourceCode, callExpression, 0);
    if (source.kind !== 'object') return undefined;
    const lookup = findProperty(sourceCode, source, info.rootOption);
    if (lookup.kind !== 'present') return undefined;
    const root = evaluate(lookup.value);
    if (rootOf(root, roots) === 'temp') return TEMP_INSIDE;
    return root.type === 'text' ? textToRooted(root.text, roots) : root.type === 'rooted' ? root : UNKNOWN;
  }

  function evaluateNew(newExpression: TSESTree.NewExpression): PathValue {
    if (!isGlobal(unwrapExpression(newExpression.callee), 'URL')) return UNKNOWN;
    const [input, base] = newExpression.arguments;
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const inputValue = evaluate(input);
    if (inputValue.type === 'text' && inputValue.text.startsWith('file:')) return inputValue;
    // `new URL(import.meta.url)`: a URL of a known location.
    if (inputValue.type === 'rooted' && inputValue.root !== 'relative') return inputValue;
    if (!base || base.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
    const baseValue = evaluate(base);
    if (inputValue.type === 'text' && inputValue.text.startsWith('/')) return rootOf(baseValue, roots) === 'unknown' ? UNKNOWN : inputValue;
    const baseRoot = rootOf(baseValue, roots);
    if (baseRoot === 'app') return APP;
    if (baseRoot === 'temp') return TEMP_INSIDE;
    if (baseRoot === 'absolute') return ABSOLUTE;
    return UNKNOWN;
  }

  function evaluateParameter(functionNode: TSESTree.Node, name: TSESTree.Identifier): PathValue {
    if (!isFunctionNode(functionNode)) return UNKNOWN;
    const located = locateParameter(functionNode, name);
    if (!located) return UNKNOWN;
    const { index, keys, defaultValue } = located;
    const parent = functionNode.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(functionNode as TSESTree.CallExpressionArgument)) {
      const received = callbackValue(parent, index);
      return received ? applyKeys(received, keys) : UNKNOWN;
    }
    if (keys.length > 0) return UNKNOWN;
    return callSiteValue(functionNode, index, defaultValue);
  }

  function applyKeys(value: PathValue, keys: readonly string[]): PathValue {
    return keys.reduce((current, key) => fieldOf(current, key), value);
  }

  function locateParameter(
    functionNode: FunctionNode,
    name: TSESTree.Identifier,
  ): { index: number; keys: string[]; defaultValue: TSESTree.Expression | undefined } | undefined {
    for (const [index, param] of functionNode.params.entries()) {
      if (param === name) return { index, keys: [], defaultValue: undefined };
      if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name) return { index, keys: [], defaultValue: param.right };
      if (param.type === AST_NODE_TYPES.ObjectPattern || param.type === AST_NODE_TYPES.AssignmentPattern) {
        const keys = patternKeys(sourceCode, name, param);
        if (keys) return { index, keys, defaultValue: undefined };
      }
    }
    return undefined;
  }

  /** What a callback parameter receives from a known producer, or from `promise.then(cb)`. */
  function callbackValue(callExpression: TSESTree.CallExpression, index: number): PathValue | undefined {
    const info = callInfoOf(callExpression);
    if (info?.kind === 'producer') {
      const produced = info.callbackParams?.[index];
      return produced ? produce(produced, info, callExpression) : undefined;
    }
    const callee = unwrapExpression(callExpression.callee);
    if (
      index === 0 &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      staticKey(callee, sourceCode.getScope(callee)) === 'then' &&
      callExpression.arguments[0] &&
      isFunctionNode(unwrapExpression(callExpression.arguments[0]))
    ) {
      return evaluate(callee.object);
    }
    return undefined;
  }

  /**
   * A parameter of a function of this file: the values its call sites pass. A function that
   * escapes (exported, passed as a value) can be called with anything, so it adds `unknown`.
   */
  function callSiteValue(functionNode: FunctionNode, index: number, defaultValue: TSESTree.Expression | undefined): PathValue {
    const parent = functionNode.parent;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === functionNode) {
      return argumentAt(parent, index, defaultValue);
    }
    const variable = functionVariable(functionNode);
    if (!variable) return UNKNOWN;
    const values: PathValue[] = [];
    if (isExported(functionNode)) values.push(UNKNOWN);
    for (const reference of variable.references) {
      if (reference.init) continue;
      const identifier = reference.identifier;
      const callExpression = identifier.parent;
      if (callExpression?.type === AST_NODE_TYPES.CallExpression && callExpression.callee === identifier) {
        values.push(argumentAt(callExpression, index, defaultValue));
      } else {
        values.push(UNKNOWN);
      }
      if (values.length > 32) break;
    }
    return alternatives(values, roots);
  }

  function argumentAt(callExpression: TSESTree.CallExpression, index: number, defaultValue: TSESTree.Expression | undefined): PathValue {
    const args = callExpression.arguments;
    if (args.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return UNKNOWN;
    const argument = args[index];
    if (argument) return evaluate(argument);
    return defaultValue ? evaluate(defaultValue) : UNKNOWN;
  }

  function functionVariable(functionNode: FunctionNode): TSESLint.Scope.Variable | undefined {
    if (functionNode.type === AST_NODE_TYPES.FunctionDeclaration) {
      return functionNode.id ? sourceCode.getDeclaredVariables(functionNode).find((variable) => variable.name === functionNode.id!.name) : undefined;
    }
    const declarator = functionNode.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== functionNode || declarator.id.type !== AST_NODE_TYPES.Identifier) {
      return undefined;
    }
    const variable = sourceCode.getDeclaredVariables(declarator)[0];
    return variable && getStableInitializer(variable) ? variable : undefined;
  }

  function isExported(functionNode: FunctionNode): boolean {
    let current: TSESTree.Node | undefined = functionNode.parent;
    if (current?.type === AST_NODE_TYPES.VariableDeclarator) current = current.parent?.parent;
    return current?.type === AST_NODE_TYPES.ExportNamedDeclaration || current?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
  }

  return {
    classify: (node) => toKind(evaluate(node), roots),
    classifyPrefix: (node) => toPrefixKind(evaluate(node), roots),
  };
}
