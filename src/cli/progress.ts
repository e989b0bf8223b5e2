import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import type { ESLint } from 'eslint';

/** Runs shorter than this never show a progress line. */
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const LINTABLE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;
/** A directory is skipped when a file directly inside it would be ignored (gitignore semantics). */
const PROBE_NAME = '__stateless_audit_probe__.js';

export interface Progress {
  stop(): void;
}

/**
 * Counts the files ESLint will lint, in parallel with linting, for the "done / total" display.
 * Only an estimate is needed: a directory whose probe file is ignored is not entered.
 */
async function countLintableFiles(eslint: ESLint, targets: readonly string[]): Promise<number> {
  let count = 0;
  const pending = [...targets];
  for (let target = pending.pop(); target !== undefined; target = pending.pop()) {
    let entries: Dirent[];
    try {
      if (!(await stat(target)).isDirectory()) {
        if (LINTABLE.test(target) && !(await eslint.isPathIgnored(target))) count += 1;
        continue;
      }
      if (await eslint.isPathIgnored(path.join(target, PROBE_NAME))) continue;
      entries = await readdir(target, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const entryPath = path.join(target, entry.name);
      if (entry.isDirectory()) pending.push(entryPath);
      else if (entry.isFile() && LINTABLE.test(entry.name) && !(await eslint.isPathIgnored(entryPath))) count += 1;
    }
  }
  return count;
}

/**
 * Shows `files done / total` on `stream` (a TTY) once the run has taken more than a second. Each
 * linted file posts one message on `channelName` (see `progress-plugin.ts`), from any thread.
 */
export function startProgress(
  stream: NodeJS.WriteStream,
  channelName: string,
  eslint: ESLint,
  targets: readonly string[],
): Progress {
  const channel = new BroadcastChannel(channelName);
  channel.unref();
  let done = 0;
  let total: number | null = null;
  let shown = false;
  channel.onmessage = () => {
    done += 1;
  };
  countLintableFiles(eslint, targets).then(
    (count) => {
      total = count;
    },
    () => undefined,
  );
  const draw = (): void => {
    shown = true;
    const of = total === null ? '' : `/${Math.max(total, done)}`;
    stream.write(`\r\u001B[Kstateless-audit: ${done}${of} files linted`);
  };
  let redraw: NodeJS.Timeout | undefined;
  const delay = setTimeout(() => {
    draw();
    redraw = setInterval(draw, REDRAW_EVERY_MS);
    redraw.unref();
  }, SHOW_AFTER_MS);
  delay.unref();
  return {
    stop() {
      clearTimeout(delay);
      clearInterval(redraw);
      channel.close();
      if (shown) stream.write('\r\u001B[K');
    },
  };
}
