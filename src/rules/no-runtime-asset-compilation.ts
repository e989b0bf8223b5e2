import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, iterateModuleReferences, iterateValueReferences, type TraceMap, type TraceMapElement } from '../analysis/module-references.js';
import { findProperty, findPropertyPath, getArgumentObject, getStaticPropertyValue, resolveObjectSource } from '../analysis/options-object.js';
import { createProductionGuard, GUARD_ENTRY_PATTERN, type ProductionGuard } from '../analysis/production-guard.js';
import { skipWrapperParents, unwrapExpression } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { readSettings } from '../util/settings.js';

type MessageIds = 'runtimeCompilation' | 'connectAssets' | 'wrapInDevelopmentGuard';
type Options = [{ guards: string[] }];

/**
 * How a compiler call is judged: `guarded` ones are fine behind a non-production guard;
 * `connect-assets` only with `compile: false`; `vite` only in middleware mode; a `bundler`
 * (browserify) only where its `bundle()` runs, which is what compiles.
 */
type Check = 'guarded' | 'connect-assets' | 'vite' | 'bundler';

interface Compiler {
  /** The name shown in the message. */
  readonly library: string;
  readonly check: Check;
}

function compiler(library: string, check: Check = 'guarded'): { [CALL]: Compiler } {
  return { [CALL]: { library, check } };
}

/** webpack-dev-middleware and its forks: the default export and the framework wrappers. */
function devMiddleware(library: string): TraceMapElement<Compiler> {
  return {
    ...compiler(library),
    koaWrapper: compiler(`${library} koaWrapper`),
    hapiWrapper: compiler(`${library} hapiWrapper`),
    honoWrapper: compiler(`${library} honoWrapper`),
  };
}

/** Sources: /work/shared/reference/library-catalog.md section 3, re-checked with `npm pack`. */
const COMPILERS: TraceMap<Compiler> = {
  'less-middleware': compiler('less-middleware'),
  'node-sass-middleware': compiler('node-sass-middleware'),
  'sass-middleware': compiler('sass-middleware'),
  stylus: { middleware: compiler('stylus.middleware') },
  'postcss-middleware': compiler('postcss-middleware'),
  'browserify-middleware': compiler('browserify-middleware'),
  // `module.exports = Browserify`, which makes its own instance when called without `new`.
  browserify: { [CALL]: { library: 'browserify `bundle()`', check: 'bundler' }, [CONSTRUCT]: { library: 'browserify `bundle()`', check: 'bundler' } },
  'connect-assets': compiler('connect-assets', 'connect-assets'),
  'webpack-dev-middleware': devMiddleware('webpack-dev-middleware'),
  // v1 is a CommonJS default export, v2 an ES module with a named `devMiddleware`.
  '@rspack/dev-middleware': { ...devMiddleware('@rspack/dev-middleware'), devMiddleware: devMiddleware('@rspack/dev-middleware') },
  'webpack-hot-middleware': compiler('webpack-hot-middleware'),
  'webpack-hot-server-middleware': compiler('webpack-hot-server-middleware'),
  'koa-webpack': compiler('koa-webpack'),
  'koa-webpack-dev-middleware': compiler('koa-webpack-dev-middleware'),
  'koa-webpack-hot-middleware': compiler('koa-webpack-hot-middleware'),
  'koa-webpack-middleware': {
    devMiddleware: compiler('koa-webpack-middleware devMiddleware'),
    hotMiddleware: compiler('koa-webpack-middleware hotMiddleware'),
  },
  vite: { createServer: compiler('Vite createServer (middlewareMode)', 'vite') },
  vike: { createDevMiddleware: compiler('vike createDevMiddleware') },
  'vike/server': { createDevMiddleware: compiler('vike createDevMiddleware') },
};

const DEVELOPMENT_GUARD = "process.env.NODE_ENV !== 'production'";

/** Methods of a browserify instance that return the instance (browserify 17 `index.js`: `return this`). */
const BROWSERIFY_CHAINABLE: ReadonlySet<string> = new Set(['add', 'require', 'external', 'exclude', 'ignore', 'transform', 'plugin']);

/** The instance's methods that matter: `bundle()` compiles, the chainable ones hand the instance on. */
const BROWSERIFY_INSTANCE: TraceMapElement<'bundle' | 'chain'> = Object.fromEntries([
  ['bundle', { [CALL]: 'bundle' }],
  ...[...BROWSERIFY_CHAINABLE].map((name) => [name, { [CALL]: 'chain' }]),
]);

/**
 * The `.bundle()` calls of the instance a browserify call makes. ReferenceTracker follows the
 * instance into the bindings it is stored in (`const b = browserify(entry)`, `b = browserify(entry)`);
 * what it does not follow is the instance a chainable call returns (`browserify(entry).transform(t).bundle()`),
 * so each chainable call is followed in turn, a call result being a new value to track.
 */
