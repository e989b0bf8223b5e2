import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRunTimeCode } from '../../src/analysis/runtime-code.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** For every `HERE` identifier of the code, in source order: `run` when it sits in run-time code, `load` otherwise. */
function phases(code: string, parser: ParserName = 'esm'): string[] {
  const markers: TSESTree.Identifier[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const runTime = createRunTimeCode(sourceCode);
      return markers.map((marker) => (runTime.isRunTime(marker) ? 'run' : 'load'));
    },
    () => ({
      Identifier(node: TSESTree.Identifier) {
        if (node.name === 'HERE') markers.push(node);
      },
    }),
  );
}

describe('createRunTimeCode: module load', () => {
  it.each<[string, string]>([
    ['module body', 'HERE;'],
    ['top-level block, loop and condition', 'if (a) { for (const x of y) { HERE; } }'],
    ['function IIFE', '(function () { HERE; })();'],
    ['arrow IIFE', '(() => { HERE; })();'],
    ['async IIFE behind void', 'void (async () => { await x; HERE; })();'],
    ['negated IIFE', '!function () { HERE; }();'],
    ['IIFE called with .call', '(function () { HERE; }).call(this);'],
    ['nested IIFE', '(() => { (() => { HERE; })(); })();'],
    ['synchronous array callback at top level', "['a', 'b'].forEach((x) => HERE);"],
    ['reduce callback at top level', 'list.reduce((acc, x) => HERE, {});'],
    ['Array.from mapper at top level', 'Array.from(list, (x) => HERE);'],
    ['promise executor at top level', 'new Promise((resolve) => { HERE; });'],
    ['then callback of a start-up call', 'connect().then((client) => { HERE; });'],
    ['catch callback of a start-up call', 'connect().catch(() => { HERE; });'],
    ['static block', 'class A { static { HERE; } }'],
    ['static field initialiser', 'class A { static x = HERE; }'],
    ['computed key of a method', 'class A { [HERE]() {} }'],
    ['function only called at top level', 'function init() { HERE; }\ninit();'],
    ['async function only awaited at top level', 'async function main() { HERE; }\nawait main();'],
    ['const arrow only called at top level', 'const setup = () => { HERE; };\nsetup().catch(console.error);'],
    ['callback inside a load-time function', "function init() { ['a'].forEach(() => HERE); }\ninit();"],
  ])('%s', (_name, code) => {
    expect(phases(code)).toEqual(['load']);
  });
});

describe('createRunTimeCode: run time', () => {
  it.each<[string, string]>([
    ['function declaration', 'function f() { HERE; }'],
    ['exported function called at top level too', 'export function f() { HERE; }\nf();'],
    ['function also passed as a callback', 'function f() { HERE; }\nf();\napp.get("/", f);'],
    ['arrow callback of a request handler', "app.get('/', (req, res) => { HERE; });"],
    ['setInterval callback', 'setInterval(() => { HERE; }, 1000);'],
    ['event listener', "process.on('SIGTERM', () => { HERE; });"],
    ['method', 'class A { m() { HERE; } }'],
    ['static method', 'class A { static m() { HERE; } }'],
    ['constructor', 'class A { constructor() { HERE; } }'],
    ['getter', 'const o = { get x() { return HERE; } };'],
    ['instance field initialiser', 'class A { x = HERE; }'],
    ['arrow in a static field', 'class A { static f = () => HERE; }'],
    ['parameter default', 'function f(a = HERE) {}'],
    ['generator IIFE (its body does not run)', '(function* () { HERE; })();'],
    ['array callback inside a handler', "function h() { ['a'].forEach(() => HERE); }"],
    ['IIFE inside a handler', 'function h() { (() => { HERE; })(); }'],
    ['then callback inside a handler', 'function h() { load().then(() => { HERE; }); }'],
    ['recursive function called at top level', 'function walk() { HERE; walk(); }\nwalk();'],
    ['object method', 'export default { handle() { HERE; } };'],
  ])('%s', (_name, code) => {
    expect(phases(code)).toEqual(['run']);
  });

  it.each<ParserName>(['esm', 'cjs', 'ts'])('classifies several places in one file (%s)', (parser) => {
    const code = [
      'HERE;',
      'function handler() { HERE; }',
      '(async () => { HERE; })();',
      'class A { static { HERE; } method() { HERE; } }',
      "module.exports = { run: () => HERE };",
    ].join('\n');
    expect(phases(code, parser)).toEqual(['load', 'run', 'load', 'load', 'run', 'run']);
  });
});

describe('createRunTimeCode: enclosingFunction', () => {
  it('returns the innermost function, parameters included', () => {
    const markers: TSESTree.Identifier[] = [];
    const names = runInRule(
      'HERE;\nfunction outer(a = HERE) { const inner = () => HERE; }',
      'esm',
      (sourceCode) => {
        const runTime = createRunTimeCode(sourceCode);
        return markers.map((marker) => runTime.enclosingFunction(marker)?.type ?? 'none');
      },
      () => ({
        Identifier(node: TSESTree.Identifier) {
          if (node.name === 'HERE') markers.push(node);
        },
      }),
    );
    expect(names).toEqual(['none', 'FunctionDeclaration', 'ArrowFunctionExpression']);
  });
});
