import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getStableInitializer, resolveToDefinition } from '../../analysis/const-binding.js';
import {
  findProperty,
  findPropertyPath,
  getArgumentObject,
  resolveObjectSource,
  type ObjectSource,
  type PropertyLookup,
} from '../../analysis/options-object.js';
import { classifyPathString, type DestinationKind } from '../../analysis/temp-path.js';
import { unwrapExpression } from '../../analysis/unwrap.js';
import type { LibraryApi, LibraryCheck } from './catalog.js';
import {
  argumentAt,
  arrayElements,
  combineKinds,
  hasSpreadArgument,
  isInMemoryDatabaseName,
  isStaticTrue,
  optionOf,
  staticString,
  staticValueOf,
  type Category,
  type CheckContext,
  type SuggestionPlan,
} from './context.js';

type Construction = TSESTree.CallExpression | TSESTree.NewExpression;
type Check = (context: CheckContext, node: Construction, api: LibraryApi) => void;

function reportAt(
  context: CheckContext,
  node: TSESTree.Node,
  category: Category,
  destination: DestinationKind,
  api: string,
  suggestion?: SuggestionPlan,
): void {
  context.report({ node, category, destination, api, ...(suggestion ? { suggestion } : {}) });
}

/** Reports the option `lookup` when its value is not provably temp. */
function reportOption(context: CheckContext, lookup: PropertyLookup, category: Category, api: string, suggestion?: SuggestionPlan): void {
  if (lookup.kind !== 'present') return;
  reportAt(context, lookup.property, category, context.evaluator.classify(lookup.value), api, suggestion);
}

function objectAt(context: CheckContext, node: TSESTree.Node): ObjectSource {
  return resolveObjectSource(context.sourceCode, node);
}

function isFunctionNode(node: TSESTree.Node): node is TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration {
  return (
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** The function an expression denotes: inline, a `const` arrow, or a function declaration. */
function resolveFunction(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): ReturnType<typeof asFunction> {
  const resolved = resolveToDefinition(sourceCode, node);
  if (isFunctionNode(resolved)) return resolved;
  if (resolved.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariableOf(sourceCode, resolved)?.defs[0];
  return definition?.type === 'FunctionName' ? asFunction(definition.node) : undefined;
}

function asFunction(node: TSESTree.Node): TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | undefined {
  return isFunctionNode(node) ? node : undefined;
}

// ---------------------------------------------------------------------------------------------
// Uploads

/** `multer({ dest })` stores on disk; `multer()` / `multer({})` keep files in memory; `storage` wins over `dest`. */
function checkMulterOptions(context: CheckContext, node: Construction, index: number, label: string, suggest: boolean): void {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, index);
  if (source.kind !== 'object' || findProperty(sourceCode, source, 'storage').kind !== 'absent') return;
  const dest = findProperty(sourceCode, source, 'dest');
  if (dest.kind !== 'present') return;
  const callee = unwrapExpression(node.callee);
  const inline = node.arguments[index] !== undefined && dest.property.parent === unwrapExpression(node.arguments[index]);
  const suggestion: SuggestionPlan | undefined =
    suggest && inline && callee.type === AST_NODE_TYPES.Identifier ? { kind: 'memoryStorage', property: dest.property, multer: callee.name } : undefined;
  reportOption(context, dest, 'upload', label, suggestion);
}

const checkMulter: Check = (context, node, api) => checkMulterOptions(context, node, 0, api.label, true);

/** NestJS passes these options to multer: `MulterModule.register(o)`, `FileInterceptor(field, o)`, `FilesInterceptor(field, max, o)`. */
function nestMulterOptions(index: number): Check {
  return (context, node, api) => checkMulterOptions(context, node, index, api.label, false);
}

/** `diskStorage({ destination })`: a path, or `(req, file, cb) => cb(null, dir)`. Without it: `os.tmpdir()`. */
const checkMulterDiskStorage: Check = (context, node, api) => {
  const { sourceCode } = context;
  const { lookup } = optionOf(sourceCode, node, 0, 'destination');
  if (lookup.kind !== 'present') return;
  const destinationFunction = resolveFunction(sourceCode, lookup.value);
  const kind = destinationFunction ? callbackDestination(context, destinationFunction, 2, 1) : context.evaluator.classify(lookup.value);
  reportAt(context, lookup.property, 'upload', kind, api.label);
};

/** The values a function passes to its callback parameter `callbackIndex`, at argument `valueIndex`. */
function callbackDestination(
  context: CheckContext,
  fn: TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration,
  callbackIndex: number,
  valueIndex: number,
): DestinationKind {
  const callback = fn.params[callbackIndex];
  if (callback?.type !== AST_NODE_TYPES.Identifier) return 'unknown';
  const variable = context.sourceCode.getDeclaredVariables(fn).find((candidate) => candidate.name === callback.name);
  const kinds: DestinationKind[] = [];
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) {
      kinds.push('unknown');
      continue;
    }
    const value = argumentAt(call, valueIndex);
    kinds.push(value ? context.evaluator.classify(value) : 'unknown');
  }
  return combineKinds(kinds);
}

