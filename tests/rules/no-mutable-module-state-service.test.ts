import { readFileSync } from 'node:fs';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/no-mutable-module-state.js';

const SERVICE = readFileSync(new URL('fixtures/no-mutable-module-state/presence-service.js', import.meta.url), 'utf8');

/** The reports on the fixture service, as `line name`, with the given options. */
function reports(options: Record<string, unknown> = {}): string[] {
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    SERVICE,
    {
      files: ['**/*.js'],
      languageOptions: { ecmaVersion: 'latest', sourceType: 'module', globals: { process: 'readonly', console: 'readonly' } },
      plugins: { stateless: { rules: { 'no-mutable-module-state': rule as never } } },
      rules: { 'stateless/no-mutable-module-state': ['error', options] },
    },
    'src/presence-service.js',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => `${message.line} ${/'([^']+)'/u.exec(message.message)?.[1]}`);
}

/** The line of the first line of the fixture that contains `text`. */
function lineOf(text: string): number {
  const index = SERVICE.split('\n').findIndex((line) => line.includes(text));
  expect(index, text).toBeGreaterThanOrEqual(0);
  return index + 1;
}

describe('no-mutable-module-state on a realistic service', () => {
  it('reports exactly the request counter, the user map and the exported store', () => {
    expect(reports()).toEqual([`${lineOf('requestCount++')} requestCount`, `${lineOf('usersById.set(')} usersById`, `${lineOf('store.push(')} store`]);
  });

  it('reports every run-time write with allowPerProcess: false (the strict config)', () => {
    const strict = reports({ allowPerProcess: false });
    for (const write of [
      'settings = { ...settings',
      'io = server',
      "state = 'stopping'",
      'sweeper = setTimeout',
      '(clients[type] =',
      'chain = chain.then',
      'ready = true',
      'cursor = 0',
      'sockets.add(ws)',
      'requestCount++',
      'usersById.set(',
      'store.push(',
      "state = 'running'",
    ]) {
      expect(strict.some((report) => report.startsWith(`${lineOf(write)} `)), write).toBe(true);
    }
  });
});
