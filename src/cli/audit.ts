import { existsSync } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import plugin from '../index.js';
import { REPOSITORY_URL } from '../util/create-rule.js';
import { parseCommandLine, usage, UsageError, type CliOptions } from './args.js';
import { compareWithBaseline, readBaseline, serialiseBaseline, type BaselineEntry } from './baseline.js';
import { enabledRuleIds, normaliseRuleName, RULE_PREFIX, ruleNames } from './config.js';
import { formatHtml } from './formatters/html.js';
import { formatSarif } from './formatters/sarif.js';
import { formatText } from './formatters/text.js';
import { lintTarget } from './lint.js';
import type { AuditParams } from './params.js';
import {
  collectFindings,
  exceedsLimit,
  filesAffected,
  restrictResults,
  type AuditReport,
  type RuleInfo,
} from './report.js';

export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
}

const EXIT_CLEAN = 0;
const EXIT_FINDINGS = 1;

function toolInfo(): AuditReport['tool'] {
  return { name: 'stateless-audit', version: plugin.meta.version, informationUri: REPOSITORY_URL };
}

function ruleInfo(id: string): RuleInfo {
  const docs = plugin.rules?.[id.slice(RULE_PREFIX.length)]?.meta?.docs;
  return { id, description: docs?.description ?? '', url: docs?.url ?? `${REPOSITORY_URL}#rules` };
}

function commonAncestor(directories: readonly string[]): string {
  return directories.reduce((common, directory) => {
    let candidate = common;
    while (candidate !== directory && !directory.startsWith(candidate.endsWith(path.sep) ? candidate : candidate + path.sep)) {
      candidate = path.dirname(candidate);
    }
    return candidate;
  });
}

/**
 * The scanned root is the folder given (or the common folder of several paths, or a file's
 * folder): ESLint's `cwd`, where `.gitignore` is read, and what report paths are relative to.
 */
async function resolveTargets(cwd: string, paths: readonly string[]): Promise<{ root: string; patterns: string[] }> {
  const targets = await Promise.all(
    paths.map(async (given) => {
      const absolute = path.resolve(cwd, given);
      try {
        return { absolute, isDirectory: (await stat(absolute)).isDirectory() };
      } catch {
        throw new UsageError(`path not found: ${given}`);
      }
    }),
  );
  const root = commonAncestor(targets.map((target) => (target.isDirectory ? target.absolute : path.dirname(target.absolute))));
  const patterns = targets.map((target) => path.relative(root, target.absolute) || '.');
  return { root, patterns };
}

function resolveRules(ids: readonly string[]): string[] {
  const names = ids.map((id) => {
    const name = normaliseRuleName(id);
    if (name === null) {
      const known = ruleNames();
      throw new UsageError(`unknown rule '${id}' (known: ${known.length > 0 ? known.join(', ') : 'none'})`);
    }
    return name;
  });
  return [...new Set(names)];
}

function render(report: AuditReport, options: CliOptions, jsonFormatter: ESLint.LoadedFormatter, color: boolean) {
  switch (options.format) {
    case 'json':
      return jsonFormatter.format([...report.results]);
    case 'sarif':
      return formatSarif(report);
    case 'html':
      return formatHtml(report);
    default:
      return formatText(report, { color });
  }
}

function useColor(io: CliIo, options: CliOptions): boolean {
  if (options.output !== null || io.env.NO_COLOR) return false;
  return Boolean(io.env.FORCE_COLOR) || io.stdout.isTTY === true;
}

