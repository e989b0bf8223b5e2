#!/usr/bin/env node
// Crash-free sweep (issue 7): lints the real code under the project's own node_modules with every
// rule of the built plugin on (strict options), and re-parses every suggestion's output.
//
//   node scripts/sweep.mjs [--plugin dist/index.js] [--max-files 20000] [--seed stateless]
//                          [--jobs 2] [--root node_modules]
//
// A crash (an exception thrown while a rule runs) or a suggestion whose output no longer parses
// is a failure; files the parser itself rejects are counted and listed, never failures.
// Extensions: .js .mjs .cjs .jsx (espree: module, then CommonJS, then with JSX) and .ts .mts .cts .tsx
// (@typescript-eslint/parser). `.d.ts` files are included: the plugin's configs match `**/*.ts`, so
// users' declaration files are linted too, and ambient shapes (`declare module`, `export =`,
// `declare const x: Map<...>`) must not crash a rule. Reports inside .d.ts are counted separately.
// Files over 1 MB are skipped (listed). Above --max-files candidates, a seeded hash ranking picks the sample.
// The last line is `N passed, N failed` (CI reads that form); the exit code is 1 on any failure.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_FILE_BYTES = 1024 * 1024;
/** With more candidates than this, a deterministic hash-ranked sample keeps the run within a few minutes on 2 cores. */
const DEFAULT_MAX_FILES = 20_000;
const DEFAULT_SEED = 'stateless';
const EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx']);
/** Virtual directory the files are linted under: real paths sit in node_modules, which ESLint ignores by default. */
const VIRTUAL_CWD = '/sweep';
const MAX_LISTED = 200;

function parseArgs(argv) {
  const options = {
    plugin: join(PROJECT_ROOT, 'dist/index.js'),
    root: join(PROJECT_ROOT, 'node_modules'),
    maxFiles: DEFAULT_MAX_FILES,
    seed: DEFAULT_SEED,
    jobs: Math.max(1, Math.min(2, availableParallelism())),
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index];
    const value = argv[index + 1];
    if (flag === '--help') {
      console.log('node scripts/sweep.mjs [--plugin path] [--root dir] [--max-files N] [--seed S] [--jobs N]');
      process.exit(0);
    }
    if (value === undefined) throw new Error(`missing value for ${flag}`);
    index += 1;
    if (flag === '--plugin') options.plugin = resolve(value);
    else if (flag === '--root') options.root = resolve(value);
    else if (flag === '--max-files') options.maxFiles = Number(value);
    else if (flag === '--seed') options.seed = value;
    else if (flag === '--jobs') options.jobs = Number(value);
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

// ---------------------------------------------------------------------------------------------
// File selection (main thread)
// ---------------------------------------------------------------------------------------------

/** Every source file under root; symlinks are skipped so that `.bin` entries and linked packages count once. */
function collectFiles(root) {
  const files = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile() && EXTENSIONS.has(extname(entry.name))) files.push(path);
    }
  }
  return files.sort();
}

function hashRank(seed, path) {
  return createHash('sha1').update(`${seed}\0${path}`).digest('hex');
}

