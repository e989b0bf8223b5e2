import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'stateless-audit.js');
const BUILD_LOCK = path.join(REPO_ROOT, 'dist', '.cli-test-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

function newestMtime(directory: string): number {
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const entryPath = path.join(directory, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(entryPath) : statSync(entryPath).mtimeMs);
  }
  return newest;
}

function isBuildFresh(): boolean {
  return existsSync(CLI) && statSync(CLI).mtimeMs >= newestMtime(path.join(REPO_ROOT, 'src'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The tests run the BUILT command. `npm test` builds first; `npx vitest run tests/cli` alone
 * builds here when `src/` is newer than `dist/`. A lock directory keeps parallel test files
 * from running two compilers into the same `dist/`.
 */
export async function ensureBuilt(): Promise<void> {
  for (let attempt = 0; !isBuildFresh(); attempt += 1) {
    mkdirSync(path.dirname(BUILD_LOCK), { recursive: true });
    try {
      mkdirSync(BUILD_LOCK);
    } catch {
      // A lock left by a killed test run must not block the next one forever.
      if (attempt > 600 || Date.now() - (statSync(BUILD_LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > STALE_LOCK_MS) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
      }
      await sleep(250);
      continue;
    }
    try {
      if (!isBuildFresh()) {
        execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
          cwd: REPO_ROOT,
          stdio: 'pipe',
        });
      }
    } catch (error) {
      const { stdout } = error as { stdout?: Buffer };
      throw new Error(`tsc -p tsconfig.build.json failed:\n${stdout?.toString() ?? String(error)}`);
    } finally {
      rmSync(BUILD_LOCK, { recursive: true, force: true });
    }
  }
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      {
        cwd: options.cwd ?? REPO_ROOT,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        if (code === null) reject(error);
        else resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Names (without prefix) of the rules registered in the built plugin. */
export function registeredRules(): string[] {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', `import p from ${JSON.stringify(path.join(REPO_ROOT, 'dist', 'index.js'))}; console.log(JSON.stringify(Object.keys(p.rules)));`],
    { encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `stateless-audit-${prefix}-`));
}

/** Writes `files` (relative path -> content) under a new temporary folder. */
export async function makeTarget(prefix: string, files: Record<string, string>): Promise<string> {
  const root = await makeTempDir(prefix);
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Record<string, string>): Promise<void> {
  for (const [file, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  }
}

export async function copyExample(name: string): Promise<string> {
  const root = await makeTempDir(name);
  await cp(path.join(REPO_ROOT, 'examples', name), root, { recursive: true });
  return root;
}

export async function removeDir(directory: string): Promise<void> {
  await rm(directory, { recursive: true, force: true });
}

export interface ExpectedFinding {
  readonly file: string;
  readonly line: number;
  readonly ruleId: string;
}

/** Entries of an example's EXPECTED.md: "- `file:line` `stateless/rule`: why". */
export async function readExpected(example: string): Promise<ExpectedFinding[]> {
  const text = await readFile(path.join(REPO_ROOT, 'examples', example, 'EXPECTED.md'), 'utf8');
  return [...text.matchAll(/^- `([^`:]+):(\d+)` `(stateless\/[a-z-]+)`/gmu)].map((match) => ({
    file: match[1]!,
    line: Number(match[2]),
    ruleId: match[3]!,
  }));
}

export interface JsonMessage {
  readonly ruleId: string | null;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fatal?: boolean;
}

export interface JsonResult {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
}

/** `file:line ruleId` for every message of ESLint JSON results, relative to `root`, sorted. */
export function findingKeys(root: string, results: readonly JsonResult[]): string[] {
  return results
    .flatMap((result) =>
      result.messages.map((message) => `${path.relative(root, result.filePath).split(path.sep).join('/')}:${message.line} ${message.ruleId ?? 'parse-error'}`),
    )
    .sort();
}
