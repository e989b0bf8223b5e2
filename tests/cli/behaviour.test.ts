import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_JS, fixtureKeys, FLOW_APP_JS, NEW_VIOLATION, NEW_VIOLATION_LINE } from './fixture.js';
import {
  CLI,
  ensureBuilt,
  findingKeys,
  makeTarget,
  registeredRules,
  removeDir,
  runCli,
  writeFiles,
  type JsonResult,
} from './helpers.js';

await ensureBuilt();
const rules = registeredRules();
const noRules = rules.length === 0;
const firstRule = rules[0] ?? '';
const targets: string[] = [];

async function target(prefix: string, files: Record<string, string>): Promise<string> {
  const root = await makeTarget(prefix, files);
  targets.push(root);
  return root;
}

async function jsonKeys(root: string, args: readonly string[] = []): Promise<{ code: number; keys: string[]; stderr: string }> {
  const run = await runCli([root, '--format', 'json', ...args]);
  return { code: run.code, keys: run.code === 2 ? [] : findingKeys(root, JSON.parse(run.stdout) as JsonResult[]), stderr: run.stderr };
}

afterAll(async () => {
  await Promise.all(targets.map(removeDir));
});

describe('zero setup', () => {
  it("never loads the target's own ESLint configuration or honours its inline rule configs", async () => {
    const root = await target('config', {
      'src/app.js': APP_JS,
      'src/inline.js': '/* eslint no-console: "error" */\n// eslint-disable-next-line react/no-danger\nconsole.log(1);\n',
      'eslint.config.js': "throw new Error('this config is broken');\n",
      'eslint.config.mjs': "import missing from 'eslint-plugin-does-not-exist';\nexport default [missing];\n",
      '.eslintrc.json': '{ "extends": "airbnb-does-not-exist", "rules": { "no-console": "error" } }\n',
      'package.json': '{ "name": "legacy", "eslintConfig": { "extends": "standard" } }\n',
    });
    const { code, keys, stderr } = await jsonKeys(root);
    expect(stderr).toBe('');
    expect(keys).toEqual(fixtureKeys('src/app.js', rules));
    expect(code).toBe(noRules ? 0 : 1);
  });

  it('ignores what .gitignore lists, dependency and build folders, and non-runtime code', async () => {
    const root = await target('gitignore', {
      '.gitignore': '# generated code\ngenerated/\n*.local.js\n/legacy\n',
      'src/app.js': APP_JS,
      'src/app.local.js': APP_JS,
      'generated/app.js': APP_JS,
      'legacy/app.js': APP_JS,
      'node_modules/dep/index.js': APP_JS,
      'dist/app.js': APP_JS,
      'build/app.js': APP_JS,
      'coverage/app.js': APP_JS,
      '.next/server/app.js': APP_JS,
      'test/app.test.js': APP_JS,
      'scripts/seed.js': APP_JS,
    });
    const run = await runCli([root, '--format', 'json']);
    const results = JSON.parse(run.stdout) as JsonResult[];
    expect(results.map((result) => path.relative(root, result.filePath))).toEqual([path.join('src', 'app.js')]);
    expect(findingKeys(root, results)).toEqual(fixtureKeys('src/app.js', rules));
  });

  it('never fails a file on an inline configuration comment; eslint-disable comments for stateless rules apply and are counted', async () => {
    const disableAll = `/* eslint-disable ${rules.map((rule) => `stateless/${rule}`).join(', ')} */`;
    const inlineConfigs: Record<string, string> = {
      // ESLint 10 reports these three as fatal errors, ESLint 9 the last two.
      'src/env.js': '/* eslint-env browser, node */',
      'src/global.js': '/* global socket: bogus */',
      'src/json.js': '/* eslint no-console: [2, */',
      // ESLint reports these as errors of the rule they name.
      'src/plugin-rule.js': '/* eslint some-unknown-plugin/rule: 2 */',
      'src/stateless-rule.js': `/* eslint stateless/no-such-rule: 2, stateless/${firstRule}: "loud" */`,
    };
    const root = await target('inline', {
      ...Object.fromEntries(Object.entries(inlineConfigs).map(([file, comment]) => [file, `${comment}\n${APP_JS}`])),
      'src/disabled.js': `/* eslint-env node */\n${disableAll}\n${APP_JS}`,
      'src/blanket.js': `/* eslint-env node */\n/* eslint-disable */\n${APP_JS}`,
      'src/broken.js': '/* eslint-env node */\nconst = 1;\n',
    });
    const expected = [...Object.keys(inlineConfigs).flatMap((file) => fixtureKeys(file, rules, 1)), 'src/broken.js:2 parse-error'].sort();
    // Inline and in worker threads (where ESLint may warn that seven files do not need them).
    for (const concurrency of ['off', '2']) {
      const { code, keys, stderr } = await jsonKeys(root, ['--concurrency', concurrency]);
      expect(keys).toEqual(expected);
      if (concurrency === 'off') expect(stderr).toBe('');
      expect(code).toBe(noRules ? 0 : 1);
    }
    const text = await runCli([root]);
    expect(text.stdout).toContain('Parse errors: 1 file could not be parsed and were not audited');
    expect(text.stdout).toMatch(/^ {2}src\/broken\.js:2:\d+ {2}Parsing error/mu);
    const silenced = 2 * fixtureKeys('src/disabled.js', rules).length;
    if (silenced > 0) expect(text.stdout).toContain(`${silenced} finding${silenced === 1 ? '' : 's'} silenced by eslint-disable comments`);
  });

  it('lists files that do not parse separately and audits the rest; CommonJS-only syntax parses', async () => {
    const root = await target('parse', {
      'src/app.js': APP_JS,
      'src/broken.js': 'const = 1;\n',
      'src/broken.ts': 'let x: = 2;\n',
      'src/script.js': "if (!module.parent) return;\nvar mode = 0644;\nmodule.exports = mode;\n",
      'src/view.jsx': 'export const View = () => <main>ok</main>;\n',
      'src/typed.tsx': 'export const Typed = (props: { name: string }) => <p>{props.name}</p>;\n',
    });
    const text = await runCli([root]);
    expect(text.code).toBe(noRules ? 0 : 1);
    expect(text.stdout).toContain('Parse errors: 2 files could not be parsed and were not audited');
    expect(text.stdout).toMatch(/^ {2}src\/broken\.js:1:\d+ {2}Parsing error/mu);
    expect(text.stdout).toMatch(/^ {2}src\/broken\.ts:1:\d+ {2}Parsing error/mu);
    expect(text.stdout).toContain('Scanned');
    expect(text.stdout).toMatch(/: 6 files, /u);
    const { keys } = await jsonKeys(root);
    expect(keys).toEqual([...fixtureKeys('src/app.js', rules), 'src/broken.js:1 parse-error', 'src/broken.ts:1 parse-error'].sort());
    const sarif = JSON.parse((await runCli([root, '--format', 'sarif'])).stdout) as {
      runs: [{ results: unknown[]; invocations: [{ toolExecutionNotifications: unknown[] }] }];
    };
    expect(sarif.runs[0].results).toHaveLength(fixtureKeys('src/app.js', rules).length);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toHaveLength(2);
    const html = (await runCli([root, '--format', 'html'])).stdout;
    expect(html).toContain('<div class="card"><b>2</b><span>Parse errors</span></div>');
    expect(html.match(/<li><code>src\/broken\.(?:js|ts):1:\d+<\/code> Parsing error/gu)).toHaveLength(2);
  });
});