/** formidable `uploadDir` (legacy `uploaddir`), and v1-style `form.uploadDir = dir`. Default: `os.tmpdir()`. */
const checkFormidable: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  for (const key of ['uploadDir', 'uploaddir']) reportOption(context, findProperty(sourceCode, source, key), 'upload', api.label);
  const declarator = node.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.init !== node) return;
  for (const variable of sourceCode.getDeclaredVariables(declarator)) {
    for (const reference of variable.references) {
      const member = reference.identifier.parent;
      const assignment = member?.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === reference.identifier &&
        ASTUtils.getPropertyName(member, sourceCode.getScope(member)) === 'uploadDir' &&
        assignment?.type === AST_NODE_TYPES.AssignmentExpression &&
        assignment.left === member
      ) {
        reportAt(context, assignment, 'upload', context.evaluator.classify(assignment.right), 'form.uploadDir');
      }
    }
  }
};

/** koa-body parses multipart bodies only with `multipart: true`; formidable's `uploadDir` then decides. */
const checkKoaBody: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  if (!isStaticTrue(sourceCode, findProperty(sourceCode, source, 'multipart'))) return;
  reportOption(context, findPropertyPath(sourceCode, source, ['formidable', 'uploadDir']), 'upload', api.label);
};

/** express-fileupload keeps files in memory unless `useTempFiles: true`; its `tempFileDir` defaults to `<cwd>/tmp`. */
const checkExpressFileupload: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  const useTempFiles = findProperty(sourceCode, source, 'useTempFiles');
  if (useTempFiles.kind !== 'present' || !isStaticTrue(sourceCode, useTempFiles)) return;
  const tempFileDir = findProperty(sourceCode, source, 'tempFileDir');
  if (tempFileDir.kind === 'present') reportOption(context, tempFileDir, 'upload', 'fileUpload({ tempFileDir })');
  else if (tempFileDir.kind === 'absent') reportAt(context, useTempFiles.property, 'upload', 'app', api.label);
};

// ---------------------------------------------------------------------------------------------
// Logs

function isSideEffectFree(node: TSESTree.Node, depth = 0): boolean {
  if (depth > 12) return false;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MetaProperty:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isSideEffectFree(expression.object, depth + 1) && (!expression.computed || isSideEffectFree(expression.property, depth + 1));
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.expressions.every((part) => isSideEffectFree(part, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return isSideEffectFree(expression.left, depth + 1) && isSideEffectFree(expression.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return [expression.test, expression.consequent, expression.alternate].every((part) => isSideEffectFree(part, depth + 1));
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.every((element) => element === null || isSideEffectFree(element, depth + 1));
    case AST_NODE_TYPES.SpreadElement:
      return isSideEffectFree(expression.argument, depth + 1);
    case AST_NODE_TYPES.ObjectExpression:
      return expression.properties.every((property) =>
        property.type === AST_NODE_TYPES.SpreadElement
          ? isSideEffectFree(property.argument, depth + 1)
          : (!property.computed || isSideEffectFree(property.key, depth + 1)) && isSideEffectFree(property.value, depth + 1),
      );
    case AST_NODE_TYPES.CallExpression:
      // `path.join(...)`, `winston.format.json()`: pure helpers commonly found in transport options.
      return isPureHelperCall(expression) && expression.arguments.every((argument) => isSideEffectFree(argument, depth + 1));
    default:
      return false;
  }
}

function isPureHelperCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  const objectName =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression && object.property.type === AST_NODE_TYPES.Identifier
        ? object.property.name
        : undefined;
  return objectName === 'path' || objectName === 'format';
}

/** `new transports.File(...)` -> `new transports.Console()`, when the callee is a plain chain and dropping the arguments is harmless. */
function consoleTransportSuggestion(expression: Construction): SuggestionPlan | undefined {
  if (expression.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = expression.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier || callee.property.name !== 'File') {
    return undefined;
  }
  if (!isPlainChain(callee.object) || !expression.arguments.every((argument) => isSideEffectFree(argument))) return undefined;
  return { kind: 'consoleTransport', expression, transports: callee.object };
}

function isPlainChain(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainChain(node.object);
}

/** winston's File transport writes to `dirname` or `path.dirname(filename)`; `stream` bypasses the file. */
const checkWinstonFile: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  if (source.kind === 'missing') return;
  const suggestion = consoleTransportSuggestion(node);
  if (source.kind === 'unknown') {
    reportAt(context, node, 'log', 'unknown', api.label, suggestion);
    return;
  }
  if (findProperty(sourceCode, source, 'stream').kind !== 'absent') return;
  const dirname = findProperty(sourceCode, source, 'dirname');
  const filename = findProperty(sourceCode, source, 'filename');
  const location = dirname.kind === 'present' ? dirname : filename;
  if (location.kind !== 'present') return;
  reportAt(context, node, 'log', context.evaluator.classify(location.value), api.label, suggestion);
};

