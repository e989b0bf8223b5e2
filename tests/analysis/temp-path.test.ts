import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { classifyPathString, createDestinationEvaluator, type DestinationKind } from '../../src/analysis/temp-path.js';
import type { ParserName } from '../rule-tester.js';
import { runInRule } from './run-in-rule.js';

/** Classifies the first argument of every `sink(...)` call (or `prefix(...)` for mkdtemp prefixes), in order. */
function classifyAll(code: string, parser: ParserName, allowedPaths: readonly string[] = []): DestinationKind[] {
  const sinks: TSESTree.CallExpression[] = [];
  const dynamicImports: TSESTree.ImportExpression[] = [];
  return runInRule(
    code,
    parser,
    (sourceCode) => {
      const evaluator = createDestinationEvaluator(sourceCode, { allowedPaths, dynamicImports });
      return sinks.map((sink) => {
        const argument = sink.arguments[0]!;
        const name = (sink.callee as TSESTree.Identifier).name;
        return name === 'prefix' ? evaluator.classifyPrefix(argument) : evaluator.classify(argument);
      });
    },
    () => ({
      CallExpression(node: TSESTree.CallExpression) {
        if (node.callee.type === AST_NODE_TYPES.Identifier && (node.callee.name === 'sink' || node.callee.name === 'prefix')) sinks.push(node);
      },
      ImportExpression(node: TSESTree.ImportExpression) {
        dynamicImports.push(node);
      },
    }),
  );
}

function classify(code: string, parser: ParserName = 'esm', allowedPaths: readonly string[] = []): DestinationKind {
  const kinds = classifyAll(code, parser, allowedPaths);
  if (kinds.length !== 1) throw new Error(`expected one sink, found ${kinds.length}`);
  return kinds[0]!;
}

describe('classifyPathString', () => {
  it.each<[string, DestinationKind]>([
    ['/tmp', 'temp'],
    ['/tmp/', 'temp'],
    ['/tmp/uploads/a.png', 'temp'],
    ['/var/tmp/cache', 'temp'],
    ['/tmpfoo/a', 'absolute'],
    ['/tmp/../etc/passwd', 'absolute'],
    ['/dev/null', 'temp'],
    ['/dev/stdout', 'temp'],
    ['/dev/stderr', 'temp'],
    ['/dev/sda', 'absolute'],
    ['/var/lib/app/db.sqlite', 'absolute'],
    ['file:///tmp/x', 'temp'],
    ['C:\\data\\x', 'absolute'],
    ['uploads/', 'app'],
    ['./data.json', 'app'],
    ['tmp/x', 'app'],
    ['', 'app'],
    [':memory:', 'temp'],
  ])('%j -> %s', (text, expected) => {
    expect(classifyPathString(text)).toBe(expected);
  });

  it('matches allowed paths by segment', () => {
    expect(classifyPathString('/run/app/x', ['/run/app'])).toBe('temp');
    expect(classifyPathString('/run/app', ['/run/app/'])).toBe('temp');
    expect(classifyPathString('/run/application/x', ['/run/app'])).toBe('absolute');
    expect(classifyPathString('./cache/x', ['cache'])).toBe('temp');
    expect(classifyPathString('cachefile', ['cache'])).toBe('app');
  });
});

describe('createDestinationEvaluator: temp roots', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ["import os from 'os'; sink(os.tmpdir());", 'esm', 'temp'],
    ["import * as os from 'node:os'; sink(os.tmpdir());", 'esm', 'temp'],
    ["import { tmpdir } from 'node:os'; sink(tmpdir());", 'esm', 'temp'],
    ["import { tmpdir as t } from 'os'; sink(t());", 'ts', 'temp'],
    ["const os = require('os'); sink(os.tmpdir());", 'cjs', 'temp'],
    ["const { tmpdir } = require('node:os'); sink(tmpdir());", 'cjs', 'temp'],
    ["sink(require('os').tmpdir());", 'cjs', 'temp'],
    ["const os = await import('node:os'); sink(os.tmpdir());", 'esm', 'temp'],
    ["import os = require('os'); sink(os.tmpdir());", 'ts', 'temp'],
    ['sink(process.env.TMPDIR);', 'esm', 'temp'],
    ["sink(process.env['TEMP']);", 'cjs', 'temp'],
    ["sink(process.env.TMPDIR || '/tmp');", 'esm', 'temp'],
    ['const { TMPDIR } = process.env; sink(TMPDIR);', 'esm', 'temp'],
    ["sink('/tmp/x.json');", 'esm', 'temp'],
    ["sink('/var/tmp/x');", 'esm', 'temp'],
    ["sink('/dev/null');", 'esm', 'temp'],
    ['sink(1);', 'esm', 'temp'],
    ['sink(2);', 'esm', 'temp'],
    ['sink(process.stdout.fd);', 'esm', 'temp'],
    ['sink(process.stderr);', 'esm', 'temp'],
    ["import tempDir from 'temp-dir'; sink(tempDir);", 'esm', 'temp'],
    ["import process from 'node:process'; sink(process.env.TMPDIR);", 'esm', 'temp'],
    ["import { env } from 'node:process'; const { TMP } = env; sink(`${TMP}/x`);", 'esm', 'temp'],
    ["import process from 'node:process'; sink(process.stdout.fd);", 'esm', 'temp'],
    ["import process from 'node:process'; sink(process.env.DATA_DIR);", 'esm', 'unknown'],
    ["const tempDir = require('temp-dir'); sink(tempDir);", 'cjs', 'temp'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });
});

