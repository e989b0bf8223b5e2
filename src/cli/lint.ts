import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ESLint } from 'eslint';
import { createInlineEslintOptions } from './config.js';
import type { AuditParams } from './params.js';
import { optionsModuleUrl } from './params.js';
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

const RETRY_AS_COMMONJS = /\.jsx?$/u;

function hasParseError(result: ESLint.LintResult): boolean {
  return result.messages.some((message) => message.fatal === true);
}

/**
 * `.js` files are parsed as ES modules first, which also parses almost every CommonJS file. The
 * few that only parse as scripts (top-level `return`, legacy octal literals, `with`) are linted a
 * second time as CommonJS; whichever parse succeeds is kept.
 */
async function retryAsCommonJs(params: AuditParams, results: ESLint.LintResult[]): Promise<ESLint.LintResult[]> {
  const failed = results.filter((result) => hasParseError(result) && RETRY_AS_COMMONJS.test(result.filePath));
  if (failed.length === 0) return results;
  const options = createInlineEslintOptions({ ...params, jsSourceType: 'commonjs', progressChannel: null });
  const retried = await new ESLint(options).lintFiles(failed.map((result) => result.filePath));
  const parsed = new Map(retried.filter((result) => !hasParseError(result)).map((result) => [result.filePath, result]));
  return results.map((result) => parsed.get(result.filePath) ?? result);
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
      results: await retryAsCommonJs(params, results),
      multithreadingAvailable: supportsOptionsModule(),
    };
  } finally {
    progress?.stop();
  }
}
