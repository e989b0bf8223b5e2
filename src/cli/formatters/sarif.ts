import { pathToFileURL } from 'node:url';
import { summaryByRole, type AuditReport, type Finding, type ParseError } from '../report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const ROOT_BASE_ID = '%SRCROOT%';

/** A relative path as a URI reference: each segment percent-encoded, `/` kept. */
function relativeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function region(item: { line: number; column: number; endLine?: number | undefined; endColumn?: number | undefined }) {
  return {
    startLine: item.line,
    startColumn: item.column,
    ...(item.endLine === undefined ? {} : { endLine: item.endLine }),
    ...(item.endColumn === undefined ? {} : { endColumn: item.endColumn }),
  };
}

function location(item: Finding | ParseError) {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(item.file), uriBaseId: ROOT_BASE_ID },
      region: region(item),
    },
  };
}

function sentence(text: string): string {
  return /[.!?]$/u.test(text) ? text : `${text}.`;
}

/** `stateless/no-sticky-sessions` -> `NoStickySessions` (SARIF's `name` is an identifier-like word). */
function ruleName(id: string): string {
  const base = id.slice(id.indexOf('/') + 1);
  return base.replace(/(?:^|-)([a-z0-9])/gu, (_match, letter: string) => letter.toUpperCase());
}

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one driver rule per rule that ran (short
 * description, help URI), one result per finding with a location relative to the scanned root
 * (`%SRCROOT%`), parse errors as tool execution notifications rather than results.
 */
export function formatSarif(report: AuditReport): string {
  const skippedFilesByRole = Object.fromEntries(summaryByRole(report.skippedByRole).map((row) => [row.role, row.files]));
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: report.tool.informationUri,
            rules: report.rules.map((rule) => ({
              id: rule.id,
              name: ruleName(rule.id),
              shortDescription: { text: rule.description },
              fullDescription: { text: sentence(rule.description) },
              helpUri: rule.url,
              help: { text: `${sentence(rule.description)} See ${rule.url}`, markdown: `${sentence(rule.description)} [Documentation](${rule.url})` },
              defaultConfiguration: { level: 'error' },
              properties: { tags: ['twelve-factor', 'stateless', 'maintainability'], precision: 'high', 'problem.severity': 'error' },
            })),
          },
        },
        originalUriBaseIds: { [ROOT_BASE_ID]: { uri: pathToFileURL(`${report.root}/`).href } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => ({
          ruleId: finding.ruleId,
          ...(ruleIndex.has(finding.ruleId) ? { ruleIndex: ruleIndex.get(finding.ruleId) } : {}),
          level: finding.severity === 2 ? 'error' : 'warning',
          message: { text: finding.message },
          locations: [location(finding)],
          partialFingerprints: { 'statelessAudit/codeHash/v1': finding.fingerprint },
        })),
        invocations: [
          {
            executionSuccessful: true,
            properties: { skippedFilesByRole },
            toolExecutionNotifications: report.parseErrors.map((error) => ({
              level: 'warning',
              message: { text: `${error.message} (file not audited)` },
              locations: [location(error)],
            })),
          },
        ],
        properties: {
          filesScanned: report.filesScanned,
          skippedFilesByRole,
          ...(report.baseline ? { baselineKnownFindings: report.baseline.known, baselineStaleEntries: report.baseline.stale.length } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