describe('createDestinationEvaluator: composition', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ["import path from 'path'; import os from 'os'; sink(path.join(os.tmpdir(), 'x'));", 'esm', 'temp'],
    ["import { join } from 'node:path'; import { tmpdir } from 'node:os'; sink(join(tmpdir(), 'a', name));", 'esm', 'temp'],
    ["const path = require('path'); const os = require('os'); sink(path.posix.join(os.tmpdir(), 'x'));", 'cjs', 'temp'],
    ["import path from 'path'; import os from 'os'; sink(path.join(os.tmpdir(), '..', 'x'));", 'esm', 'absolute'],
    ["import path from 'path'; sink(path.join('/tmp', 'uploads', name));", 'esm', 'temp'],
    ["import path from 'path'; sink(path.join(name, '/tmp'));", 'esm', 'unknown'],
    ["import path from 'path'; import os from 'os'; sink(path.resolve(os.tmpdir(), 'x'));", 'esm', 'temp'],
    ["import path from 'path'; import os from 'os'; sink(path.resolve(os.tmpdir(), '/var/data', 'x'));", 'esm', 'absolute'],
    ["import path from 'path'; import os from 'os'; sink(path.resolve('/var/data', os.tmpdir(), 'x'));", 'esm', 'temp'],
    ["import path from 'path'; sink(path.resolve('data'));", 'esm', 'app'],
    ["import path from 'path'; sink(path.resolve(dir, 'data'));", 'esm', 'unknown'],
    ["import os from 'os'; sink(`${os.tmpdir()}/x`);", 'esm', 'temp'],
    ["import os from 'os'; sink(os.tmpdir() + '/' + name);", 'esm', 'temp'],
    ["import os from 'os'; import path from 'path'; sink(os.tmpdir() + path.sep + name);", 'esm', 'temp'],
    ["import os from 'os'; sink(os.tmpdir() + 'x');", 'esm', 'absolute'],
    ["import os from 'os'; sink(os.tmpdir() + name);", 'esm', 'unknown'],
    ['sink(`/tmp/${name}`);', 'esm', 'temp'],
    ['sink(`/tmp${name}`);', 'esm', 'unknown'],
    ['sink(`/tmpfoo/${name}`);', 'esm', 'absolute'],
    ["sink('/tmp/' + name);", 'esm', 'temp'],
    ["import os from 'os'; const base = os.tmpdir(); const file = `${base}/a.txt`; sink(file);", 'esm', 'temp'],
    ["import os from 'os'; const config = { scratch: os.tmpdir() }; sink(config.scratch);", 'esm', 'temp'],
    ["const config = { paths: { uploads: './uploads' } }; sink(config.paths.uploads);", 'esm', 'app'],
    ["const { uploads } = { uploads: '/srv/uploads' }; sink(uploads);", 'esm', 'absolute'],
    ["import os from 'os'; sink(isTest ? os.tmpdir() : '/tmp/x');", 'esm', 'temp'],
    ["import os from 'os'; sink(isTest ? os.tmpdir() : './data');", 'esm', 'app'],
    ['sink(process.env.UPLOAD_DIR);', 'esm', 'unknown'],
    ["sink(process.env.UPLOAD_DIR || './uploads');", 'esm', 'app'],
    ["sink(process.env.UPLOAD_DIR ?? '/srv/uploads');", 'esm', 'absolute'],
    ["import os from 'os'; sink(process.env.UPLOAD_DIR || os.tmpdir());", 'esm', 'unknown'],
    ['sink(String(process.env.TMPDIR));', 'esm', 'temp'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });
});

