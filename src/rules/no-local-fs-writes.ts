import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { insertImportStatements, planImport } from '../analysis/import-insertion.js';
import { globalIdentifierReferences, iterateModuleReferences } from '../analysis/module-references.js';
import { createDestinationEvaluator, type DestinationEvaluator, type DestinationEvaluatorOptions } from '../analysis/temp-path.js';
import { unwrapExpression, WRAPPER_TYPE_REGEX } from '../analysis/unwrap.js';
import { createRule } from '../util/create-rule.js';
import { readSettings } from '../util/settings.js';
import { SINKS, type WriteApi } from './no-local-fs-writes/catalog.js';
import type { Category, CheckContext, Finding, SuggestionPlan } from './no-local-fs-writes/context.js';
import { checkBunCalls, checkPromisified, checkWriteCall, collectGlobalBunCalls, labelOf, type BunCalls } from './no-local-fs-writes/fs-writes.js';
import { LIBRARY_CHECKS } from './no-local-fs-writes/libraries.js';
import {
  declarationLoads,
  importEqualsLoads,
  mayCallGetBuiltinModule,
  moduleIdPattern,
  requireCallsMayLoad,
} from '../analysis/module-presence.js';
import {
  METHOD_NAMES,
  checkAddStreamCalls,
  checkMoveCalls,
  checkSaveRequestFiles,
  type MethodCalls,
} from './no-local-fs-writes/request-files.js';

export interface NoLocalFsWritesOptions {
  allowedPaths: string[];
  unknownDestinations: 'report' | 'ignore';
  checkLibraries: boolean;
  checkDeletionsAndMetadata: boolean;
}

export type MessageId =
  | 'appDirectory'
  | 'localPath'
  | 'unknownDestination'
  | 'deletion'
  | 'upload'
  | 'logFile'
  | 'localDatabase'
  | 'useMemoryStorage'
  | 'useConsoleTransport'
  | 'useTempDirectory';

/**
 * The modules whose loading makes the module-reference walk worth it. `util` alone is not one:
 * `promisify` only matters for a write API read from another of SINKS.
 */
const WALK_TRIGGERS: ReadonlySet<string> = new Set(Object.keys(SINKS).filter((moduleId) => moduleId !== 'util' && moduleId !== 'node:util'));

const WALK_TRIGGER_PATTERN = moduleIdPattern(WALK_TRIGGERS);
/** Imports and exports-from of WALK_TRIGGERS (express-fileupload is one of them). */
const IMPORT_SELECTOR = `ImportDeclaration[source.value=/${WALK_TRIGGER_PATTERN}/]`;
const EXPORT_FROM_SELECTOR = `:matches(ExportAllDeclaration, ExportNamedDeclaration)[source.value=/${WALK_TRIGGER_PATTERN}/]`;
/**
 * Calls whose callee may end in one of METHOD_NAMES: a plain member, or one behind a wrapper
 * `unwrapExpression` strips.
 */
const METHOD_CALL_SELECTOR = `CallExpression:matches([callee.property.name=/^(?:${[...METHOD_NAMES].join('|')})$/], [callee.type=${WRAPPER_TYPE_REGEX}])`;

const BACKING_SERVICE = 'keep the data in a backing service (object storage, a database), or use `os.tmpdir()` for a scratch file used within one request';

function messageIdOf(finding: Finding): MessageId {
  const byCategory: Partial<Record<Category, MessageId>> = { deletion: 'deletion', upload: 'upload', log: 'logFile', database: 'localDatabase' };
  const categoryMessage = byCategory[finding.category];
  if (categoryMessage) return categoryMessage;
  if (finding.destination === 'app') return 'appDirectory';
  return finding.destination === 'absolute' ? 'localPath' : 'unknownDestination';
}

