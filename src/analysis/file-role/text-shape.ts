import type { TSESLint } from '@typescript-eslint/utils';
import { BROWSER_LIBRARY_NAMES, BUNDLER_MARKERS } from './catalog.js';

/**
 * Minified code: long lines on average, or one line that holds most of a large file. Hand-written
 * code averages under 40 characters a line; the thresholds leave room for long data literals.
 */
const MINIFIED_AVERAGE_LINE = 250;
const MINIFIED_LONG_LINE = 5_000;
const MINIFIED_MIN_SIZE = 2_000;

/** Only the file's opening is searched for a banner, so a huge file costs no more than a small one. */
const BANNER_WINDOW = 2_000;

/** A library's banner names it first: `/*! jQuery v3.7.1 |`, `@license React`, `// CodeMirror, copyright`. */
const BANNER_NAME_WINDOW = 120;
const BANNER_LEAD = /^[\s!*]*(?:@license\s+)?/u;

/** `// imported from https://github.com/unshiftio/yeast`: a file copied in from another project. */
const COPIED_FROM = /\b(?:imported|copied|vendored|taken) from https?:\/\/\S+/iu;

const VERSION = /\bv?\d+\.\d+(?:\.\d+)?\b/u;
const LICENCE_WORDS = /\b(?:licen[cs]e[ds]?|copyright)\b|\(c\)/iu;
const LIBRARY_NAME = new RegExp(
  `^(${BROWSER_LIBRARY_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})(?![\\w])`,
  'u',
);

/** Why the lines look minified, or null. `lines` are ESLint's own, split once for every rule. */
export function minifiedShape(sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const { text, lines } = sourceCode;
  if (text.length < MINIFIED_MIN_SIZE) return null;
  const average = text.length / lines.length;
  if (average > MINIFIED_AVERAGE_LINE) return `minified (average line length ${Math.round(average)})`;
  if (text.length <= MINIFIED_LONG_LINE) return null;
  let seen = 0;
  for (const line of lines) {
    if (line.length > MINIFIED_LONG_LINE && line.length * 2 > text.length) return `minified (one line of ${line.length} characters)`;
    seen += line.length;
    // The lines still ahead hold less than half the text, so none of them can be the one.
    if (seen * 2 >= text.length) return null;
  }
  return null;
}

/**
 * A bundler's runtime opens its output: webpack's bootstrap and module table, a chunk's
 * `self.webpackChunk…push(`, Parcel's prelude, a UMD wrapper. Searching only the opening keeps a
 * large hand-written file from being scanned once per marker.
 */
const BUNDLER_WINDOW = 16_000;

/** One pass for every marker instead of one scan each. */
const BUNDLER_MARKER = new RegExp(BUNDLER_MARKERS.map((marker) => marker.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'u');

/** The bundler runtime the file's opening carries, or null. */
export function bundlerMarker(text: string): string | null {
  return BUNDLER_MARKER.exec(text.length > BUNDLER_WINDOW ? text.slice(0, BUNDLER_WINDOW) : text)?.[0] ?? null;
}

/**
 * A library's release banner as the first comment: a preserved (`/*!`) or `@license` comment that
 * carries a version, a known browser library's name with a copyright or licence, or a note that
 * the file was copied from another project's URL.
 * First-party headers (`/*! express MIT Licensed *\/`) have no version and name no such library.
 */
export function libraryBanner(sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  const [first] = sourceCode.ast.comments ?? [];
  if (!first || first.range[0] > BANNER_WINDOW) return null;
  const firstToken = sourceCode.ast.tokens[0];
  if (firstToken && firstToken.range[0] < first.range[0]) return null;
  const banner = first.value.slice(0, BANNER_WINDOW);
  // The URL test only runs on banners that hold one.
  const copied = banner.includes('http') ? COPIED_FROM.exec(banner) : null;
  if (copied) return `copied from another project (${copied[0].replace(/\s+https?:.*/u, '').toLowerCase()})`;
  const released = first.type === 'Block' && (banner.startsWith('!') || banner.includes('@license'));
  if (released && VERSION.test(banner)) return 'release banner with a version';
  const lead = BANNER_LEAD.exec(banner)?.[0].length ?? 0;
  const named = LIBRARY_NAME.exec(banner.slice(lead, lead + BANNER_NAME_WINDOW));
  return named && LICENCE_WORDS.test(banner) ? `licence banner of ${named[1]}` : null;
}
