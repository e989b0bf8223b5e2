import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  BROWSER_FOLDERS,
  BUILD_MODULES,
  BROWSER_GLOBALS,
  CLIENT_PACKAGE,
  EXPORTS_SOMETHING,
  INFRASTRUCTURE_MODULE,
  MIDDLEWARE_MODULE,
  NODE_SERVER_MODULES,
  REGISTERS_MIDDLEWARE,
  SERVER_START,
  TEST_FOLDERS,
  TEST_GLOBALS,
  TEST_MODULES,
  TEST_NAME,
  TOOL_FOLDERS,
  TOOL_MODULES,
  VENDORED_FOLDERS,
  VENDORED_NAME,
} from './file-role/catalog.js';
import { topLevelModuleIds } from './file-role/imports.js';
import { bundlerMarker, libraryBanner, minifiedShape } from './file-role/text-shape.js';
import { globalReferencesByName } from './module-references.js';

/**
 * What a file is, decided from its own path and content: service code (runs in the service
 * process, where every rule applies), or one of the roles whose code never runs there. See
 * docs/file-roles.md for every signal and its traps.
 */
export const FILE_ROLES = ['service', 'vendored', 'browser', 'test', 'tool', 'infrastructure'] as const;
export type FileRole = (typeof FILE_ROLES)[number];
export type NonServiceRole = Exclude<FileRole, 'service'>;
export const NON_SERVICE_ROLES: readonly NonServiceRole[] = ['vendored', 'browser', 'test', 'tool', 'infrastructure'];

export interface FileRoleVerdict {
  readonly role: FileRole;
  /** The signal that decided it, for people: `minified (average line length 812)`, `imports aws-cdk-lib`. */
  readonly reason: string;
}

const SERVICE: FileRoleVerdict = { role: 'service', reason: 'service code' };

/** What a file's path says: its folder names (relative to the working directory) and its base name. */
interface FilePath {
  readonly folders: readonly string[];
  readonly name: string;
}

/**
 * Folder names count only below the working directory, so that a checkout under `~/client/` or
 * `/srv/www/` does not make every file a browser file.
 */
export function filePathOf(filename: string, cwd: string): FilePath {
  // ESLint passes absolute paths under its cwd: slicing avoids path.relative's two resolves per file.
  const under = cwd && filename.startsWith(cwd) && (filename[cwd.length] === path.sep || filename[cwd.length] === '/');
  const relative = under ? filename.slice(cwd.length + 1) : cwd ? path.relative(cwd, filename) : filename;
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const parts = (inside ? relative : path.basename(filename)).split(/[\\/]/u);
  const name = parts.pop() ?? '';
  return { folders: parts.map((part) => part.toLowerCase()), name };
}

function folderIn(filePath: FilePath, folders: ReadonlySet<string>): string | undefined {
  return filePath.folders.find((folder) => folders.has(folder));
}

/** What the file's top-level statements load, once for all signals. */
interface Loads {
  readonly ids: readonly string[];
  find(test: (id: string) => boolean): string | undefined;
}

function loadsOf(program: TSESTree.Program): Loads {
  const ids = topLevelModuleIds(program);
  return { ids, find: (test) => ids.find(test) };
}

function isTestModule(id: string): boolean {
  return TEST_MODULES.has(id) || id.startsWith('@testing-library/');
}

function isNodeServerModule(id: string): boolean {
  return NODE_SERVER_MODULES.has(id.startsWith('node:') ? id.slice('node:'.length) : id) || id.startsWith('node:');
}

function vendoredReason(sourceCode: Readonly<TSESLint.SourceCode>, filePath: FilePath): string | null {
  const folder = folderIn(filePath, VENDORED_FOLDERS);
  if (folder) return `in a ${folder}/ folder`;
  if (VENDORED_NAME.test(filePath.name)) return `built file name ${filePath.name}`;
  const marker = bundlerMarker(sourceCode.text);
  if (marker) return `bundler output (${marker})`;
  return libraryBanner(sourceCode) ?? minifiedShape(sourceCode);
}

