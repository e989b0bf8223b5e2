import { BroadcastChannel } from 'node:worker_threads';
import type { ESLint } from 'eslint';

/**
 * A rule that reports nothing and posts one message per file it is created for. ESLint creates
 * rules once per linted file, in whichever thread lints it; a BroadcastChannel reaches the main
 * thread from every worker thread (and from the main thread itself when linting runs in-process).
 */
export function createProgressPlugin(channelName: string): ESLint.Plugin {
  const channel = new BroadcastChannel(channelName);
  // Must not keep a worker thread alive after ESLint is done with it.
  channel.unref();
  return {
    meta: { name: 'stateless-audit-progress' },
    rules: {
      progress: {
        meta: { type: 'suggestion', schema: [], docs: { description: 'Counts linted files for the progress line.' } },
        create() {
          channel.postMessage(1);
          return {};
        },
      },
    },
  };
}
