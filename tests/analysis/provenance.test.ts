import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { createProvenance, type Provenance } from '../../src/analysis/provenance.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

function describeProvenance(provenance: Provenance): string {
  switch (provenance.kind) {
    case 'container':
      return `container:${provenance.container}`;
    case 'frozen':
      return provenance.deep ? 'frozen:deep' : 'frozen:shallow';
    case 'global':
      return `global:${provenance.name}`;
    case 'class':
      return 'class';
    default:
      return provenance.kind;
  }
}

function moduleVariable(scope: TSESLint.Scope.Scope, name: string): TSESLint.Scope.Variable | undefined {
  for (const candidate of [scope, ...scope.childScopes]) {
    const variable = candidate.set.get(name);
    if (variable && variable.defs.length > 0) return variable;
  }
  return undefined;
}

/** The provenance of the module binding `probe`. */
function provenanceOf(code: string, parser: ParserName = 'ts'): string {
  return runInRule(code, parser, (sourceCode) => {
    const variable = moduleVariable(sourceCode.getScope(sourceCode.ast), 'probe');
    if (!variable) throw new Error('no binding named probe');
    return describeProvenance(createProvenance(sourceCode).ofVariable(variable));
  });
}

describe('createProvenance: plain containers', () => {
  it.each<[string, string]>([
    ['const probe = {};', 'container:object'],
    ['const probe = [];', 'container:array'],
    ['const probe = [...other];', 'container:array'],
    ['const probe = { ...defaults, a: 1 };', 'container:object'],
    ['const probe = new Map();', 'container:map'],
    ['const probe = new Map<string, number>([["a", 1]]);', 'container:map'],
    ['const probe = new Set();', 'container:set'],
    ['const probe = new WeakMap();', 'container:weakmap'],
    ['const probe = new WeakSet();', 'container:weakset'],
    ['const probe = new Array(3);', 'container:array'],
    ['const probe = Array(3);', 'container:array'],
    ['const probe = new Object();', 'container:object'],
    ['const probe = Array.from(items);', 'container:array'],
    ['const probe = Array.of(1, 2);', 'container:array'],
    ['const probe = Object.fromEntries(pairs);', 'container:object'],
    ['const probe = Object.create(null);', 'container:object'],
    ['const probe = Object.keys(config);', 'container:array'],
    ['const probe = Object.assign({}, defaults);', 'container:object'],
    ['const probe = structuredClone([1, 2]);', 'container:array'],
    ['const probe = structuredClone(input);', 'container:data'],
    ['const probe = JSON.parse(text);', 'container:data'],
    ["const probe = 'a,b'.split(',');", 'container:array'],
    ['const probe = [3, 1].sort();', 'container:array'],
    ['const base = [1];\nconst probe = base.filter(Boolean);', 'container:array'],
    ['const probe = globalThis.cache ?? new Map();', 'container:map'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });
});

describe('createProvenance: wrappers are seen through', () => {
  it.each<[string, string]>([
    ['const probe = {} as Record<string, User>;', 'container:object'],
    ['const probe = new Map() satisfies Map<string, number>;', 'container:map'],
    ['const probe = (<User[]>[]);', 'container:array'],
    ['const probe = ([])!;', 'container:array'],
    ['const probe = ((new Set()));', 'container:set'],
    ['const state = { list: [] };\nconst probe = state?.list;', 'container:array'],
    ['const state = { users: new Map() };\nconst probe = (state as State).users!;', 'container:map'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });
});

describe('createProvenance: Flow casts are seen through (hermes-eslint)', () => {
  it.each<[string, string]>([
    ['const probe = (new Map(): Map<string, User>);', 'container:map'],
    ['const probe = ([]: Array<User>);', 'container:array'],
    ['const probe = {} as {[string]: User};', 'container:object'],
    ['const probe = { a: [1] } as const;', 'frozen:deep'],
    ['const ROLES = ({ admin: [1] }: any) as const;\nconst probe = ROLES.admin;', 'frozen:deep'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code, 'flow')).toBe(expected);
  });
});

describe('createProvenance: frozen, global, imported, class', () => {
  it.each<[string, string]>([
    ['const probe = Object.freeze({ a: 1 });', 'frozen:shallow'],
    ['const probe = { a: [1] } as const;', 'frozen:deep'],
    ["const probe = ['a', 'b'] as const;", 'frozen:deep'],
    ['const ROLES = { admin: [1] } as const;\nconst probe = ROLES.admin;', 'frozen:deep'],
    ['const base = Object.freeze({ list: [] });\nconst probe = base.list;', 'container:array'],
    ['const probe = globalThis;', 'global:globalThis'],
    ['const probe = global as unknown as { prisma: unknown };', 'global:global'],
    ["import probe from './config.js';", 'imported'],
    ["import * as probe from './config.js';", 'imported'],
    ["import { probe } from './config.js';", 'imported'],
    ["const probe = require('./config');", 'imported'],
    ["const { probe } = require('./store');", 'imported'],
    ["const probe = require('./store').items;", 'imported'],
    ["const probe = await import('./store.js');", 'imported'],
    ['class probe { static x = []; }', 'class'],
    ['const probe = class { static x = []; };', 'class'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });
});

describe('createProvenance: members of containers', () => {
  it.each<[string, string]>([
    ['const state = { users: {}, list: [] };\nconst probe = state.users;', 'container:object'],
    ['const state = { list: [] };\nconst probe = state.other;', 'element'],
    ['const state = { list: [] };\nconst probe = state[key];', 'element'],
    ['const state = { list: [], ...more };\nconst probe = state.list;', 'element'],
    ['const state = { ...more, list: [] };\nconst probe = state.missing;', 'element'],
    ['const state = { redis: new Redis() };\nconst probe = state.redis;', 'unknown'],
    ['const list = [];\nconst probe = list[0];', 'element'],
    ['const probe = globalThis.cache;', 'element'],
    ['class A { static items = new Set(); }\nconst probe = A.items;', 'container:set'],
    ['class A { static items = load(); }\nconst probe = A.items;', 'unknown'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });
});

describe('createProvenance: regular expressions and everything else', () => {
  it.each<[string, string]>([
    ['const probe = /a+/g;', 'regexp'],
    ["const probe = new RegExp('a+', 'g');", 'regexp'],
    ["const probe = RegExp('a+');", 'regexp'],
    ['const probe = new Redis();', 'unknown'],
    ['const probe = pino();', 'unknown'],
    ['const probe = express.Router();', 'unknown'],
    ['const probe = createStore();', 'unknown'],
    ['const probe = 0;', 'unknown'],
    ['const probe = () => {};', 'unknown'],
    ['const probe = await connect();', 'unknown'],
    ['const probe = items.map((x) => x);', 'unknown'],
    ['class Map {}\nconst probe = new Map();', 'unknown'],
    ['let probe = [];\nprobe = load();', 'unknown'],
    ['let probe;\nfunction f() { probe++; }', 'unknown'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });
});

describe('createProvenance: bindings written more than once', () => {
  it.each<[string, string]>([
    ['let probe = [];\nfunction reset() { probe = []; }', 'container:array'],
    ['let probe = [];\nfunction prune() { probe = probe.filter(Boolean); }', 'container:array'],
    ['let probe;\nfunction get() { return probe ??= new Map(); }', 'container:map'],
    ['let probe = null;\nfunction get() { if (!probe) probe = new Set(); return probe; }\nfunction close() { probe = null; }', 'container:set'],
    ['let probe = new Map();\nfunction f() { probe = new Set(); }', 'unknown'],
  ])('%s', (code, expected) => {
    expect(provenanceOf(code)).toBe(expected);
  });

  it.each<ParserName>(['esm', 'cjs', 'ts'])('works under every parser (%s)', (parser) => {
    expect(provenanceOf('const probe = new Map();', parser)).toBe('container:map');
    expect(provenanceOf('const probe = Object.freeze({});', parser)).toBe('frozen:shallow');
  });

  it('answers for an expression', () => {
    const kinds = runInRule('const x = [1];\nuse(x.slice(), new WeakSet(), (x));', 'esm', (sourceCode) => {
      const statement = sourceCode.ast.body[1];
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) throw new Error('shape');
      const analysis = createProvenance(sourceCode);
      return statement.expression.arguments.map((argument) => describeProvenance(analysis.ofExpression(argument)));
    });
    expect(kinds).toEqual(['container:array', 'container:weakset', 'container:array']);
  });
});
