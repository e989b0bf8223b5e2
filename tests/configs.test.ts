import { createRequire } from 'node:module';
import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';
import type { StatelessDocs } from '../src/util/create-rule.js';

const packageJson = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

function enabledRules(config: Linter.Config[]): string[] {
  return config.flatMap((entry) => Object.keys(entry.rules ?? {})).sort();
}

describe('plugin', () => {
  it('describes itself from package.json', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'stateless' });
  });

  it('has at least one rule, each with docs, a description and a config level', () => {
    const entries = Object.entries(plugin.rules ?? {});
    expect(entries.length).toBeGreaterThan(0);
    for (const [, rule] of entries) {
      const docs = rule.meta?.docs as (StatelessDocs & { url?: string }) | undefined;
      expect(docs?.description).toMatch(/^Disallow /u);
      expect(['recommended', 'strict']).toContain(docs?.recommended);
      expect(rule.meta?.type).toBe('problem');
    }
  });
});

describe.each(['recommended', 'strict'] as const)('configs.%s', (name) => {
  const config = plugin.configs[name];

  it('is a named flat config that embeds the exported plugin object', () => {
    expect(config.length).toBeGreaterThan(0);
    for (const entry of config) {
      expect(entry.name).toBe(`stateless/${name}`);
      expect(entry.plugins?.stateless).toBe(plugin);
    }
  });

  it('covers every JS and TS extension and ignores code that never runs in a service', async () => {
    const eslint = new ESLint({ cwd: '/project', overrideConfigFile: true, overrideConfig: config });
    const applies = async (filename: string) => {
      const calculated = (await eslint.calculateConfigForFile(`/project/${filename}`)) as Linter.Config | undefined;
      return Object.hasOwn(calculated?.plugins ?? {}, 'stateless');
    };
    for (const extension of ['js', 'mjs', 'cjs', 'jsx', 'ts', 'mts', 'cts', 'tsx']) {
      expect(await applies(`src/app.${extension}`), extension).toBe(true);
    }
    for (const ignored of [
      'src/app.test.ts',
      'src/app.spec.js',
      'src/__tests__/app.js',
      'test/app.js',
      'tests/app.ts',
      'scripts/seed.js',
      'vite.config.ts',
      'db/migrations/001.js',
      'test-data/fixtures/a.js',
    ]) {
      expect(await applies(ignored), ignored).toBe(false);
    }
    for (const kept of ['infra/stack.ts', 'cdk/lib/stack.ts', 'pulumi/index.ts']) {
      expect(await applies(kept), kept).toBe(true);
    }
  });
});

describe('rule levels', () => {
  it('turns on each rule in the configs its docs name, recommended within strict', () => {
    const recommended = enabledRules(plugin.configs.recommended);
    const strict = enabledRules(plugin.configs.strict);
    const all = Object.keys(plugin.rules ?? {}).map((rule) => `stateless/${rule}`).sort();
    expect(strict).toEqual(all);
    for (const rule of recommended) expect(strict).toContain(rule);
    for (const [ruleName, rule] of Object.entries(plugin.rules ?? {})) {
      const level = (rule.meta?.docs as StatelessDocs).recommended;
      expect(recommended.includes(`stateless/${ruleName}`)).toBe(level === 'recommended');
    }
  });
});