function bundleCalls(sourceCode: Readonly<TSESLint.SourceCode>, made: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const pending: TSESTree.Node[] = [made];
  for (let value = pending.pop(); value; value = pending.pop()) {
    for (const reference of iterateValueReferences(sourceCode, value, BROWSERIFY_INSTANCE)) {
      if (reference.node.type !== AST_NODE_TYPES.CallExpression) continue;
      if (reference.info === 'bundle') calls.push(reference.node);
      else pending.push(reference.node);
    }
  }
  return calls.sort((first, second) => first.range[0] - second.range[0]);
}

function isStringLike(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' || 'regex' in node;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.expressions.length === 0;
  if (node.type === AST_NODE_TYPES.ArrayExpression) return node.elements.every((element) => element !== null && isStringLike(element));
  return false;
}

/**
 * The call that mounts the compiler: `app.use(compilerCall)`, `app.use('/css', compilerCall)`,
 * `server.register({ plugin: compilerCall, options })`. Other arguments may only be mount paths,
 * so that guarding the statement never drops another middleware in production.
 */
function mountingCall(compilerCall: TSESTree.CallExpression): TSESTree.CallExpression | undefined {
  let argument: TSESTree.Node = skipWrapperParents(compilerCall);
  const parent = argument.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === argument && parent.parent.type === AST_NODE_TYPES.ObjectExpression) {
    argument = parent.parent;
  }
  const call = argument.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(argument as TSESTree.CallExpressionArgument)) {
    return undefined;
  }
  const othersArePaths = call.arguments.every((other) => other === argument || isStringLike(other));
  return othersArePaths && isPlainReceiver(call.callee) ? call : undefined;
}

/** `app.use`, `this.server.register`: no call in the callee (`app.use(a).use(b)` mounts more than one thing). */
function isPlainReceiver(node: TSESTree.Node): boolean {
  const callee = unwrapExpression(node);
  if (callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.ThisExpression) return true;
  return callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && isPlainReceiver(callee.object);
}

/** `app.use(...);` or `await server.register(...);` directly in a block, the only shape the suggestion wraps. */
function mountingStatement(compilerCall: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  const call = mountingCall(compilerCall);
  if (!call) return undefined;
  let expression: TSESTree.Node = skipWrapperParents(call);
  if (expression.parent?.type === AST_NODE_TYPES.AwaitExpression) expression = skipWrapperParents(expression.parent);
  const statement = expression.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== expression) return undefined;
  const container = statement.parent;
  const inBlock =
    container.type === AST_NODE_TYPES.Program ||
    container.type === AST_NODE_TYPES.BlockStatement ||
    container.type === AST_NODE_TYPES.StaticBlock;
  return inBlock ? statement : undefined;
}

function wrapInGuard(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.ExpressionStatement): string {
  const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
  const indent = /^\s*/u.exec(line.slice(0, statement.loc.start.column))?.[0] ?? '';
  const unit = indent.includes('\t') ? '\t' : '  ';
  const text = sourceCode.getText(statement);
  // Re-indenting would change the content of a template literal that spans lines.
  const spansTemplate = sourceCode.ast.tokens.some(
    (token) => token.type === 'Template' && token.range[0] >= statement.range[0] && token.range[1] <= statement.range[1] && token.loc.start.line !== token.loc.end.line,
  );
  const body = spansTemplate ? text : text.replace(/\n(?=[^\n])/gu, `\n${unit}`);
  return `if (${DEVELOPMENT_GUARD}) {\n${indent}${unit}${body}\n${indent}}`;
}

/** `process` is the Node global (or imported from `node:process`), so the guard means what it says. */
function processIsGlobal(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), 'process');
  if (!variable || variable.defs.length === 0) return true;
  return variable.defs.every((definition) => {
    if (definition.type !== 'ImportBinding') return false;
    const declaration = definition.parent;
    return declaration.type === AST_NODE_TYPES.ImportDeclaration && /^(?:node:)?process$/u.test(declaration.source.value);
  });
}

/** `compile: false` (or `compile: isDev`, false in production) makes connect-assets serve prebuilt files only. */
function connectAssetsCompiles(
  sourceCode: Readonly<TSESLint.SourceCode>,
  guard: ProductionGuard,
  call: TSESTree.CallExpression,
): boolean {
  const lookup = findProperty(sourceCode, getArgumentObject(sourceCode, call, 0), 'compile');
  if (lookup.kind === 'absent') return true;
  if (lookup.kind === 'unknown') return false;
  const value = getStaticPropertyValue(sourceCode, lookup);
  // `compile: null` / `undefined` falls back to the default, `true` (connect-assets index.js `parseOptions`).
  if (value) return value.value === null || value.value === undefined || Boolean(value.value);
  // Only a value that is certainly truthy in production (`compile: isProd`) is reported; `compile: isDev`
  // and values the rule cannot read are not.
  return guard.excludesProduction(lookup.value, false);
}

