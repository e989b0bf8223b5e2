import { BroadcastChannel } from 'node:worker_threads';
import type { ESLint, Rule } from 'eslint';
import { fileRoleOf } from '../analysis/file-role.js';

/** The audit's own rules, for what it needs to learn about each file; never shown as findings. */
export const AUDIT_PLUGIN = 'stateless-audit';
export const PARSE_MARKER_RULE_ID = `${AUDIT_PLUGIN}/parsed`;
export const ROLE_RULE_ID = `${AUDIT_PLUGIN}/file-role`;
export const PROGRESS_RULE_ID = `${AUDIT_PLUGIN}/progress`;

/**
 * A rule that reports once per file. ESLint runs rules only on a file that parsed, so this
 * message is what tells a parse error apart from the fatal messages ESLint adds to a file that
 * parsed, one for each inline configuration comment it cannot apply. `lint.ts` removes it from
 * every result.
 */
const parsedRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    schema: [],
    messages: { parsed: 'parsed' },
    docs: { description: 'Marks a file that parsed.' },
  },
  create(context) {
    return {
      Program(node) {
        context.report({ node, messageId: 'parsed' });
      },
    };
  },
};

/**
 * A rule that tells the audit each file's role: one message, at the file's start, for every file
 * that is not service code. It reads the same per-file verdict the plugin's rules gate on, so it
 * costs nothing more, and its message comes back from worker threads like any other result.
 */
const fileRoleRule: Rule.RuleModule = {
  meta: {
    type: 'suggestion',
    schema: [],
    docs: { description: "Reports the role of every file that is not service code, for the audit's summary." },
    messages: { role: '{{role}}: {{reason}}' },
  },
  create(context) {
    const verdict = fileRoleOf(context as unknown as Parameters<typeof fileRoleOf>[0]);
    if (verdict.role !== 'service') {
      context.report({ loc: { line: 1, column: 0 }, messageId: 'role', data: { role: verdict.role, reason: verdict.reason } });
    }
    return {};
  },
};

/**
 * A rule that reports nothing and posts one message per file it is created for. ESLint creates
 * rules once per linted file, in whichever thread lints it; a BroadcastChannel reaches the main
 * thread from every worker thread (and from the main thread itself when linting runs in-process).
 */
function createProgressRule(channelName: string): Rule.RuleModule {
  const channel = new BroadcastChannel(channelName);
  // Must not keep a worker thread alive after ESLint is done with it.
  channel.unref();
  return {
    meta: { type: 'suggestion', schema: [], docs: { description: 'Counts linted files for the progress line.' } },
    create() {
      channel.postMessage(1);
      return {};
    },
  };
}

/** The audit's plugin for one run; with a progress channel, it also counts linted files on it. */
export function createAuditPlugin(progressChannel: string | null): ESLint.Plugin {
  const rules: Record<string, Rule.RuleModule> = { parsed: parsedRule, 'file-role': fileRoleRule };
  if (progressChannel !== null) rules.progress = createProgressRule(progressChannel);
  return { meta: { name: AUDIT_PLUGIN }, rules };
}

/** The role and reason of a message of the role rule. */
export function parseRoleMessage(message: string): { role: string; reason: string } {
  const separator = message.indexOf(': ');
  return separator === -1 ? { role: message, reason: '' } : { role: message.slice(0, separator), reason: message.slice(separator + 2) };
}