describe('Flow-annotated JavaScript', () => {
  it('parses Flow files with hermes-eslint, with or without the @flow pragma, inline and in worker threads', async () => {
    // Enough files for `--concurrency 2` to lint them again as Flow in two worker threads.
    const models = Array.from({ length: 100 }, (_, index) => `src/models/m${String(index).padStart(3, '0')}.js`);
    const counter = 'let hits: number = 0;\nmodule.exports = function hit(): void {\n  hits += 1;\n};\n';
    const root = await target('flow', {
      ...Object.fromEntries(models.map((file) => [file, counter])),
      'src/app.js': APP_JS,
      'src/babel-flow.js': FLOW_APP_JS,
      'src/pragma.js': `// @flow\n${FLOW_APP_JS}`,
      'src/strict.jsx': `/**\n * @flow strict\n */\n/* eslint-env node */\n${FLOW_APP_JS}`,
      'src/view.js': '// @flow\nexport const View = ({ name }: { name: string }): React.Node => <p>{name}</p>;\n',
      'src/broken.js': '// @flow\nconst x: = 1;\n',
    });
    const expected = [
      ...fixtureKeys('src/app.js', rules),
      ...fixtureKeys('src/babel-flow.js', rules),
      ...fixtureKeys('src/pragma.js', rules, 1),
      ...fixtureKeys('src/strict.jsx', rules, 4),
      'src/broken.js:2 parse-error',
      ...(rules.includes('no-mutable-module-state') ? models.map((file) => `${file}:3 stateless/no-mutable-module-state`) : []),
    ].sort();
    for (const concurrency of ['off', '2']) {
      const { keys } = await jsonKeys(root, ['--concurrency', concurrency]);
      expect(keys).toEqual(expected);
    }
    // A file with the pragma that hermes cannot parse either gets hermes' message, on one line.
    const text = await runCli([root]);
    expect(text.stdout).toMatch(/^ {2}src\/broken\.js:2:\d+ {2}Parsing error: unexpected token in type annotation \(2:9\)$/mu);
  });
});

