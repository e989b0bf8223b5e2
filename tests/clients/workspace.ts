/**
 * The workspace both real-client suites use: a fresh project under `os.tmpdir()` with ESLint 10, the
 * packed plugin, the TS parser, the consumer's `eslint.config.mjs` (found by ESLint and by the
 * language server on their own, no `--config`) and the fixture service.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { createConsumerProject, packPlugin, REPO_ROOT, run, type ConsumerProject, type RunResult } from '../smoke/pack.js';
import {
  copyService,
  expectedFindings,
  parseJsonOutput,
  readPluginFacts,
  type Finding,
  type LintResult,
  type PluginFacts,
} from '../smoke/service-fixture.js';

export interface ClientWorkspace {
  project: ConsumerProject;
  /** `<project>/service`. */
  serviceDir: string;
  facts: PluginFacts;
  /** Findings the `recommended` config must produce on the fixture service, per file. */
  expected: Record<string, Finding[]>;
}

export async function createClientWorkspace(label: string): Promise<ClientWorkspace> {
  const packed = await packPlugin();
  const project = await createConsumerProject({
    label,
    packed,
    dependencies: { eslint: '^10', '@typescript-eslint/parser': '^8', typescript: '~5.9' },
  });
  await copyFile(
    path.join(REPO_ROOT, 'tests/smoke/fixtures/consumer/eslint.config.mjs'),
    path.join(project.dir, 'eslint.config.mjs'),
  );
  const serviceDir = await copyService(project.dir);
  const facts = await readPluginFacts(project.dir);
  return { project, serviceDir, facts, expected: await expectedFindings(serviceDir, new Set(facts.recommendedRuleIds)) };
}

export interface CliRun {
  run: RunResult;
  results: LintResult[];
}

/** `eslint --format json <args> <target>` with the workspace's own ESLint, from the project root. */
export async function eslintJson(workspace: ClientWorkspace, args: readonly string[], target = 'service'): Promise<CliRun> {
  const result = await run(process.execPath, [workspace.project.eslintBin, '--format', 'json', ...args, target], {
    cwd: workspace.project.dir,
  });
  return { run: result, results: parseJsonOutput(result) };
}
