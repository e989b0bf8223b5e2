#!/usr/bin/env node
// Benchmark of the plugin's rules on real code (issue 7). `npm run bench` = `node bench/run.mjs`.
// See bench/README.md for the method; results go to bench/RESULTS.md (the previous run is kept beside).
//
//   node bench/run.mjs [--runs 3] [--large-runs 3] [--large-rule-runs 1] [--corpus js,ts,typescript.js,typescript.js-x2]
//                      [--quick] [--no-build] [--no-write] [--write] [--plugin dist/index.js]
import { spawnSync, fork } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(BENCH_DIR, '..');
const CORPUS_DIR = join(BENCH_DIR, '.corpus');
const CORPUS_MODULES = join(BENCH_DIR, 'node_modules');
const RESULTS_FILE = join(BENCH_DIR, 'RESULTS.md');
const CHILD = join(BENCH_DIR, 'lint-child.mjs');
const requireFromProject = createRequire(join(PROJECT_ROOT, 'package.json'));

/** Reference core rules (c): the plugin is measured against `no-unused-vars` on the same corpus. */
const REFERENCE_RULES = ['no-unused-vars', 'prefer-const'];
const TARGETS = { pluginVsNoUnusedVars: 0.5, pluginVsParse: 0.1, fileRoleVsParse: 0.02, doubledVsSingle: 2.2 };
/** Retained heap may differ by this much between a quarter and all of a corpus before it counts as growth. */
const HEAP_GROWTH_TOLERANCE_MB = 8;
const MEMORY_CHUNKS = 4;
/** A configuration slower than this on one run is recorded as timed out (a pathological rule must not stall the bench). */
const CHILD_TIMEOUT_MS = 10 * 60_000;

/**
 * The corpora. `sources` name a package of bench/package.json, the directories and single files
 * taken from it (every .js/.cjs/.mjs or non-declaration .ts file), the parser and the source type.
 */
