import { createRequire } from 'node:module';
import type { ESLint, Linter } from 'eslint';
import { NON_RUNTIME_IGNORES, SOURCE_FILES } from './configs/ignores.js';
import { rules } from './rules/index.js';
import type { StatelessDocs } from './util/create-rule.js';

const { name, version } = createRequire(import.meta.url)('../package.json') as { name: string; version: string };

type ConfigName = 'recommended' | 'strict';

export interface StatelessPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: 'stateless' };
  configs: { recommended: Linter.Config[]; strict: Linter.Config[] };
}

function rulesFor(config: ConfigName): Linter.RulesRecord {
  const enabled: Linter.RulesRecord = {};
  for (const [ruleName, rule] of Object.entries(rules)) {
    const docs = rule.meta.docs as StatelessDocs | undefined;
    const level = docs?.recommended;
    if (!(level === 'recommended' || (config === 'strict' && level === 'strict'))) continue;
    enabled[`stateless/${ruleName}`] =
      config === 'strict' && docs?.strictOptions ? ['error', ...docs.strictOptions] : 'error';
  }
  return enabled;
}

const plugin: StatelessPlugin = {
  meta: { name, version, namespace: 'stateless' },
  rules: rules as unknown as ESLint.Plugin['rules'],
  configs: { recommended: [], strict: [] },
};

function createConfig(config: ConfigName): Linter.Config[] {
  return [
    {
      name: `stateless/${config}`,
      files: SOURCE_FILES,
      ignores: NON_RUNTIME_IGNORES,
      plugins: { stateless: plugin },
      rules: rulesFor(config),
    },
  ];
}

// Configs refer back to the one exported plugin object: ESLint refuses two different objects under one namespace.
plugin.configs.recommended = createConfig('recommended');
plugin.configs.strict = createConfig('strict');

export default plugin;
export { plugin as 'module.exports' };