/** winston-daily-rotate-file: `dirname` defaults to `'.'`; only `stream` avoids the file. */
const checkWinstonDailyRotateFile: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  if (source.kind === 'unknown') {
    reportAt(context, node, 'log', 'unknown', api.label);
    return;
  }
  if (findProperty(sourceCode, source, 'stream').kind !== 'absent') return;
  const dirname = findProperty(sourceCode, source, 'dirname');
  const filename = findProperty(sourceCode, source, 'filename');
  const location = dirname.kind === 'present' ? dirname : filename;
  if (location.kind === 'unknown') return;
  const kind = location.kind === 'present' ? context.evaluator.classify(location.value) : 'app';
  reportAt(context, node, 'log', kind, api.label);
};

/**
 * `pino(dest)` / `pino(options, dest)`: a string or number destination is a file (or fd 1/2).
 * Anything else may be a stream (`process.stdout`, a transport) and is not judged here.
 */
const checkPino: Check = (context, node, api) => {
  if (hasSpreadArgument(node)) return;
  const [first, second] = node.arguments as TSESTree.Expression[];
  if (!first) return;
  const options = objectAt(context, first);
  if (options.kind === 'object') {
    const transport = findProperty(context.sourceCode, options, 'transport');
    if (transport.kind === 'present') checkTransportOptions(context, objectAt(context, transport.value));
    if (second) checkPinoDestinationArgument(context, second, api);
    return;
  }
  checkPinoDestinationArgument(context, first, api);
};

function checkPinoDestinationArgument(context: CheckContext, node: TSESTree.Node, api: LibraryApi): void {
  const resolved = resolveToDefinition(context.sourceCode, node);
  if (resolved.type === AST_NODE_TYPES.CallExpression || resolved.type === AST_NODE_TYPES.NewExpression) {
    // `pino.destination(...)`, `pino.transport(...)`, `fs.createWriteStream(...)`: judged where they are called.
    if (!isPathCall(context, resolved)) return;
  }
  const kind = context.evaluator.classify(node);
  if (kind === 'unknown') return;
  reportAt(context, node, 'log', kind, api.label);
}

function isPathCall(context: CheckContext, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  return node.type === AST_NODE_TYPES.CallExpression && context.evaluator.classify(node) !== 'unknown';
}

/** `pino.destination()` is stdout; `pino.destination(path | fd | { dest })`. */
const checkPinoDestination: Check = (context, node, api) => {
  const argument = argumentAt(node, 0);
  if (!argument) return;
  const source = objectAt(context, argument);
  if (source.kind === 'object') {
    reportOption(context, findProperty(context.sourceCode, source, 'dest'), 'log', api.label);
    return;
  }
  reportAt(context, node, 'log', context.evaluator.classify(argument), api.label);
};

const checkPinoTransport: Check = (context, node) => {
  const argument = argumentAt(node, 0);
  if (argument) checkTransportOptions(context, objectAt(context, argument));
};

