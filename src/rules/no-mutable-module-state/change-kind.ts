import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isNothing, lazyTargetKey } from '../../analysis/lazy-init.js';
import type { MutationSite } from '../../analysis/mutation-sites.js';
import { staticMemberKey } from '../../analysis/provenance.js';
import { skipWrapperParents, unwrapExpression } from '../../analysis/unwrap.js';
import { CHAIN_METHODS } from './catalog.js';

/**
 * What a write does to the state:
 * - `accumulate`: adds to it or counts (`++`, `+=`, `push`, `set` with a computed key, `x = x.concat(y)`);
 * - `remove`: takes a part out (`delete m[k]`, `m.delete(k)`, `pop`, `shift`);
 * - `replace`: puts a whole new value in place (`settings = s`, `config.port = p`, `Object.assign(config, o)`);
 * - `reset`: empties it (`x = null`, `m.clear()`, `list.length = 0`).
 */
export type ChangeKind = 'accumulate' | 'remove' | 'replace' | 'reset';

export interface Change {
  readonly kind: ChangeKind;
  /** The value put into the state, when the write names one. */
  readonly value?: TSESTree.Node;
  /** The new value is computed from the old one (`x = x.concat(y)`, `list = list.filter(f)`). */
  readonly fromItself?: boolean;
  /** `x = x.then(...)`: a promise chain that queues work behind the earlier work. */
  readonly chain?: boolean;
  /** `m[k] = m[k] || make()`, `m[k] ??= make()`: an entry made once per key, `value` being what is made. */
  readonly entry?: boolean;
}

const ADDING_METHODS: ReadonlySet<string> = new Set(['add', 'push', 'set', 'splice', 'unshift']);
const REMOVING_METHODS: ReadonlySet<string> = new Set(['delete', 'pop', 'shift']);

function isStaticKey(node: TSESTree.Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || typeof node.value === 'number';
  return node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0;
}

/** Whether `expression` reads the target `key` (`client`, `stats.total`), outside nested functions. */
function mentions(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node, key: string): boolean {
  const pending: TSESTree.Node[] = [expression];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if ((node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.MemberExpression) && lazyTargetKey(node) === key) return true;
    if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    for (const childKey of sourceCode.visitorKeys[node.type] ?? []) {
      if (node.type === AST_NODE_TYPES.MemberExpression && childKey === 'property' && !node.computed) continue;
      if (node.type === AST_NODE_TYPES.Property && childKey === 'key' && !node.computed) continue;
      const child = (node as unknown as Record<string, unknown>)[childKey];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof item === 'object' && 'type' in item) pending.push(item as TSESTree.Node);
      }
    }
  }
  return false;
}

/** `x = x.then(...)`, `x = x.catch(...).then(...)`. */
function isChainOn(value: TSESTree.Node, key: string): boolean {
  let inner = unwrapExpression(value);
  while (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(inner.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !CHAIN_METHODS.has(staticMemberKey(callee) ?? '')) return false;
    inner = unwrapExpression(callee.object);
    if (lazyTargetKey(inner) === key) return true;
  }
  return false;
}

/** `make()` in `m[k] = m[k] || make()`: the entry is kept when it is there, and made once otherwise. */
function keptEntryFallback(sourceCode: Readonly<TSESLint.SourceCode>, assignment: TSESTree.AssignmentExpression): TSESTree.Node | undefined {
  const right = unwrapExpression(assignment.right);
  if (right.type !== AST_NODE_TYPES.LogicalExpression || (right.operator !== '||' && right.operator !== '??')) return undefined;
  return sourceCode.getText(unwrapExpression(right.left)) === sourceCode.getText(unwrapExpression(assignment.left)) ? right.right : undefined;
}

/** `options = { ...options, ...overrides }`: the old value merged into a new one under static keys, as settings are. */
function isSelfMerge(right: TSESTree.Node, key: string): boolean {
  const inner = unwrapExpression(right);
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const keepsOld = inner.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement && lazyTargetKey(property.argument) === key);
  return keepsOld && inner.properties.every((property) => property.type === AST_NODE_TYPES.SpreadElement || !property.computed);
}

function assignmentChange(sourceCode: Readonly<TSESLint.SourceCode>, assignment: TSESTree.AssignmentExpression, keyed: boolean): Change {
  const { operator, right } = assignment;
  const key = lazyTargetKey(assignment.left);
  if (operator === '??=' || operator === '||=') return keyed ? { kind: 'accumulate', value: right, entry: true } : { kind: 'replace', value: right };
  if (operator === '&&=') return { kind: keyed ? 'accumulate' : 'replace', value: right };
  if (operator !== '=') return { kind: 'accumulate', value: right };
  if (keyed) {
    const made = keptEntryFallback(sourceCode, assignment);
    return made ? { kind: 'accumulate', value: made, entry: true } : { kind: 'accumulate', value: right };
  }
  if (isNothing(right)) return { kind: 'reset' };
  const target = assignment.left;
  if (target.type === AST_NODE_TYPES.MemberExpression && staticMemberKey(target) === 'length') return { kind: 'reset' };
  if (key !== undefined && isChainOn(right, key)) return { kind: 'accumulate', value: right, fromItself: true, chain: true };
  if (key !== undefined && isSelfMerge(right, key)) return { kind: 'replace', value: right };
  if (key !== undefined && mentions(sourceCode, right, key)) return { kind: 'accumulate', value: right, fromItself: true };
  return { kind: 'replace', value: right };
}

/** The change a reassignment of a module binding makes (`x = ...`, `x++`, a destructuring or for-of target). */
export function reassignmentChange(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Node): Change {
  const target = skipWrapperParents(identifier);
  const parent = target.parent;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return { kind: 'accumulate' };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === target) return assignmentChange(sourceCode, parent, false);
  return { kind: 'replace' };
}

/** The change a mutation site makes to a part of the state. */
export function siteChange(sourceCode: Readonly<TSESLint.SourceCode>, site: MutationSite): Change {
  // A computed key or an element (`users[id] = u`, `sessions.get(id).seen = now`) is one entry of many: keyed state.
  const keyed = site.path.some((segment) => segment.element || segment.key === undefined);
  switch (site.kind) {
    case 'write': {
      const write = site.node;
      if (write.type === AST_NODE_TYPES.UpdateExpression) return { kind: 'accumulate' };
      // `delete cache[key]` takes one entry out; `delete Cache.all` empties a slot, like `Cache.all = undefined`.
      if (write.type === AST_NODE_TYPES.UnaryExpression) return { kind: keyed ? 'remove' : 'reset' };
      if (write.type === AST_NODE_TYPES.AssignmentExpression) return assignmentChange(sourceCode, write, keyed);
      return { kind: keyed ? 'accumulate' : 'replace' };
    }
    case 'method': {
      const { method, node } = site;
      if (method === 'clear') return { kind: 'reset' };
      if (REMOVING_METHODS.has(method)) return { kind: 'remove' };
      if (method === 'set' && !keyed && isStaticKey(node.arguments[0])) return { kind: 'replace', value: node.arguments[1] };
      if (ADDING_METHODS.has(method)) {
        const value = method === 'set' ? node.arguments[1] : method === 'splice' ? node.arguments[2] : node.arguments[0];
        return value ? { kind: 'accumulate', value } : { kind: 'remove' };
      }
      return { kind: 'accumulate' };
    }
    case 'function':
      return { kind: 'replace' };
  }
}
