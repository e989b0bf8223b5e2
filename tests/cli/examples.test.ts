import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ensureBuilt,
  findingKeys,
  readExpected,
  registeredRules,
  REPO_ROOT,
  runCli,
  type ExpectedFinding,
  type JsonResult,
} from './helpers.js';

const EXAMPLES = ['express-chat', 'orders-service'] as const;

interface SarifLog {
  $schema: string;
  version: string;
  runs: Array<{
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: Array<{ id: string; shortDescription: { text: string }; helpUri: string }>;
      };
    };
    results: Array<{
      ruleId: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{
        physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
      }>;
    }>;
  }>;
}

let rules: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  rules = registeredRules();
});

describe.each(EXAMPLES)('examples/%s', (example) => {
  const target = path.join('examples', example);
  const root = path.join(REPO_ROOT, target);
  let expected: ExpectedFinding[] = [];
  let results: JsonResult[] = [];
  let jsonExitCode = -1;

  beforeAll(async () => {
    expected = (await readExpected(example)).filter((finding) => rules.includes(finding.ruleId.replace('stateless/', '')));
    const run = await runCli([target, '--format', 'json']);
    jsonExitCode = run.code;
    expect(run.stderr).toBe('');
    results = JSON.parse(run.stdout) as JsonResult[];
  });

  it('lists in EXPECTED.md every finding of the registered rules, and nothing else (json)', () => {
    const expectedKeys = expected.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`).sort();
    expect(findingKeys(root, results)).toEqual(expectedKeys);
    expect(jsonExitCode).toBe(expectedKeys.length > 0 ? 1 : 0);
  });

  it('reports the same with --strict (strict-only checks find nothing more here)', async () => {
    const run = await runCli([target, '--format', 'json', '--strict']);
    expect(findingKeys(root, JSON.parse(run.stdout) as JsonResult[])).toEqual(findingKeys(root, results));
  });

  it('has violations of all five rules and no parse errors', async () => {
    const all = await readExpected(example);
    expect(new Set(all.map((finding) => finding.ruleId)).size).toBe(5);
    expect(results.flatMap((result) => result.messages).filter((message) => message.fatal)).toEqual([]);
  });

  it('prints summary tables with the counts (text)', async () => {
    const { code, stdout } = await runCli([target]);
    expect(code).toBe(expected.length > 0 ? 1 : 0);
    const files = new Set(expected.map((finding) => finding.file));
    expect(stdout).toContain(`${expected.length} finding${expected.length === 1 ? '' : 's'} in ${files.size} file`);
    for (const rule of rules) {
      const count = expected.filter((finding) => finding.ruleId === `stateless/${rule}`).length;
      const ruleFiles = new Set(expected.filter((finding) => finding.ruleId === `stateless/${rule}`).map((finding) => finding.file));
      expect(stdout).toMatch(new RegExp(`^  stateless/${rule} +${count} +${ruleFiles.size}$`, 'mu'));
    }
    for (const folder of new Set(expected.map((finding) => finding.file.split('/')[0]!))) {
      const inFolder = expected.filter((finding) => finding.file.startsWith(`${folder}/`));
      expect(stdout).toMatch(new RegExp(`^  ${folder} +${inFolder.length} +${new Set(inFolder.map((finding) => finding.file)).size}$`, 'mu'));
    }
    for (const finding of expected) {
      expect(stdout).toMatch(new RegExp(`^  ${finding.line}:\\d+  ${finding.ruleId}$`, 'mu'));
      expect(stdout).toContain(`docs/rules/${finding.ruleId.replace('stateless/', '')}.md`);
    }
  });

  it('writes SARIF 2.1.0 with the required fields and one result per JSON message (sarif)', async () => {
    const { code, stdout } = await runCli([target, '--format', 'sarif']);
    expect(code).toBe(expected.length > 0 ? 1 : 0);
    const sarif = JSON.parse(stdout) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/u);
    expect(sarif.runs).toHaveLength(1);
    const [run] = sarif.runs;
    const { driver } = run!.tool;
    expect(driver.name).toBe('stateless-audit');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/u);
    expect(driver.informationUri).toMatch(/^https:\/\//u);
    expect(driver.rules.map((rule) => rule.id).sort()).toEqual(rules.map((rule) => `stateless/${rule}`).sort());
    for (const rule of driver.rules) {
      expect(rule.shortDescription.text).toMatch(/^Disallow /u);
      expect(rule.helpUri).toMatch(/^https:\/\/.*\.md$/u);
    }
    const jsonMessages = results.flatMap((result) => result.messages);
    expect(run!.results).toHaveLength(jsonMessages.length);
    for (const result of run!.results) {
      expect(driver.rules[result.ruleIndex!]?.id).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.message.text.length).toBeGreaterThan(10);
      const { artifactLocation, region } = result.locations[0]!.physicalLocation;
      expect(artifactLocation.uri).not.toMatch(/^(?:\/|file:)/u);
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(region.startLine).toBeGreaterThan(0);
      expect(region.startColumn).toBeGreaterThan(0);
    }
    const sarifKeys = run!.results
      .map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.locations[0]!.physicalLocation.region.startLine} ${result.ruleId}`)
      .sort();
    expect(sarifKeys).toEqual(findingKeys(root, results));
  });

  it('writes one self-contained HTML file with the summary, charts and every finding with its code (html)', async () => {
    const { code, stdout } = await runCli([target, '--format', 'html']);
    expect(code).toBe(expected.length > 0 ? 1 : 0);
    expect(stdout).toMatch(/^<!doctype html>/u);
    expect(stdout).not.toMatch(/<script|<link\b|<img\b|\bsrc=|@import|url\(/iu);
    expect(stdout).toContain('<h2>Summary</h2>');
    expect(stdout).toContain(`<b>${expected.length}</b><span>Findings</span>`);
    expect(stdout).toContain('aria-label="Findings per rule"');
    if (expected.length > 0) expect(stdout).toContain('aria-label="Findings per top-level folder"');
    expect(stdout.match(/<article class="finding">/gu) ?? []).toHaveLength(expected.length);
    for (const message of results.flatMap((result) => result.messages.map((entry) => ({ result, entry })))) {
      const file = path.relative(root, message.result.filePath).split(path.sep).join('/');
      expect(stdout).toContain(`<span class="pos">${file}:${message.entry.line}:${message.entry.column}</span>`);
    }
    // Each finding shows its reported line of code.
    expect(stdout.match(/<span class="line hit">/gu)?.length ?? 0).toBeGreaterThanOrEqual(expected.length);
  });

  it('finds the same with worker threads (--concurrency 2) as without (--concurrency off)', async () => {
    const [threads, inline] = await Promise.all([
      runCli([target, '--format', 'json', '--concurrency', '2']),
      runCli([target, '--format', 'json', '--concurrency', 'off']),
    ]);
    expect(threads.code).toBe(inline.code);
    const threadResults = JSON.parse(threads.stdout) as JsonResult[];
    const inlineResults = JSON.parse(inline.stdout) as JsonResult[];
    expect(findingKeys(root, threadResults)).toEqual(findingKeys(root, inlineResults));
    expect(findingKeys(root, inlineResults)).toEqual(findingKeys(root, results));
  });
});
