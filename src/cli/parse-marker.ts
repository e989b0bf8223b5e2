import type { ESLint } from 'eslint';

export const PARSE_MARKER_PLUGIN = 'stateless-audit-parse';
export const PARSE_MARKER_RULE_ID = `${PARSE_MARKER_PLUGIN}/parsed`;

/**
 * A rule that reports once per file. ESLint runs rules only on a file that parsed, so this
 * message is what tells a parse error apart from the fatal messages ESLint adds to a file that
 * parsed, one for each inline configuration comment it cannot apply. `lint.ts` removes it from
 * every result.
 */
export const parseMarkerPlugin: ESLint.Plugin = {
  meta: { name: PARSE_MARKER_PLUGIN },
  rules: {
    parsed: {
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
    },
  },
};