/** `{ target }`, `{ targets: [...] }`, `{ pipeline: [...] }` of `pino.transport()` or pino's `transport` option. */
function checkTransportOptions(context: CheckContext, source: ObjectSource): void {
  if (source.kind !== 'object') return;
  const { sourceCode } = context;
  if (findProperty(sourceCode, source, 'target').kind === 'present') checkTransportTarget(context, source);
  for (const key of ['targets', 'pipeline']) {
    const list = findProperty(sourceCode, source, key);
    if (list.kind !== 'present') continue;
    for (const element of arrayElements(sourceCode, list.value) ?? []) checkTransportTarget(context, objectAt(context, element));
  }
}

const TRANSPORT_DESTINATIONS: Readonly<Record<string, readonly string[]>> = {
  'pino/file': ['options', 'destination'],
  'pino-pretty': ['options', 'destination'],
  'pino-roll': ['options', 'file'],
};

function checkTransportTarget(context: CheckContext, source: ObjectSource): void {
  if (source.kind !== 'object') return;
  const target = findProperty(context.sourceCode, source, 'target');
  const name = target.kind === 'present' ? staticString(context.sourceCode, target.value) : undefined;
  const path = name === undefined ? undefined : TRANSPORT_DESTINATIONS[name];
  if (!path) return;
  reportOption(context, findPropertyPath(context.sourceCode, source, path), 'log', `pino transport '${name}'`);
}

/** pino-pretty used as a stream: `destination` is a path or fd, default 1; a stream value is not judged. */
const checkPinoPretty: Check = (context, node, api) => {
  const { lookup } = optionOf(context.sourceCode, node, 0, 'destination');
  if (lookup.kind !== 'present') return;
  const kind = context.evaluator.classify(lookup.value);
  if (kind !== 'unknown') reportAt(context, lookup.property, 'log', kind, api.label);
};

const checkSonicBoom: Check = (context, node, api) => {
  reportOption(context, optionOf(context.sourceCode, node, 0, 'dest').lookup, 'log', api.label);
};

const checkPinoRoll: Check = (context, node, api) => {
  reportOption(context, optionOf(context.sourceCode, node, 0, 'file').lookup, 'log', api.label);
};

const LOG4JS_FILE_APPENDERS: Readonly<Record<string, string>> = { file: 'filename', dateFile: 'filename', fileSync: 'filename', multiFile: 'base' };

/** `log4js.configure({ appenders: { out: { type: 'file', filename } } })` (also the legacy array form). */
const checkLog4js: Check = (context, node) => {
  const { sourceCode } = context;
  const { lookup } = optionOf(sourceCode, node, 0, 'appenders');
  if (lookup.kind !== 'present') return;
  const appenders = objectAt(context, lookup.value);
  const values: TSESTree.Node[] =
    appenders.kind === 'object'
      ? appenders.node.properties.filter((property) => property.type === AST_NODE_TYPES.Property).map((property) => (property as TSESTree.Property).value)
      : (arrayElements(sourceCode, lookup.value) ?? []);
  for (const value of values) {
    const appender = objectAt(context, value);
    const type = findProperty(sourceCode, appender, 'type');
    const typeName = type.kind === 'present' ? staticString(sourceCode, type.value) : undefined;
    const key = typeName === undefined ? undefined : LOG4JS_FILE_APPENDERS[typeName];
    if (key) reportOption(context, findProperty(sourceCode, appender, key), 'log', `log4js '${typeName}' appender`);
  }
};

/** bunyan `streams: [{ path }]`: a `path` makes a file stream unless a `stream` is given without a file type. */
const checkBunyanLogger: Check = (context, node, api) => {
  const { lookup } = optionOf(context.sourceCode, node, 0, 'streams');
  if (lookup.kind !== 'present') return;
  for (const element of arrayElements(context.sourceCode, lookup.value) ?? []) checkBunyanStream(context, objectAt(context, element), api.label);
};

export function checkBunyanStream(context: CheckContext, source: ObjectSource, label: string): void {
  if (source.kind !== 'object') return;
  const { sourceCode } = context;
  const path = findProperty(sourceCode, source, 'path');
  if (path.kind !== 'present') return;
  const type = findProperty(sourceCode, source, 'type');
  const typeName = type.kind === 'present' ? staticString(sourceCode, type.value) : undefined;
  if (type.kind === 'absent' && findProperty(sourceCode, source, 'stream').kind !== 'absent') return;
  if (type.kind !== 'absent' && typeName !== 'file' && typeName !== 'rotating-file') return;
  reportOption(context, path, 'log', label);
}

