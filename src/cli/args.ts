import { parseArgs } from 'node:util';

export const FORMATS = ['text', 'json', 'sarif', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  readonly output: string | null;
  readonly strict: boolean;
  /** As typed by the user; validated against the plugin's rules later. */
  readonly rules: readonly string[];
  readonly concurrency: number | 'auto' | 'off';
  /** True when `--concurrency` was given (a fallback without worker threads then says so). */
  readonly concurrencyRequested: boolean;
  readonly maxFindings: number | null;
  readonly baseline: string | null;
  readonly writeBaseline: string | null;
  /** Audit every file whatever its role (browser, test, vendored...), and the config's ignored folders too. */
  readonly allRoles: boolean;
}

export type Command = { kind: 'help' } | { kind: 'version' } | { kind: 'audit'; options: CliOptions };

/** A mistake in the command line: reported on one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  strict: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  'max-findings': { type: 'string' },
  baseline: { type: 'string' },
  'write-baseline': { type: 'string' },
  'all-roles': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return 'text';
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new UsageError(`unknown format '${value}' (expected ${FORMATS.join(', ')})`);
}

function parseCount(flag: string, value: string): number {
  if (!/^\d+$/u.test(value)) throw new UsageError(`${flag} expects a whole number, got '${value}'`);
  return Number(value);
}

function parseConcurrency(value: string | undefined): number | 'auto' | 'off' {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 'off';
  const count = /^\d+$/u.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1)) throw new UsageError(`--concurrency expects a positive number, 'auto' or 'off', got '${value}'`);
  return count;
}

function nonEmpty(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value === '') throw new UsageError(`${flag} expects a file name`);
  return value;
}

/** One line, in our words, for the errors `parseArgs` throws (its own messages run on). */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /--[\w-]+/u.exec(message ?? '')?.[0] ?? /'(-\w)'/u.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option ?? message}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /does not take/u.test(message ?? '') ? `option '${option}' does not take a value` : `option '${option}' needs a value`;
  }
  return (message ?? String(error)).split('\n')[0]!;
}

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const maxFindings = values['max-findings'];
  return {
    kind: 'audit',
    options: {
      paths: positionals.length > 0 ? positionals : ['.'],
      format: parseFormat(values.format),
      output: nonEmpty('--output', values.output),
      strict: values.strict ?? false,
      rules: values.rule ?? [],
      concurrency: parseConcurrency(values.concurrency),
      concurrencyRequested: values.concurrency !== undefined,
      maxFindings: maxFindings === undefined ? null : parseCount('--max-findings', maxFindings),
      baseline: nonEmpty('--baseline', values.baseline),
      writeBaseline: nonEmpty('--write-baseline', values['write-baseline']),
      allRoles: values['all-roles'] ?? false,
    },
  };
}

export function usage(ruleIds: readonly string[]): string {
  return `Usage: stateless-audit [options] [paths...]

Audits a Node.js service for Twelve-Factor factor VI (stateless processes) with the
eslint-plugin-stateless rules. Zero setup: the target's own ESLint configuration is never
loaded. Paths default to the current directory; findings are reported relative to the
scanned root (the folder given, or the common folder of several paths).

Options:
  -f, --format <name>        text (default), json, sarif or html
  -o, --output <file>        write the report to <file> instead of stdout
      --strict               use the strict config instead of recommended
      --rule <id>            run only this rule (repeatable), e.g. no-sticky-sessions
      --concurrency <n>      worker threads: a number, auto (default) or off
      --max-findings <n>     exit 0 while there are at most <n> findings
      --baseline <file>      report and fail only on findings not recorded in <file>
      --write-baseline <file>
                             record today's findings in <file> (exit 0)
      --all-roles            also audit files that never run in the service process
                             (browser, test, tool, vendored, infrastructure code and
                             the config's ignored folders such as test/ and scripts/)
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings (or within --max-findings), 1 findings, 2 usage error or crash.

Rules: ${ruleIds.length > 0 ? ruleIds.join(', ') : '(none registered)'}

Examples:
  stateless-audit                                  audit the current directory
  stateless-audit services/api --strict            audit one service with the strict config
  stateless-audit --rule no-sticky-sessions .      only look for sticky sessions
  stateless-audit -f html -o factor6.html          a self-contained HTML report
  stateless-audit -f sarif -o stateless.sarif      for GitHub code scanning
  stateless-audit --write-baseline .stateless-baseline.json
  stateless-audit --baseline .stateless-baseline.json
                                                   CI gate: fail on new findings only
`;
}
