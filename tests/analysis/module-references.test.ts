import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, READ, isGlobalReference, iterateModuleReferences, iterateValueReferences, withNodePrefix, type TraceMap } from '../../src/analysis/module-references.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

const TRACE: TraceMap<string> = withNodePrefix({
  fs: { writeFile: { [CALL]: 'fs.writeFile' }, promises: { writeFile: { [CALL]: 'fs.promises.writeFile' } } },
  'fs/promises': { writeFile: { [CALL]: 'fsp.writeFile' } },
  'express-session': { [CALL]: 'session', MemoryStore: { [CONSTRUCT]: 'MemoryStore' } },
  os: { tmpdir: { [READ]: 'tmpdir-read' } },
});

function found(code: string, parser: ParserName, requireWrappers?: ReadonlySet<string>): string[] {
  const dynamicImports: TSESTree.ImportExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) =>
      [...iterateModuleReferences(sourceCode, TRACE, { dynamicImports, ...(requireWrappers ? { requireWrappers } : {}) })].map(
        (reference) => `${reference.kind}:${reference.path.join('.')}@${reference.node.loc.start.line}`,
      ),
    () => ({ ImportExpression: (node: TSESTree.ImportExpression) => void dynamicImports.push(node) }),
  );
}

describe('iterateModuleReferences', () => {
  it.each<[string, ParserName, string[]]>([
    ["import fs from 'fs'; fs.writeFile('a', 'b');", 'esm', ['call:fs.writeFile@1']],
    ["import * as fs from 'node:fs'; fs.writeFile('a', 'b');", 'esm', ['call:node:fs.writeFile@1']],
    ["import { writeFile as w } from 'fs/promises'; w('a');", 'esm', ['call:fs/promises.writeFile@1']],
    ["import { promises as p } from 'fs'; p.writeFile('a');", 'esm', ['call:fs.promises.writeFile@1']],
    ["import fs from 'fs'; fs.promises.writeFile('a');", 'esm', ['call:fs.promises.writeFile@1']],
    ["const fs = require('fs'); fs.writeFile('a');", 'cjs', ['call:fs.writeFile@1']],
    ["const fs = require('fs'); fs.writeFile('a');", 'esm', ['call:fs.writeFile@1']],
    ["const { writeFile: w } = require('node:fs'); w('a');", 'cjs', ['call:node:fs.writeFile@1']],
    ["require('fs').promises.writeFile('a');", 'esm', ['call:fs.promises.writeFile@1']],
    ["const p = require('fs').promises;\nfunction f() { const q = p; q.writeFile('a'); }", 'cjs', ['call:fs.promises.writeFile@2']],
    ["function f(require) { require('fs').writeFile('a'); }", 'cjs', []],
    ["const require = () => ({}); require('fs').writeFile('a');", 'esm', []],
    ["import { createRequire } from 'node:module'; const req = createRequire(import.meta.url); req('fs').writeFile('a');", 'esm', ['call:fs.writeFile@1']],
    ["const fs = process.getBuiltinModule('fs'); fs.writeFile('a');", 'esm', ['call:fs.writeFile@1']],
    ["const fs = process['getBuiltinModule']('fs'); fs.writeFile('a');", 'esm', ['call:fs.writeFile@1']],
    ["const { createRequire } = require('node:module'); const req = createRequire(__filename); req('fs').writeFile('a');", 'cjs', ['call:fs.writeFile@1']],
    ["const req = require('module').createRequire(__filename); req('fs').writeFile('a');", 'cjs', ['call:fs.writeFile@1']],
    ["const fs = require(`fs`); fs.writeFile('a');", 'cjs', ['call:fs.writeFile@1']],
    ["const id = 'fs'; const fs = require(id); fs.writeFile('a');", 'cjs', ['call:fs.writeFile@1']],
    ["const fs = require(42); fs.writeFile('a');", 'cjs', []],
    ["import fs = require('fs'); fs.writeFile('a');", 'ts', ['call:fs.writeFile@1']],
    ["export import fs = require('fs'); fs.writeFile('a');", 'ts', ['call:fs.writeFile@1']],
    ["import type fs = require('fs'); declare const f: typeof fs;", 'ts', []],
    ["import path = require('path'); path.join('a');", 'ts', []],
    ["import { join } from 'path'; const fs = require('fs'); fs.writeFile(join('a'));", 'esm', ['call:fs.writeFile@1']],
    ["export * from 'fs'; import { writeFile } from 'fs'; writeFile('a');", 'esm', ['call:fs.writeFile@1']],
    ["import type { MemoryStore } from 'express-session'; let x: MemoryStore;", 'ts', []],
    ["import session, { MemoryStore } from 'express-session'; session({ store: new MemoryStore() });", 'esm', ['call:express-session@1', 'construct:express-session.MemoryStore@1']],
    ["const session = require('express-session'); new session.MemoryStore();", 'cjs', ['construct:express-session.MemoryStore@1']],
    ["const fs = await import('node:fs'); fs.writeFile('a');", 'esm', ['call:node:fs.writeFile@1']],
    ["const { writeFile } = await import('fs/promises'); writeFile('a');", 'esm', ['call:fs/promises.writeFile@1']],
    ["import os from 'os'; const d = os.tmpdir;", 'esm', ['read:os.tmpdir@1']],
  ])('%s (%s)', (code, parser, expected) => {
    expect(found(code, parser).sort()).toEqual([...expected].sort());
  });
});