/** Keeps the maxFiles paths with the smallest seeded hash: deterministic, and stable when packages are added. */
function sampleFiles(relativePaths, maxFiles, seed) {
  if (relativePaths.length <= maxFiles) return relativePaths;
  return relativePaths
    .map((path) => ({ path, rank: hashRank(seed, path) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, maxFiles)
    .map(({ path }) => path)
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Linting (worker threads)
// ---------------------------------------------------------------------------------------------

/** Parser attempts per extension, first success wins (plain JS: module, then CommonJS, then with JSX). */
const PARSE_ATTEMPTS = {
  '.mjs': ['esm', 'esm-jsx'],
  '.cjs': ['cjs', 'cjs-jsx'],
  '.js': ['esm', 'cjs', 'esm-jsx', 'cjs-jsx'],
  '.jsx': ['esm-jsx', 'cjs-jsx'],
  '.ts': ['ts'],
  '.mts': ['ts'],
  '.cts': ['ts'],
  '.tsx': ['tsx'],
};

function languageOptionsFor(variant, tsParser) {
  if (variant === 'ts' || variant === 'tsx') {
    return {
      parser: tsParser,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: variant === 'tsx' } },
    };
  }
  return {
    ecmaVersion: 'latest',
    sourceType: variant.startsWith('esm') ? 'module' : 'commonjs',
    parserOptions: { ecmaFeatures: { jsx: variant.endsWith('-jsx') } },
  };
}

/** The namespace the sweep gives the plugin's rules a second time, at their default options. */
export const DEFAULTS_NAMESPACE = 'stateless-defaults';

/**
 * Every rule of the plugin at error, with the options the strict config gives it (defaults
 * otherwise). A rule whose strict options differ from its defaults also runs at its defaults, under
 * `stateless-defaults/`: the recommended reading can take code paths the strict one skips.
 */
export function sweepRules(plugin) {
  const strictRules = {};
  for (const config of plugin.configs?.strict ?? []) Object.assign(strictRules, config.rules);
  const rules = {};
  for (const name of Object.keys(plugin.rules ?? {}).sort()) {
    const id = `stateless/${name}`;
    const entry = strictRules[id];
    rules[id] = Array.isArray(entry) ? ['error', ...entry.slice(1)] : 'error';
    if (Array.isArray(entry) && entry.length > 1) rules[`${DEFAULTS_NAMESPACE}/${name}`] = 'error';
  }
  return rules;
}

async function createLintSession(pluginPath) {
  const require = (await import('node:module')).createRequire(join(PROJECT_ROOT, 'package.json'));
  const { Linter } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = (await import(pathToFileURL(pluginPath).href)).default;
  const rules = sweepRules(plugin);
  const linter = new Linter({ configType: 'flat', cwd: VIRTUAL_CWD });
  const variants = ['esm', 'cjs', 'esm-jsx', 'cjs-jsx', 'ts', 'tsx'];
  const configFor = (withRules) =>
    Object.fromEntries(
      variants.map((variant) => [
        variant,
        [
          {
            files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
            languageOptions: languageOptionsFor(variant, tsParser),
            // Inline `eslint-disable` / `/* eslint rule: off */` comments must not hide a crash.
            linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
            plugins: { stateless: plugin, [DEFAULTS_NAMESPACE]: { rules: plugin.rules } },
            rules: withRules ? rules : {},
          },
        ],
      ]),
    );
  return { linter, rules, lintConfigs: configFor(true), parseConfigs: configFor(false) };
}

function fatalMessage(messages) {
  return messages.find((message) => message.fatal);
}

function ruleOfError(error) {
  if (error && typeof error === 'object' && typeof error.ruleId === 'string') return error.ruleId;
  const loading = /Error while loading rule '([^']+)'/u.exec(String(error?.message ?? error));
  return loading ? loading[1] : '(unknown)';
}

function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

