import type { ESLint, Rule } from 'eslint';
import { fileRoleOf } from '../analysis/file-role.js';

export const ROLE_RULE_ID = 'stateless-audit-role/file-role';

/**
 * A rule that tells the audit each file's role: one message, at the file's start, for every file
 * that is not service code. It reads the same per-file verdict the plugin's rules gate on, so it
 * costs nothing more, and its message comes back from worker threads like any other result.
 */
export function createRolePlugin(): ESLint.Plugin {
  return {
    meta: { name: 'stateless-audit-file-role' },
    rules: {
      'file-role': {
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
      } satisfies Rule.RuleModule,
    },
  };
}

/** The role and reason of a message of the role rule. */
export function parseRoleMessage(message: string): { role: string; reason: string } {
  const separator = message.indexOf(': ');
  return separator === -1 ? { role: message, reason: '' } : { role: message.slice(0, separator), reason: message.slice(separator + 2) };
}