export default createRule<[NoLocalFsWritesOptions], MessageId>({
  name: 'no-local-fs-writes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow writing persistent state to the local filesystem outside temp directories',
      recommended: 'recommended',
      strictOptions: [{ checkDeletionsAndMetadata: true }],
    },
    hasSuggestions: true,
    messages: {
      appDirectory: `\`{{api}}\` writes into the app's own directory (\`__dirname\`, \`process.cwd()\` or a relative path), which is lost when the instance is replaced and not shared with other instances: ${BACKING_SERVICE}.`,
      localPath: `\`{{api}}\` writes to the local disk outside a temp directory, which is lost when the instance is replaced and not shared with other instances: ${BACKING_SERVICE}.`,
      unknownDestination:
        '`{{api}}` writes to a path this rule cannot trace to a temp directory: unless it is scratch space under `os.tmpdir()` used within one request, keep the data in a backing service (object storage, a database) instead of the local disk.',
      deletion:
        '`{{api}}` deletes or changes local files outside a temp directory, so the process keeps state on its own disk between requests: keep that state in a backing service, and local files only as scratch under `os.tmpdir()`.',
      upload:
        '`{{api}}` saves uploaded files on the local disk outside a provable temp directory, where other instances cannot see them and a restart loses them: stream uploads to object storage (S3, GCS, Azure Blob), or keep them in memory or under `os.tmpdir()` only while one request handles them.',
      logFile:
        '`{{api}}` writes logs to a local file. Treat logs as an event stream (Twelve-Factor XI): write them unbuffered to stdout and let the platform route them.',
      localDatabase:
        '`{{api}}` keeps a database in a local file, which is lost when the instance is replaced and not shared between instances: use a database service (PostgreSQL, MySQL, Redis ...) reached through configuration.',
      useMemoryStorage: 'Keep uploads in memory with `{{multer}}.memoryStorage()`, then stream them to object storage.',
      useConsoleTransport: 'Log to stdout with `{{transports}}.Console()`.',
      useTempDirectory: "Write the scratch file under the OS temp directory: `path.join(os.tmpdir(), '{{name}}')`.",
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowedPaths: {
            type: 'array',
            items: { type: 'string' },
            description: 'Path prefixes declared as scratch space, matched by whole path segments (e.g. `/run/app`).',
          },
          unknownDestinations: {
            type: 'string',
            enum: ['report', 'ignore'],
            description: 'Whether writes whose destination cannot be resolved (a parameter, an environment variable) are reported.',
          },
          checkLibraries: {
            type: 'boolean',
            description: 'Also check libraries that persist to disk: upload parsers, file loggers, embedded databases.',
          },
          checkDeletionsAndMetadata: {
            type: 'boolean',
            description: 'Also report deletions and metadata changes (`rm`, `unlink`, `chmod`, `utimes`, lock files) outside temp directories.',
          },
        },
      },
    ],
    defaultOptions: [{ allowedPaths: [], unknownDestinations: 'report', checkLibraries: true, checkDeletionsAndMetadata: false }],
  },
  create(context, [options]) {
    const seen: Sightings = { dynamicImports: [], methodCalls: undefined, importsFileUpload: false, mayLoadSinks: false };
    const listeners: TSESLint.RuleListener = {
      ImportExpression(node) {
        seen.dynamicImports.push(node);
      },
      TSImportEqualsDeclaration(node) {
        if (importEqualsLoads(node, WALK_TRIGGERS)) seen.mayLoadSinks = true;
      },
      'Program:exit'() {
        const { sourceCode } = context;
        const globalScope = sourceCode.getScope(sourceCode.ast);
        const worth: Worth = {
          mayLoadSinks:
            seen.mayLoadSinks ||
            seen.dynamicImports.length > 0 ||
            requireCallsMayLoad(globalScope, WALK_TRIGGERS) ||
            mayCallGetBuiltinModule(globalScope) ||
            readSettings(context.settings).requireWrappers.size > 0,
          bunReferences: globalIdentifierReferences(globalScope, 'Bun'),
        };
        if (worth.mayLoadSinks || worth.bunReferences.length > 0 || seen.methodCalls) analyse(context, options, seen, worth);
      },
    };
    // Assigned rather than written as computed keys of the literal above: V8 builds an object
    // literal with computed keys several times slower, and `create` runs once per file.
    listeners[IMPORT_SELECTOR] = (node: TSESTree.ImportDeclaration): void => {
      // Type-only imports count too: `import type { UploadedFile } from 'express-fileupload'`.
      if (node.source.value === 'express-fileupload') seen.importsFileUpload = true;
      if (declarationLoads(node, WALK_TRIGGERS)) seen.mayLoadSinks = true;
    };
    listeners[EXPORT_FROM_SELECTOR] = (node: TSESTree.ExportAllDeclaration | TSESTree.ExportNamedDeclaration): void => {
      if (declarationLoads(node, WALK_TRIGGERS)) seen.mayLoadSinks = true;
    };
    listeners[METHOD_CALL_SELECTOR] = (node: TSESTree.CallExpression): void => collectMethodCall(seen, node);
    return listeners;
  },
});