function lintOne(session, absolutePath, relativePath, tally) {
  // ESLint drops a byte order mark before parsing; report and suggestion ranges are relative to the text without it.
  const text = readFileSync(absolutePath, 'utf8').replace(/^\uFEFF/u, '');
  const filename = `${VIRTUAL_CWD}/${relativePath}`;
  let firstParseError;
  for (const variant of PARSE_ATTEMPTS[extname(relativePath)]) {
    let messages;
    try {
      messages = session.linter.verify(text, session.lintConfigs[variant], { filename });
    } catch (error) {
      tally.crashes.push({
        file: relativePath,
        parser: variant,
        rule: ruleOfError(error),
        stack: String(error?.stack ?? error),
      });
      return;
    }
    const fatal = fatalMessage(messages);
    if (fatal) {
      firstParseError ??= `${fatal.line}:${fatal.column} ${fatal.message}`;
      continue;
    }
    tally.passed += 1;
    tally.parsers[variant] = (tally.parsers[variant] ?? 0) + 1;
    const isDeclaration = /\.d\.[mc]?ts$/u.test(relativePath);
    for (const message of messages) {
      // Messages without a rule are ESLint's own notes (e.g. inline config ignored under noInlineConfig).
      if (message.ruleId === null) continue;
      const rule = message.ruleId;
      tally.reports[rule] = (tally.reports[rule] ?? 0) + 1;
      if (isDeclaration) tally.declarationReports[rule] = (tally.declarationReports[rule] ?? 0) + 1;
      const edits = [
        ...(message.fix ? [{ kind: 'fix', desc: 'autofix', fix: message.fix }] : []),
        ...(message.suggestions ?? []).map((suggestion) => ({ kind: 'suggestion', desc: suggestion.desc, fix: suggestion.fix })),
      ];
      for (const edit of edits) {
        tally[edit.kind === 'fix' ? 'fixesChecked' : 'suggestionsChecked'] += 1;
        const output = applyFix(text, edit.fix);
        const broken = fatalMessage(session.linter.verify(output, session.parseConfigs[variant], { filename }));
        if (broken) {
          tally.brokenEdits.push({
            file: relativePath,
            parser: variant,
            rule,
            kind: edit.kind,
            report: `${message.line}:${message.column} ${message.message}`,
            edit: `${edit.desc} (range ${edit.fix.range.join('-')}, text ${JSON.stringify(edit.fix.text)})`,
            parseError: `${broken.line}:${broken.column} ${broken.message}`,
          });
        }
      }
    }
    return;
  }
  tally.parseFailures.push({ file: relativePath, error: firstParseError });
}

function emptyTally() {
  return {
    passed: 0,
    parsers: {},
    reports: {},
    declarationReports: {},
    suggestionsChecked: 0,
    fixesChecked: 0,
    crashes: [],
    brokenEdits: [],
    parseFailures: [],
  };
}

async function runWorker({ pluginPath, root, files }) {
  const session = await createLintSession(pluginPath);
  const tally = emptyTally();
  for (const relativePath of files) lintOne(session, join(root, relativePath), relativePath, tally);
  return tally;
}

if (!isMainThread) {
  Error.stackTraceLimit = 40;
  runWorker(workerData).then(
    (tally) => parentPort.postMessage({ tally }),
    (error) => parentPort.postMessage({ error: String(error?.stack ?? error) }),
  );
}

// ---------------------------------------------------------------------------------------------
// Orchestration and report (main thread)
// ---------------------------------------------------------------------------------------------

