import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { createBindingIndex } from '../../src/analysis/binding-index.js';
import { mayLeadToMutation, mutationSitesOf, type MutationSite } from '../../src/analysis/mutation-sites.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

function describeSite(site: MutationSite): string {
  const path = site.path.map((segment) => (segment.element ? '[]' : (segment.key ?? '?'))).join('.');
  const detail = site.kind === 'method' ? site.method : site.kind === 'function' ? site.name : site.node.type;
  const via = site.via ? ` via@${site.via.loc.start.column}` : '';
  return `${site.kind}:${detail}:${path}@${site.node.loc.start.line}${via}`;
}

/** The mutation sites reached from every reference to the module binding `state`. */
/** The module binding named `state` (in the global scope of a script, the module scope of a module). */
function stateOf(sourceCode: Readonly<TSESLint.SourceCode>): TSESLint.Scope.Variable {
  const scopes: TSESLint.Scope.Scope[] = [sourceCode.getScope(sourceCode.ast), ...sourceCode.getScope(sourceCode.ast).childScopes];
  const variable = scopes.map((scope) => scope.set.get('state')).find((candidate) => candidate && candidate.defs.length > 0);
  if (!variable) throw new Error('no binding named state');
  return variable;
}

function sites(code: string, parser: ParserName = 'ts', methods?: ReadonlySet<string>): string[] {
  return runInRule(code, parser, (sourceCode) => {
    const scopes: TSESLint.Scope.Scope[] = [sourceCode.getScope(sourceCode.ast), ...sourceCode.getScope(sourceCode.ast).childScopes];
    const variable = stateOf(sourceCode);
    const moduleScopes = new Set(scopes.filter((scope) => scope.block.type === AST_NODE_TYPES.Program));
    const options = { followAlias: (alias: TSESLint.Scope.Variable) => !moduleScopes.has(alias.scope), bindings: createBindingIndex(sourceCode), methods };
    return variable.references
      .filter((reference) => !reference.init && reference.isRead())
      .flatMap((reference) => [...mutationSitesOf(sourceCode, reference.identifier, options)].map(describeSite));
  });
}

describe('mutationSitesOf', () => {
  it.each<[string, string[]]>([
    ['const state = {};\nstate.a = 1;', ['write:AssignmentExpression:a@2']],
    ['const state = {};\nstate.a.b[c] += 1;', ['write:AssignmentExpression:a.b.?@2']],
    ['const state = {};\nstate.count++;', ['write:UpdateExpression:count@2']],
    ['const state = {};\ndelete state[key];', ['write:UnaryExpression:?@2']],
    ['const state = {};\n[state.a, ...state.b] = list;', ['write:MemberExpression:a@2', 'write:MemberExpression:b@2']],
    ['const state = {};\n({ x: state.x = 1 } = o);', ['write:MemberExpression:x@2']],
    ['const state = {};\nfor (state.k in o) {}\nfor (state.v of l) {}', ['write:MemberExpression:k@2', 'write:MemberExpression:v@3']],
    ['const state = [];\nstate.push(1);', ['method:push:@2']],
    ['const state = { list: [] };\nstate.list.push(1);', ['method:push:list@2']],
    ['const state = new Map();\nstate.get(k).count++;', ['write:UpdateExpression:[].count@2']],
    ['const state = new Map();\nstate.get(k)?.push(1);', ['method:push:[]@2']],
    ['const state = [];\nstate.find(f).done = true;', ['write:AssignmentExpression:[].done@2']],
    ['const state = {};\nObject.assign(state, patch);', ['function:Object.assign:@2']],
    ['const state = {};\nReflect.deleteProperty(state.a, "b");', ['function:Reflect.deleteProperty:a@2']],
    ['const state = {};\nObject.assign(copy, state);', []],
    ['const state = {};\nconst Object = {};\nObject.assign(state, patch);', []],
    ['const state = [];\n[...state].push(1);', []],
    ['const state = [];\nstate.slice().push(1);', ['method:slice:@2']],
    ['const state = new Map();\nnew Map(state).set(1, 2);', []],
    ['const state = {};\nlocal[state.key] = 1;', []],
    ['const state = {};\nuse(state.a);', []],
    ['const state = (x as any);\n(state as any).a = 1;\nstate!.b = 2;', ['write:AssignmentExpression:a@2', 'write:AssignmentExpression:b@3']],
    ['const state = { list: [] };\nfunction f() { const list = state.list; list.push(1); }', ['method:push:list@2']],
    ['const state = { list: [] };\nfunction f() { const { list: l, m: { n } } = state; l.pop(); n.x = 1; }', ['method:pop:list@2', 'write:AssignmentExpression:m.n.x@2']],
    ['const state = { list: [] };\nfunction f() { let list = state.list; list = []; list.push(1); }', []],
    ['const state = {};\nconst alias = state;\nalias.x = 1;', []],
    ['const state = [];\nfunction f() { for (const job of state) job.done = true; }', ['write:AssignmentExpression:[].done@2']],
    ['const state = [];\nfunction f() { state.forEach((job) => { job.n++; }); }', ['method:forEach:@2', 'write:UpdateExpression:[].n@2']],
    ['const state = new Map();\nfunction add(map, k) { map.set(k, 1); }\nfunction f() { add(state, 1); }', ['method:set:@2 via@15']],
    ['const state = {};\nconst touch = (o) => { o.seen = 1; };\ntouch(state);', ['write:AssignmentExpression:seen@2 via@0']],
    ['const state = {};\nfunction g(...rest) { rest[0].x = 1; }\ng(state);', []],
    ['const state = {};\nimported(state);', []],
    // hung on the request by one handler, changed through it by another; not through a copy, a write of the property itself, or another name
    ['const state = { pets: [] };\nfunction load(req) { req.pet = state.pets[0]; }\nfunction rename(req) { req.pet.name = 1; }', ['write:AssignmentExpression:pets.0.name@3']],
    ['const state = { pets: [] };\nfunction load(req) { req.pet = { ...state.pets[0] }; }\nfunction rename(req) { req.pet.name = 1; }', []],
    ['const state = { pets: [] };\nfunction load(req) { req.pet = state.pets[0]; }\nfunction clear(req) { req.pet = null; }', []],
    ['const state = { pets: [] };\nfunction load(owner) { owner.pet = state.pets[0]; }\nfunction rename(owner) { owner.pet.name = 1; }', []],
  ])('%s', (code, expected) => {
    expect(sites(code)).toEqual(expected);
  });

  it.each<ParserName>(['esm', 'cjs'])('works under espree (%s)', (parser) => {
    expect(sites('const state = { a: [] };\nfunction f() { state.a.push(1); delete state.b; }', parser)).toEqual(['method:push:a@2', 'write:UnaryExpression:b@2']);
  });
});

