import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findVariableOf, getStableInitializer } from '../../analysis/const-binding.js';
import { unwrapExpression } from '../../analysis/unwrap.js';
import { argumentAt, optionOf, type CheckContext } from './context.js';
import { checkBunyanStream } from './libraries.js';

/** Method calls recognised by name, since their receiver comes from a request or a logger, not an import. */
export interface MethodCalls {
  /** `req.files.avatar.mv(path)` (express-fileupload). */
  readonly mv: TSESTree.CallExpression[];
  /** `request.saveRequestFiles({ tmpdir })` (@fastify/multipart). */
  readonly saveRequestFiles: TSESTree.CallExpression[];
  /** `log.addStream({ path })` (bunyan). */
  readonly addStream: TSESTree.CallExpression[];
}

export const METHOD_NAMES: ReadonlySet<string> = new Set(['mv', 'saveRequestFiles', 'addStream']);

const ARRAY_ITERATION_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'some', 'every']);
const SHELL_MODULE_NAMES: ReadonlySet<string> = new Set(['shell', 'shelljs', 'sh', 'fs', 'fse']);

function propertyName(sourceCode: Readonly<TSESLint.SourceCode>, member: TSESTree.MemberExpression): string | undefined {
  return ASTUtils.getPropertyName(member, sourceCode.getScope(member)) ?? undefined;
}

/**
 * Whether a value comes from express-fileupload's `req.files`: `req.files.x`, `req.files['x'][0]`,
 * `const { x } = req.files`, `for (const f of req.files.photos)`, `photos.forEach((f) => ...)`,
 * `Object.values(req.files)`, or a parameter typed `UploadedFile`.
 */
function isFromRequestFiles(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 10) return false;
  const expression = unwrapExpression(node);
  switch (expression.type) {
    case AST_NODE_TYPES.MemberExpression:
      return propertyName(sourceCode, expression) === 'files' || isFromRequestFiles(sourceCode, expression.object, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return isFromRequestFiles(sourceCode, expression.left, depth + 1) || isFromRequestFiles(sourceCode, expression.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isFromRequestFiles(sourceCode, expression.consequent, depth + 1) || isFromRequestFiles(sourceCode, expression.alternate, depth + 1);
    case AST_NODE_TYPES.ArrayExpression:
      return expression.elements.some((element) => element !== null && isFromRequestFiles(sourceCode, element, depth + 1));
    case AST_NODE_TYPES.SpreadElement:
      return isFromRequestFiles(sourceCode, expression.argument, depth + 1);
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrapExpression(expression.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = propertyName(sourceCode, callee);
      if (name === 'values' || name === 'concat' || name === 'flat') {
        return [callee.object, ...expression.arguments].some((argument) => isFromRequestFiles(sourceCode, argument, depth + 1));
      }
      return false;
    }
    case AST_NODE_TYPES.Identifier:
      return isIdentifierFromRequestFiles(sourceCode, expression, depth);
    default:
      return false;
  }
}

function isIdentifierFromRequestFiles(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier, depth: number): boolean {
  const variable = findVariableOf(sourceCode, identifier);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  if (hasUploadedFileType(definition.name)) return true;
  if (definition.type === 'Variable') {
    const init = getStableInitializer(variable) ?? definition.node.init;
    if (init) return isFromRequestFiles(sourceCode, init, depth + 1);
    const loop = definition.parent?.parent;
    if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === definition.parent) return isFromRequestFiles(sourceCode, loop.right, depth + 1);
    return false;
  }
  if (definition.type === 'Parameter') {
    const fn = definition.node;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
    const callee = unwrapExpression(call.callee);
    return (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      ARRAY_ITERATION_METHODS.has(propertyName(sourceCode, callee) ?? '') &&
      isFromRequestFiles(sourceCode, callee.object, depth + 1)
    );
  }
  return false;
}

/** `file: UploadedFile`, `files: UploadedFile[]`, `fileUpload.UploadedFile`. */
function hasUploadedFileType(name: TSESTree.Node): boolean {
  if (name.type !== AST_NODE_TYPES.Identifier || !name.typeAnnotation) return false;
  let type: TSESTree.TypeNode = name.typeAnnotation.typeAnnotation;
  if (type.type === AST_NODE_TYPES.TSArrayType) type = type.elementType;
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
  const typeName = type.typeName;
  const last = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.right : typeName;
  return last.type === AST_NODE_TYPES.Identifier && last.name === 'UploadedFile';
}

/** A receiver that cannot be an uploaded file: `shell.mv(...)` (shelljs), `fs.mv`. */
function isShellModule(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  return expression.type === AST_NODE_TYPES.Identifier && SHELL_MODULE_NAMES.has(expression.name);
}

/**
 * `file.mv(path[, callback])` of express-fileupload. The receiver must come from `req.files`
 * (or be typed `UploadedFile`); in a file that imports express-fileupload, any receiver but a
 * shell module counts.
 */
export function checkMoveCalls(context: CheckContext, calls: readonly TSESTree.CallExpression[], importsFileUpload: boolean): void {
  for (const call of calls) {
    if (call.arguments.length === 0 || call.arguments.length > 2) continue;
    const destination = argumentAt(call, 0);
    const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
    if (!destination || destination.type === AST_NODE_TYPES.ArrowFunctionExpression || destination.type === AST_NODE_TYPES.FunctionExpression) continue;
    const fromRequest = isFromRequestFiles(context.sourceCode, callee.object);
    if (!fromRequest && !(importsFileUpload && !isShellModule(callee.object))) continue;
    context.report({ node: call, category: 'upload', destination: context.evaluator.classify(destination), api: 'UploadedFile.mv()' });
  }
}

/** `request.saveRequestFiles({ tmpdir })`: @fastify/multipart writes to `os.tmpdir()` unless `tmpdir` moves it. */
export function checkSaveRequestFiles(context: CheckContext, calls: readonly TSESTree.CallExpression[]): void {
  for (const call of calls) {
    const { lookup } = optionOf(context.sourceCode, call, 0, 'tmpdir');
    if (lookup.kind !== 'present') continue;
    context.report({
      node: lookup.property,
      category: 'upload',
      destination: context.evaluator.classify(lookup.value),
      api: 'saveRequestFiles({ tmpdir })',
    });
  }
}

/** `log.addStream({ path })` in a file that uses bunyan. */
export function checkAddStreamCalls(context: CheckContext, calls: readonly TSESTree.CallExpression[]): void {
  for (const call of calls) {
    const source = optionOf(context.sourceCode, call, 0, 'path').source;
    checkBunyanStream(context, source, 'bunyan addStream({ path })');
  }
}