const checkBunyanRotatingFileStream: Check = (context, node, api) => {
  reportOption(context, optionOf(context.sourceCode, node, 0, 'path').lookup, 'log', api.label);
};

/** `createStream(filename, { path })`: the file lands in `path`, else relative to the working directory. */
const checkRotatingFileStream: Check = (context, node, api) => {
  const { sourceCode } = context;
  const { lookup } = optionOf(sourceCode, node, 1, 'path');
  if (lookup.kind === 'present') {
    reportOption(context, lookup, 'log', api.label);
    return;
  }
  if (lookup.kind === 'unknown') return;
  const filename = argumentAt(node, 0);
  if (!filename) return;
  const kind = resolveFunction(sourceCode, filename) ? 'app' : context.evaluator.classify(filename);
  reportAt(context, node, 'log', kind, api.label);
};

const checkFileStreamRotator: Check = (context, node, api) => {
  reportOption(context, optionOf(context.sourceCode, node, 0, 'filename').lookup, 'log', api.label);
};

// ---------------------------------------------------------------------------------------------
// Embedded databases

/**
 * The constant strings an expression may evaluate to: `'sqlite'`, `process.env.DIALECT || 'sqlite'`,
 * `isTest ? 'sqlite' : 'postgres'`. Unknown parts add nothing.
 */
function possibleStrings(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): string[] {
  const constant = staticString(sourceCode, node);
  if (constant !== undefined) return [constant];
  if (depth > 6) return [];
  const expression = unwrapExpression(resolveToDefinition(sourceCode, node));
  if (expression.type === AST_NODE_TYPES.LogicalExpression) {
    return [...possibleStrings(sourceCode, expression.left, depth + 1), ...possibleStrings(sourceCode, expression.right, depth + 1)];
  }
  if (expression.type === AST_NODE_TYPES.ConditionalExpression) {
    return [...possibleStrings(sourceCode, expression.consequent, depth + 1), ...possibleStrings(sourceCode, expression.alternate, depth + 1)];
  }
  return expression === node ? [] : possibleStrings(sourceCode, expression, depth + 1);
}

function mayBeOneOf(sourceCode: Readonly<TSESLint.SourceCode>, lookup: PropertyLookup, names: ReadonlySet<string>): boolean {
  return lookup.kind === 'present' && possibleStrings(sourceCode, lookup.value).some((name) => names.has(name));
}

function isInMemoryName(context: CheckContext, node: TSESTree.Node | undefined): boolean {
  if (!node) return true;
  const value = staticValueOf(context.sourceCode, node);
  if (!value) return false;
  return value.value === null || value.value === undefined || (typeof value.value === 'string' && isInMemoryDatabaseName(value.value));
}

function reportDatabaseFile(context: CheckContext, reportNode: TSESTree.Node, file: TSESTree.Node, label: string): void {
  if (isInMemoryName(context, file)) return;
  reportAt(context, reportNode, 'database', context.evaluator.classify(file), label);
}

/** better-sqlite3 / bun:sqlite: no file, `''` or `':memory:'` is in memory; `{ readonly: true }` writes nothing. */
function checkSqliteFile(readOnlyOption: string): Check {
  return (context, node, api) => {
    if (node.arguments.length === 0) return;
    const file = argumentAt(node, 0);
    if (!file) return;
    if (isStaticTrue(context.sourceCode, optionOf(context.sourceCode, node, 1, readOnlyOption).lookup)) return;
    reportDatabaseFile(context, node, file, api.label);
  };
}

function modeIsReadOnly(context: CheckContext, node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '|') {
    return modeIsReadOnly(context, expression.left) && !mentionsWriteMode(expression.right);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return ASTUtils.getPropertyName(expression, context.sourceCode.getScope(expression)) === 'OPEN_READONLY';
  }
  return expression.type === AST_NODE_TYPES.Identifier && expression.name === 'OPEN_READONLY';
}

function mentionsWriteMode(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  const name =
    expression.type === AST_NODE_TYPES.MemberExpression && expression.property.type === AST_NODE_TYPES.Identifier
      ? expression.property.name
      : expression.type === AST_NODE_TYPES.Identifier
        ? expression.name
        : '';
  return name === 'OPEN_READWRITE' || name === 'OPEN_CREATE';
}

