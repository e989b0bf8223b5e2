/**
 * The fixture service (`tests/smoke/fixtures/service`) and what ESLint must report on it. Every line
 * that the `recommended` config must report carries a trailing `// expect: <rule>[, <rule>]` comment;
 * the expectations are read from those comments, restricted to the rules the built plugin has
 * registered and turned on, so the tests stay exact while rules land one by one.
 */
import { cp, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT, run, type RunResult } from './pack.js';

export const SERVICE_FIXTURE = path.join(REPO_ROOT, 'tests/smoke/fixtures/service');

/** Files of the fixture service that the plugin's configs ignore (tests, specs, scripts). */
export const IGNORED_SERVICE_FILES = ['scripts/seed.cjs', 'src/session.spec.ts', 'test/server.test.mjs'];

const EXPECT_COMMENT = /\/\/ expect: ([\w-]+(?:, *[\w-]+)*)\s*$/u;

/** `<file relative to the service root>:<line> <ruleId>`: one reported problem, as compared. */
export type Finding = string;

export function finding(file: string, line: number, ruleId: string | null): Finding {
  return `${file}:${line} ${ruleId ?? '(fatal)'}`;
}

/** Copies the fixture service to `<dir>/service` and returns that path. */
export async function copyService(dir: string): Promise<string> {
  const target = path.join(dir, 'service');
  await cp(SERVICE_FIXTURE, target, { recursive: true });
  return target;
}

/** Expected findings of one source text (paths relative to the service root), by line. */
export function expectedFindingsOf(file: string, text: string, enabledRuleIds: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  text.split('\n').forEach((lineText, index) => {
    const match = EXPECT_COMMENT.exec(lineText);
    if (!match?.[1]) return;
    for (const rule of match[1].split(',').map((name) => `stateless/${name.trim()}`)) {
      if (enabledRuleIds.has(rule)) findings.push(finding(file, index + 1, rule));
    }
  });
  return findings.sort(compareFindings);
}

/** Expected findings of every file under `serviceDir`, keyed by relative path (every file, even clean ones). */
export async function expectedFindings(
  serviceDir: string,
  enabledRuleIds: ReadonlySet<string>,
): Promise<Record<string, Finding[]>> {
  const entries = await readdir(serviceDir, { recursive: true, withFileTypes: true });
  const expected: Record<string, Finding[]> = {};
  for (const entry of entries.filter((e) => e.isFile())) {
    const absolute = path.join(entry.parentPath, entry.name);
    const file = toPosix(path.relative(serviceDir, absolute));
    expected[file] = IGNORED_SERVICE_FILES.includes(file)
      ? []
      : expectedFindingsOf(file, await readFile(absolute, 'utf8'), enabledRuleIds);
  }
  return sortKeys(expected);
}

export interface LintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  fatal?: boolean;
  suggestions?: Array<{ desc: string; messageId?: string; fix: { range: [number, number]; text: string } }>;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  stats?: unknown;
  [key: string]: unknown;
}

/** Parses `eslint --format json` output; fails loudly with stderr when ESLint crashed instead. */
export function parseJsonOutput(result: RunResult): LintResult[] {
  if (result.code !== 0 && result.code !== 1) {
    throw new Error(`eslint exited ${result.code}:\n${result.stderr}\n${result.stdout.slice(0, 2000)}`);
  }
  return (JSON.parse(result.stdout) as LintResult[]).sort((a, b) => a.filePath.localeCompare(b.filePath));
}

/** ESLint's results as findings per file (relative to `serviceDir`), same shape as `expectedFindings`. */
export function actualFindings(results: readonly LintResult[], serviceDir: string): Record<string, Finding[]> {
  const actual: Record<string, Finding[]> = {};
  for (const result of results) {
    const file = toPosix(path.relative(serviceDir, result.filePath));
    actual[file] = result.messages
      .map((message) => finding(file, message.line, message.ruleId))
      .sort(compareFindings);
  }
  return sortKeys(actual);
}

/** Orders the findings of one file by line, then rule id. */
function compareFindings(a: Finding, b: Finding): number {
  const lineOf = (f: Finding) => Number(/:(\d+) /u.exec(f)?.[1] ?? 0);
  return lineOf(a) - lineOf(b) || a.localeCompare(b);
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

export interface PluginFacts {
  name: string;
  version: string;
  namespace: string;
  ruleIds: string[];
  recommendedRuleIds: string[];
  strictRuleIds: string[];
  sameObjectImportRequire: boolean;
  requireDefaultIsUndefined: boolean;
  configs: Record<
    string,
    Array<{ name: unknown; files: unknown; ignores: unknown; pluginIsDefaultExport: boolean; ruleIds: string[] }>
  >;
  ruleMeta: Record<string, { type: unknown; url: unknown; recommended: unknown; hasSuggestions: boolean }>;
}

/**
 * Loads the installed package inside `projectDir` both ways a config can (`import` and `require`) in a
 * fresh Node process and reports what it sees.
 */
export async function readPluginFacts(projectDir: string): Promise<PluginFacts> {
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(process.cwd() + '/package.json');
    const viaRequire = require('eslint-plugin-stateless');
    const viaImport = (await import('eslint-plugin-stateless')).default;
    const plugin = viaImport;
    const enabled = (config) => [...new Set(config.flatMap((c) => Object.keys(c.rules ?? {})))].sort();
    const facts = {
      name: plugin.meta.name,
      version: plugin.meta.version,
      namespace: plugin.meta.namespace,
      ruleIds: Object.keys(plugin.rules).map((id) => 'stateless/' + id).sort(),
      recommendedRuleIds: enabled(plugin.configs.recommended),
      strictRuleIds: enabled(plugin.configs.strict),
      sameObjectImportRequire: viaRequire === viaImport,
      requireDefaultIsUndefined: viaRequire.default === undefined,
      configs: Object.fromEntries(Object.entries(plugin.configs).map(([key, config]) => [key, config.map((c) => ({
        name: c.name, files: c.files, ignores: c.ignores,
        pluginIsDefaultExport: c.plugins?.stateless === plugin,
        ruleIds: Object.keys(c.rules ?? {}).sort(),
      }))])),
      ruleMeta: Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => ['stateless/' + id, {
        type: rule.meta?.type, url: rule.meta?.docs?.url, recommended: rule.meta?.docs?.recommended,
        hasSuggestions: rule.meta?.hasSuggestions === true,
      }])),
    };
    process.stdout.write(JSON.stringify(facts));
  `;
  const result = await run(process.execPath, ['--input-type=module', '--eval', script], { cwd: projectDir });
  if (result.code !== 0) throw new Error(`Loading the installed plugin failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as PluginFacts;
}
