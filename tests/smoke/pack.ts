/**
 * Shared by the packed-package smoke test and the real-client tests: the plugin as npm publishes it
 * (`npm pack`, cached per content of what gets packed) and throw-away consumer projects that install
 * that tarball from a temporary directory, like a user would.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** What `files` in package.json ships, plus package.json itself: the inputs of the tarball. */
const PACKED_INPUTS = ['package.json', 'README.md', 'LICENSE', 'dist', 'docs'];

const CACHE_ROOT = path.join(os.tmpdir(), 'eslint-plugin-stateless-pack');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time in milliseconds. */
  ms: number;
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/**
 * The environment for child npm / node processes. `npm test` exports its own lifecycle and package
 * variables (`npm_package_*`, `npm_config_local_prefix`, ...); a child npm must not mistake the
 * repository for the project it installs into, so only npm's user-level settings are passed on.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_cache', 'npm_config_registry', 'npm_config_userconfig', 'npm_config_globalconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.toLowerCase().startsWith('npm_') && !keep.has(key.toLowerCase())) continue;
    if (key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/** Runs a command without a shell and resolves with its exit code and output (never rejects on exit code). */
export function run(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? childEnv(),
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
        shell: process.platform === 'win32',
      },
      (error, stdout, stderr) => {
        const ms = Math.round(performance.now() - started);
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr, ms });
      },
    );
  });
}

/** Like `run`, but throws with the output when the command exits non-zero. */
export async function runOk(command: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(
      `\`${command} ${args.join(' ')}\` exited ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result;
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** A hash of everything `npm pack` would put in the tarball, so an unchanged build is packed once. */
async function hashPackedInputs(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of PACKED_INPUTS) {
    const absolute = path.join(REPO_ROOT, input);
    if (!existsSync(absolute)) continue;
    const files = (await stat(absolute)).isDirectory() ? await listFiles(absolute) : [absolute];
    for (const file of files.sort()) {
      hash.update(path.relative(REPO_ROOT, file)).update('\0').update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 20);
}

/** True when the process that took a lock is gone (its pid no longer exists). */
async function lockOwnerIsGone(lockDir: string): Promise<boolean> {
  const owner = Number(await readFile(path.join(lockDir, 'owner'), 'utf8').catch(() => 'NaN'));
  if (!Number.isInteger(owner)) return false;
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Runs `task` while holding a lock directory, so that test files running in parallel workers do not
 * build or pack at the same time. A lock whose owner process died, or older than `staleMs`, is broken.
 */
async function withLock<T>(lockDir: string, task: () => Promise<T>, staleMs = 3 * 60_000): Promise<T> {
  const deadline = Date.now() + 2 * staleMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      await writeFile(path.join(lockDir, 'owner'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - (await stat(lockDir).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age > staleMs || (age > 1_000 && (await lockOwnerIsGone(lockDir)))) {
        await rm(lockDir, { recursive: true, force: true });
      }
      if (Date.now() > deadline) throw new Error(`Timed out waiting for lock ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

/** `npm test` builds first; a lone `vitest run tests/smoke` may not have, so build then. */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(path.join(REPO_ROOT, 'dist/index.js'))) return;
  await mkdir(CACHE_ROOT, { recursive: true });
  await withLock(path.join(CACHE_ROOT, 'build.lock'), async () => {
    if (existsSync(path.join(REPO_ROOT, 'dist/index.js'))) return;
    console.log('[pack] dist/index.js is missing: running `npm run build`');
    await runOk(npm, ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000 });
  });
}

export interface PackedPlugin {
  /** Absolute path of `eslint-plugin-stateless-<version>.tgz`. */
  tarball: string;
  name: string;
  version: string;
  /** Paths inside the tarball, relative to its `package/` folder, sorted. */
  files: string[];
  /** True when this call ran `npm pack`, false when it reused a tarball of identical content. */
  packedNow: boolean;
}

async function tarballFiles(tarball: string): Promise<string[]> {
  const { stdout } = await runOk('tar', ['-tzf', tarball], { cwd: path.dirname(tarball) });
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('package/') && !line.endsWith('/'))
    .map((line) => line.slice('package/'.length))
    .sort();
}

/**
 * Packs the repository with `npm pack` (scripts off: the build is `npm test`'s first step, and the
 * tarball must contain exactly the `dist` that was hashed) and caches the tarball under
 * `os.tmpdir()`, keyed by the content of everything packed.
 */
export async function packPlugin(): Promise<PackedPlugin> {
  await ensureBuilt();
  const { name, version } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  const cacheDir = path.join(CACHE_ROOT, await hashPackedInputs());
  const tarball = path.join(cacheDir, `${name}-${version}.tgz`);
  await mkdir(CACHE_ROOT, { recursive: true });
  const packedNow = await withLock(`${cacheDir}.lock`, async () => {
    if (existsSync(tarball)) return false;
    const staging = await mkdtemp(path.join(CACHE_ROOT, 'staging-'));
    await runOk(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', staging], {
      cwd: REPO_ROOT,
      timeoutMs: 120_000,
    });
    await rm(cacheDir, { recursive: true, force: true });
    await rename(staging, cacheDir);
    return true;
  });
  if (!existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
  return { tarball, name, version, files: await tarballFiles(tarball), packedNow };
}

export interface ConsumerProject {
  dir: string;
  /** Installed version of every direct dependency, read from its package.json in node_modules. */
  installed: Record<string, string>;
  installMs: number;
  /** Absolute path of the installed ESLint's CLI script. */
  eslintBin: string;
}

export interface ConsumerOptions {
  /** Used in the temp directory's name and in the log line. */
  label: string;
  packed: PackedPlugin;
  /** Registry dependencies besides the plugin, e.g. `{ eslint: '^10' }`. */
  dependencies: Record<string, string>;
}

/**
 * Creates a fresh project under `os.tmpdir()` (`"type": "module"`, like most new services) and installs
 * the packed plugin plus `dependencies` into it, the way a user would.
 */
export async function createConsumerProject({ label, packed, dependencies }: ConsumerOptions): Promise<ConsumerProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `stateless-consumer-${label}-`));
  await writeFile(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: `consumer-${label}`, private: true, type: 'module' }, null, 2)}\n`,
  );
  const specs = [packed.tarball, ...Object.entries(dependencies).map(([dep, range]) => `${dep}@${range}`)];
  const result = await runOk(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', ...specs], {
    cwd: dir,
    timeoutMs: 240_000,
  });
  const installed: Record<string, string> = {};
  for (const dep of [packed.name, ...Object.keys(dependencies)]) {
    const manifest = JSON.parse(await readFile(path.join(dir, 'node_modules', dep, 'package.json'), 'utf8')) as {
      version: string;
    };
    installed[dep] = manifest.version;
  }
  console.log(
    `[consumer ${label}] npm install ${specs.map((spec) => (spec === packed.tarball ? path.basename(spec) : spec)).join(' ')}` +
      ` -> ${Object.entries(installed)
        .map(([dep, version]) => `${dep}@${version}`)
        .join(', ')} in ${result.ms} ms (${dir})`,
  );
  return { dir, installed, installMs: result.ms, eslintBin: path.join(dir, 'node_modules/eslint/bin/eslint.js') };
}

/** Removes a temp directory this suite created (never anything outside `os.tmpdir()`). */
export async function removeTempDir(dir: string | undefined): Promise<void> {
  if (!dir || !path.resolve(dir).startsWith(path.resolve(os.tmpdir()) + path.sep)) return;
  await rm(dir, { recursive: true, force: true });
}
