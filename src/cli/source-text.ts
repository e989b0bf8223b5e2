import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export interface Range {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number | undefined;
  readonly endColumn?: number | undefined;
}

/** Reads files as ESLint saw them: UTF-8 without a byte order mark. Unreadable files map to ''. */
export async function readSources(filePaths: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(filePaths)];
  const texts = await Promise.all(
    unique.map((filePath) =>
      readFile(filePath, 'utf8').then(
        (text) => text.replace(/^\uFEFF/u, ''),
        () => '',
      ),
    ),
  );
  return new Map(unique.map((filePath, index) => [filePath, texts[index] ?? '']));
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029]/u);
}

/** The source text of a reported range (ESLint lines and columns are 1-based, end column exclusive). */
export function textOfRange(lines: readonly string[], range: Range): string {
  const startLine = lines[range.line - 1] ?? '';
  if (range.endLine === undefined || range.endColumn === undefined) return startLine;
  if (range.endLine === range.line) return startLine.slice(range.column - 1, range.endColumn - 1);
  const middle = lines.slice(range.line, range.endLine - 1);
  const last = (lines[range.endLine - 1] ?? '').slice(0, range.endColumn - 1);
  return [startLine.slice(range.column - 1), ...middle, last].join('\n');
}

/** Whitespace-insensitive form of reported code: re-indenting or re-wrapping it keeps its identity. */
export function normaliseCode(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * The line-independent identity of a finding's code. The normalised reported text, or the whole
 * reported line when the range is empty; moving the code to another line keeps the fingerprint.
 */
export function codeFingerprint(lines: readonly string[], range: Range): { snippet: string; fingerprint: string } {
  let snippet = normaliseCode(textOfRange(lines, range));
  if (snippet === '') snippet = normaliseCode(lines[range.line - 1] ?? '');
  const fingerprint = createHash('sha256').update(snippet).digest('hex').slice(0, 24);
  return { snippet, fingerprint };
}

/** Locale-independent ordering, so reports and baselines are identical on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