describe('createDestinationEvaluator: the app directory and other local paths', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ['sink(__dirname);', 'cjs', 'app'],
    ["const path = require('path'); sink(path.join(__dirname, 'data.json'));", 'cjs', 'app'],
    ["import path from 'path'; sink(path.join(import.meta.dirname, 'data.json'));", 'esm', 'app'],
    ["import path from 'path'; sink(path.resolve(process.cwd(), 'uploads'));", 'esm', 'app'],
    [
      "import { fileURLToPath } from 'url'; import path from 'path'; const __filename = fileURLToPath(import.meta.url); const __dirname = path.dirname(__filename); sink(path.join(__dirname, 'db.json'));",
      'esm',
      'app',
    ],
    ["sink(new URL('./data.json', import.meta.url));", 'esm', 'app'],
    ["import path from 'path'; const __dirname = path.dirname(new URL(import.meta.url).pathname); sink(path.join(__dirname, 'x'));", 'esm', 'app'],
    ["sink(new URL('file:///tmp/x.json'));", 'esm', 'temp'],
    ["sink(path.join(import.meta.dir, 'db.json'));", 'esm', 'unknown'],
    ["import path from 'path'; sink(path.join(import.meta.dir, 'db.json'));", 'esm', 'app'],
    ["sink('uploads/' + name);", 'esm', 'app'],
    ["sink('./data.json');", 'cjs', 'app'],
    ['sink(`logs/${date}.log`);', 'esm', 'app'],
    ["sink('/var/lib/app/state.json');", 'esm', 'absolute'],
    ["import os from 'os'; import path from 'path'; sink(path.join(os.homedir(), '.app'));", 'esm', 'absolute'],
    ["sink(require.resolve('pkg'));", 'cjs', 'app'],
    ["import process from 'node:process'; import path from 'node:path'; sink(path.join(process.cwd(), 'data'));", 'esm', 'app'],
    ["import { cwd } from 'process'; sink(cwd() + '/data');", 'esm', 'app'],
    ["import process from 'node:process'; import os from 'node:os'; sink(process.env.HOME + '/.app');", 'esm', 'absolute'],
    ["const require = () => 0; const os = { tmpdir: () => '/x' }; sink(os.tmpdir());", 'esm', 'unknown'],
    ["const process = { env: { TMPDIR: './data' } }; sink(process.env.TMPDIR);", 'esm', 'app'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });
});

describe('createDestinationEvaluator: temp libraries and mkdtemp', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ["import fs from 'fs'; import os from 'os'; import path from 'path'; const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'up-')); sink(path.join(dir, 'a'));", 'esm', 'temp'],
    ["import fs from 'fs'; const dir = fs.mkdtempSync('up-'); sink(dir);", 'esm', 'app'],
    ["import fs from 'fs'; import os from 'os'; const dir = fs.mkdtempSync(os.tmpdir()); sink(dir);", 'esm', 'absolute'],
    ["import fs from 'fs'; import os from 'os'; const dir = fs.mkdtempSync(`${os.tmpdir()}/`); sink(dir);", 'esm', 'temp'],
    ["import { mkdtemp } from 'fs/promises'; import { tmpdir } from 'os'; import { join } from 'path'; const dir = await mkdtemp(join(tmpdir(), 'x-')); sink(join(dir, 'f'));", 'esm', 'temp'],
    ["import fs from 'fs'; import os from 'os'; import path from 'path'; const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'x-')); sink(dir);", 'esm', 'temp'],
    ["const fs = require('fs'); const os = require('os'); const path = require('path'); fs.mkdtemp(path.join(os.tmpdir(), 'x-'), (err, dir) => { sink(dir); });", 'cjs', 'temp'],
    ["const fs = require('fs'); fs.mkdtemp('x-', (err, dir) => { sink(dir); });", 'cjs', 'app'],
    ["import fsp from 'fs/promises'; import os from 'os'; import path from 'path'; fsp.mkdtemp(path.join(os.tmpdir(), 'x-')).then((dir) => sink(dir));", 'esm', 'temp'],
    ["import fs from 'fs'; const fd = fs.openSync('/srv/x', 'w'); sink(fd);", 'esm', 'descriptor'],
    ["import fsp from 'fs/promises'; const handle = await fsp.open('/srv/x', 'w'); sink(handle);", 'esm', 'descriptor'],
    ["const tmp = require('tmp'); const file = tmp.fileSync(); sink(file.name);", 'cjs', 'temp'],
    ["const tmp = require('tmp'); const { name } = tmp.dirSync(); sink(name);", 'cjs', 'temp'],
    ["const tmp = require('tmp'); sink(tmp.tmpNameSync());", 'cjs', 'temp'],
    ["const tmp = require('tmp'); tmp.file((err, path, fd) => { sink(path); });", 'cjs', 'temp'],
    ["const tmp = require('tmp'); tmp.file((err, path, fd) => { sink(fd); });", 'cjs', 'descriptor'],
    ["const tmp = require('tmp'); const file = tmp.fileSync({ tmpdir: './data' }); sink(file.name);", 'cjs', 'app'],
    ["import tmp from 'tmp-promise'; const { path } = await tmp.file(); sink(path);", 'esm', 'temp'],
    ["import { dir } from 'tmp-promise'; const d = await dir(); sink(d.path);", 'esm', 'temp'],
    ["import { withFile } from 'tmp-promise'; await withFile(async ({ path }) => { sink(path); });", 'esm', 'temp'],
    ["import { temporaryFile } from 'tempy'; sink(temporaryFile({ extension: 'png' }));", 'esm', 'temp'],
    ["import { temporaryDirectoryTask } from 'tempy'; await temporaryDirectoryTask((dir) => sink(dir));", 'esm', 'temp'],
    ["import { rootTemporaryDirectory } from 'tempy'; sink(`${rootTemporaryDirectory}/x`);", 'esm', 'temp'],
    ["const tempy = require('tempy'); sink(tempy.file());", 'cjs', 'temp'],
    ["const tempy = require('tempy'); tempy.directory.task((dir) => sink(dir));", 'cjs', 'temp'],
    ["const temp = require('temp').track(); sink(temp.mkdirSync('x'));", 'cjs', 'temp'],
    ["const temp = require('temp'); sink(temp.path({ suffix: '.pdf' }));", 'cjs', 'temp'],
    ["const temp = require('temp'); sink(temp.path({ dir: '/srv' }));", 'cjs', 'absolute'],
    ["const temp = require('temp'); temp.open('x', (err, info) => { sink(info.path); });", 'cjs', 'temp'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });

  it.each<[string, DestinationKind]>([
    ["import os from 'os'; import path from 'path'; prefix(path.join(os.tmpdir(), 'x-'));", 'temp'],
    ["import os from 'os'; prefix(os.tmpdir());", 'absolute'],
    ["import os from 'os'; import path from 'path'; prefix(os.tmpdir() + path.sep);", 'temp'],
    ["prefix('/tmp/');", 'temp'],
    ["prefix('/tmp');", 'absolute'],
    ["prefix('upload-');", 'app'],
    ['prefix(base);', 'unknown'],
  ])('mkdtemp prefix %s', (code, expected) => {
    expect(classify(code, 'esm')).toBe(expected);
  });
});

