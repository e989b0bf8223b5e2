import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as espree from 'espree';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../src/index.js';

const DOCS_DIR = join(import.meta.dirname, '..', 'docs', 'rules');

interface Example {
  readonly verdict: 'incorrect' | 'correct';
  readonly heading: string;
  readonly language: string;
  readonly code: string;
  readonly line: number;
}

/** Fenced blocks under `### ❌ Incorrect…` / `### ✅ Correct…` headings, up to the next heading. */
function extractExamples(markdown: string): Example[] {
  const examples: Example[] = [];
  const lines = markdown.split('\n');
  let verdict: Example['verdict'] | undefined;
  let heading = '';
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const headingMatch = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (headingMatch) {
      heading = headingMatch[2]!;
      verdict = heading.startsWith('❌ Incorrect') ? 'incorrect' : heading.startsWith('✅ Correct') ? 'correct' : undefined;
      continue;
    }
    const fence = /^```(\w*)\s*$/u.exec(line);
    if (!fence) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    if (verdict) {
      examples.push({ verdict, heading, language: fence[1] ?? '', code: lines.slice(start, end).join('\n'), line: start });
    }
    index = end;
  }
  return examples;
}

function languageOptionsFor(language: string): { languageOptions: Linter.LanguageOptions; filename: string } {
  switch (language) {
    case 'ts':
    case 'typescript':
      return { languageOptions: { parser: tsParser as Linter.Parser }, filename: 'example.ts' };
    case 'tsx':
      return {
        languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        filename: 'example.tsx',
      };
    case 'cjs':
      return { languageOptions: { parser: espree as Linter.Parser, sourceType: 'commonjs', ecmaVersion: 'latest' }, filename: 'example.cjs' };
    case 'js':
    case 'javascript':
    case 'jsx':
    case 'mjs':
      return {
        languageOptions: {
          parser: espree as Linter.Parser,
          sourceType: 'module',
          ecmaVersion: 'latest',
          parserOptions: { ecmaFeatures: { jsx: true } },
        },
        filename: 'example.mjs',
      };
    default:
      throw new Error(`example code fences must name their language (js, cjs, ts, tsx), got "${language}"`);
  }
}

function lintExample(ruleName: string, example: Example): Linter.LintMessage[] {
  const { languageOptions, filename } = languageOptionsFor(example.language);
  const linter = new Linter({ configType: 'flat' });
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.*'],
        languageOptions,
        plugins: { stateless: plugin },
        rules: { [`stateless/${ruleName}`]: 'error' },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
    ],
    filename,
  );
}

const ruleNames = Object.keys(plugin.rules ?? {});

describe('rule docs', () => {
  it('every docs page belongs to a rule', () => {
    const pages = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).filter((file) => file.endsWith('.md')) : [];
    expect(pages.map((file) => file.replace(/\.md$/u, '')).sort()).toEqual([...ruleNames].sort());
  });

  describe.each(ruleNames)('%s', (ruleName) => {
    const rule = plugin.rules![ruleName]!;
    const path = join(DOCS_DIR, `${ruleName}.md`);
    const markdown = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const examples = extractExamples(markdown);

    it('has the required sections and one heading per option', () => {
      expect(markdown).toContain(`# stateless/${ruleName}`);
      for (const heading of ['## Rule Details', '## When Not To Use It']) expect(markdown).toContain(`\n${heading}\n`);
      const schema = Array.isArray(rule.meta?.schema) ? rule.meta.schema : [];
      const optionNames = schema.flatMap((entry) => Object.keys((entry as { properties?: object }).properties ?? {}));
      if (optionNames.length > 0) expect(markdown).toContain('\n## Options\n');
      for (const option of optionNames) expect(markdown).toContain(`\n### \`${option}\``);
    });

    it('has incorrect and correct examples', () => {
      expect(examples.filter((example) => example.verdict === 'incorrect').length).toBeGreaterThan(0);
      expect(examples.filter((example) => example.verdict === 'correct').length).toBeGreaterThan(0);
    });

    it('links its docs page', () => {
      expect(rule.meta?.docs?.url).toMatch(new RegExp(`/docs/rules/${ruleName}\\.md$`, 'u'));
    });

    it.each(examples.map((example) => [`${example.verdict} example at line ${example.line} (${example.heading})`, example] as const))(
      '%s',
      (_label, example) => {
        const messages = lintExample(ruleName, example);
        const fatal = messages.filter((message) => message.fatal || message.ruleId === null);
        expect(fatal, 'the example must parse and its config comments must be valid').toEqual([]);
        const reports = messages.filter((message) => message.ruleId === `stateless/${ruleName}`);
        if (example.verdict === 'incorrect') expect(reports.length).toBeGreaterThan(0);
        else expect(reports).toEqual([]);
      },
    );
  });
});