/** What the listeners saw in one file: enough to skip the analysis of most files. */
interface Sightings {
  readonly dynamicImports: TSESTree.ImportExpression[];
  /** Calls of METHOD_NAMES, created on the first one. */
  methodCalls: MethodCalls | undefined;
  importsFileUpload: boolean;
  /** Whether an import, export-from or `import x = require()` names one of WALK_TRIGGERS. */
  mayLoadSinks: boolean;
}

interface Worth {
  /** Whether the file may load one of WALK_TRIGGERS: only then are module references walked. */
  readonly mayLoadSinks: boolean;
  /** The references to the global `Bun`. */
  readonly bunReferences: readonly TSESTree.Identifier[];
}

function collectMethodCall(seen: Sightings, node: TSESTree.CallExpression): void {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return;
  const name = callee.property.name;
  if (!METHOD_NAMES.has(name)) return;
  seen.methodCalls ??= { mv: [], saveRequestFiles: [], addStream: [] };
  seen.methodCalls[name as keyof MethodCalls].push(node);
}

type Context = Readonly<TSESLint.RuleContext<MessageId, [NoLocalFsWritesOptions]>>;

function reportFinding(context: Context, options: NoLocalFsWritesOptions, finding: Finding): void {
  const { destination, category } = finding;
  if (destination === 'temp' || destination === 'descriptor') return;
  if (destination === 'unknown' && (options.unknownDestinations === 'ignore' || category === 'deletion')) return;
  if (category === 'deletion' && !options.checkDeletionsAndMetadata) return;
  if ((category === 'upload' || category === 'log' || category === 'database') && !options.checkLibraries) return;
  const suggest = finding.suggestion ? suggestionFor(context.sourceCode, finding.suggestion) : undefined;
  context.report({
    node: finding.node,
    messageId: messageIdOf(finding),
    data: { api: finding.api },
    ...(suggest ? { suggest: [suggest] } : {}),
  });
}

/** The destination evaluator, built on the first question: many analysed files never ask one. */
function lazyEvaluator(sourceCode: Readonly<TSESLint.SourceCode>, options: DestinationEvaluatorOptions): DestinationEvaluator {
  let evaluator: DestinationEvaluator | undefined;
  const get = (): DestinationEvaluator => (evaluator ??= createDestinationEvaluator(sourceCode, options));
  return { classify: (node) => get().classify(node), classifyPrefix: (node) => get().classifyPrefix(node) };
}