/** `new sqlite3.Database(filename, mode?, callback?)`. */
const checkSqlite3Database: Check = (context, node, api) => {
  const file = argumentAt(node, 0);
  if (!file) return;
  const mode = argumentAt(node, 1);
  if (mode && !resolveFunction(context.sourceCode, mode) && modeIsReadOnly(context, mode)) return;
  reportDatabaseFile(context, node, file, api.label);
};

/** `const sqlite3 = require('sqlite3').verbose(); new sqlite3.Database(file)`. */
const checkSqlite3Verbose: Check = (context, node, api) => {
  const receivers: TSESTree.Node[] = [node];
  const declarator = node.parent;
  if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === node) {
    for (const variable of context.sourceCode.getDeclaredVariables(declarator)) {
      if (!getStableInitializer(variable)) continue;
      for (const reference of variable.references) if (!reference.init) receivers.push(reference.identifier);
    }
  }
  for (const receiver of receivers) {
    const member = receiver.parent;
    const construction = member?.parent;
    if (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === receiver &&
      ASTUtils.getPropertyName(member, context.sourceCode.getScope(member)) === 'Database' &&
      construction?.type === AST_NODE_TYPES.NewExpression &&
      construction.callee === member
    ) {
      checkSqlite3Database(context, construction, api);
    }
  }
};

/** sqlite's `open({ filename, driver, mode })`. */
const checkSqliteOpen: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  const filename = findProperty(sourceCode, source, 'filename');
  if (filename.kind !== 'present' || isInMemoryName(context, filename.value)) return;
  const mode = findProperty(sourceCode, source, 'mode');
  if (mode.kind === 'present' && modeIsReadOnly(context, mode.value)) return;
  reportOption(context, filename, 'database', api.label);
};

const SQLITE_CLIENTS: ReadonlySet<string> = new Set(['sqlite3', 'sqlite', 'better-sqlite3']);

/** `knex({ client: 'sqlite3', connection: { filename } })`. */
const checkKnex: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  const client = findProperty(sourceCode, source, 'client');
  const dialect = client.kind === 'present' ? client : findProperty(sourceCode, source, 'dialect');
  if (!mayBeOneOf(sourceCode, dialect, SQLITE_CLIENTS)) return;
  const filename = findPropertyPath(sourceCode, source, ['connection', 'filename']);
  if (filename.kind !== 'present' || isInMemoryName(context, filename.value)) return;
  reportOption(context, filename, 'database', api.label);
};

const SQLITE_DIALECT: ReadonlySet<string> = new Set(['sqlite']);

/** Sequelize: `{ dialect: 'sqlite', storage }` (default `':memory:'`) or a `sqlite:` URI. */
const checkSequelize: Check = (context, node, api) => {
  const { sourceCode } = context;
  if (hasSpreadArgument(node)) return;
  const uri = node.arguments[0] && staticString(sourceCode, node.arguments[0]);
  for (let index = node.arguments.length - 1; index >= 0; index--) {
    const source = getArgumentObject(sourceCode, node, index);
    if (source.kind !== 'object') continue;
    const dialect = findProperty(sourceCode, source, 'dialect');
    const storage = findProperty(sourceCode, source, 'storage');
    if (mayBeOneOf(sourceCode, dialect, SQLITE_DIALECT)) {
      if (storage.kind === 'present' && !isInMemoryName(context, storage.value)) reportOption(context, storage, 'database', api.label);
      return;
    }
    if (storage.kind !== 'absent') return;
    break;
  }
  if (uri?.startsWith('sqlite:')) {
    const path = uri.slice('sqlite:'.length).replace(/^\/\//u, '').replace(/\?.*$/u, '');
    if (path === '' || isInMemoryDatabaseName(path) || path.startsWith('/:memory')) return;
    reportAt(context, node.arguments[0]!, 'database', classifyPathString(path, context.allowedPaths), api.label);
  }
};

const TYPEORM_SQLITE_TYPES: ReadonlySet<string> = new Set(['sqlite', 'better-sqlite3']);

/** TypeORM `{ type: 'sqlite' | 'better-sqlite3', database }`. */
const checkTypeorm: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  if (!mayBeOneOf(sourceCode, findProperty(sourceCode, source, 'type'), TYPEORM_SQLITE_TYPES)) return;
  const database = findProperty(sourceCode, source, 'database');
  if (database.kind !== 'present' || isInMemoryName(context, database.value)) return;
  reportOption(context, database, 'database', api.label);
};