describe('createDestinationEvaluator: parameters and call sites', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ['function save(file) { sink(file); }', 'esm', 'unknown'],
    ["import os from 'os'; import path from 'path'; function save(file) { sink(file); } save(path.join(os.tmpdir(), 'a'));", 'esm', 'temp'],
    ["import os from 'os'; function save(file) { sink(file); } save(os.tmpdir() + '/a'); save('./data.json');", 'esm', 'app'],
    ["import os from 'os'; export function save(file) { sink(file); } save(os.tmpdir() + '/a');", 'esm', 'unknown'],
    ["import os from 'os'; const save = (file) => sink(file); save(os.tmpdir() + '/a'); module.exports = { save };", 'esm', 'unknown'],
    ["import os from 'os'; function save(dir = os.tmpdir()) { sink(dir); } save();", 'esm', 'temp'],
    ["import os from 'os'; ((dir) => sink(dir))(os.tmpdir());", 'esm', 'temp'],
    ['function f(dir) { sink(dir); f(dir); }', 'esm', 'unknown'],
    ["const dir = './a'; let other = dir; other = '/tmp/x'; sink(other);", 'esm', 'unknown'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });
});

describe('createDestinationEvaluator: class fields', () => {
  it.each<[string, ParserName, DestinationKind]>([
    ["import os from 'os'; class S { dir = os.tmpdir(); save() { sink(this.dir); } }", 'esm', 'temp'],
    ["import path from 'path'; class S { constructor() { this.dir = path.join(process.cwd(), 'uploads'); } save() { sink(this.dir); } }", 'esm', 'app'],
    ["class S { private readonly dir = './data'; save = () => { sink(this.dir); }; }", 'ts', 'app'],
    ['class S { constructor(private readonly dir: string) {} save() { sink(this.dir); } }', 'ts', 'unknown'],
    ['class S { save() { sink(this.dir); } }', 'esm', 'unknown'],
    ["import os from 'os'; class S { dir = os.tmpdir(); save() { function inner() { sink(this.dir); } } }", 'esm', 'unknown'],
    ["import os from 'os'; class S { dir = os.tmpdir(); reset() { this.dir = '/srv/data'; } save() { sink(this.dir); } }", 'esm', 'absolute'],
  ])('%s (%s)', (code, parser, expected) => {
    expect(classify(code, parser)).toBe(expected);
  });
});

describe('createDestinationEvaluator: allowed paths', () => {
  it('treats allowed prefixes as scratch space', () => {
    expect(classify("import path from 'path'; sink(path.join('/run/app', name));", 'esm', ['/run/app'])).toBe('temp');
    expect(classify('sink(`/run/app/${name}`);', 'esm', ['/run/app'])).toBe('temp');
    expect(classify("sink('/run/application/x');", 'esm', ['/run/app'])).toBe('absolute');
  });
});