/** A call of an undeclared test-runner global: `describe(...)`, `it(...)`, `expect(x)`, `jest.fn()`. */
function testGlobalCalled(globals: ReadonlyMap<string, TSESTree.Identifier[]>): string | null {
  for (const name of TEST_GLOBALS) {
    for (const identifier of globals.get(name) ?? []) {
      const parent = identifier.parent;
      const called = parent.type === AST_NODE_TYPES.CallExpression && parent.callee === identifier;
      const used = parent.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier;
      if (called || used) return `calls the test global ${name}`;
    }
  }
  return null;
}

function testReason(filePath: FilePath, loads: Loads, globals: ReadonlyMap<string, TSESTree.Identifier[]>): string | null {
  if (TEST_NAME.test(filePath.name)) return `test file name ${filePath.name}`;
  const folder = folderIn(filePath, TEST_FOLDERS);
  if (folder) return `in a ${folder}/ folder`;
  const testModule = loads.find(isTestModule);
  if (testModule) return `imports ${testModule}`;
  return testGlobalCalled(globals);
}

function toolReason(sourceCode: Readonly<TSESLint.SourceCode>, filePath: FilePath, loads: Loads): string | null {
  let signal: string | null = null;
  if (sourceCode.text.startsWith('#!')) signal = 'a shebang script';
  else {
    const toolModule = loads.find((id) => TOOL_MODULES.has(id));
    if (toolModule) signal = `imports ${toolModule}`;
    else {
      const folder = folderIn(filePath, TOOL_FOLDERS);
      if (folder) signal = `in a ${folder}/ folder`;
      else {
        const buildModule = loads.find((id) => BUILD_MODULES.has(id));
        const isBuildScript =
          buildModule !== undefined &&
          !EXPORTS_SOMETHING.test(sourceCode.text) &&
          !REGISTERS_MIDDLEWARE.test(sourceCode.text) &&
          loads.find((id) => MIDDLEWARE_MODULE.test(id)) === undefined;
        if (isBuildScript) signal = `a build script (imports ${buildModule}, exports nothing)`;
      }
    }
  }
  // Express-generator's `bin/www` is a shebang script and the server's entry point.
  if (signal === null || SERVER_START.test(sourceCode.text)) return null;
  return `${signal} that starts no server`;
}

/** The function (or program) a node runs in. */
function enclosingFunction(node: TSESTree.Node): TSESTree.Node {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      current.type === AST_NODE_TYPES.Program
    ) {
      return current;
    }
    current = current.parent;
  }
  return node;
}

function isTypeofOperand(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  return parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'typeof';
}

/**
 * A browser global used where no `typeof` check guards it. A `typeof window` test guards every use
 * in the function that makes it, and in the functions inside it; one at the top level guards the
 * whole file: that is how an isomorphic module keeps its browser half off the server.
 */
function unguardedBrowserGlobal(globals: ReadonlyMap<string, TSESTree.Identifier[]>): string | null {
  const guards = new Set<TSESTree.Node>();
  const uses: TSESTree.Identifier[] = [];
  for (const name of BROWSER_GLOBALS) {
    for (const identifier of globals.get(name) ?? []) {
      if (isTypeofOperand(identifier)) guards.add(enclosingFunction(identifier));
      else uses.push(identifier);
    }
  }
  for (const use of uses) {
    let guarded = false;
    for (let scope: TSESTree.Node | undefined = enclosingFunction(use); ; scope = scope.parent && enclosingFunction(scope)) {
      if (guards.has(scope)) {
        guarded = true;
        break;
      }
      if (scope.type === AST_NODE_TYPES.Program || scope.parent === undefined) break;
    }
    if (!guarded) return `uses the browser global ${use.name} (line ${use.loc.start.line})`;
  }
  return null;
}