/** `createClient({ url: 'file:local.db' })`: a local SQLite file; remote URLs are services. */
const checkLibsql: Check = (context, node, api) => {
  const { lookup } = optionOf(context.sourceCode, node, 0, 'url');
  if (lookup.kind !== 'present') return;
  const url = staticString(context.sourceCode, lookup.value);
  if (url === undefined || !url.startsWith('file:')) return;
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/u, '').replace(/\?.*$/u, '');
  if (isInMemoryDatabaseName(path)) return;
  reportAt(context, lookup.property, 'database', classifyPathString(path, context.allowedPaths), api.label);
};

const checkLowdbAdapter: Check = (context, node, api) => {
  const file = argumentAt(node, 0);
  if (file) reportAt(context, node, 'database', context.evaluator.classify(file), api.label);
};

/** nedb: no filename is in memory, so is `inMemoryOnly: true`; a string argument is the filename. */
const checkNedb: Check = (context, node, api) => {
  const { sourceCode } = context;
  const argument = argumentAt(node, 0);
  if (!argument) return;
  const source = objectAt(context, argument);
  if (source.kind === 'object') {
    const inMemoryOnly = findProperty(sourceCode, source, 'inMemoryOnly');
    if (inMemoryOnly.kind === 'unknown' || (inMemoryOnly.kind === 'present' && staticValueOf(sourceCode, inMemoryOnly.value)?.value !== false)) return;
    const filename = findProperty(sourceCode, source, 'filename');
    if (filename.kind === 'present' && !isInMemoryName(context, filename.value)) reportOption(context, filename, 'database', api.label);
    return;
  }
  // An unresolved argument may be an options object; only a path-like value is judged.
  const kind = context.evaluator.classify(argument);
  if (kind !== 'unknown') reportAt(context, node, 'database', kind, api.label);
};

/** node-persist: `dir` defaults to `.node-persist/storage` under the working directory. */
const checkNodePersist: Check = (context, node, api) => {
  const { sourceCode } = context;
  const source = getArgumentObject(sourceCode, node, 0);
  if (source.kind === 'unknown') return;
  const dir = findProperty(sourceCode, source, 'dir');
  if (dir.kind === 'present') reportOption(context, dir, 'database', api.label);
  else if (dir.kind === 'absent') reportAt(context, node, 'database', 'app', api.label);
};

const checkLevel: Check = (context, node, api) => {
  const location = argumentAt(node, 0);
  if (location) reportAt(context, node, 'database', context.evaluator.classify(location), api.label);
};

export const LIBRARY_CHECKS: Readonly<Record<LibraryCheck, Check>> = {
  multer: checkMulter,
  nestMulterModule: nestMulterOptions(0),
  nestFileInterceptor: nestMulterOptions(1),
  nestFilesInterceptor: nestMulterOptions(2),
  nestFileFieldsInterceptor: nestMulterOptions(1),
  nestAnyFilesInterceptor: nestMulterOptions(0),
  multerDiskStorage: checkMulterDiskStorage,
  formidable: checkFormidable,
  koaBody: checkKoaBody,
  expressFileupload: checkExpressFileupload,
  winstonFile: checkWinstonFile,
  winstonDailyRotateFile: checkWinstonDailyRotateFile,
  pino: checkPino,
  pinoDestination: checkPinoDestination,
  pinoTransport: checkPinoTransport,
  pinoPretty: checkPinoPretty,
  sonicBoom: checkSonicBoom,
  pinoRoll: checkPinoRoll,
  log4js: checkLog4js,
  bunyanLogger: checkBunyanLogger,
  bunyanRotatingFileStream: checkBunyanRotatingFileStream,
  rotatingFileStream: checkRotatingFileStream,
  fileStreamRotator: checkFileStreamRotator,
  betterSqlite3: checkSqliteFile('readonly'),
  sqlite3Database: checkSqlite3Database,
  sqlite3Verbose: checkSqlite3Verbose,
  sqliteOpen: checkSqliteOpen,
  nodeSqlite: checkSqliteFile('readOnly'),
  bunSqlite: checkSqliteFile('readonly'),
  knex: checkKnex,
  sequelize: checkSequelize,
  typeorm: checkTypeorm,
  libsql: checkLibsql,
  lowdbAdapter: checkLowdbAdapter,
  nedb: checkNedb,
  nodePersist: checkNodePersist,
  level: checkLevel,
};