function analyse(context: Context, options: NoLocalFsWritesOptions, seen: Sightings, worth: Worth): void {
  const { sourceCode } = context;
  const { dynamicImports } = seen;
  const checkContext: CheckContext = {
    sourceCode,
    evaluator: lazyEvaluator(sourceCode, { allowedPaths: options.allowedPaths, dynamicImports }),
    allowedPaths: options.allowedPaths,
    report: (finding) => reportFinding(context, options, finding),
  };
  let importsFileUpload = seen.importsFileUpload;
  let importsBunyan = false;
  const bunCalls: BunCalls = { writes: [], files: new Set() };
  if (worth.mayLoadSinks) {
    const readApis = new Map<TSESTree.Node, { api: WriteApi; label: string }>();
    const promisifyCalls: TSESTree.CallExpression[] = [];
    for (const reference of iterateModuleReferences(sourceCode, SINKS, { dynamicImports, requireWrappers: readSettings(context.settings).requireWrappers })) {
      const { info, node } = reference;
      if (reference.kind === 'read') {
        if (info.type === 'write') readApis.set(node, { api: info, label: labelOf(reference.path) });
        else if (info.type === 'imported') {
          if (info.module === 'express-fileupload') importsFileUpload = true;
          else importsBunyan = true;
        }
        continue;
      }
      const call = node as TSESTree.CallExpression | TSESTree.NewExpression;
      switch (info.type) {
        case 'write':
          checkWriteCall(checkContext, call, info, labelOf(reference.path));
          break;
        case 'library':
          LIBRARY_CHECKS[info.check](checkContext, call, info);
          break;
        case 'promisify':
          promisifyCalls.push(call as TSESTree.CallExpression);
          break;
        case 'bun':
          if (info.member === 'write') bunCalls.writes.push(call as TSESTree.CallExpression);
          else bunCalls.files.add(call as TSESTree.CallExpression);
          break;
        default:
          break;
      }
    }
    for (const call of promisifyCalls) checkPromisified(checkContext, call, readApis);
  }
  collectGlobalBunCalls(sourceCode, worth.bunReferences, bunCalls);
  checkBunCalls(checkContext, bunCalls);
  const methodCalls = seen.methodCalls;
  if (!methodCalls) return;
  checkMoveCalls(checkContext, methodCalls.mv, importsFileUpload);
  checkSaveRequestFiles(checkContext, methodCalls.saveRequestFiles);
  if (importsBunyan) checkAddStreamCalls(checkContext, methodCalls.addStream);
}

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageId>;

function suggestionFor(sourceCode: Readonly<TSESLint.SourceCode>, plan: SuggestionPlan): Suggestion | undefined {
  switch (plan.kind) {
    case 'memoryStorage':
      return {
        messageId: 'useMemoryStorage',
        data: { multer: plan.multer },
        fix: (fixer) => fixer.replaceText(plan.property, `storage: ${plan.multer}.memoryStorage()`),
      };
    case 'consoleTransport': {
      const transports = sourceCode.getText(plan.transports);
      return {
        messageId: 'useConsoleTransport',
        data: { transports },
        fix: (fixer) => fixer.replaceText(plan.expression, `new ${transports}.Console()`),
      };
    }
    case 'tempDirectory':
      return tempDirectorySuggestion(sourceCode, plan);
  }
}

function tempDirectorySuggestion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  plan: Extract<SuggestionPlan, { kind: 'tempDirectory' }>,
): Suggestion | undefined {
  const tmpdir = planImport(sourceCode, plan.literal, { moduleIds: ['os', 'node:os'], source: 'node:os', exportName: 'tmpdir', localName: 'os' });
  const join = planImport(sourceCode, plan.literal, { moduleIds: ['path', 'node:path'], source: 'node:path', exportName: 'join', localName: 'path' });
  if (!tmpdir || !join) return undefined;
  const quote = plan.literal.type === AST_NODE_TYPES.Literal ? (plan.literal.raw[0] ?? "'") : "'";
  const statements = [tmpdir.statement, join.statement].filter((statement): statement is string => statement !== undefined);
  return {
    messageId: 'useTempDirectory',
    data: { name: plan.name },
    fix: (fixer) => {
      const replacement = fixer.replaceText(plan.literal, `${join.expression}(${tmpdir.expression}(), ${quote}${plan.name}${quote})`);
      const imports = insertImportStatements(fixer, sourceCode, statements);
      return imports ? [imports, replacement] : [replacement];
    },
  };
}