/** `isGlobalReference` of every `require` identifier that is called, in order. */
describe('iterateModuleReferences with require wrappers', () => {
  const wrappers = new Set(['safeRequire']);

  it.each<[string, ParserName, string[]]>([
    // declared in the file, imported, or a global; followed like require
    ["function safeRequire(id) { try { return require(id); } catch { return undefined; } }\nconst session = safeRequire('express-session');\napp.use(session());", 'cjs', ['call:express-session@3']],
    ["import { safeRequire } from './util.js';\nconst { writeFile } = safeRequire('fs');\nwriteFile('a', 'b');", 'esm', ['call:fs.writeFile@3']],
    ["safeRequire('fs').writeFile('a', 'b');", 'esm', ['call:fs.writeFile@1']],
    // a local binding of the same name inside a function is another function
    ["function f(safeRequire) { safeRequire('fs').writeFile('a', 'b'); }", 'cjs', []],
  ])('%s (%s)', (code, parser, expected) => {
    expect(found(code, parser, wrappers)).toEqual(expected);
  });

  it('reads nothing through a wrapper that is not named', () => {
    expect(found("safeRequire('fs').writeFile('a', 'b');", 'esm')).toEqual([]);
  });
});

describe('iterateValueReferences', () => {
  /** The calls of `bundle` on the value of the first `make()` call, as `path@line`. */
  function bundles(code: string): string[] {
    const made: TSESTree.CallExpression[] = [];
    return runInRule(
      code,
      'cjs',
      (sourceCode) =>
        [...iterateValueReferences(sourceCode, made[0]!, { bundle: { [CALL]: 'bundle' } })].map((reference) => `${reference.path.join('.')}@${reference.node.loc.start.line}`),
      () => ({
        CallExpression(node: TSESTree.CallExpression) {
          if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'make') made.push(node);
        },
      }),
    );
  }

  it.each<[string, string[]]>([
    ['make().bundle();', ['bundle@1']],
    ['const b = make();\nb.bundle();\nb.bundle();', ['bundle@2', 'bundle@3']],
    ['let b;\nb = make();\nb.bundle();', ['bundle@3']],
    ['const { bundle } = make();\nbundle();', ['bundle@2']],
    // a call result is another value, and so is a copy
    ['make().transform(t).bundle();', []],
    ['const b = { ...make() };\nb.bundle();', []],
  ])('%s', (code, expected) => {
    expect(bundles(code)).toEqual(expected);
  });
});

function requireCallsAreGlobal(code: string, parser: ParserName): boolean[] {
  const callees: TSESTree.Identifier[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => callees.map((callee) => isGlobalReference(sourceCode, callee)),
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') callees.push(node.callee);
      },
    }),
  );
}

describe('isGlobalReference', () => {
  it.each<[string, ParserName, boolean[]]>([
    ["require('m');", 'cjs', [true]],
    ["require('m');", 'esm', [true]],
    ["require('m');", 'ts', [true]],
    ["function f() { require('m'); }", 'cjs', [true]],
    ["function f(require) { require('m'); }\nrequire('n');", 'cjs', [false, true]],
    ["const require = load(); require('m');", 'esm', [false]],
    ["import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nrequire('m');", 'esm', [false]],
    ["require = patched; require('m');", 'cjs', [false]],
  ])('%s (%s)', (code, parser, expected) => {
    expect(requireCallsAreGlobal(code, parser)).toEqual(expected);
  });
});