const CORPORA = [
  {
    name: 'js',
    description: 'JS sources of server-side packages',
    sources: [
      { pkg: 'express', paths: ['index.js', 'lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'koa', paths: ['lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'fastify', paths: ['fastify.js', 'lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: '@hapi/hapi', paths: ['lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'socket.io', paths: ['dist'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'ws', paths: ['index.js', 'lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'mongoose', paths: ['index.js', 'lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'sequelize', paths: ['lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'knex', paths: ['knex.js', 'lib'], parser: 'espree', sourceType: 'commonjs' },
      { pkg: 'eslint', paths: ['lib'], parser: 'espree', sourceType: 'commonjs' },
      // hono's ESM build; dist/cjs is the same code again as CommonJS.
      { pkg: 'hono', paths: ['dist'], exclude: ['dist/cjs'], parser: 'espree', sourceType: 'module' },
    ],
  },
  {
    name: 'ts',
    description: 'TypeScript sources shipped in npm packages (src/**/*.ts, no .d.ts)',
    sources: [
      { pkg: 'rxjs', paths: ['src'], parser: 'typescript' },
      { pkg: 'zod', paths: ['src'], parser: 'typescript' },
      { pkg: '@trpc/server', paths: ['src'], parser: 'typescript' },
    ],
  },
  {
    name: 'typescript.js',
    description: 'one very large file: typescript/lib/typescript.js',
    large: true,
    sources: [{ pkg: 'typescript', paths: ['lib/typescript.js'], parser: 'espree', sourceType: 'commonjs' }],
  },
  {
    name: 'typescript.js-x2',
    description: 'typescript.js twice in one file (scaling)',
    large: true,
    doubled: true,
    // Only the configurations of the targets: per-rule scaling comes from the all-rules run's per-rule stats.
    scalingOnly: true,
    sources: [{ pkg: 'typescript', paths: ['lib/typescript.js'], parser: 'espree', sourceType: 'commonjs' }],
  },
];

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = {
    runs: 3,
    largeRuns: 3,
    largeRuleRuns: 1,
    corpora: CORPORA.map((corpus) => corpus.name),
    build: true,
    write: undefined,
    plugin: join(PROJECT_ROOT, 'dist/index.js'),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const next = () => {
      index += 1;
      if (argv[index] === undefined) throw new Error(`missing value for ${flag}`);
      return argv[index];
    };
    if (flag === '--runs') options.runs = Number(next());
    else if (flag === '--large-runs') options.largeRuns = Number(next());
    else if (flag === '--large-rule-runs') options.largeRuleRuns = Number(next());
    else if (flag === '--corpus') options.corpora = next().split(',');
    else if (flag === '--quick') Object.assign(options, { runs: 1, largeRuns: 1, largeRuleRuns: 1, write: options.write ?? false });
    else if (flag === '--no-build') options.build = false;
    else if (flag === '--no-write') options.write = false;
    else if (flag === '--write') options.write = true;
    else if (flag === '--plugin') options.plugin = resolve(next());
    else if (flag === '--help') {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 5).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${flag}`);
  }
  options.write ??= true;
  for (const name of options.corpora) {
    if (!CORPORA.some((corpus) => corpus.name === name)) throw new Error(`unknown corpus ${name}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// Preparation: build, install the pinned corpus packages, copy the corpus
// ---------------------------------------------------------------------------------------------

function run(command, args, cwd) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
}

function pinnedPackages() {
  return JSON.parse(readFileSync(join(BENCH_DIR, 'package.json'), 'utf8')).dependencies;
}

function installedVersion(pkg) {
  const manifest = join(CORPUS_MODULES, pkg, 'package.json');
  return existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : undefined;
}

function ensureCorpusPackages() {
  const pinned = pinnedPackages();
  const stale = Object.entries(pinned).filter(([pkg, version]) => installedVersion(pkg) !== version);
  if (stale.length === 0) return pinned;
  console.log(`Installing the pinned corpus packages (${stale.map(([pkg]) => pkg).join(', ')} missing or different)`);
  const args = existsSync(join(BENCH_DIR, 'package-lock.json')) ? ['ci'] : ['install'];
  run('npm', [...args, '--prefix', BENCH_DIR, '--ignore-scripts', '--no-audit', '--no-fund'], PROJECT_ROOT);
  return pinned;
}

const SOURCE_FILE = /\.(?:js|cjs|mjs|ts)$/u;
const DECLARATION_FILE = /\.d\.[cm]?ts$/u;
/** Same intent as the plugin's NON_RUNTIME_IGNORES: the configs never lint tests, fixtures or tool configuration. */
const NON_RUNTIME_DIR = /^(?:test|tests|__tests__|__mocks__|fixtures|__fixtures__|migrations)$/u;
const NON_RUNTIME_FILE = /\.(?:test|spec|config)\.[^.]+$/u;

function listSourceFiles(root, path, exclude) {
  const absolute = join(root, path);
  if (exclude.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return [];
  const entries = readdirSync(absolute, { withFileTypes: true });
  return entries.flatMap((entry) => {
    const child = path ? `${path}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return NON_RUNTIME_DIR.test(entry.name) ? [] : listSourceFiles(root, child, exclude);
    const wanted = SOURCE_FILE.test(entry.name) && !DECLARATION_FILE.test(entry.name) && !NON_RUNTIME_FILE.test(entry.name);
    return entry.isFile() && wanted ? [child] : [];
  });
}

function sourcePaths(source) {
  const root = join(CORPUS_MODULES, source.pkg);
  return source.paths
    .flatMap((path) => (existsSync(join(root, path)) && !path.match(SOURCE_FILE) ? listSourceFiles(root, path, source.exclude ?? []) : [path]))
    .sort();
}

/** Copies a corpus into bench/.corpus/<name>/<pkg>/... and returns what the child processes need. */
function materializeCorpus(corpus) {
  const dir = join(CORPUS_DIR, corpus.name);
  rmSync(dir, { recursive: true, force: true });
  const files = [];
  for (const source of corpus.sources) {
    for (const path of sourcePaths(source)) {
      const from = join(CORPUS_MODULES, source.pkg, path);
      const to = join(dir, source.pkg, corpus.doubled ? path.replace(/\.js$/u, '-x2.js') : path);
      mkdirSync(dirname(to), { recursive: true });
      if (corpus.doubled) {
        // Top-level `var` may be declared twice in a script, so the plain concatenation parses (checked by every run).
        const text = readFileSync(from, 'utf8');
        writeFileSync(to, `${text}\n;\n${text}`);
      } else copyFileSync(from, to);
      files.push(relative(dir, to));
    }
  }
  const groups = corpus.sources.map((source) => ({ dir: source.pkg, parser: source.parser, sourceType: source.sourceType }));
  const bytes = files.reduce((sum, file) => sum + readFileSync(join(dir, file)).length, 0);
  return { ...corpus, dir, files, groups, bytes };
}

// ---------------------------------------------------------------------------------------------
// Measurement
// ---------------------------------------------------------------------------------------------

/**
 * Other work may rebuild dist/ while the bench runs; every child process loads the plugin anew, so
 * they all load a private copy of the build taken at the start (same package.json, same node_modules).
 */
function snapshotPlugin(pluginPath) {
  const dist = join(PROJECT_ROOT, 'dist');
  if (resolve(pluginPath) !== join(dist, 'index.js')) return { path: pluginPath, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'stateless-bench-plugin-'));
  cpSync(dist, join(dir, 'dist'), { recursive: true });
  copyFileSync(join(PROJECT_ROOT, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return { path: join(dir, 'dist/index.js'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

async function loadPlugin(pluginPath) {
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const strict = {};
  for (const config of plugin.configs?.strict ?? []) Object.assign(strict, config.rules);
  const ruleIds = Object.keys(plugin.rules ?? {})
    .sort()
    .map((name) => `stateless/${name}`);
  // Rules run with the strict config's options: the heaviest setting a user can pick.
  const ruleEntry = (id) => (Array.isArray(strict[id]) ? ['error', ...strict[id].slice(1)] : 'error');
  return { plugin, ruleIds, ruleEntry };
}

/** The plugin's file-role module, when the measured build has one (an older build may not). */
function fileRoleModuleOf(pluginPath) {
  const path = join(dirname(pluginPath), 'analysis/file-role.js');
  return existsSync(path) ? path : undefined;
}

/**
 * Configurations (a)-(d): each plugin rule alone, all plugin rules, the file-role classification
 * alone (which the first plugin rule of a file runs) with an empty rule beside it for ESLint's own
 * cost of one more rule, reference core rules alone, no rules.
 */
function configurations({ ruleIds, ruleEntry }, fileRolePath) {
  const configs = ruleIds.map((id) => ({ name: id, kind: 'rule', rules: { [id]: ruleEntry(id) } }));
  if (ruleIds.length > 0) {
    configs.push({ name: 'all plugin rules', kind: 'plugin', rules: Object.fromEntries(ruleIds.map((id) => [id, ruleEntry(id)])) });
  }
  if (fileRolePath) {
    configs.push({ name: 'file-role classification', kind: 'file-role', rules: { 'bench/file-role': 'error' } });
    configs.push({ name: 'empty rule', kind: 'empty', rules: { 'bench/empty': 'error' } });
  }
  for (const id of REFERENCE_RULES) configs.push({ name: id, kind: 'reference', rules: { [id]: 'error' } });
  configs.push({ name: 'no rules', kind: 'none', rules: {} });
  return configs;
}

function runChild(job, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = fork(CHILD, [], { execArgv: ['--expose-gc'], silent: true, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let answer;
    child.stdout.on('data', (data) => (stdout += data));
    child.stderr.on('data', (data) => (stderr += data));
    child.on('message', (message) => (answer = message));
    child.on('error', reject);
    const timer = setTimeout(() => {
      answer = { error: `timed out after ${CHILD_TIMEOUT_MS / 1000} s (one run)` };
      child.kill('SIGKILL');
    }, CHILD_TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (answer?.result && code === 0) resolvePromise({ ...answer.result, stdout });
      else reject(new Error(`bench child failed (exit ${code}):\n${answer?.error ?? ''}\n${stderr}`));
    });
    child.send(job);
  });
}

function jobFor(corpus, config, pluginPath) {
  return {
    resolveFrom: join(PROJECT_ROOT, 'package.json'),
    pluginPath,
    cwd: corpus.dir,
    files: corpus.files,
    groups: corpus.groups,
    rules: config.rules,
    gcAfterParse: Boolean(corpus.large),
    fileRolePath: config.kind === 'file-role' ? fileRoleModuleOf(pluginPath) : undefined,
  };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Time of the measured rules in one run: the sum of ESLint's per-rule stats over every file. */
function measuredRuleMs(result, config) {
  return Object.keys(config.rules).reduce((sum, id) => sum + (result.ruleMs[id] ?? 0), 0);
}

/** The configurations the targets are computed from; on the large files only these get every run. */
const TARGET_KINDS = new Set(['plugin', 'file-role', 'empty', 'none']);
const isTargetConfig = (config) => TARGET_KINDS.has(config.kind) || config.name === 'no-unused-vars';

function runsFor(corpus, config, options) {
  if (!corpus.large) return options.runs;
  if (isTargetConfig(config)) return options.largeRuns;
  return corpus.scalingOnly ? 0 : options.largeRuleRuns;
}

async function measureCorpus(corpus, allConfigs, options) {
  const configs = allConfigs.filter((config) => runsFor(corpus, config, options) > 0);
  const samples = new Map(configs.map((config) => [config.name, []]));
  const crashes = new Map();
  const maxRuns = Math.max(...configs.map((config) => runsFor(corpus, config, options)));
  let timingOutput = '';
  for (let runIndex = 0; runIndex < maxRuns; runIndex += 1) {
    // Rotate the order every run so that a slow phase of a loaded machine does not always hit the same configuration.
    const order = configs
      .map((_, index) => configs[(index + runIndex) % configs.length])
      .filter((config) => runIndex < runsFor(corpus, config, options) && !crashes.has(config.name));
    for (const config of order) {
      const withTiming = runIndex === 0 && config.kind === 'plugin';
      let result;
      try {
        result = await runChild(jobFor(corpus, config, options.plugin), withTiming ? { TIMING: 'all' } : {});
      } catch (error) {
        // A rule that throws cannot be timed: record the crash, keep measuring the other configurations.
        crashes.set(config.name, error.message);
        process.stdout.write('x');
        continue;
      }
      if (result.parseErrors.length > 0) {
        throw new Error(`corpus ${corpus.name} does not parse:\n${result.parseErrors.slice(0, 20).join('\n')}`);
      }
      if (withTiming) timingOutput = result.stdout.trim();
      samples.get(config.name).push({ ...result, ruleTimeMs: measuredRuleMs(result, config) });
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  const rows = configs.map((config) => {
    if (crashes.has(config.name)) return { config, crashed: crashes.get(config.name) };
    const list = samples.get(config.name);
    const pick = (key) => median(list.map((sample) => sample[key]));
    return {
      config,
      runs: list.length,
      ruleMs: pick('ruleTimeMs'),
      parseMs: pick('parseMs'),
      wallMs: pick('wallMs'),
      maxRssMb: pick('maxRssMb'),
      heapMb: pick('heapMb'),
      reports: Object.keys(config.rules).reduce((sum, id) => sum + (list[0].reports[id] ?? 0), 0),
      perRuleMs: Object.fromEntries(Object.keys(config.rules).map((id) => [id, median(list.map((sample) => sample.ruleMs[id] ?? 0))])),
      ratioToOwnParse: median(list.map((sample) => sample.ruleTimeMs / sample.parseMs)),
    };
  });
  return { corpus, rows, timingOutput };
}

async function measureMemoryGrowth(corpus, configs, pluginPath) {
  const growth = {};
  for (const config of configs.filter((candidate) => candidate.kind === 'plugin' || candidate.kind === 'none')) {
    try {
      const { steps } = await runChild({ ...jobFor(corpus, config, pluginPath), chunks: MEMORY_CHUNKS });
      growth[config.name] = steps;
      process.stdout.write('.');
    } catch (error) {
      growth[config.name] = { crashed: error.message };
      process.stdout.write('x');
    }
  }
  process.stdout.write('\n');
  return growth;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
const mb = (value) => value.toFixed(0);
const verdict = (ok) => (ok ? 'met' : '**NOT met**');

function corpusTable({ corpus, rows }) {
  const byName = (name) => rows.find((row) => row.config.name === name);
  const noUnusedVars = byName('no-unused-vars');
  const none = byName('no rules');
  const lines = [
    `### ${corpus.name}: ${corpus.description}`,
    '',
    `${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB; medians over runs; parse time (${corpus.sources[0].parser === 'typescript' ? '@typescript-eslint/parser' : 'espree'} + scope analysis) ${ms(none.parseMs)} ms without rules.`,
    '',
    '| configuration | runs | rule time ms | x parse (same run) | x no-unused-vars | lint wall ms | wall x no rules | peak RSS MB | reports |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const crashed = rows.filter((row) => row.crashed);
  for (const row of rows) {
    const isNone = row.config.kind === 'none';
    if (row.crashed) {
      lines.push(`| ${row.config.name} | - | **failed: crash or timeout** (below) | | | | | | |`);
      continue;
    }
    lines.push(
      `| ${row.config.kind === 'plugin' ? '**all plugin rules**' : row.config.name} | ${row.runs} | ${isNone ? '-' : ms(row.ruleMs)} | ${isNone ? '-' : ratio(row.ratioToOwnParse)} | ${isNone ? '-' : ratio(row.ruleMs / noUnusedVars.ruleMs)} | ${ms(row.wallMs)} | ${ratio(row.wallMs / none.wallMs)} | ${mb(row.maxRssMb)} | ${isNone ? '-' : row.reports} |`,
    );
  }
  for (const row of crashed) {
    lines.push('', `${row.config.name} failed:`, '', '```', row.crashed.split('\n').slice(0, 12).join('\n'), '```');
  }
  return lines.join('\n');
}

function targetLines(measured, memory) {
  const lines = ['| target | corpus | measured | limit | verdict |', '| --- | --- | ---: | ---: | --- |'];
  const results = [];
  for (const { corpus, rows } of measured) {
    const plugin = rows.find((row) => row.config.kind === 'plugin');
    if (!plugin) continue;
    if (plugin.crashed) {
      results.push(false);
      lines.push(`| all plugin rules | ${corpus.name} | failed (crash or timeout) | - | **NOT met** |`);
      continue;
    }
    const noUnusedVars = rows.find((row) => row.config.name === 'no-unused-vars');
    const vsNuv = plugin.ruleMs / noUnusedVars.ruleMs;
    const vsParse = plugin.ratioToOwnParse;
    results.push(vsNuv <= TARGETS.pluginVsNoUnusedVars, vsParse <= TARGETS.pluginVsParse);
    lines.push(`| all plugin rules / no-unused-vars | ${corpus.name} | ${ratio(vsNuv)} | ${TARGETS.pluginVsNoUnusedVars} | ${verdict(vsNuv <= TARGETS.pluginVsNoUnusedVars)} |`);
    lines.push(`| all plugin rules / parse | ${corpus.name} | ${ratio(vsParse)} | ${TARGETS.pluginVsParse} | ${verdict(vsParse <= TARGETS.pluginVsParse)} |`);
    // The classification's own cost: its rule's time less an empty rule's (ESLint's cost of any rule), over parse time.
    const fileRole = rows.find((row) => row.config.kind === 'file-role');
    const empty = rows.find((row) => row.config.kind === 'empty');
    if (fileRole?.crashed) {
      results.push(false);
      lines.push(`| file-role classification / parse | ${corpus.name} | failed (crash or timeout) | ${TARGETS.fileRoleVsParse} | **NOT met** |`);
    } else if (fileRole && empty && !empty.crashed) {
      const roleVsParse = (fileRole.ruleMs - empty.ruleMs) / fileRole.parseMs;
      results.push(roleVsParse <= TARGETS.fileRoleVsParse);
      lines.push(
        `| file-role classification less an empty rule / parse | ${corpus.name} | ${ratio(roleVsParse)} | ${TARGETS.fileRoleVsParse} | ${verdict(roleVsParse <= TARGETS.fileRoleVsParse)} |`,
      );
    }
  }
  const single = measured.find(({ corpus }) => corpus.name === 'typescript.js');
  const doubled = measured.find(({ corpus }) => corpus.name === 'typescript.js-x2');
  if (single && doubled) {
    const pluginOf = (entry) => entry.rows.find((row) => row.config.kind === 'plugin' && !row.crashed);
    const noneOf = (entry) => entry.rows.find((row) => row.config.kind === 'none');
    const hasPluginRules = single.rows.some((row) => row.config.kind === 'plugin');
    if (hasPluginRules && !(pluginOf(single) && pluginOf(doubled))) {
      results.push(false);
      lines.push(`| doubled / single file, plugin rule time | typescript.js | failed (crash or timeout) | ${TARGETS.doubledVsSingle} | **NOT met** |`);
    }
    if (pluginOf(single) && pluginOf(doubled)) {
      const scaling = pluginOf(doubled).ruleMs / pluginOf(single).ruleMs;
      results.push(scaling <= TARGETS.doubledVsSingle);
      lines.push(`| doubled / single file, plugin rule time | typescript.js | ${ratio(scaling)} | ${TARGETS.doubledVsSingle} | ${verdict(scaling <= TARGETS.doubledVsSingle)} |`);
      const wallScaling = pluginOf(doubled).wallMs / pluginOf(single).wallMs;
      lines.push(`| doubled / single file, lint wall time with the plugin (information) | typescript.js | ${ratio(wallScaling)} | - | - |`);
    }
    const parseScaling = noneOf(doubled).parseMs / noneOf(single).parseMs;
    lines.push(`| doubled / single file, parse time (reference) | typescript.js | ${ratio(parseScaling)} | - | - |`);
  }
  for (const [name, growth] of Object.entries(memory)) {
    const plugin = growth['all plugin rules'];
    const none = growth['no rules'];
    if (!plugin) continue;
    if (plugin.crashed) {
      results.push(false);
      lines.push(`| retained heap growth | ${name} | failed (crash or timeout) | - | **NOT met** |`);
      continue;
    }
    const heapGrowth = plugin.at(-1).heapMb - plugin[0].heapMb;
    const baselineGrowth = none.at(-1).heapMb - none[0].heapMb;
    const ok = heapGrowth - baselineGrowth <= HEAP_GROWTH_TOLERANCE_MB;
    results.push(ok);
    lines.push(
      `| retained heap growth from 1/${MEMORY_CHUNKS} to all files, plugin minus no rules | ${name} | ${(heapGrowth - baselineGrowth).toFixed(1)} MB | ${HEAP_GROWTH_TOLERANCE_MB} MB | ${verdict(ok)} |`,
    );
    const half = MEMORY_CHUNKS / 2 - 1;
    const rssGrowth = (steps) => `${mb(steps[half].maxRssMb)} -> ${mb(steps.at(-1).maxRssMb)}`;
    lines.push(`| peak RSS MB, half -> all files, plugin (no rules) (information) | ${name} | ${rssGrowth(plugin)} (${rssGrowth(none)}) | - | - |`);
  }
  return { table: lines.join('\n'), allMet: results.every(Boolean), count: results.length };
}

/** Per rule, from the all-plugin-rules runs: time on the doubled file against the single file. */
function scalingTable(measured) {
  const single = measured.find(({ corpus }) => corpus.name === 'typescript.js');
  const doubled = measured.find(({ corpus }) => corpus.name === 'typescript.js-x2');
  const pluginOf = (entry) => entry?.rows.find((row) => row.config.kind === 'plugin' && !row.crashed);
  if (!pluginOf(single) || !pluginOf(doubled)) return '(needs both typescript.js corpora and a plugin run that did not fail)';
  const lines = [
    'Per-rule time inside the all-plugin-rules runs (median), typescript.js-x2 against typescript.js; the target (<= 2.2) is on the sum.',
    '',
    '| rule | single file ms | doubled file ms | ratio |',
    '| --- | ---: | ---: | ---: |',
  ];
  for (const [id, singleMs] of Object.entries(pluginOf(single).perRuleMs)) {
    const doubledMs = pluginOf(doubled).perRuleMs[id] ?? 0;
    lines.push(`| ${id} | ${ms(singleMs)} | ${ms(doubledMs)} | ${ratio(doubledMs / singleMs)} |`);
  }
  lines.push(`| **all plugin rules** | ${ms(pluginOf(single).ruleMs)} | ${ms(pluginOf(doubled).ruleMs)} | ${ratio(pluginOf(doubled).ruleMs / pluginOf(single).ruleMs)} |`);
  return lines.join('\n');
}

function memoryTable(memory) {
  const lines = [
    `Each row is one process linting the corpus in ${MEMORY_CHUNKS} interleaved slices (one ESLint instance); after each slice: retained heap after a full GC, and peak RSS so far.`,
    '',
    '| corpus | configuration | ' + Array.from({ length: MEMORY_CHUNKS }, (_, index) => `after ${index + 1}/${MEMORY_CHUNKS}: heap / peak RSS MB`).join(' | ') + ' |',
    '| --- | --- |' + ' ---: |'.repeat(MEMORY_CHUNKS),
  ];
  for (const [name, growth] of Object.entries(memory)) {
    for (const [config, steps] of Object.entries(growth)) {
      if (steps.crashed) {
        lines.push(`| ${name} | ${config} | failed (crash or timeout) |${' |'.repeat(MEMORY_CHUNKS - 1)}`);
        continue;
      }
      lines.push(`| ${name} | ${config} | ${steps.map((step) => `${step.heapMb.toFixed(1)} / ${mb(step.maxRssMb)}`).join(' | ')} |`);
    }
  }
  return lines.join('\n');
}

function versionOf(pkg) {
  return JSON.parse(readFileSync(requireFromProject.resolve(`${pkg}/package.json`), 'utf8')).version;
}

function machineLines(options, ruleIds, loadBefore, loadAfter, minutes, pinned) {
  const cores = availableParallelism();
  const loaded = Math.max(loadBefore[0], loadAfter[0]) > cores * 0.5;
  return [
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 1024 ** 3).toFixed(1)} GB memory`,
    `- Load average (1/5/15 min) before: ${loadBefore.map((value) => value.toFixed(2)).join(' / ')}, after: ${loadAfter.map((value) => value.toFixed(2)).join(' / ')}${loaded ? ' -- **the machine was loaded by other work: absolute times are inflated and noisy, ratios less so**' : ''}`,
    `- Node ${process.version}, ESLint ${versionOf('eslint')}, espree ${versionOf('espree')}, @typescript-eslint/parser ${versionOf('@typescript-eslint/parser')}`,
    `- Plugin: ${relative(PROJECT_ROOT, options.pluginSource)}${options.pluginSource === options.plugin ? '' : ' (copied when the bench started)'} with ${ruleIds.length} rule(s) at strict options: ${ruleIds.join(', ') || '(none)'}`,
    `- Corpus packages (bench/package.json): ${Object.entries(pinned).map(([pkg, version]) => `${pkg}@${version}`).join(', ')}`,
    `- Runs (each lints the corpus once in a fresh process): ${options.runs} per configuration on js and ts; on typescript.js and typescript.js-x2 ${options.largeRuns} for all plugin rules, no-unused-vars and no rules (the targets); ${options.largeRuleRuns} for each rule alone and prefer-const on typescript.js, none on typescript.js-x2 (per-rule scaling is read from the all-rules runs); fewer runs on the large files keep the bench near 15 min on 2 cores. Whole bench: ${minutes.toFixed(1)} min`,
  ];
}

function writeResults(body) {
  const previous = existsSync(RESULTS_FILE) ? readFileSync(RESULTS_FILE, 'utf8') : '';
  const latest = /## Latest run\n([\s\S]*?)(?=\n## Previous run\n|$)/u.exec(previous)?.[1]?.trim();
  const text = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.mjs); method in bench/README.md. Each run moves the previous "Latest run" to "Previous run".',
    '',
    '## Latest run',
    '',
    body.trim(),
    '',
    '## Previous run',
    '',
    latest ?? '(none)',
    '',
  ].join('\n');
  writeFileSync(RESULTS_FILE, text);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const loadBefore = loadavg();
  if (options.build) run('npm', ['run', 'build'], PROJECT_ROOT);
  if (!existsSync(options.plugin)) throw new Error(`${options.plugin} is missing: run npm run build`);
  const snapshot = snapshotPlugin(options.plugin);
  options.pluginSource = options.plugin;
  options.plugin = snapshot.path;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      snapshot.cleanup();
      process.exit(1);
    });
  }
  try {
    await measureAndReport(options, started, loadBefore);
  } finally {
    snapshot.cleanup();
  }
}

async function measureAndReport(options, started, loadBefore) {
  const pinned = ensureCorpusPackages();
  const pluginInfo = await loadPlugin(options.plugin);
  const configs = configurations(pluginInfo, fileRoleModuleOf(options.plugin));
  console.log(`Rules measured: ${pluginInfo.ruleIds.join(', ') || '(the plugin has no rules yet)'}`);

  const measured = [];
  const memory = {};
  for (const definition of CORPORA.filter((corpus) => options.corpora.includes(corpus.name))) {
    const corpus = materializeCorpus(definition);
    const childRuns = configs.reduce((sum, config) => sum + runsFor(corpus, config, options), 0);
    console.log(`\n${corpus.name}: ${corpus.files.length} files, ${(corpus.bytes / 1e6).toFixed(2)} MB, ${configs.length} configurations, ${childRuns} runs`);
    const result = await measureCorpus(corpus, configs, options);
    measured.push(result);
    console.log(`\n${corpusTable(result)}\n`);
    if (!corpus.large) {
      console.log(`${corpus.name}: memory growth check`);
      memory[corpus.name] = await measureMemoryGrowth(corpus, configs, options.plugin);
    }
  }

  const minutes = (performance.now() - started) / 60_000;
  const targets = targetLines(measured, memory);
  const body = [
    ...machineLines(options, pluginInfo.ruleIds, loadBefore, loadavg(), minutes, pinned),
    '',
    '### Targets',
    '',
    targets.count > 0 ? targets.table : '(no plugin rules: nothing to compare)',
    '',
    ...measured.flatMap((result) => [corpusTable(result), '']),
    '### Scaling: doubled file against single file',
    '',
    scalingTable(measured),
    '',
    '### Memory growth with the number of files',
    '',
    Object.keys(memory).length > 0 ? memoryTable(memory) : '(measured on the js and ts corpora only; not selected in this run)',
    '',
    '### ESLint TIMING output (TIMING=all, all plugin rules, first run of each corpus)',
    '',
    '`bench/gc-after-parse` (large files only) is the bench\'s full GC between parsing and the rules, not a plugin rule.',
    '',
    ...measured.flatMap(({ corpus, timingOutput }) => (timingOutput ? [`${corpus.name}:`, '', '```', timingOutput, '```', ''] : [])),
  ].join('\n');
  console.log(`\n${body}`);
  console.log(targets.count > 0 ? `\nTargets: ${targets.allMet ? 'all met' : 'NOT all met'}` : '');
  if (options.write) {
    writeResults(body);
    console.log(`Wrote ${relative(PROJECT_ROOT, RESULTS_FILE)}`);
  } else console.log('(results not written: --no-write or --quick)');
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