function runInWorker(data) {
  return new Promise((resolvePromise, reject) => {
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: data });
    worker.once('message', (message) => {
      if (message.error) reject(new Error(`sweep worker failed:\n${message.error}`));
      else resolvePromise(message.tally);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

function mergeCounts(target, source) {
  for (const [key, value] of Object.entries(source)) target[key] = (target[key] ?? 0) + value;
}

function mergeTallies(tallies) {
  const total = emptyTally();
  for (const tally of tallies) {
    total.passed += tally.passed;
    total.suggestionsChecked += tally.suggestionsChecked;
    total.fixesChecked += tally.fixesChecked;
    mergeCounts(total.parsers, tally.parsers);
    mergeCounts(total.reports, tally.reports);
    mergeCounts(total.declarationReports, tally.declarationReports);
    total.crashes.push(...tally.crashes);
    total.brokenEdits.push(...tally.brokenEdits);
    total.parseFailures.push(...tally.parseFailures);
  }
  const byFile = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
  total.crashes.sort(byFile);
  total.brokenEdits.sort(byFile);
  total.parseFailures.sort(byFile);
  return total;
}

function printList(title, items, format) {
  console.log(`\n${title}: ${items.length}`);
  for (const item of items.slice(0, MAX_LISTED)) console.log(format(item));
  if (items.length > MAX_LISTED) console.log(`  ... and ${items.length - MAX_LISTED} more`);
}

/** One crash cause often hits many files: print each (rule, message, top frame) once with its full stack, then its files. */
function printCrashes(crashes) {
  const groups = new Map();
  for (const crash of crashes) {
    const lines = crash.stack.split('\n');
    const signature = [crash.rule, lines[0], lines.find((line) => line.trimStart().startsWith('at ')) ?? ''].join('\n');
    if (!groups.has(signature)) groups.set(signature, []);
    groups.get(signature).push(crash);
  }
  console.log(`\nRule crashes: ${crashes.length} (${groups.size} distinct)`);
  for (const group of groups.values()) {
    const [first] = group;
    console.log(`  rule ${first.rule}, ${group.length} file(s), first: ${first.file} [${first.parser}]`);
    console.log(first.stack.replace(/^/gmu, '    '));
    for (const crash of group.slice(1, MAX_LISTED)) console.log(`    also: ${crash.file} [${crash.parser}]`);
    if (group.length > MAX_LISTED) console.log(`    ... and ${group.length - MAX_LISTED} more`);
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const { rules } = await createLintSession(options.plugin);
  const ruleIds = Object.keys(rules);
  console.log(`Plugin: ${relative(PROJECT_ROOT, options.plugin)}, ${ruleIds.length} rules at strict options (${DEFAULTS_NAMESPACE}/: at their defaults):`);
  for (const id of ruleIds) console.log(`  ${id}: ${JSON.stringify(rules[id])}`);
  if (ruleIds.length === 0) console.log('  (the plugin has no rules yet: the sweep only checks that the harness runs)');

  const all = collectFiles(options.root).map((path) => relative(options.root, path));
  const oversized = [];
  const candidates = [];
  for (const path of all) {
    if (statSync(join(options.root, path)).size > MAX_FILE_BYTES) oversized.push(path);
    else candidates.push(path);
  }
  const declarationCount = candidates.filter((path) => /\.d\.[mc]?ts$/u.test(path)).length;
  const sample = sampleFiles(candidates, options.maxFiles, options.seed);
  console.log(`\nRoot: ${relative(PROJECT_ROOT, options.root) || '.'}`);
  console.log(`Files found: ${all.length} (${[...EXTENSIONS].join(' ')}), skipped > 1 MB: ${oversized.length}`);
  console.log(`Candidates: ${candidates.length} (of which .d.ts: ${declarationCount}, linted like any TypeScript file)`);
  console.log(
    sample.length === candidates.length
      ? `Sample: all ${sample.length} candidates (max ${options.maxFiles}, seed ${JSON.stringify(options.seed)} unused)`
      : `Sample: ${sample.length} of ${candidates.length} (the ${options.maxFiles} smallest sha1(seed + path), seed ${JSON.stringify(options.seed)})`,
  );

  const jobs = Math.max(1, Math.min(options.jobs, sample.length || 1));
  const shares = Array.from({ length: jobs }, (_, job) => sample.filter((_, index) => index % jobs === job));
  const tally = mergeTallies(
    await Promise.all(shares.map((files) => runInWorker({ pluginPath: options.plugin, root: options.root, files }))),
  );

  console.log(`\nLinted: ${tally.passed} files in ${((performance.now() - started) / 1000).toFixed(1)} s with ${jobs} worker(s)`);
  console.log(`Parsers used: ${JSON.stringify(tally.parsers)}`);
  console.log('Reports per rule (in .d.ts files in brackets):');
  for (const id of ruleIds) {
    console.log(`  ${id}: ${tally.reports[id] ?? 0} [${tally.declarationReports[id] ?? 0}]`);
  }
  for (const [id, count] of Object.entries(tally.reports)) {
    if (!ruleIds.includes(id)) console.log(`  ${id} (not a plugin rule): ${count}`);
  }
  console.log(`Suggestions checked: ${tally.suggestionsChecked}, autofixes checked: ${tally.fixesChecked}`);
  printList('Parse failures (the parser rejects the file; not a failure)', tally.parseFailures, (item) => `  ${item.file}: ${item.error}`);
  printList('Skipped > 1 MB', oversized, (path) => `  ${path}`);
  printCrashes(tally.crashes);
  printList(
    'Broken suggestions/fixes (output does not parse)',
    tally.brokenEdits,
    (item) =>
      `  ${item.file} [${item.parser}] rule ${item.rule} ${item.kind}\n    report: ${item.report}\n    edit: ${item.edit}\n    parse error: ${item.parseError}`,
  );
  const failed = tally.crashes.length + tally.brokenEdits.length;
  console.log(`\nTotal: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${tally.passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (isMainThread) {
  main().catch((error) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  });
}
