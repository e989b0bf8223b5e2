import { readFile } from 'node:fs/promises';
import type { Finding } from './report.js';
import { compareText } from './source-text.js';

/**
 * One accepted finding. `fingerprint` hashes the normalised reported code (see `source-text.ts`),
 * so an entry still matches after the code moves to another line; `excerpt` is for human readers.
 */
export interface BaselineEntry {
  readonly file: string;
  readonly rule: string;
  readonly fingerprint: string;
  readonly excerpt?: string;
}

interface BaselineDocument {
  readonly version: 1;
  readonly tool: string;
  readonly entries: readonly BaselineEntry[];
}

export interface BaselineComparison {
  /** Findings not in the baseline: these are reported and fail the run. */
  readonly newFindings: readonly Finding[];
  /** Findings matched by a baseline entry. */
  readonly known: number;
  /** Baseline entries that no longer occur (fixed, or the code changed). */
  readonly stale: readonly BaselineEntry[];
}

const EXCERPT_LENGTH = 120;

/** Thrown when a baseline file cannot be read or is not a baseline: a usage error (exit 2). */
export class BaselineError extends Error {
  override readonly name = 'BaselineError';
}

function isEntry(value: unknown): value is BaselineEntry {
  if (typeof value !== 'object' || value === null) return false;
  const { file, rule, fingerprint } = value as Record<string, unknown>;
  return typeof file === 'string' && typeof rule === 'string' && typeof fingerprint === 'string';
}

export async function readBaseline(file: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BaselineError(`cannot read baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new BaselineError(`baseline ${file} is not valid JSON`);
  }
  const { version, entries } = (document ?? {}) as Partial<BaselineDocument>;
  if (version !== 1 || !Array.isArray(entries) || !entries.every(isEntry)) {
    throw new BaselineError(`${file} is not a stateless-audit baseline (version 1 with an entries array)`);
  }
  return entries;
}

function keyOf(file: string, rule: string, fingerprint: string): string {
  return `${file}\0${rule}\0${fingerprint}`;
}

/**
 * Matches findings to entries as multisets: two identical snippets in one file need two entries,
 * so a copy of accepted code is still reported as new.
 */
export function compareWithBaseline(findings: readonly Finding[], entries: readonly BaselineEntry[]): BaselineComparison {
  const remaining = new Map<string, BaselineEntry[]>();
  for (const entry of entries) {
    const key = keyOf(entry.file, entry.rule, entry.fingerprint);
    remaining.set(key, [...(remaining.get(key) ?? []), entry]);
  }
  const newFindings: Finding[] = [];
  let known = 0;
  for (const finding of findings) {
    const matches = remaining.get(keyOf(finding.file, finding.ruleId, finding.fingerprint));
    if (matches && matches.length > 0) {
      matches.pop();
      known += 1;
    } else {
      newFindings.push(finding);
    }
  }
  return { newFindings, known, stale: [...remaining.values()].flat() };
}

export function serialiseBaseline(findings: readonly Finding[], toolVersion: string): string {
  const entries = findings
    .map(
      (finding): BaselineEntry => ({
        file: finding.file,
        rule: finding.ruleId,
        fingerprint: finding.fingerprint,
        excerpt: finding.snippet.length > EXCERPT_LENGTH ? `${finding.snippet.slice(0, EXCERPT_LENGTH - 1)}…` : finding.snippet,
      }),
    )
    .sort((a, b) => compareText(a.file, b.file) || compareText(a.rule, b.rule) || compareText(a.fingerprint, b.fingerprint));
  const document: BaselineDocument = { version: 1, tool: `stateless-audit ${toolVersion}`, entries };
  return `${JSON.stringify(document, null, 2)}\n`;
}
