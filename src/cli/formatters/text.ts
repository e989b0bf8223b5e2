import {
  displayRoot,
  exceedsLimit,
  filesAffected,
  groupByFile,
  summaryByFolder,
  summaryByRole,
  summaryByRule,
  type AuditReport,
  type SummaryRow,
} from '../report.js';

interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
}

function ansi(open: number, close: number): (text: string) => string {
  return (text) => `\u001B[${open}m${text}\u001B[${close}m`;
}

const plain = (text: string): string => text;

function createStyle(color: boolean): Style {
  if (!color) return { bold: plain, dim: plain, red: plain, green: plain, yellow: plain };
  return { bold: ansi(1, 22), dim: ansi(2, 22), red: ansi(31, 39), green: ansi(32, 39), yellow: ansi(33, 39) };
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function table(title: string, heading: string, rows: readonly SummaryRow[], filesTotal: number, style: Style): string[] {
  const nameWidth = Math.max(heading.length, ...rows.map((row) => row.name.length));
  const line = (name: string, findings: string, files: string): string =>
    `  ${name.padEnd(nameWidth)}  ${findings.padStart(8)}  ${files.padStart(5)}`;
  const total = rows.reduce((sum, row) => sum + row.findings, 0);
  return [
    style.bold(title),
    style.dim(line(heading, 'findings', 'files')),
    ...rows.map((row) => line(row.name, String(row.findings), String(row.files))),
    style.dim(line('total', String(total), String(filesTotal))),
  ];
}

function summary(report: AuditReport, style: Style): string[] {
  const files = filesAffected(report.findings);
  const lines = [
    style.bold(`stateless-audit ${report.tool.version}`) +
      style.dim(` · Twelve-Factor factor VI (stateless processes) · config: ${report.config}`),
    `Scanned ${displayRoot(report.root)}: ${plural(report.filesScanned, 'file')}, ` +
      `${plural(report.findings.length, report.baseline ? 'new finding' : 'finding')} in ${plural(files, 'file')}`,
    '',
    ...table('Findings per rule', 'rule', summaryByRule(report), files, style),
  ];
  const folders = summaryByFolder(report);
  if (folders.length > 0) lines.push('', ...table('Findings per top-level folder', 'folder', folders, files, style));
  lines.push(...skippedSummary(report, style));
  return lines;
}

/** How many examples of each role the text report names; JSON lists every file. */
const ROLE_EXAMPLES = 3;

/** Infrastructure code is skipped by every rule but the one whose settings live there. */
function roleNote(role: string): string {
  return role === 'infrastructure' ? ' (checked by no-sticky-sessions only)' : '';
}

function skippedSummary(report: AuditReport, style: Style): string[] {
  const rows = summaryByRole(report.skippedByRole);
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((row) => row.role.length));
  const lines = ['', style.bold(`Not service code: ${plural(report.skippedByRole.length, 'file')} skipped for their role`) + style.dim(' (--all-roles audits them)')];
  for (const row of rows) {
    lines.push(`  ${row.role.padEnd(width)}  ${String(row.files).padStart(5)}${style.dim(roleNote(row.role))}`);
    const examples = report.skippedByRole.filter((file) => file.role === row.role);
    for (const example of examples.slice(0, ROLE_EXAMPLES)) lines.push(style.dim(`    ${example.file}: ${example.reason}`));
    if (examples.length > ROLE_EXAMPLES) lines.push(style.dim(`    … and ${examples.length - ROLE_EXAMPLES} more`));
  }
  return lines;
}

function findingsByFile(report: AuditReport, style: Style): string[] {
  const urls = new Map(report.rules.map((rule) => [rule.id, rule.url]));
  const lines: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    lines.push('', style.bold(file) + style.dim(` (${plural(findings.length, 'finding')})`));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`;
      const indent = ' '.repeat(position.length + 4);
      lines.push(`  ${style.dim(position)}  ${finding.severity === 2 ? style.red(finding.ruleId) : style.yellow(finding.ruleId)}`);
      lines.push(`${indent}${finding.message}`);
      const url = urls.get(finding.ruleId);
      if (url) lines.push(`${indent}${style.dim(url)}`);
    }
  }
  return lines;
}

function notes(report: AuditReport, style: Style): string[] {
  const lines: string[] = [];
  if (report.baseline) {
    const { file, known, stale } = report.baseline;
    lines.push(
      '',
      `Baseline ${file}: ${plural(known, 'known finding')} not shown; ` +
        `${plural(stale.length, 'baseline entry', 'baseline entries')} no longer ${stale.length === 1 ? 'occurs' : 'occur'}` +
        (stale.length > 0 ? ' (write the baseline again with --write-baseline to drop stale entries)' : ''),
    );
  }
  if (report.suppressedByComments > 0) {
    lines.push('', style.dim(`${plural(report.suppressedByComments, 'finding')} silenced by eslint-disable comments.`));
  }
  if (report.parseErrors.length > 0) {
    lines.push('', style.yellow(`Parse errors: ${plural(report.parseErrors.length, 'file')} could not be parsed and were not audited`));
    for (const error of report.parseErrors) lines.push(`  ${error.file}:${error.line}:${error.column}  ${error.message}`);
  }
  return lines;
}

function verdict(report: AuditReport, style: Style): string {
  const count = report.findings.length;
  if (report.writtenBaseline) {
    const { file, entries } = report.writtenBaseline;
    return style.green(`✔ Baseline ${file} written: ${plural(entries, 'finding')} recorded as accepted.`);
  }
  if (count === 0) return style.green('✔ No findings.');
  const limit = report.maxFindings === null ? '' : ` (--max-findings ${report.maxFindings})`;
  const noun = report.baseline ? 'new finding' : 'finding';
  return exceedsLimit(report)
    ? style.red(`✖ ${plural(count, noun)}${limit}`)
    : style.yellow(`⚠ ${plural(count, noun)}, within the limit${limit}`);
}

/** The human report: summary tables, then every finding grouped by file, then notes. */
export function formatText(report: AuditReport, options: { color: boolean }): string {
  const style = createStyle(options.color);
  return [...summary(report, style), ...findingsByFile(report, style), ...notes(report, style), '', verdict(report, style), ''].join(
    '\n',
  );
}
