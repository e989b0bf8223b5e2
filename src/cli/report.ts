import path from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { BaselineComparison } from './baseline.js';
import { RULE_PREFIX } from './config.js';
import { parseRoleMessage, ROLE_RULE_ID } from './audit-plugin.js';
import { codeFingerprint, compareText, readSources, splitLines } from './source-text.js';

export interface RuleInfo {
  /** `stateless/<name>` */
  readonly id: string;
  readonly description: string;
  readonly url: string;
}

export interface Finding {
  /** Path relative to the scanned root, with `/` separators. */
  readonly file: string;
  readonly filePath: string;
  readonly ruleId: string;
  readonly message: string;
  readonly severity: 1 | 2;
  readonly line: number;
  readonly column: number;
  readonly endLine: number | undefined;
  readonly endColumn: number | undefined;
  /** Hash of the normalised reported code (see `source-text.ts`). */
  readonly fingerprint: string;
  readonly snippet: string;
  /** The ESLint message this finding came from. */
  readonly lintMessage: Linter.LintMessage;
}

export interface ParseError {
  readonly file: string;
  readonly filePath: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A file whose code never runs in the service process (see docs/file-roles.md), so the rules skipped it. */
export interface SkippedFile {
  readonly file: string;
  readonly filePath: string;
  /** `vendored`, `browser`, `test`, `tool` or `infrastructure` (which `no-sticky-sessions` still checks). */
  readonly role: string;
  readonly reason: string;
}

export interface AuditReport {
  readonly tool: { readonly name: string; readonly version: string; readonly informationUri: string };
  readonly root: string;
  readonly config: 'recommended' | 'strict';
  /** The rules that ran. */
  readonly rules: readonly RuleInfo[];
  readonly filesScanned: number;
  /** The findings reported (with `--baseline`: only the new ones), sorted by file and position. */
  readonly findings: readonly Finding[];
  /** ESLint's results restricted to the reported findings and parse errors (for `--format json`). */
  readonly results: readonly ESLint.LintResult[];
  readonly parseErrors: readonly ParseError[];
  /** Files the rules skipped for their role, sorted by file. */
  readonly skippedByRole: readonly SkippedFile[];
  /** Findings silenced by `eslint-disable` comments in the target. */
  readonly suppressedByComments: number;
  readonly baseline: (BaselineComparison & { readonly file: string }) | null;
  readonly maxFindings: number | null;
  /** Set when `--write-baseline` records this run's findings (the run then exits 0). */
  readonly writtenBaseline: { readonly file: string; readonly entries: number } | null;
  /** Absolute path -> text, for every file with a finding. */
  readonly sources: ReadonlyMap<string, string>;
}

/** `file` relative to `root`, with `/` separators on every platform. */
function relativePosix(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function byPosition(a: Finding | ParseError, b: Finding | ParseError): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

export interface CollectedFindings {
  readonly findings: Finding[];
  readonly parseErrors: ParseError[];
  readonly skippedByRole: SkippedFile[];
  readonly suppressedByComments: number;
  readonly sources: Map<string, string>;
}

/**
 * Whether a message was reported by one of this plugin's rules. Every rule reports by
 * `messageId`; ESLint's own complaints about an inline comment that names a `stateless/` rule
 * (`/* eslint stateless/no-such-rule: 2 *\/`, an invalid severity or options) carry that rule's
 * id but no `messageId`, and are not findings.
 */
function isRuleFinding(message: Linter.LintMessage): boolean {
  return message.fatal !== true && message.messageId !== undefined && message.ruleId?.startsWith(RULE_PREFIX) === true;
}

/** Turns ESLint results into findings; messages of other rules (inline configs in the target) are dropped. */
export async function collectFindings(root: string, results: readonly ESLint.LintResult[]): Promise<CollectedFindings> {
  const ruleMessages = results.flatMap((result) =>
    result.messages
      .filter(isRuleFinding)
      .map((message) => ({ result, message })),
  );
  const sources = await readSources(ruleMessages.map(({ result }) => result.filePath));
  const lineCache = new Map<string, string[]>();
  const linesOf = (filePath: string): string[] => {
    let lines = lineCache.get(filePath);
    if (!lines) {
      lines = splitLines(sources.get(filePath) ?? '');
      lineCache.set(filePath, lines);
    }
    return lines;
  };
  const findings = ruleMessages.map(({ result, message }): Finding => {
    const range = { line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn };
    return {
      file: relativePosix(root, result.filePath),
      filePath: result.filePath,
      ruleId: message.ruleId ?? '',
      message: message.message,
      severity: message.severity === 1 ? 1 : 2,
      ...range,
      ...codeFingerprint(linesOf(result.filePath), range),
      lintMessage: message,
    };
  });
  const parseErrors = results.flatMap((result) =>
    result.messages
      .filter((message) => message.fatal)
      .map(
        (message): ParseError => ({
          file: relativePosix(root, result.filePath),
          filePath: result.filePath,
          line: message.line,
          column: message.column,
          // hermes-eslint appends a code frame on further lines; the report shows the first.
          message: message.message.split('\n', 1)[0] ?? '',
        }),
      ),
  );
  const skippedByRole = results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === ROLE_RULE_ID)
      .map((message): SkippedFile => ({ file: relativePosix(root, result.filePath), filePath: result.filePath, ...parseRoleMessage(message.message) })),
  );
  const suppressedByComments = results.reduce(
    (count, result) => count + result.suppressedMessages.filter(isRuleFinding).length,
    0,
  );
  return {
    findings: findings.sort(byPosition),
    parseErrors: parseErrors.sort(byPosition),
    skippedByRole: skippedByRole.sort((a, b) => compareText(a.file, b.file)),
    suppressedByComments,
    sources,
  };
}