const REACT_MODULES: ReadonlySet<string> = new Set(['react', 'react-dom', 'preact']);
/** Next.js renders these on the server: a page with data loaders, a server action, a component under the app router's `app/`. */
const SERVER_RENDERED = /\bget(?:ServerSideProps|StaticProps|InitialProps)\b|['"]use server['"]/u;

/** A React component module of a client bundle: it loads React, renders JSX, and nothing says it renders on the server. */
function reactComponent(sourceCode: Readonly<TSESLint.SourceCode>, filePath: FilePath, loads: Loads): string | null {
  if (!loads.find((id) => REACT_MODULES.has(id)) || filePath.folders.includes('app')) return null;
  if (!sourceCode.ast.tokens.some((token) => token.type === 'JSXIdentifier')) return null;
  return SERVER_RENDERED.test(sourceCode.text) ? null : 'a React component module';
}

const BROWSER_ENVIRONMENT = /^\s*eslint-env\b[^\n]*\bbrowser\b/u;

function browserSignal(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filePath: FilePath,
  loads: Loads,
  globals: ReadonlyMap<string, TSESTree.Identifier[]>,
): string | null {
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    if (statement.directive === 'use client') return "a 'use client' module";
  }
  // An environment comment heads the file; reading only the comments before the first token
  // keeps files full of JSDoc blocks from paying one regular-expression test per block.
  const codeStart = sourceCode.ast.tokens[0]?.range[0] ?? Infinity;
  for (const comment of sourceCode.ast.comments ?? []) {
    if (comment.range[0] > codeStart) break;
    if (comment.type === 'Block' && BROWSER_ENVIRONMENT.test(comment.value)) return 'an eslint-env browser comment';
  }
  const global = unguardedBrowserGlobal(globals);
  if (global) return global;
  const folder = folderIn(filePath, BROWSER_FOLDERS);
  if (folder) return `in a ${folder}/ folder`;
  const component = reactComponent(sourceCode, filePath, loads);
  if (component) return component;
  const packagesAt = filePath.folders.indexOf('packages');
  const packageName = packagesAt >= 0 ? filePath.folders[packagesAt + 1] : undefined;
  if (packageName && CLIENT_PACKAGE.test(packageName)) return `in the client package ${packageName}`;
  return null;
}

/** Every global name a signal reads, looked up in one pass. */
const SIGNAL_GLOBALS: ReadonlySet<string> = new Set([...BROWSER_GLOBALS, ...TEST_GLOBALS]);

/**
 * The file's role. Signals are tried from the most certain (a bundle is never service code) to
 * the weakest; a browser signal gives way when the file also loads Node.js server modules,
 * because code that does both runs on the server. Everything else is service code.
 */
export function classifyFile(sourceCode: Readonly<TSESLint.SourceCode>, filename: string, cwd: string): FileRoleVerdict {
  const filePath = filePathOf(filename, cwd);
  const vendored = vendoredReason(sourceCode, filePath);
  if (vendored) return { role: 'vendored', reason: vendored };

  const loads = loadsOf(sourceCode.ast);
  const globalScope = sourceCode.scopeManager?.globalScope;
  const globals = globalScope ? globalReferencesByName(globalScope, SIGNAL_GLOBALS) : new Map<string, TSESTree.Identifier[]>();
  const test = testReason(filePath, loads, globals);
  if (test) return { role: 'test', reason: test };

  const infrastructure = loads.find((id) => INFRASTRUCTURE_MODULE.test(id));
  if (infrastructure) return { role: 'infrastructure', reason: `imports ${infrastructure}` };

  const tool = toolReason(sourceCode, filePath, loads);
  if (tool) return { role: 'tool', reason: tool };

  const browser = browserSignal(sourceCode, filePath, loads, globals);
  if (browser && !loads.find(isNodeServerModule)) return { role: 'browser', reason: browser };
  return SERVICE;
}

/**
 * The one piece of state the plugin keeps between rules: each file's verdict, computed by the
 * first rule that asks and reused by the other four. It is keyed by the file's `SourceCode`, which
 * ESLint creates anew for every file (and every fix pass), holds nothing but what that one file
 * determines, and is dropped with the file, so results cannot depend on the order, the thread
 * (`--concurrency`) or an earlier run (`--cache`).
 */
const verdicts = new WeakMap<object, FileRoleVerdict>();

export function fileRoleOf(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileRoleVerdict {
  const sourceCode = context.sourceCode;
  let verdict = verdicts.get(sourceCode);
  if (verdict === undefined) {
    verdict = classifyFile(sourceCode, context.filename, context.cwd);
    // eslint-disable-next-line stateless/no-mutable-module-state -- a per-file memo keyed by the file itself, see above
    verdicts.set(sourceCode, verdict);
  }
  return verdict;
}
