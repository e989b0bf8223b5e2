import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { isLazyInitialisation, lazyTargetKey } from '../../src/analysis/lazy-init.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** For every assignment of the code, in source order: is it a lazy one-time initialisation? */
function lazyAssignments(code: string, parser: ParserName = 'ts'): boolean[] {
  const assignments: TSESTree.AssignmentExpression[] = [];
  return runInRule(
    code,
    parser,
    () => assignments.map((assignment) => isLazyInitialisation(assignment.left)),
    () => ({ AssignmentExpression: (node: TSESTree.AssignmentExpression) => void assignments.push(node) }),
  );
}

describe('isLazyInitialisation', () => {
  it.each<[string, boolean[]]>([
    ['x ??= create();', [true]],
    ['x ||= create();', [true]],
    ['x &&= create();', [false]],
    ['x = create();', [false]],
    ['if (!x) x = create();', [true]],
    ['if (!x) { x = create(); x.on("error", log); }', [true]],
    ['if (x == null) { x = create(); }', [true]],
    ['if (x === undefined) x = create();', [true]],
    ['if (null === x) x = create();', [true]],
    ['if (x === void 0) x = create();', [true]],
    ["if (typeof x === 'undefined') x = create();", [true]],
    ['if (x === null || x === undefined) x = create();', [true]],
    ['if (!x && enabled) x = create();', [true]],
    ['if (!x || expired) x = create();', [false]],
    ['if (!x) { x = a(); } else { x = b(); }', [true, false]],
    ['if (x) { use(x); } else { x = create(); }', [true]],
    ['if (x) { x = other(); }', [false]],
    ['function f() { if (x) return x; x = create(); return x; }', [true]],
    ['function f() { if (x !== undefined) { return x; } const o = load(); x = create(o); return x; }', [true]],
    ['function f() { if (x && fresh) return x; x = create(); return x; }', [false]],
    ['function f() { if (x) log(x); x = create(); }', [false]],
    ['function f() { if (x) return x; try { x = open(); } catch (e) { throw e; } return x; }', [true]],
    ['function f() { return x || (x = create()); }', [true]],
    ['function f() { return x ?? (x = create()); }', [true]],
    ['function f() { return y || (x = create()); }', [false]],
    ['x = x || create();', [true]],
    ['x = x ?? create();', [true]],
    ['x = x ? x : create();', [true]],
    ['x = y || create();', [false]],
    ['globalThis.prisma ??= new PrismaClient();', [true]],
    ['if (!globalThis.db) globalThis.db = connect();', [true]],
    ['global.__db = global.__db || connect();', [true]],
    ['(globalThis as any).prisma ??= new PrismaClient();', [true]],
    ['if (!(globalThis as any).db) (globalThis as any).db = connect();', [true]],
    ['cache[key] ??= compute(key);', [false]],
    ['if (!cache[key]) cache[key] = compute(key);', [false]],
    ["cache['main'] ??= connect();", [true]],
    ["globalThis[Symbol.for('app.db')] ??= connect();", [true]],
    ["if (!globalThis[Symbol.for('app.db')]) globalThis[Symbol.for('app.db')] = connect();", [true]],
    ["globalThis[Symbol.for(name)] ??= connect();", [false]],
    ["globalThis[Symbol('x')] ??= connect();", [false]],
    ['class A { static get() { if (!this.instance) this.instance = new A(); return this.instance; } }', [true]],
    ['while (!x) { x = tryCreate(); }', [false]],
    ['function f() { if (done) return y; done = true; y = create(); return y; }', [true, true]],
    ['function f() { if (!done) { done = true; y = create(); } return y; }', [true, true]],
    ['function f() { if (done) return y; y = create(); }', [false]],
    ['function f() { if (!done) { y = create(); } }', [false]],
    ['function f() { if (done) return y; done = false; y = create(); }', [true, false]],
    ['function f() { if (!done) return; done = true; y = create(); }', [false, false]],
    ['if (!x) { items.forEach(() => { x = create(); }); }', [false]],
  ])('%s', (code, expected) => {
    expect(lazyAssignments(code)).toEqual(expected);
  });

  it.each<ParserName>(['esm', 'cjs'])('works under espree (%s)', (parser) => {
    expect(lazyAssignments('let x;\nfunction f() { if (!x) x = 1; x = 2; return x ??= 3; }', parser)).toEqual([true, false, true]);
  });
});

describe('lazyTargetKey', () => {
  it('names static paths and refuses computed ones', () => {
    const keys = runInRule('a; this.b.c; globalThis["d"]; e[f]; g().h; (i as any).j!.k;', 'ts', (sourceCode) =>
      sourceCode.ast.body.map((statement) => (statement.type === AST_NODE_TYPES.ExpressionStatement ? lazyTargetKey(statement.expression) : null)),
    );
    expect(keys).toEqual(['a', 'this.b.c', 'globalThis.d', undefined, undefined, 'i.j.k']);
  });
});
