/**
 * The ESLint CLI as users run it, on a project that installed the packed plugin: every concurrency
 * mode gives the same JSON, and `--cache` re-lints exactly the edited file.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDir } from '../smoke/pack.js';
import { actualFindings, copyService, expectedFindingsOf, type LintResult } from '../smoke/service-fixture.js';
import { createClientWorkspace, eslintJson, type ClientWorkspace } from './workspace.js';

const started = performance.now();
let workspace: ClientWorkspace;

beforeAll(async () => {
  workspace = await createClientWorkspace('cli');
  console.log(
    `[clients/cli] rules enabled by recommended: ${workspace.facts.recommendedRuleIds.join(', ') || '(none yet)'}`,
  );
});

afterAll(async () => {
  await removeTempDir(workspace?.project.dir);
  console.log(`[clients/cli] suite wall time ${Math.round(performance.now() - started)} ms`);
});

function byFile(results: readonly LintResult[], serviceDir: string): Record<string, LintResult> {
  return Object.fromEntries(
    results.map((result) => [path.relative(serviceDir, result.filePath).split(path.sep).join('/'), result]),
  );
}

describe('eslint --concurrency', () => {
  it('gives identical JSON with off, 2 and auto, and exactly the expected findings', async () => {
    const runs = [];
    for (const mode of ['off', '2', 'auto'] as const) {
      const cli = await eslintJson(workspace, ['--concurrency', mode, '--debug']);
      const threads = /Linting using (\d+) worker thread\(s\)/u.exec(cli.run.stderr)?.[1];
      const singleThread = cli.run.stderr.includes('Linting in single-thread mode.');
      console.log(
        `[clients/cli] --concurrency ${mode}: ${threads ? `${threads} worker threads` : 'single thread'}, ${cli.run.ms} ms`,
      );
      runs.push({ mode, cli, threads, singleThread });
    }
    const [off, two, auto] = runs;
    // Each mode really ran as named ("auto" picks threads from the file count and half the cores).
    expect(off!.singleThread).toBe(true);
    expect(two!.threads).toBe('2');
    expect(auto!.singleThread || auto!.threads !== undefined).toBe(true);

    expect(actualFindings(off!.cli.results, workspace.serviceDir)).toEqual(workspace.expected);
    // Results are sorted by filePath on parsing: worker threads may finish files in any order.
    expect(two!.cli.results).toEqual(off!.cli.results);
    expect(auto!.cli.results).toEqual(off!.cli.results);
  });
});

describe('eslint --cache', () => {
  const EDITED = 'src/jobs.cjs';
  // One finding removed (the `push` line becomes clean), one added at the end.
  const REMOVED_LINE = /^ {2}pendingJobs\.push\(req\.body\);.*$/mu;
  const ADDED =
    "router.delete('/jobs', (req, res) => { fs.writeFileSync('jobs.json', '[]'); res.status(204).end(); }); // expect: no-local-fs-writes\n";

  it('re-lints only the edited file and reports exactly its new findings; other results come from the cache', async () => {
    const root = path.join(workspace.project.dir, 'cached');
    await mkdir(root);
    const serviceDir = await copyService(root);
    const cacheLocation = path.join(workspace.project.dir, '.cache', 'eslintcache');
    const cacheArgs = ['--cache', '--cache-location', cacheLocation];

    const first = await eslintJson(workspace, cacheArgs, 'cached/service');
    expect(actualFindings(first.results, serviceDir)).toEqual(workspace.expected);
    expect(first.results.every((result) => result.stats === undefined)).toBe(true);

    const editedPath = path.join(serviceDir, EDITED);
    const original = await readFile(editedPath, 'utf8');
    expect(original).toMatch(REMOVED_LINE);
    const editedText = `${original.replace(REMOVED_LINE, '  console.info(`job ${req.body.id} received`);')}${ADDED}`;
    await writeFile(editedPath, editedText);

    // `--stats` is not part of the cached config hash: a result that carries `stats` was linted in this
    // run, a result without it was served from the cache written by the first run.
    const second = await eslintJson(workspace, [...cacheArgs, '--stats', '--debug'], 'cached/service');
    const before = byFile(first.results, serviceDir);
    const after = byFile(second.results, serviceDir);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(Object.keys(after).filter((file) => after[file]!.stats !== undefined)).toEqual([EDITED]);

    const enabled = new Set(workspace.facts.recommendedRuleIds);
    expect(actualFindings([after[EDITED]!], serviceDir)).toEqual({
      [EDITED]: expectedFindingsOf(EDITED, editedText, enabled),
    });
    for (const file of Object.keys(after).filter((name) => name !== EDITED)) {
      expect(after[file], file).toEqual(before[file]);
    }

    // ESLint's own log says the same: every other file was skipped as unchanged, the edited one was read.
    const log = second.run.stderr;
    for (const file of Object.keys(after)) {
      const absolute = path.join(serviceDir, file);
      expect(log.includes(`Skipping file since it hasn't changed: ${absolute}`), file).toBe(file !== EDITED);
    }
    expect(log).toContain(`File "${editedPath}" read in`);
    console.log(`[clients/cli] cached run 1: ${first.run.ms} ms, run 2 after editing ${EDITED}: ${second.run.ms} ms`);
  });
});