/** Vite compiles on demand only as middleware: `server.middlewareMode` truthy (boolean, `{ server }`, or Vite 2's 'ssr'). */
function viteInMiddlewareMode(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression): boolean {
  const lookup = findPropertyPath(sourceCode, getArgumentObject(sourceCode, call, 0), ['server', 'middlewareMode']);
  if (lookup.kind !== 'present') return false;
  const value = getStaticPropertyValue(sourceCode, lookup);
  if (value) return Boolean(value.value);
  return resolveObjectSource(sourceCode, lookup.value).kind === 'object';
}

export default createRule<Options, MessageIds>({
  name: 'no-runtime-asset-compilation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow compiling assets (CSS, bundles, dev servers) inside the running service process',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      runtimeCompilation:
        '{{ library }} compiles assets inside the running process, so every instance compiles and caches its own copy. Compile at build time (`npm run build`) and serve the output with `express.static` or a CDN; keep {{ library }} behind a `process.env.NODE_ENV !== \'production\'` check for development.',
      connectAssets:
        'connect-assets compiles assets inside the running process (in production it builds them to disk at start-up, whatever NODE_ENV guard surrounds it). Precompile them at build time with the `connect-assets` CLI (`npm run build`) and pass `compile: false`, or serve the output with `express.static` or a CDN.',
      wrapInDevelopmentGuard: "Run this only when `process.env.NODE_ENV !== 'production'`.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          guards: {
            type: 'array',
            description:
              'Extra flags the team uses to mark development-only code, beyond the built-in ones (`isDev`, `isProduction`, ...): an identifier (`localMode`), a member path (`config.hot`), a call (`runtime.hotReload()`), or with a leading `!` a production flag (`!settings.live`).',
            items: { type: 'string', pattern: GUARD_ENTRY_PATTERN },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ guards: [] }],
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const dynamicImports: TSESTree.ImportExpression[] = [];
    /** Two `browserify()` calls can fill the same variable (`b = stream ? browserify(opts) : ...`). */
    const reportedBundles = new Set<TSESTree.CallExpression>();

    let guard: ProductionGuard | undefined;

    /** Built on first use: most files reference none of the compilers. */
    function productionGuard(): ProductionGuard {
      guard ??= createProductionGuard(sourceCode, options);
      return guard;
    }

    function report(call: TSESTree.CallExpression | TSESTree.NewExpression, found: Compiler): void {
      if (found.check === 'bundler') {
        // One report per instance, on the first `bundle()` that can run in production: rebuilding it
        // on change (`b.on('update', () => b.bundle())`) is the same compilation again.
        const bundle = bundleCalls(sourceCode, call).find((candidate) => !productionGuard().isOnlyReachedOutsideProduction(candidate));
        if (bundle && !reportedBundles.has(bundle)) {
          reportedBundles.add(bundle);
          context.report({ node: bundle, messageId: 'runtimeCompilation', data: { library: found.library } });
        }
        return;
      }
      if (call.type !== AST_NODE_TYPES.CallExpression) return;
      if (found.check === 'connect-assets') {
        if (connectAssetsCompiles(sourceCode, productionGuard(), call)) context.report({ node: call, messageId: 'connectAssets' });
        return;
      }
      if (found.check === 'vite' && !viteInMiddlewareMode(sourceCode, call)) return;
      if (productionGuard().isOnlyReachedOutsideProduction(call)) return;
      const statement = mountingStatement(call);
      context.report({
        node: call,
        messageId: 'runtimeCompilation',
        data: { library: found.library },
        suggest:
          statement && processIsGlobal(sourceCode, statement)
            ? [{ messageId: 'wrapInDevelopmentGuard', fix: (fixer) => fixer.replaceText(statement, wrapInGuard(sourceCode, statement)) }]
            : [],
      });
    }

    return {
      ImportExpression(node) {
        dynamicImports.push(node);
      },
      'Program:exit'() {
        const seen = new Set<TSESTree.Node>();
        const { requireWrappers } = readSettings(context.settings);
        for (const reference of iterateModuleReferences(sourceCode, COMPILERS, { dynamicImports, requireWrappers })) {
          const isBundler = reference.info.check === 'bundler' && reference.kind === 'construct' && reference.node.type === AST_NODE_TYPES.NewExpression;
          if (!isBundler && (reference.kind !== 'call' || reference.node.type !== AST_NODE_TYPES.CallExpression)) continue;
          if (seen.has(reference.node)) continue;
          seen.add(reference.node);
          report(reference.node, reference.info);
        }
      },
    };
  },
});
