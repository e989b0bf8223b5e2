import {
  filesAffected,
  groupByFile,
  summaryByFolder,
  summaryByRole,
  summaryByRule,
  type AuditReport,
  type Finding,
  type SummaryRow,
} from '../report.js';
import { splitLines } from '../source-text.js';

const CONTEXT_LINES = 2;
const MAX_REPORTED_LINES = 8;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

const BAR_HEIGHT = 22;
const BAR_GAP = 8;
const LABEL_WIDTH = 300;
const BAR_AREA = 360;
const CHART_WIDTH = LABEL_WIDTH + BAR_AREA + 60;

/** A horizontal bar chart as inline SVG: readable without scripts, fonts or external files. */
function barChart(title: string, rows: readonly SummaryRow[]): string {
  const max = Math.max(1, ...rows.map((row) => row.findings));
  const height = rows.length * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
  const bars = rows.map((row, index) => {
    const y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
    const width = row.findings === 0 ? 0 : Math.max(2, Math.round((row.findings / max) * BAR_AREA));
    const label = escapeHtml(row.name);
    return [
      `<g><title>${label}: ${plural(row.findings, 'finding')} in ${plural(row.files, 'file')}</title>`,
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT / 2}" text-anchor="end" dominant-baseline="central" class="label">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="3" class="bar"/>`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR_HEIGHT / 2}" dominant-baseline="central" class="value">${row.findings}</text></g>`,
    ].join('');
  });
  return (
    `<figure><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">` +
    `${bars.join('')}</svg></figure>`
  );
}

function summaryTable(heading: string, rows: readonly SummaryRow[], describe?: (name: string) => string): string {
  const body = rows
    .map(
      (row) =>
        `<tr><td>${describe ? describe(row.name) : escapeHtml(row.name)}</td><td class="num">${row.findings}</td><td class="num">${row.files}</td></tr>`,
    )
    .join('');
  const total = rows.reduce((sum, row) => sum + row.findings, 0);
  return `<table><thead><tr><th>${escapeHtml(heading)}</th><th class="num">Findings</th><th class="num">Files</th></tr></thead><tbody>${body}</tbody><tfoot><tr><td>Total</td><td class="num">${total}</td><td></td></tr></tfoot></table>`;
}

function excerpt(lines: readonly string[], finding: Finding): string {
  const lastReported = Math.min(finding.endLine ?? finding.line, finding.line + MAX_REPORTED_LINES - 1);
  const first = Math.max(1, finding.line - CONTEXT_LINES);
  const last = Math.min(lines.length, lastReported + CONTEXT_LINES);
  const rows: string[] = [];
  for (let number = first; number <= last; number += 1) {
    const reported = number >= finding.line && number <= lastReported;
    rows.push(
      `<span class="line${reported ? ' hit' : ''}"><span class="ln">${number}</span>${escapeHtml(lines[number - 1] ?? '')}</span>`,
    );
  }
  // Each line is a block; newlines between them would render as blank lines inside <pre>.
  return `<pre class="code"><code>${rows.join('')}</code></pre>`;
}

function findingsSection(report: AuditReport): string {
  const urls = new Map(report.rules.map((rule) => [rule.id, rule.url]));
  const sections: string[] = [];
  for (const [file, findings] of groupByFile(report.findings)) {
    const lines = splitLines(report.sources.get(findings[0]?.filePath ?? '') ?? '');
    const items = findings.map((finding) => {
      const url = urls.get(finding.ruleId);
      const rule = url ? `<a href="${escapeHtml(url)}">${escapeHtml(finding.ruleId)}</a>` : escapeHtml(finding.ruleId);
      return (
        `<article class="finding"><header><span class="pos">${escapeHtml(file)}:${finding.line}:${finding.column}</span> ${rule}</header>` +
        `<p>${escapeHtml(finding.message)}</p>${excerpt(lines, finding)}</article>`
      );
    });
    sections.push(`<section class="file"><h3>${escapeHtml(file)} <small>${plural(findings.length, 'finding')}</small></h3>${items.join('')}</section>`);
  }
  return sections.join('');
}

function notesSection(report: AuditReport): string {
  const parts: string[] = [];
  if (report.baseline) {
    const { file, known, stale } = report.baseline;
    parts.push(
      `<p class="note">Baseline <code>${escapeHtml(file)}</code>: ${plural(known, 'known finding')} not shown; ` +
        `${plural(stale.length, 'baseline entry', 'baseline entries')} no longer ${stale.length === 1 ? 'occurs' : 'occur'}.</p>`,
    );
  }
  if (report.writtenBaseline) {
    const { file, entries } = report.writtenBaseline;
    parts.push(`<p class="note">Baseline <code>${escapeHtml(file)}</code> written: ${plural(entries, 'finding')} recorded as accepted.</p>`);
  }
  if (report.suppressedByComments > 0) {
    parts.push(`<p class="note">${plural(report.suppressedByComments, 'finding')} silenced by eslint-disable comments.</p>`);
  }
  if (report.skippedByRole.length > 0) {
    const rows = summaryByRole(report.skippedByRole)
      .map((row) => `<tr><td><code>${escapeHtml(row.role)}</code>${row.role === 'infrastructure' ? ' <small>(checked by no-sticky-sessions only)</small>' : ''}</td><td class="num">${row.files}</td></tr>`)
      .join('');
    parts.push(
      `<h2>Not service code (skipped for their role)</h2><table class="roles"><thead><tr><th>Role</th><th class="num">Files</th></tr></thead><tbody>${rows}</tbody></table>` +
        '<p class="meta">Browser, test, tool and vendored files never run in the service process; <code>--all-roles</code> audits them too.</p>',
    );
  }
  if (report.parseErrors.length > 0) {
    const items = report.parseErrors
      .map((error) => `<li><code>${escapeHtml(error.file)}:${error.line}:${error.column}</code> ${escapeHtml(error.message)}</li>`)
      .join('');
    parts.push(`<h2>Parse errors (not audited)</h2><ul class="parse-errors">${items}</ul>`);
  }
  return parts.join('');
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--border:#d1d9e0;--accent:#cf222e;--hit:#fff8c5;--link:#0969da}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--border:#3d444d;--accent:#f85149;--hit:#3b2e0a;--link:#4493f8}}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px;border-bottom:1px solid var(--border);padding-bottom:4px}
h3{font-size:15px;margin:24px 0 8px;font-family:ui-monospace,SFMono-Regular,Menlo,monospace}h3 small{color:var(--muted);font-weight:normal}
a{color:var(--link)}.meta{color:var(--muted);margin:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:20px 0}.card{background:var(--panel);border:1px solid var(--border);border-radius:8px;padding:12px 16px;min-width:140px}
.card b{display:block;font-size:26px}.card span{color:var(--muted)}
table{border-collapse:collapse;margin:8px 0 16px;min-width:480px}th,td{text-align:left;padding:4px 12px;border-bottom:1px solid var(--border)}
.num{text-align:right}tfoot td{font-weight:600}
figure{margin:12px 0}figcaption{font-weight:600;margin-bottom:4px}svg{max-width:100%;height:auto}
svg .bar{fill:var(--accent)}svg .label,svg .value{fill:var(--fg);font:13px system-ui,sans-serif}
.finding{border:1px solid var(--border);border-radius:8px;margin:8px 0;overflow:hidden}
.finding header{background:var(--panel);padding:6px 12px;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px}
.finding p{margin:8px 12px}.pos{color:var(--muted)}
.code{margin:0;padding:8px 0;overflow-x:auto;font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,monospace;border-top:1px solid var(--border)}
.code .line{display:block;padding:0 12px;white-space:pre}.code .hit{background:var(--hit)}
.code .ln{display:inline-block;min-width:3em;color:var(--muted);user-select:none}
.note{background:var(--panel);border-left:4px solid var(--accent);padding:8px 12px}.ok{font-size:18px}
`;

/** One self-contained HTML file: inline CSS and SVG, no script, no external asset. */
export function formatHtml(report: AuditReport): string {
  const rules = summaryByRule(report);
  const folders = summaryByFolder(report);
  const descriptions = new Map(report.rules.map((rule) => [rule.id, rule]));
  const describeRule = (id: string): string => {
    const rule = descriptions.get(id);
    return rule
      ? `<a href="${escapeHtml(rule.url)}"><code>${escapeHtml(id)}</code></a><br><small>${escapeHtml(rule.description)}</small>`
      : `<code>${escapeHtml(id)}</code>`;
  };
  const noun = report.baseline ? 'New findings' : 'Findings';
  const cards = [
    [report.filesScanned, 'Files scanned'],
    [report.findings.length, noun],
    [filesAffected(report.findings), 'Files affected'],
    [report.parseErrors.length, 'Parse errors'],
    [report.skippedByRole.length, 'Not service code'],
  ]
    .map(([value, label]) => `<div class="card"><b>${value}</b><span>${label}</span></div>`)
    .join('');
  const title = `stateless-audit report: ${report.root}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>stateless-audit report</h1>
<p class="meta">Twelve-Factor factor VI (stateless processes) · <code>${escapeHtml(report.root)}</code> · config ${escapeHtml(report.config)} · ${escapeHtml(report.tool.name)} ${escapeHtml(report.tool.version)}</p>
</header>
<main>
<section id="summary">
<h2>Summary</h2>
<div class="cards">${cards}</div>
${report.findings.length === 0 ? '<p class="ok">✔ No findings.</p>' : ''}
${barChart('Findings per rule', rules)}
${summaryTable('Rule', rules, describeRule)}
${folders.length > 0 ? barChart('Findings per top-level folder', folders) + summaryTable('Folder', folders) : ''}
${notesSection(report)}
</section>
<section id="findings">
<h2>${noun} by file</h2>
${findingsSection(report)}
</section>
</main>
</body>
</html>
`;
}
