import { describe, expect, it } from 'vitest';
import type { TSESTree } from '@typescript-eslint/utils';
import { allowStoresSchema, createStoreAllowList, storeCalleeNames } from '../../src/analysis/allowed-stores.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** `storeCalleeNames` of the callee of the last `new` expression in the code. */
function namesOfLastNew(code: string, parser: ParserName): string[] {
  const constructions: TSESTree.NewExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const construction = constructions.at(-1);
      if (!construction) throw new Error('no new expression');
      return storeCalleeNames(sourceCode, construction.callee);
    },
    () => ({ NewExpression: (node: TSESTree.NewExpression) => void constructions.push(node) }),
  );
}

describe('storeCalleeNames', () => {
  it.each<[string, ParserName, string[]]>([
    ['new FileStore();', 'esm', ['FileStore']],
    ['new session.MemoryStore();', 'cjs', ['session.MemoryStore', 'MemoryStore']],
    ["new session['MemoryStore']();", 'esm', ["session['MemoryStore']", 'MemoryStore']],
    ["const k = 'MemoryStore'; new session[k]();", 'esm', ['session[k]', 'MemoryStore']],
    ['new session[k]();', 'esm', ['session[k]']],
    ['new a.b.C();', 'esm', ['a.b.C', 'C']],
    ['new (FileStore as any)();', 'ts', ['FileStore']],
    ['new (session.MemoryStore!)();', 'ts', ['session.MemoryStore', 'MemoryStore']],
    ["new (require('memorystore')(session))();", 'cjs', ["require('memorystore')(session)"]],
  ])('%s (%s)', (code, parser, expected) => {
    expect(namesOfLastNew(code, parser)).toEqual(expected);
  });
});

describe('createStoreAllowList', () => {
  it('allows a store when any of its names is listed', () => {
    const isAllowed = createStoreAllowList(['FileStore', 'session-file-store']);
    expect(isAllowed(['FileStore'])).toBe(true);
    expect(isAllowed(['memorystore', 'MemoryStore', 'session-file-store'])).toBe(true);
    expect(isAllowed(['MemoryStore', 'session.MemoryStore'])).toBe(false);
    expect(isAllowed([])).toBe(false);
  });

  it('allows nothing without a list', () => {
    expect(createStoreAllowList()(['MemoryStore'])).toBe(false);
    expect(createStoreAllowList([])(['MemoryStore'])).toBe(false);
  });

  it('matches names exactly', () => {
    const isAllowed = createStoreAllowList(['MemoryStore']);
    expect(isAllowed(['session.MemoryStore'])).toBe(false);
    expect(isAllowed(['memorystore'])).toBe(false);
  });
});

describe('allowStoresSchema', () => {
  it('is a unique string array carrying the rule’s description', () => {
    expect(allowStoresSchema('Stores the team declares shared.')).toEqual({
      type: 'array',
      items: { type: 'string' },
      uniqueItems: true,
      description: 'Stores the team declares shared.',
    });
  });
});