/** The report file is what the user asked for; src/cli/ is a tool (docs/file-roles.md), so the rules do not check it. */
async function writeReportFile(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

function summaryLine(report: AuditReport, written: readonly string[]): string {
  const parts = [
    `${report.findings.length} ${report.baseline ? 'new ' : ''}finding(s) in ${filesAffected(report.findings)} file(s), ${report.filesScanned} file(s) scanned`,
  ];
  if (report.baseline) {
    const stale = report.baseline.stale.length;
    parts.push(`${stale} baseline ${stale === 1 ? 'entry no longer occurs' : 'entries no longer occur'}`);
  }
  if (report.skippedByRole.length > 0) parts.push(`${report.skippedByRole.length} file(s) skipped for their role`);
  if (report.parseErrors.length > 0) parts.push(`${report.parseErrors.length} file(s) not parsed`);
  if (written.length > 0) parts.push(`wrote ${written.join(', ')}`);
  return `stateless-audit: ${parts.join('; ')}\n`;
}

async function audit(options: CliOptions, io: CliIo): Promise<number> {
  const { root, patterns } = await resolveTargets(io.cwd, options.paths);
  const rules = resolveRules(options.rules);
  let baselineEntries: BaselineEntry[] | null = null;
  if (options.baseline !== null) baselineEntries = await readBaseline(path.resolve(io.cwd, options.baseline));

  const params: AuditParams = {
    root,
    config: options.strict ? 'strict' : 'recommended',
    rules,
    gitignore: existsSync(path.join(root, '.gitignore')) ? path.join(root, '.gitignore') : null,
    concurrency: options.concurrency,
    jsParser: 'module',
    allRoles: options.allRoles,
    progressChannel: null,
  };
  const run = await lintTarget(params, patterns, io.stderr.isTTY ? io.stderr : null);
  if (options.concurrencyRequested && !run.multithreadingAvailable && options.concurrency !== 'off') {
    io.stderr.write(`stateless-audit: ESLint ${ESLint.version} cannot lint in worker threads; linted in one thread\n`);
  }

  const collected = await collectFindings(root, run.results);
  const comparison = baselineEntries ? compareWithBaseline(collected.findings, baselineEntries) : null;
  const findings = comparison ? comparison.newFindings : collected.findings;
  const report: AuditReport = {
    tool: toolInfo(),
    root,
    config: params.config,
    rules: enabledRuleIds(params).map(ruleInfo),
    filesScanned: run.results.length,
    findings,
    results: restrictResults(run.results, findings, collected.skippedByRole),
    parseErrors: collected.parseErrors,
    skippedByRole: collected.skippedByRole,
    suppressedByComments: collected.suppressedByComments,
    baseline: comparison && options.baseline !== null ? { ...comparison, file: options.baseline } : null,
    maxFindings: options.maxFindings,
    writtenBaseline: options.writeBaseline === null ? null : { file: options.writeBaseline, entries: collected.findings.length },
    sources: collected.sources,
  };

  const output = await render(report, options, await run.eslint.loadFormatter('json'), useColor(io, options));
  const written: string[] = [];
  // Everything is computed before the first write: an error above leaves no file behind.
  if (options.writeBaseline !== null) {
    await writeReportFile(path.resolve(io.cwd, options.writeBaseline), serialiseBaseline(collected.findings, report.tool.version));
    written.push(`baseline ${options.writeBaseline} (${collected.findings.length} entries)`);
  }
  if (options.output !== null) {
    await writeReportFile(path.resolve(io.cwd, options.output), output);
    written.push(options.output);
  } else {
    io.stdout.write(output);
  }
  if (options.output !== null || options.writeBaseline !== null || (report.baseline && options.format !== 'text' && options.format !== 'html')) {
    io.stderr.write(summaryLine(report, written));
  }
  // A freshly written baseline accepts today's findings: adopting it is not a failure.
  if (report.writtenBaseline !== null) return EXIT_CLEAN;
  return exceedsLimit(report) ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Runs the command; resolves to the exit code. Usage errors and unreadable baselines reject. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommandLine(argv);
  if (command.kind === 'help') {
    io.stdout.write(usage(ruleNames()));
    return EXIT_CLEAN;
  }
  if (command.kind === 'version') {
    io.stdout.write(`stateless-audit ${plugin.meta.version} (eslint-plugin-stateless, ESLint ${ESLint.version})\n`);
    return EXIT_CLEAN;
  }
  return audit(command.options, io);
}