describe('exit codes and errors', () => {
  it('exits 0 with no findings and prints nothing on stderr when piped', async () => {
    const root = await target('clean', { 'src/index.js': "const os = require('os');\nmodule.exports = () => os.hostname();\n" });
    const run = await runCli([root]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('✔ No findings.');
  });

  it.skipIf(noRules)('exits 1 with findings, 0 within --max-findings', async () => {
    const root = await target('max', { 'src/app.js': APP_JS });
    const count = fixtureKeys('src/app.js', rules).length;
    const [over, within, atLimit] = await Promise.all([
      runCli([root, '--max-findings', String(count - 1)]),
      runCli([root, '--max-findings', String(count)]),
      runCli([root, '--max-findings', String(count + 5)]),
    ]);
    expect(over.code).toBe(1);
    expect(within.code).toBe(0);
    expect(within.stdout).toContain(`within the limit (--max-findings ${count})`);
    expect(atLimit.code).toBe(0);
  });

  it('exits 2 with a one-line reason on stderr for usage errors, writing nothing', async () => {
    const root = await target('usage', { 'src/app.js': APP_JS, 'not-a-baseline.json': '{"entries": 3}', 'broken.json': '{' });
    const output = path.join(root, 'report.html');
    const cases: Array<[string[], RegExp]> = [
      [['--bogus', root], /^stateless-audit: unknown option '--bogus'$/u],
      [[path.join(root, 'missing')], /^stateless-audit: path not found: .*missing$/u],
      [['--rule', 'no-such-rule', root], /^stateless-audit: unknown rule 'no-such-rule'/u],
      [['--format', 'xml', root], /^stateless-audit: unknown format 'xml'/u],
      [['--concurrency', 'many', root], /^stateless-audit: --concurrency expects/u],
      [['--max-findings', '-1', root], /^stateless-audit: /u],
      [['--baseline', path.join(root, 'missing.json'), root], /^stateless-audit: cannot read baseline .*missing\.json: ENOENT$/u],
      [['--baseline', path.join(root, 'broken.json'), root], /^stateless-audit: baseline .*broken\.json is not valid JSON$/u],
      [['--baseline', path.join(root, 'not-a-baseline.json'), root], /^stateless-audit: .*not-a-baseline\.json is not a stateless-audit baseline/u],
      [['--output'], /^stateless-audit: option '--output' needs a value$/u],
    ];
    const writes = ['--output', output, '--write-baseline', path.join(root, 'new-baseline.json')];
    const runs = await Promise.all(cases.map(([args]) => runCli(args[0] === '--output' ? args : [...args, ...writes])));
    runs.forEach((run, index) => {
      const [args, reason] = cases[index]!;
      expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
      expect(run.stderr.endsWith('\n') && run.stderr.split('\n').length === 2).toBe(true);
      expect(run.stderr.trimEnd()).toMatch(reason);
    });
    expect(existsSync(output)).toBe(false);
    expect(existsSync(path.join(root, 'new-baseline.json'))).toBe(false);
  });

  it('exits 2 with a one-line reason when the run itself fails (report path is a folder)', async () => {
    const root = await target('crash', { 'src/app.js': APP_JS, 'reports/.keep': '' });
    const run = await runCli([root, '--output', path.join(root, 'reports')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^stateless-audit: error: EISDIR\b[^\n]*\n$/u);
  });

  it('prints help with examples and the version', async () => {
    const [help, version] = await Promise.all([runCli(['--help']), runCli(['--version'])]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: stateless-audit \[options\] \[paths\.\.\.\]/u);
    expect(help.stdout).toContain('Examples:');
    for (const option of ['--format', '--output', '--strict', '--rule', '--concurrency', '--max-findings', '--baseline', '--write-baseline']) {
      expect(help.stdout).toContain(option);
    }
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^stateless-audit \d+\.\d+\.\d+ \(eslint-plugin-stateless, ESLint \d+\.\d+\.\d+\)\n$/u);
  });
});

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((candidate) => existsSync(candidate));

describe('progress line', () => {
  it.skipIf(!SCRIPT)('shows files done / total on a terminal when the run is long, and erases it before the report', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 1200; index += 1) files[`src/module-${index}.js`] = `const os = require('os');\nmodule.exports = () => os.hostname() + ${index};\n`;
    const root = await target('progress', files);
    const started = Date.now();
    // `script` gives the command a pseudo-terminal, so stderr is a TTY as in an interactive shell.
    const terminal = await new Promise<string>((resolve, reject) => {
      execFile(
        SCRIPT!,
        ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} ${JSON.stringify(root)}`, '/dev/null'],
        { env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => (error ? reject(error) : resolve(stdout)),
      );
    });
    const elapsed = Date.now() - started;
    const updates = [...terminal.matchAll(/\r\u001B\[Kstateless-audit: (\d+)\/(\d+) files linted/gu)];
    expect(terminal).toContain('Scanned');
    expect(terminal.indexOf('Scanned')).toBeGreaterThan(terminal.lastIndexOf('files linted'));
    if (elapsed > 2000) expect(updates.length).toBeGreaterThan(0);
    for (const [, done, total] of updates) {
      expect(Number(total)).toBe(1200);
      expect(Number(done)).toBeLessThanOrEqual(1200);
    }
    if (updates.length > 0) expect(terminal).toMatch(/files linted\r\u001B\[K/u);
  });
});

describe('options', () => {
  it.skipIf(noRules)('--rule runs only the named rules, with or without the stateless/ prefix', async () => {
    const root = await target('rule', { 'src/app.js': APP_JS });
    const [prefixed, bare] = await Promise.all([
      jsonKeys(root, ['--rule', `stateless/${firstRule}`]),
      jsonKeys(root, ['--rule', firstRule, '--rule', firstRule]),
    ]);
    expect(prefixed.keys).toEqual(fixtureKeys('src/app.js', [firstRule]));
    expect(bare.keys).toEqual(prefixed.keys);
  });

  it('--output writes the report to a file (creating its folder) and a summary line on stderr', async () => {
    const root = await target('output', { 'src/app.js': APP_JS });
    const output = path.join(root, 'reports', 'audit.sarif');
    const run = await runCli([root, '--format', 'sarif', '--output', output]);
    expect(run.code).toBe(noRules ? 0 : 1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^stateless-audit: \d+ finding\(s\) in \d+ file\(s\), 1 file\(s\) scanned; wrote .*audit\.sarif\n$/u);
    const sarif = JSON.parse(await readFile(output, 'utf8')) as { version: string };
    expect(sarif.version).toBe('2.1.0');
  });

  it('audits a single file or several paths relative to their common folder', async () => {
    const root = await target('paths', { 'a/app.js': APP_JS, 'b/app.js': APP_JS, 'c/app.js': APP_JS });
    const [single, several] = await Promise.all([
      runCli([path.join(root, 'a', 'app.js'), '--format', 'json']),
      runCli([path.join(root, 'a'), path.join(root, 'b', 'app.js'), '--format', 'json']),
    ]);
    expect(findingKeys(path.join(root, 'a'), JSON.parse(single.stdout) as JsonResult[])).toEqual(fixtureKeys('app.js', rules));
    expect(findingKeys(root, JSON.parse(several.stdout) as JsonResult[])).toEqual(
      [...fixtureKeys('a/app.js', rules), ...fixtureKeys('b/app.js', rules)].sort(),
    );
  });
});

describe.skipIf(noRules)('baseline', () => {
  it('records findings, then reports only new ones even after lines moved, and counts entries that no longer occur', async () => {
    const root = await target('baseline', { 'src/app.js': APP_JS });
    const baseline = path.join(root, '.stateless-baseline.json');
    const recorded = fixtureKeys('src/app.js', rules);

    const write = await runCli([root, '--write-baseline', baseline]);
    expect(write.code).toBe(0);
    expect(write.stderr).toMatch(new RegExp(`wrote baseline .* \\(${recorded.length} entries\\)`, 'u'));
    const document = JSON.parse(await readFile(baseline, 'utf8')) as { version: number; entries: Array<{ file: string; rule: string; fingerprint: string }> };
    expect(document.version).toBe(1);
    expect(document.entries.map((entry) => entry.file)).toEqual(recorded.map(() => 'src/app.js'));

    const unchanged = await runCli([root, '--baseline', baseline]);
    expect(unchanged.code).toBe(0);
    expect(unchanged.stdout).toContain(`${recorded.length} known finding`);
    expect(unchanged.stdout).toContain('0 baseline entries no longer occur');

    // Move every line down, re-indent one statement, and add a new violation in another file.
    const moved = `// header added later\n// another line\n\n${APP_JS.replace("app.use(rateLimit({ windowMs: 60000, limit: 10 }));", "app.use(rateLimit({\n  windowMs: 60000, limit: 10 }));")}`;
    await writeFiles(root, { 'src/app.js': moved, 'src/extra.js': NEW_VIOLATION[firstRule]! });
    const compared = await jsonKeys(root, ['--baseline', baseline]);
    expect(compared.code).toBe(1);
    expect(compared.keys).toEqual([`src/extra.js:${NEW_VIOLATION_LINE[firstRule]} stateless/${firstRule}`]);
    expect(compared.stderr).toMatch(/; 0 baseline entries no longer occur/u);

    // Fix four of the recorded findings: their entries no longer occur.
    await rm(path.join(root, 'src', 'extra.js'));
    await writeFile(path.join(root, 'src', 'app.js'), moved.replace(/^.*(?:visits\.set|writeFileSync|lessMiddleware\(__dirname|app\.use\(session\().*$/gmu, ''));
    const fixed = await runCli([root, '--baseline', baseline]);
    const removed = ['no-mutable-module-state', 'no-local-fs-writes', 'no-runtime-asset-compilation', 'no-sticky-sessions'].filter((rule) => rules.includes(rule)).length;
    expect(fixed.stdout).toContain(`${removed} baseline ${removed === 1 ? 'entry' : 'entries'} no longer ${removed === 1 ? 'occurs' : 'occur'}`);
    expect(fixed.code).toBe(0);
  });
});
