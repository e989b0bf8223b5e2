import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  declarationLoads,
  importEqualsLoads,
  mayCallGetBuiltinModule,
  moduleIdPattern,
  requireCallsMayLoad,
} from '../../src/analysis/module-presence.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

const TRACKED: ReadonlySet<string> = new Set(['fs', 'node:fs']);

/** Which of the presence tests answer `true` for the file. */
function presence(code: string, parser: ParserName): string[] {
  return runInRule(code, parser, (sourceCode) => {
    const globalScope = sourceCode.getScope(sourceCode.ast);
    const found: string[] = [];
    for (const statement of sourceCode.ast.body) {
      const node = statement as TSESTree.Node;
      if (
        (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.type === 'ExportNamedDeclaration') &&
        'source' in node &&
        node.source &&
        declarationLoads(node, TRACKED)
      ) {
        found.push('declaration');
      }
      if (node.type === 'TSImportEqualsDeclaration' && importEqualsLoads(node, TRACKED)) found.push('importEquals');
    }
    if (requireCallsMayLoad(globalScope, TRACKED)) found.push('require');
    if (mayCallGetBuiltinModule(globalScope)) found.push('getBuiltinModule');
    return found;
  });
}

describe('module presence', () => {
  it.each<[string, ParserName, string[]]>([
    ["import { writeFile } from 'node:fs';", 'esm', ['declaration']],
    ["export * from 'fs';", 'esm', ['declaration']],
    ["import path from 'path'; export { join } from 'path';", 'esm', []],
    ["import { createRequire } from 'module';", 'esm', ['declaration']],
    ["import fs = require('fs');", 'ts', ['importEquals']],
    ["import path = require('path');", 'ts', []],
    ["const fs = require('fs');", 'cjs', ['require']],
    ["const fs = require('fs');", 'esm', ['require']],
    ["const p = require('path');", 'cjs', []],
    ["const m = require(name);", 'cjs', ['require']],
    ["function f(require) { require('fs'); }", 'cjs', []],
    ["process.getBuiltinModule('path');", 'esm', ['getBuiltinModule']],
    ["process[key]('fs');", 'esm', ['getBuiltinModule']],
    ["process['env'].X;", 'esm', []],
    ["process.env.X;", 'esm', []],
  ])('%s (%s)', (code, parser, expected) => {
    expect(presence(code, parser)).toEqual(expected);
  });

  it('builds an esquery pattern that matches exactly the tracked ids and the module built-in', () => {
    const pattern = new RegExp(moduleIdPattern(new Set(['fs', 'fs/promises', 'a.b'])));
    for (const id of ['fs', 'fs/promises', 'a.b', 'module', 'node:module']) expect(pattern.test(id)).toBe(true);
    for (const id of ['fsx', 'xfs', 'aXb', 'fs/promise']) expect(pattern.test(id)).toBe(false);
  });
});
