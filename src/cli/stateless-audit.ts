#!/usr/bin/env node
import { UsageError } from './args.js';
import { runCli } from './audit.js';
import { BaselineError } from './baseline.js';

const EXIT_ERROR = 2;

/** Error messages (ESLint's own included) can run over several lines; the CLI promises one. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
  });
} catch (error) {
  const expected = error instanceof UsageError || error instanceof BaselineError;
  process.stderr.write(`stateless-audit: ${expected ? '' : 'error: '}${oneLine(error)}\n`);
  if (!expected && process.env.DEBUG?.includes('stateless-audit')) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  process.exitCode = EXIT_ERROR;
}