/**
 * ESLint results holding only the reported findings and the parse errors, with recomputed counts.
 * A file the rules skipped for its role carries `fileRole: { role, reason }`.
 */
export function restrictResults(
  results: readonly ESLint.LintResult[],
  reported: readonly Finding[],
  skipped: readonly SkippedFile[] = [],
): ESLint.LintResult[] {
  const keep = new Set(reported.map((finding) => finding.lintMessage));
  const roles = new Map(skipped.map((file) => [file.filePath, { role: file.role, reason: file.reason }]));
  return results.map((result) => {
    const messages = result.messages.filter(
      (message) => message.fatal === true || keep.has(message),
    );
    const count = (severity: number, fixable: boolean): number =>
      messages.filter((message) => message.severity === severity && (!fixable || message.fix !== undefined)).length;
    const fileRole = roles.get(result.filePath);
    return {
      ...result,
      ...(fileRole ? { fileRole } : {}),
      messages,
      suppressedMessages: result.suppressedMessages.filter(isRuleFinding),
      errorCount: count(2, false),
      fatalErrorCount: messages.filter((message) => message.fatal === true).length,
      warningCount: count(1, false),
      fixableErrorCount: count(2, true),
      fixableWarningCount: count(1, true),
    };
  });
}

export interface RoleRow {
  readonly role: string;
  readonly files: number;
}

/** Files skipped per role, most first. */
export function summaryByRole(skipped: readonly SkippedFile[]): RoleRow[] {
  const counts = new Map<string, number>();
  for (const file of skipped) counts.set(file.role, (counts.get(file.role) ?? 0) + 1);
  return [...counts].map(([role, files]) => ({ role, files })).sort((a, b) => b.files - a.files || compareText(a.role, b.role));
}

export interface SummaryRow {
  readonly name: string;
  readonly findings: number;
  readonly files: number;
}

function summarise(findings: readonly Finding[], keyOf: (finding: Finding) => string): SummaryRow[] {
  const groups = new Map<string, Set<string>>();
  const counts = new Map<string, number>();
  for (const finding of findings) {
    const key = keyOf(finding);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const files = groups.get(key) ?? new Set<string>();
    files.add(finding.file);
    groups.set(key, files);
  }
  return [...counts].map(([name, count]) => ({ name, findings: count, files: groups.get(name)?.size ?? 0 }));
}

/** One row per rule that ran, including rules without findings, most findings first. */
export function summaryByRule(report: AuditReport): SummaryRow[] {
  const rows = new Map(summarise(report.findings, (finding) => finding.ruleId).map((row) => [row.name, row]));
  for (const rule of report.rules) if (!rows.has(rule.id)) rows.set(rule.id, { name: rule.id, findings: 0, files: 0 });
  return [...rows.values()].sort((a, b) => b.findings - a.findings || compareText(a.name, b.name));
}

const ROOT_FOLDER = '(root)';

export function topLevelFolder(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? ROOT_FOLDER : file.slice(0, slash);
}

export function summaryByFolder(report: AuditReport): SummaryRow[] {
  return summarise(report.findings, (finding) => topLevelFolder(finding.file)).sort(
    (a, b) => b.findings - a.findings || compareText(a.name, b.name),
  );
}

export function filesAffected(findings: readonly Finding[]): number {
  return new Set(findings.map((finding) => finding.file)).size;
}

export function groupByFile<T extends { readonly file: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.file) ?? [];
    group.push(item);
    groups.set(item.file, group);
  }
  return groups;
}

/** Whether the report fails the run: findings above `--max-findings` (default 0). */
export function exceedsLimit(report: AuditReport): boolean {
  return report.findings.length > (report.maxFindings ?? 0);
}

export function displayRoot(root: string): string {
  const relative = path.relative(process.cwd(), root);
  return relative === '' ? '.' : relative.startsWith('..') ? root : relative;
}
