import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { createInlineEslintOptions } from './config.js';
import type { AuditParams } from './params.js';
import { optionsModuleUrl } from './params.js';
import { PARSE_MARKER_RULE_ID } from './audit-plugin.js';
import { startProgress } from './progress.js';

export interface LintRun {
  readonly eslint: ESLint;
  readonly results: ESLint.LintResult[];
  /** False when the installed ESLint cannot lint in worker threads (no `ESLint.fromOptionsModule`). */
  readonly multithreadingAvailable: boolean;
}

/** `ESLint.fromOptionsModule` exists from ESLint 9.34; older versions get the same options inline. */
function supportsOptionsModule(): boolean {
  return typeof (ESLint as { fromOptionsModule?: unknown }).fromOptionsModule === 'function';
}

async function createEslint(params: AuditParams): Promise<ESLint> {
  if (supportsOptionsModule()) return ESLint.fromOptionsModule(optionsModuleUrl(params));
  return new ESLint(createInlineEslintOptions(params));
}

const REPARSED_JAVASCRIPT = /\.jsx?$/u;

/**
 * The pragma (`@flow`, `@flow strict`, `@noflow`) sits in a comment before the first token of
 * code. `@flow-disable-next` and the like are suppression comments, not pragmas.
 */
const LEADING_COMMENTS = /^(?:#![^\n]*)?(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/u;
const FLOW_PRAGMA = /@(?:no)?flow(?![\w-])/u;

async function declaresFlow(filePath: string): Promise<boolean> {
  try {
    return FLOW_PRAGMA.test(LEADING_COMMENTS.exec(await readFile(filePath, 'utf8'))?.[0] ?? '');
  } catch {
    return false;
  }
}

function isParseMarker(message: Linter.LintMessage | Linter.SuppressedLintMessage): boolean {
  return message.ruleId === PARSE_MARKER_RULE_ID;
}

/**
 * The result without the parse marker and, for a file that parsed, without fatal messages: ESLint
 * reports each inline configuration comment it cannot apply (`/* eslint-env *\/` under ESLint 10,
 * an invalid `/* global *\/` value, malformed `/* eslint *\/` JSON) as a fatal message, yet the
 * rules ran all the same. The audit ignores the target's inline configuration, so these messages
 * must not make the file a parse error.
 */
function withoutMarkerAndInlineConfigErrors(result: ESLint.LintResult, parsed: boolean): ESLint.LintResult {
  const dropped = (message: Linter.LintMessage): boolean => isParseMarker(message) || (parsed && message.fatal === true);
  const removed = result.messages.filter(dropped);
  const count = (severity: number, fixable: boolean): number =>
    removed.filter((message) => message.severity === severity && (!fixable || message.fix !== undefined)).length;
  return {
    ...result,
    messages: result.messages.filter((message) => !dropped(message)),
    suppressedMessages: result.suppressedMessages.filter((message) => !isParseMarker(message)),
    errorCount: result.errorCount - count(2, false),
    warningCount: result.warningCount - count(1, false),
    fatalErrorCount: result.fatalErrorCount - removed.filter((message) => message.fatal === true).length,
    fixableErrorCount: result.fixableErrorCount - count(2, true),
    fixableWarningCount: result.fixableWarningCount - count(1, true),
  };
}

interface Settled {
  readonly parsed: Map<string, ESLint.LintResult>;
  /** Results (a fatal parse error each) of the files that did not parse. */
  readonly unparsed: Map<string, ESLint.LintResult>;
}

/** A file parsed when the parse marker ran on it (a blanket `eslint-disable` only moves its message). */
function settle(results: readonly ESLint.LintResult[]): Settled {
  const parsed = new Map<string, ESLint.LintResult>();
  const unparsed = new Map<string, ESLint.LintResult>();
  for (const result of results) {
    const marked = result.messages.some(isParseMarker) || result.suppressedMessages.some(isParseMarker);
    const fatal = result.messages.some((message) => message.fatal === true);
    const ok = marked || !fatal;
    (ok ? parsed : unparsed).set(result.filePath, withoutMarkerAndInlineConfigErrors(result, ok));
  }
  return { parsed, unparsed };
}

/**
 * A worker thread starts by loading ESLint, the plugin and the parser; for fewer files than this
 * it costs more than it saves (ESLint's `auto` assumes the same number).
 */
const FILES_PER_THREAD = 50;

/**
 * The concurrency of a re-lint: a numeric `--concurrency` is kept only as far as the files keep
 * the threads busy, so that a handful of files to parse again starts no thread.
 */
function retryConcurrency(concurrency: AuditParams['concurrency'], files: number): AuditParams['concurrency'] {
  if (typeof concurrency !== 'number') return concurrency;
  const threads = Math.min(concurrency, Math.floor(files / FILES_PER_THREAD));
  return threads >= 2 ? threads : 'off';
}

async function lintAndSettle(params: AuditParams, filePaths: readonly string[]): Promise<Settled> {
  if (filePaths.length === 0) return { parsed: new Map(), unparsed: new Map() };
  const concurrency = retryConcurrency(params.concurrency, filePaths.length);
  const eslint = await createEslint({ ...params, concurrency, progressChannel: null });
  return settle(await eslint.lintFiles([...filePaths]));
}

/**
 * `.js`/`.jsx` files are parsed as ES modules first, which also parses almost every CommonJS file.
 * Those that do not parse are linted again: as CommonJS (top-level `return`, legacy octal
 * literals, `with`), then as Flow with hermes-eslint (type annotations, which Babel strips in
 * services such as parse-server whether or not the file has a `@flow` pragma). A file with the
 * pragma goes straight to hermes: espree cannot read Flow syntax as CommonJS either, so on a Flow
 * code base that attempt would only double the work. Whichever parse succeeds is kept. A file
 * that no parser reads keeps a parse error, so it is reported, never dropped: hermes' for a file
 * with the pragma, the ES module parse's for any other.
 */
async function reparse(params: AuditParams, results: readonly ESLint.LintResult[]): Promise<ESLint.LintResult[]> {
  const first = settle(results);
  const pending = [...first.unparsed.keys()].filter((filePath) => REPARSED_JAVASCRIPT.test(filePath));
  const flow = new Set<string>();
  await Promise.all(
    pending.map(async (filePath) => {
      if (await declaresFlow(filePath)) flow.add(filePath);
    }),
  );
  const asCommonJs = await lintAndSettle(
    { ...params, jsParser: 'commonjs' },
    pending.filter((filePath) => !flow.has(filePath)),
  );
  const asFlow = await lintAndSettle(
    { ...params, jsParser: 'flow' },
    pending.filter((filePath) => !asCommonJs.parsed.has(filePath)),
  );
  const flowError = (filePath: string): ESLint.LintResult | undefined => (flow.has(filePath) ? asFlow.unparsed.get(filePath) : undefined);
  return results.map(
    (result) =>
      first.parsed.get(result.filePath) ??
      asCommonJs.parsed.get(result.filePath) ??
      asFlow.parsed.get(result.filePath) ??
      flowError(result.filePath) ??
      first.unparsed.get(result.filePath) ??
      result,
  );
}

export async function lintTarget(
  params: AuditParams,
  patterns: readonly string[],
  progressStream: NodeJS.WriteStream | null,
): Promise<LintRun> {
  const progressChannel = progressStream ? `stateless-audit-progress-${randomUUID()}` : null;
  const runParams: AuditParams = { ...params, progressChannel };
  const eslint = await createEslint(runParams);
  const progress =
    progressStream && progressChannel
      ? startProgress(
          progressStream,
          progressChannel,
          eslint,
          patterns.map((pattern) => path.resolve(params.root, pattern)),
        )
      : null;
  try {
    const results = await eslint.lintFiles([...patterns]);
    return {
      eslint,
      results: await reparse(params, results),
      multithreadingAvailable: supportsOptionsModule(),
    };
  } finally {
    progress?.stop();
  }
}