describe('mutationSitesOf with a method filter', () => {
  const methods = new Set(['push', 'set']);

  it('makes method sites only for the listed methods and keeps every other kind of site', () => {
    const code = 'const state = { list: [], map: new Map() };\nstate.list.push(1);\nstate.list.includes(1);\nstate.map.set(k, v);\nstate.map.get(k).n = 1;\nstate.x = 2;';
    expect(sites(code, 'ts', methods)).toEqual(['method:push:list@2', 'method:set:map@4', 'write:AssignmentExpression:map.[].n@5', 'write:AssignmentExpression:x@6']);
  });

  it('still follows forEach callbacks when forEach itself is not listed', () => {
    expect(sites('const state = [];\nstate.forEach((item) => { item.seen = true; });', 'ts', methods)).toEqual(['write:AssignmentExpression:[].seen@2']);
  });
});

describe('mayLeadToMutation', () => {
  const methods = new Set(['push', 'set']);

  /** For each read of `state`: [the source of its parent, mayLeadToMutation, whether the walk (with a method filter) finds a site]. */
  function firstLook(code: string): [string, boolean, boolean][] {
    return runInRule(code, 'ts', (sourceCode) => {
      const variable = stateOf(sourceCode);
      const options = { followAlias: () => true, bindings: createBindingIndex(sourceCode), methods };
      return variable.references
        .filter((reference) => !reference.init && reference.isRead())
        .map((reference) => [
          sourceCode.getText(reference.identifier.parent),
          mayLeadToMutation(reference.identifier),
          mutationSitesOf(sourceCode, reference.identifier, options).length > 0,
        ]);
    });
  }

  it('lets a walk start from members, arguments, initialisers and assigned values, never skipping a site the walk finds', () => {
    const code = `const state = { list: [], map: new Map() };
state.info('x');
state.list.push(1);
state.get(k).n = 1;
state.x = 2;
use(state);
const alias = state;
let holder;
holder = state;
if (state) log(typeof state, state + 1);
export default state;`;
    const looks = firstLook(code);
    expect(looks.map(([parent, mayLead]) => [parent, mayLead])).toEqual([
      ['state.info', true],
      ['state.list', true],
      ['state.get', true],
      ['state.x', true],
      ['use(state)', true],
      ['alias = state', true],
      ['holder = state', true],
      ['if (state) log(typeof state, state + 1);', false],
      ['typeof state', false],
      ['state + 1', false],
      ['export default state;', false],
    ]);
    for (const [parent, mayLead, walkFinds] of looks) expect({ parent, skipped: !mayLead && walkFinds }).toEqual({ parent, skipped: false });
  });
});
