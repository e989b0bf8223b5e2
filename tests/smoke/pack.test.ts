/**
 * Packed-package smoke test: the tarball `npm pack` makes, installed into fresh projects with the
 * latest ESLint 9 and ESLint 10, used through an ESM config (`import` + `defineConfig`, both `extends`
 * forms), a CommonJS config (`require`), with and without `--concurrency 2`, and a TypeScript
 * config type-checked with `tsc`.
 */
import { cp, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_JS, fixtureKeys, FLOW_APP_JS } from '../cli/fixture.js';
import { findingKeys, writeFiles, type JsonResult } from '../cli/helpers.js';
import {
  createConsumerProject,
  packPlugin,
  REPO_ROOT,
  removeTempDir,
  run,
  type ConsumerProject,
  type PackedPlugin,
} from './pack.js';
import {
  actualFindings,
  copyService,
  expectedFindings,
  IGNORED_SERVICE_FILES,
  parseJsonOutput,
  readPluginFacts,
  type Finding,
  type PluginFacts,
} from './service-fixture.js';

const CONSUMER_FIXTURE = path.join(REPO_ROOT, 'tests/smoke/fixtures/consumer');

const ESLINT_LINES = [
  { label: 'eslint9', major: 9, range: '^9' },
  { label: 'eslint10', major: 10, range: '^10' },
] as const;

type Label = (typeof ESLINT_LINES)[number]['label'];

/** The consumer configs under test, each a file of `tests/smoke/fixtures/consumer`. */
const CONFIGS = [
  { file: 'eslint.config.mjs', how: 'ESM import, defineConfig extends: [stateless.configs.recommended]' },
  { file: 'eslint.plugin-string.config.mjs', how: "ESM import, plugins: { stateless }, extends: ['stateless/recommended']" },
  { file: 'eslint.config.cjs', how: "CommonJS require('eslint-plugin-stateless'), ...configs.recommended" },
] as const;

interface Setup {
  project: ConsumerProject;
  serviceDir: string;
  facts: PluginFacts;
  expected: Record<string, Finding[]>;
}

const started = performance.now();
let packed: PackedPlugin;
const setups = {} as Record<Label, Setup>;

async function prepare(label: Label, range: string): Promise<Setup> {
  const project = await createConsumerProject({
    label,
    packed,
    // The consumer declares the TS parser it configures (the plugin depends on it too, but a user must
    // not rely on a transitive dependency); TypeScript is the parser's peer and the type-check's compiler.
    dependencies: { eslint: range, '@typescript-eslint/parser': '^8', typescript: '~5.9' },
  });
  await cp(CONSUMER_FIXTURE, project.dir, { recursive: true });
  const serviceDir = await copyService(project.dir);
  const facts = await readPluginFacts(project.dir);
  return { project, serviceDir, facts, expected: await expectedFindings(serviceDir, new Set(facts.recommendedRuleIds)) };
}

async function lint(setup: Setup, args: readonly string[]) {
  const result = await run(process.execPath, [setup.project.eslintBin, '--format', 'json', ...args, 'service'], {
    cwd: setup.project.dir,
  });
  return { result, findings: actualFindings(parseJsonOutput(result), setup.serviceDir) };
}

beforeAll(async () => {
  const packStart = performance.now();
  packed = await packPlugin();
  console.log(
    `[smoke] ${packed.packedNow ? 'packed' : 'reused'} ${path.basename(packed.tarball)} (${packed.files.length} files)` +
      ` in ${Math.round(performance.now() - packStart)} ms`,
  );
  const prepared = await Promise.all(ESLINT_LINES.map(({ label, range }) => prepare(label, range)));
  ESLINT_LINES.forEach(({ label }, index) => {
    setups[label] = prepared[index]!;
  });
  const facts = prepared[0]!.facts;
  console.log(
    `[smoke] registered rules: ${facts.ruleIds.join(', ') || '(none yet)'}; recommended enables: ` +
      `${facts.recommendedRuleIds.join(', ') || '(none)'}`,
  );
});

afterAll(async () => {
  await Promise.all(Object.values(setups).map((setup) => removeTempDir(setup.project.dir)));
  console.log(`[smoke] suite wall time ${Math.round(performance.now() - started)} ms`);
});

