import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { insertImportStatements, planImport, type ImportRequest } from '../../src/analysis/import-insertion.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

const TMPDIR: ImportRequest = { moduleIds: ['os', 'node:os'], source: 'node:os', exportName: 'tmpdir', localName: 'os' };

/** Plans the `tmpdir` import as seen from the `target` identifier of the code. */
function plan(code: string, parser: ParserName): ReturnType<typeof planImport> {
  const targets: TSESTree.Identifier[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => planImport(sourceCode, targets[0]!, TMPDIR),
    () => ({
      Identifier(node: TSESTree.Identifier) {
        if (node.name === 'target') targets.push(node);
      },
    }),
  );
}

/** Applies `insertImportStatements` as an autofix and returns the fixed code. */
function insert(code: string, parser: ParserName, statements: readonly string[]): string {
  const rule: TSESLint.RuleModule<'insert', []> = {
    defaultOptions: [],
    meta: { type: 'problem', fixable: 'code', messages: { insert: 'insert' }, schema: [] },
    create(context) {
      return {
        Program(node) {
          // verifyAndFix re-runs the rule on its output: report only until the statements are in.
          if (statements.length > 0 && context.sourceCode.text.includes(statements[0]!)) return;
          context.report({ node, messageId: 'insert', fix: (fixer) => insertImportStatements(fixer, context.sourceCode, statements) ?? null });
        },
      };
    },
  };
  const languageOptions: Linter.LanguageOptions =
    parser === 'ts'
      ? { parser: tsParser as Linter.Parser }
      : { parser: espree as Linter.Parser, ecmaVersion: 'latest', sourceType: parser === 'esm' ? 'module' : 'commonjs' };
  const result = new Linter({ configType: 'flat' }).verifyAndFix(
    code,
    [{ files: ['**/*.js', '**/*.ts'], languageOptions, plugins: { t: { rules: { insert: rule as never } } }, rules: { 't/insert': 'error' } }],
    parser === 'ts' ? 'file.ts' : 'file.js',
  );
  return result.output;
}

describe('planImport', () => {
  it.each<[string, ParserName, { expression: string; statement?: string } | undefined]>([
    ["import os from 'os'; target;", 'esm', { expression: 'os.tmpdir' }],
    ["import * as nodeOs from 'node:os'; target;", 'esm', { expression: 'nodeOs.tmpdir' }],
    ["import { tmpdir as t } from 'node:os'; target;", 'esm', { expression: 't' }],
    ["const os = require('os'); target;", 'cjs', { expression: 'os.tmpdir' }],
    ["const { tmpdir } = require('node:os'); target;", 'cjs', { expression: 'tmpdir' }],
    ["import os = require('os'); target;", 'ts', { expression: 'os.tmpdir' }],
    ["import fs from 'fs'; target;", 'esm', { expression: 'os.tmpdir', statement: "import * as os from 'node:os';" }],
    ["const fs = require('fs'); target;", 'esm', { expression: 'os.tmpdir', statement: "const os = require('node:os');" }],
    ['target;', 'cjs', { expression: 'os.tmpdir', statement: "const os = require('node:os');" }],
    ['target;', 'esm', { expression: 'os.tmpdir', statement: "import * as os from 'node:os';" }],
    ["import type { tmpdir } from 'os'; target;", 'ts', { expression: 'os.tmpdir', statement: "import * as os from 'node:os';" }],
    ["const os = 'x'; target;", 'esm', undefined],
    ["import os from 'os'; function f(os) { target; }", 'esm', undefined],
    ["import os from 'os'; import { tmpdir } from 'os'; function f(tmpdir) { target; }", 'esm', { expression: 'os.tmpdir' }],
  ])('%s (%s)', (code, parser, expected) => {
    expect(plan(code, parser)).toEqual(expected);
  });
});

describe('insertImportStatements', () => {
  it.each<[string, ParserName, string]>([
    ["import fs from 'fs';\nfs.x();", 'esm', "import fs from 'fs';\nimport * as os from 'node:os';\nfs.x();"],
    ["'use strict';\nconst fs = require('fs');\nconst app = 1;", 'cjs', "'use strict';\nconst fs = require('fs');\nconst os = require('node:os');\nconst app = 1;"],
    ["'use strict';\nrun();", 'cjs', "'use strict';\nconst os = require('node:os');\nrun();"],
    ['run();', 'esm', "import * as os from 'node:os';\nrun();"],
    ["import fs = require('fs');\nrun();", 'ts', "import fs = require('fs');\nimport * as os from 'node:os';\nrun();"],
  ])('%j (%s)', (code, parser, expected) => {
    const statement = expected.includes('require(\'node:os\')') ? "const os = require('node:os');" : "import * as os from 'node:os';";
    expect(insert(code, parser, [statement])).toBe(expected);
  });

  it('adds nothing without statements', () => {
    expect(insert('run();', 'esm', [])).toBe('run();');
  });

  it('adds several statements in one fix', () => {
    expect(insert("const fs = require('fs');", 'cjs', ["const os = require('node:os');", "const path = require('node:path');"])).toBe(
      "const fs = require('fs');\nconst os = require('node:os');\nconst path = require('node:path');",
    );
  });
});
