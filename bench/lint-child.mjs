// One measurement of bench/run.mjs, in a fresh process so that every configuration starts cold and
// its peak memory (maxRSS) is its own. Receives the job over IPC, lints with ESLint's Node API and
// `stats: true`, answers with aggregated figures. Started with --expose-gc (retained-heap checks).
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const LINTED_FILES = ['**/*.{js,cjs,mjs,ts}'];

function languageOptionsFor(group, tsParser) {
  if (group.parser === 'typescript') return { parser: tsParser, sourceType: 'module' };
  return { ecmaVersion: 'latest', sourceType: group.sourceType };
}

/**
 * For the very large files: a full GC between parsing and the rules (ESLint calls every rule's
 * create() after parsing and before traversal). Otherwise the major GC owed for the parser's
 * gigabytes of AST and tokens lands inside whichever rule listener happens to allocate, and is
 * timed as that rule. Not timed as a measured rule; it runs in every configuration alike.
 */
const gcAfterParse = {
  meta: { type: 'problem', schema: [] },
  create() {
    globalThis.gc?.();
    return {};
  },
};

/**
 * The plugin's file-role classification alone, as the rules run it (once per file, from the
 * file's SourceCode), so that ESLint's stats time it like a rule. Measured against parse time.
 */
function fileRoleRule(classifyFile) {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      classifyFile(context.sourceCode, context.filename, context.cwd);
      return {};
    },
  };
}

/** A rule that does nothing: what ESLint itself spends on running one more rule in every file. */
const emptyRule = {
  meta: { type: 'problem', schema: [] },
  create() {
    return {};
  },
};

function buildConfig(job, plugin, tsParser, classifyFile) {
  const benchPlugin = {
    rules: { 'gc-after-parse': gcAfterParse, empty: emptyRule, ...(classifyFile ? { 'file-role': fileRoleRule(classifyFile) } : {}) },
  };
  return [
    {
      files: LINTED_FILES,
      // Comments in the corpus must not switch rules on or off: every file gets exactly the measured rule set.
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
      plugins: { stateless: plugin, bench: benchPlugin },
      // The rules are measured on every file, whatever its role: typescript.js opens with a release
      // banner and would otherwise be skipped as vendored, leaving nothing to measure. The
      // classification itself is timed on its own (the file-role configuration).
      settings: { stateless: { checkRoles: ['vendored', 'browser', 'test', 'tool', 'infrastructure'] } },
      rules: job.gcAfterParse ? { 'bench/gc-after-parse': 'error', ...job.rules } : job.rules,
    },
    ...job.groups.map((group) => ({
      files: [`${group.dir}/**/*.{js,cjs,mjs,ts}`],
      languageOptions: languageOptionsFor(group, tsParser),
    })),
    // The extension decides over the package's default, as it does for Node.
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  ];
}

function add(record, key, value) {
  record[key] = (record[key] ?? 0) + value;
}

/** Sums ESLint's per-file stats (parse time includes scope analysis; rule time includes create()). */
function summarize(results) {
  const summary = { files: results.length, parseMs: 0, totalMs: 0, ruleMs: {}, reports: {}, parseErrors: [] };
  for (const result of results) {
    for (const message of result.messages) {
      if (message.fatal) summary.parseErrors.push(`${result.filePath}:${message.line}:${message.column} ${message.message}`);
      else if (message.ruleId) add(summary.reports, message.ruleId, 1);
    }
    for (const pass of result.stats?.times.passes ?? []) {
      summary.parseMs += pass.parse.total;
      summary.totalMs += pass.total ?? 0;
      for (const [ruleId, time] of Object.entries(pass.rules ?? {})) add(summary.ruleMs, ruleId, time.total);
    }
  }
  return summary;
}

function retainedHeapMb() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function lintChunk(eslint, files) {
  const started = performance.now();
  const results = await eslint.lintFiles(files);
  const wallMs = performance.now() - started;
  return { wallMs, ...summarize(results) };
}

/** Memory job: lint the files in `chunks` interleaved slices with one ESLint instance, heap and peak RSS after each. */
async function runChunked(eslint, files, chunks) {
  const steps = [];
  for (let chunk = 0; chunk < chunks; chunk += 1) {
    const slice = files.filter((_, index) => index % chunks === chunk);
    const { wallMs, files: count } = await lintChunk(eslint, slice);
    steps.push({ filesSoFar: count + (steps.at(-1)?.filesSoFar ?? 0), wallMs, heapMb: retainedHeapMb(), maxRssMb: process.resourceUsage().maxRSS / 1024 });
  }
  return steps;
}

async function run(job) {
  const require = createRequire(job.resolveFrom);
  const { ESLint } = require('eslint');
  const tsParser = require('@typescript-eslint/parser');
  const plugin = (await import(pathToFileURL(job.pluginPath).href)).default;
  const classifyFile = job.fileRolePath ? (await import(pathToFileURL(job.fileRolePath).href)).classifyFile : undefined;
  const eslint = new ESLint({
    cwd: job.cwd,
    overrideConfigFile: true,
    overrideConfig: buildConfig(job, plugin, tsParser, classifyFile),
    stats: true,
    cache: false,
    fix: false,
    warnIgnored: false,
  });
  if (job.chunks) return { steps: await runChunked(eslint, job.files, job.chunks) };
  const summary = await lintChunk(eslint, job.files);
  const usage = process.resourceUsage();
  return { ...summary, heapMb: retainedHeapMb(), maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
}

process.once('message', (job) => {
  run(job).then(
    (result) => process.send({ result }, () => process.disconnect()),
    (error) => process.send({ error: String(error?.stack ?? error) }, () => process.disconnect()),
  );
});