describe('the packed tarball', () => {
  it('ships dist, docs, README and LICENSE, and no sources, tests or source maps', async () => {
    const files = packed.files;
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      bin?: Record<string, string>;
    };
    expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']));
    expect(files.some((file) => file.startsWith('docs/'))).toBe(true);
    expect(files.filter((file) => /^(?:src|tests?|bench|scripts|\.ci|node_modules)\//u.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(?:map|tsbuildinfo|tgz)$/u.test(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
    for (const target of Object.values(manifest.bin ?? {})) {
      expect(files, `bin target ${target} must be in the tarball`).toContain(path.posix.normalize(target));
    }
  });

  it('ships the code and the docs page of every registered rule', () => {
    const { ruleIds } = setups.eslint10.facts;
    for (const ruleId of ruleIds) {
      const name = ruleId.slice('stateless/'.length);
      expect(packed.files).toContain(`dist/rules/${name}.js`);
      expect(packed.files).toContain(`docs/rules/${name}.md`);
    }
  });
});

describe.each(ESLINT_LINES)('installed with ESLint $major ($range)', ({ label, major }) => {
  const setup = () => setups[label];

  it(`installs ESLint ${major} and the packed plugin`, () => {
    const { installed } = setup().project;
    expect(Number(installed.eslint?.split('.')[0])).toBe(major);
    expect(installed['eslint-plugin-stateless']).toBe(packed.version);
  });

  it('is one plugin object whether imported or required', () => {
    const { facts } = setup();
    expect(facts.sameObjectImportRequire).toBe(true);
    // Documented consequence of the 'module.exports' export: `require()` gives the plugin, not a namespace.
    expect(facts.requireDefaultIsUndefined).toBe(true);
    expect({ name: facts.name, version: facts.version, namespace: facts.namespace }).toEqual({
      name: 'eslint-plugin-stateless',
      version: packed.version,
      namespace: 'stateless',
    });
  });

  it('has recommended and strict configs that embed that plugin object and enable only its rules', () => {
    const { facts } = setup();
    expect(Object.keys(facts.configs).sort()).toEqual(['recommended', 'strict']);
    for (const [key, config] of Object.entries(facts.configs)) {
      expect(config.length).toBeGreaterThan(0);
      for (const object of config) {
        expect(object.name).toMatch(new RegExp(`^stateless/${key}`, 'u'));
        expect(object.pluginIsDefaultExport).toBe(true);
        expect(object.ignores).toEqual(expect.arrayContaining(['**/tests/**', '**/scripts/**', '**/fixtures/**']));
        for (const ruleId of object.ruleIds) expect(facts.ruleIds).toContain(ruleId);
      }
    }
    expect(facts.strictRuleIds).toEqual(expect.arrayContaining(facts.recommendedRuleIds));
    expect(facts.strictRuleIds).toEqual(facts.ruleIds);
    for (const ruleId of facts.ruleIds) {
      const meta = facts.ruleMeta[ruleId]!;
      expect(meta.type).toBe('problem');
      expect(meta.url).toMatch(new RegExp(`/docs/rules/${ruleId.slice('stateless/'.length)}\\.md$`, 'u'));
      expect(facts.recommendedRuleIds.includes(ruleId)).toBe(meta.recommended === 'recommended');
    }
  });

  it.each(CONFIGS)('reports exactly the expected rule ids and lines through $file ($how)', async ({ file }) => {
    const { result, findings } = await lint(setup(), ['--config', file]);
    console.log(`[smoke ${label}] eslint -c ${file}: ${result.ms} ms`);
    expect(findings).toEqual(setup().expected);
    for (const ignored of IGNORED_SERVICE_FILES) expect(findings[ignored]).toEqual([]);
  });

  it.each(CONFIGS.filter(({ file }) => file !== 'eslint.plugin-string.config.mjs'))(
    'reports the same with --concurrency 2 through $file',
    async ({ file }) => {
      const { result, findings } = await lint(setup(), ['--config', file, '--concurrency', '2']);
      console.log(`[smoke ${label}] eslint -c ${file} --concurrency 2: ${result.ms} ms`);
      expect(findings).toEqual(setup().expected);
    },
  );

  it('runs stateless-audit on Flow files (hermes-eslint from its own dependencies) and fails no file on an inline configuration comment', async () => {
    const { project, facts } = setup();
    const target = path.join(project.dir, 'audit-target');
    const inlineConfigs = ['/* eslint-env browser */', '/* global socket: bogus */', '/* eslint no-console: [2, */', '/* eslint some-plugin/rule: 2 */'];
    await writeFiles(target, {
      ...Object.fromEntries(inlineConfigs.map((comment, index) => [`src/inline${index}.js`, `${comment}\n${APP_JS}`])),
      'src/flow.js': FLOW_APP_JS,
      'src/broken.js': '// @flow\nconst x: = 1;\n',
    });
    const cli = path.join(project.dir, 'node_modules/eslint-plugin-stateless/dist/cli/stateless-audit.js');
    const result = await run(process.execPath, [cli, target, '--format', 'json'], { cwd: project.dir });
    console.log(`[smoke ${label}] stateless-audit: ${result.ms} ms`);
    const rules = facts.recommendedRuleIds.map((id) => id.slice('stateless/'.length));
    expect(findingKeys(target, JSON.parse(result.stdout) as JsonResult[])).toEqual(
      [
        ...inlineConfigs.flatMap((_, index) => fixtureKeys(`src/inline${index}.js`, rules, 1)),
        ...fixtureKeys('src/flow.js', rules),
        'src/broken.js:2 parse-error',
      ].sort(),
    );
  });

  it('type-checks a consumer eslint.config.ts using defineConfig, the plugin and its configs', async () => {
    const { project } = setup();
    const tsc = path.join(project.dir, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project.dir });
    console.log(`[smoke ${label}] tsc (typescript@${project.installed.typescript}) on eslint.config.ts: ${result.ms} ms`);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
