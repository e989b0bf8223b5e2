import rule, { type MessageId, type NoLocalFsWritesOptions } from '../../src/rules/no-local-fs-writes.js';
import { runRuleTests, type Invalid, type ParserName, type Valid } from '../rule-tester.js';

type Options = [Partial<NoLocalFsWritesOptions>];
type ErrorSpec = [messageId: MessageId, api: string, anchor: string, occurrence?: number];
type InvalidCase = Invalid<MessageId, Options>;
type Suggestions = NonNullable<InvalidCase['errors'][number]['suggestions']>;

/** Line and column (1-based) of the `occurrence`-th appearance of `anchor` in `code`. */
function locate(code: string, anchor: string, occurrence = 1): { line: number; column: number } {
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = code.indexOf(anchor, index + 1);
    if (index === -1) throw new Error(`anchor ${JSON.stringify(anchor)} #${occurrence} not found in:\n${code}`);
  }
  const before = code.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

function invalid(
  code: string,
  errors: readonly ErrorSpec[],
  extra: { options?: Options; parsers?: readonly ParserName[]; suggestions?: readonly (Suggestions | undefined)[] } = {},
): InvalidCase {
  return {
    code,
    ...(extra.options ? { options: extra.options } : {}),
    ...(extra.parsers ? { parsers: extra.parsers } : {}),
    errors: errors.map(([messageId, api, anchor, occurrence], index) => {
      const suggestions = extra.suggestions?.[index];
      return { messageId, data: { api }, ...locate(code, anchor, occurrence), ...(suggestions ? { suggestions } : {}) };
    }),
  };
}

const STRICT: Options = [{ checkDeletionsAndMetadata: true }];

// ---------------------------------------------------------------------------------------------
// Valid

const validReads: Valid<Options>[] = [
  "const fs = require('fs'); const data = fs.readFileSync('./config.json', 'utf8'); fs.createReadStream('./big.csv').pipe(out);",
  "import fs from 'node:fs'; const fd = fs.openSync('./data.bin'); const fd2 = fs.openSync('./data.bin', 'r'); fs.open('./x', 'rs', () => {});",
  "import { open } from 'node:fs/promises'; const handle = await open('./data.bin'); const text = await handle.readFile('utf8');",
  "const fs = require('fs'); fs.open('./x', (err, fd) => {}); fs.openSync('./x', fs.constants.O_RDONLY);",
  "import { readFile } from 'fs/promises'; await readFile('./x.json', { flag: 'r', encoding: 'utf8' }); await readFile('./y', 'utf8');",
  "const fs = require('fs'); if (fs.existsSync('./uploads')) fs.readdirSync('./uploads'); fs.statSync('./a'); fs.accessSync('./a', fs.constants.W_OK);",
  "const fs = require('fs'); fs.watch('./config', () => {}); fs.copyFileSync('./template.txt', require('os').tmpdir() + '/t.txt');",
];

const validTempPaths: Valid<Options>[] = [
  "const fs = require('fs'); const path = require('path'); const os = require('os'); fs.writeFileSync(path.join(os.tmpdir(), 'report.csv'), csv);",
  "import fs from 'fs'; import path from 'path'; import os from 'os'; await fs.promises.writeFile(path.join(os.tmpdir(), name), buf);",
  "import * as fs from 'node:fs'; import * as os from 'node:os'; fs.mkdirSync(`${os.tmpdir()}/work/${id}`, { recursive: true });",
  "import { writeFile } from 'node:fs/promises'; import { tmpdir } from 'node:os'; import { join } from 'node:path'; await writeFile(join(tmpdir(), 'a.txt'), 'x');",
  "import { writeFile } from 'fs/promises'; import { tmpdir as scratch } from 'os'; import { resolve } from 'path'; await writeFile(resolve(scratch(), 'a.txt'), 'x');",
  "const { writeFileSync } = require('node:fs'); const { tmpdir } = require('node:os'); writeFileSync(tmpdir() + '/out.pdf', pdf);",
  "const fs = require('fs'); const path = require('path'); fs.writeFileSync(path.posix.join(require('os').tmpdir(), 'x'), d);",
  "const fs = require('fs'); fs.writeFileSync(process.env.TMPDIR + '/x', d); fs.writeFileSync(`${process.env.TMP}/y`, d); fs.writeFileSync(process.env.TEMP + '/z', d);",
  "const fs = require('fs'); const scratch = process.env.TMPDIR || '/tmp'; fs.appendFileSync(`${scratch}/trace.log`, line);",
  "const fs = require('fs'); fs.writeFileSync('/tmp/upload.bin', buf); fs.writeFileSync('/var/tmp/cache.json', json);",
  "const fs = require('fs'); fs.writeFileSync('/dev/null', x); fs.writeFileSync('/dev/stdout', x); fs.appendFileSync('/dev/stderr', x);",
  "const fs = require('fs'); fs.writeFileSync(1, 'to stdout'); fs.writeSync(2, 'to stderr'); fs.writeFileSync(process.stdout.fd, 'x');",
  "import fs from 'fs'; import os from 'os'; import path from 'path'; const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-')); fs.writeFileSync(path.join(dir, 'f'), d);",
  "import { mkdtemp, writeFile } from 'fs/promises'; import { tmpdir } from 'os'; import { join, sep } from 'path'; const dir = await mkdtemp(`${tmpdir()}${sep}`); await writeFile(join(dir, 'f'), d);",
  "const fs = require('fs'); const os = require('os'); const path = require('path'); fs.mkdtemp(path.join(os.tmpdir(), 'x-'), (err, dir) => { fs.writeFile(path.join(dir, 'a'), d, () => {}); });",
  "import fsp from 'fs/promises'; import os from 'os'; import path from 'path'; fsp.mkdtemp(path.join(os.tmpdir(), 'x-')).then((dir) => fsp.writeFile(path.join(dir, 'a'), d));",
  "const fs = require('fs'); const tmp = require('tmp'); const file = tmp.fileSync({ postfix: '.pdf' }); fs.writeFileSync(file.name, pdf); fs.writeSync(file.fd, pdf);",
  "const fs = require('fs'); const tmp = require('tmp'); tmp.dir((err, dir) => { fs.writeFileSync(dir + '/a', 'x'); });",
  "import { file, withFile } from 'tmp-promise'; import { writeFile } from 'fs/promises'; const { path } = await file(); await writeFile(path, 'x'); await withFile(async ({ path: p }) => writeFile(p, 'y'));",
  "import { temporaryFile, temporaryDirectoryTask } from 'tempy'; import fs from 'fs'; fs.writeFileSync(temporaryFile({ extension: 'png' }), png); await temporaryDirectoryTask((dir) => fs.promises.writeFile(`${dir}/a`, 'x'));",
  "const temp = require('temp').track(); const fs = require('fs'); const dir = temp.mkdirSync('build'); fs.writeFileSync(dir + '/out', d);",
  "import tempDir from 'temp-dir'; import fse from 'fs-extra'; await fse.outputJson(`${tempDir}/state.json`, s);",
  "import os from 'os'; import path from 'path'; import fs from 'fs'; const SCRATCH = path.join(os.tmpdir(), 'app'); const CONFIG = { exportDir: path.join(SCRATCH, 'exports') }; fs.mkdirSync(CONFIG.exportDir, { recursive: true });",
  "import os from 'os'; import fs from 'fs'; class ExportService { dir = os.tmpdir(); save(name, csv) { fs.writeFileSync(`${this.dir}/${name}`, csv); } }",
  "import os from 'os'; import path from 'path'; import fs from 'fs'; function saveScratch(file, data) { fs.writeFileSync(file, data); } saveScratch(path.join(os.tmpdir(), 'a.json'), '{}');",
  "const fs = require('fs'); const os = require('os'); const fd = fs.openSync(os.tmpdir() + '/lock', 'w'); fs.writeSync(fd, 'x'); fs.writeFileSync(fd, 'y'); fs.closeSync(fd);",
  "const fs = require('fs'); const os = await import('node:os'); fs.writeFileSync(os.tmpdir() + '/a', 'b');",
  { code: "import os = require('os'); import fs = require('fs'); fs.writeFileSync(os.tmpdir() + '/a', 'b');", parsers: ['ts'] },
  { code: "const fs = require('fs'); fs.writeFileSync('/run/app/state.json', s); fs.mkdirSync('/run/app', { recursive: true });", options: [{ allowedPaths: ['/run/app'] }] },
  { code: "const fs = require('fs'); fs.writeFileSync('./cache/item.json', s);", options: [{ allowedPaths: ['./cache'] }] },
  "const { promises: fsp } = require('fs'); const os = require('os'); await fsp.writeFile(`${os.tmpdir()}/x.json`, s);",
  "import fs from 'fs'; import os from 'os'; fs.writeFileSync(`${process.env.TMPDIR ?? os.tmpdir()}/x`, d);",
  "import fs from 'fs'; import os from 'os'; import path from 'path'; fs.cpSync(path.join(__dirname, 'templates'), path.join(os.tmpdir(), 'work'), { recursive: true }); fs.renameSync(path.join(os.tmpdir(), 'a'), path.join(os.tmpdir(), 'b')); fs.symlinkSync(path.join(__dirname, 'x'), '/tmp/link');",
  "import fsp from 'node:fs/promises'; import os from 'node:os'; import path from 'node:path'; const dir = await fsp.mkdtemp(os.tmpdir() + path.sep); await fsp.mkdir(path.join(dir, 'a', 'b'), { recursive: true });",
  "const tempy = require('tempy'); const fs = require('fs'); const tmp = require('tmp'); fs.writeFileSync(tempy.file({ extension: 'txt' }), 'x'); fs.writeFileSync(tmp.tmpNameSync(), 'y');",
  "import { mkdirp } from 'mkdirp'; import os from 'os'; await mkdirp(os.tmpdir() + '/a/b');",
  "import os from 'os'; import path from 'path'; await Bun.write(Bun.file(path.join(os.tmpdir(), 'a')), 'x');",
];

const validDeletionsAndOptions: Valid<Options>[] = [
  "const fs = require('fs'); fs.unlinkSync('./uploads/old.png'); fs.rmSync('./cache', { recursive: true, force: true }); fs.chmodSync('./bin/run', 0o755);",
  { code: "const fs = require('fs'); fs.unlinkSync(req.file.path); fs.rmSync(tempDir, { recursive: true });", options: STRICT },
  { code: "const fs = require('fs'); const os = require('os'); fs.unlinkSync(os.tmpdir() + '/x');", options: STRICT },
  { code: "const fs = require('fs'); fs.writeFileSync(file, data); fs.mkdirSync(dir);", options: [{ unknownDestinations: 'ignore' }] },
  { code: "import multer from 'multer'; const upload = multer({ dest: 'uploads/' });", options: [{ checkLibraries: false }] },
  "const fs = { writeFileSync() {} }; fs.writeFileSync('./data.json', '{}');",
  "function save(require) { require('fs').writeFileSync('./data.json', '{}'); }",
  { code: "import type { WriteFileOptions } from 'fs'; const options: WriteFileOptions = { encoding: 'utf8' };", parsers: ['ts'] },
  "const fs = require('fs'); const fsp = fs.promises; fsp.readFile('./a'); fs.promises.stat('./b');",
];

const validLibraries: Valid<Options>[] = [
  "import multer from 'multer'; const a = multer(); const b = multer({}); const c = multer({ storage: multer.memoryStorage() }); const d = multer({ limits: { fileSize: 1e6 } });",
  "const multer = require('multer'); const os = require('os'); const upload = multer({ dest: os.tmpdir() });",
  "const multer = require('multer'); const upload = multer({ storage: multer.diskStorage({ filename: (req, file, cb) => cb(null, file.originalname) }) });",
  "import multer from 'multer'; import os from 'os'; const storage = multer.diskStorage({ destination: (req, file, cb) => cb(null, os.tmpdir()) });",
  "import multer from 'multer'; const upload = multer({ storage: s3Storage, dest: 'ignored' });",
  "import formidable from 'formidable'; import os from 'os'; const a = formidable({ maxFileSize: 1e6 }); const b = formidable({ uploadDir: os.tmpdir() });",
  "const { koaBody } = require('koa-body'); app.use(koaBody({ multipart: true })); app.use(koaBody({ formidable: { uploadDir: './uploads' } }));",
  "const fileUpload = require('express-fileupload'); app.use(fileUpload()); app.use(fileUpload({ useTempFiles: true, tempFileDir: '/tmp/' })); app.use(fileUpload({ limits: { fileSize: 1e6 } }));",
  "const os = require('os'); const path = require('path'); app.post('/u', async (req, res) => { await req.files.avatar.mv(path.join(os.tmpdir(), req.files.avatar.name)); });",
  "const shell = require('shelljs'); shell.mv('-f', 'a', 'b'); git.mv('old', 'new');",
  "app.post('/u', async (req) => { const files = await req.saveRequestFiles(); const more = await req.saveRequestFiles({ tmpdir: require('os').tmpdir() }); });",
  "import winston from 'winston'; const logger = winston.createLogger({ transports: [new winston.transports.Console(), new winston.transports.Stream({ stream: process.stdout })] });",
  "const winston = require('winston'); new winston.transports.File({ stream: process.stdout }); new winston.transports.File({ filename: '/dev/stdout' });",
  "const DailyRotateFile = require('winston-daily-rotate-file'); new DailyRotateFile({ stream: process.stdout });",
  "import pino from 'pino'; const a = pino(); const b = pino({ level: 'info' }); const c = pino(pino.destination()); const d = pino(pino.destination(1)); const e = pino(process.stdout);",
  "import pino from 'pino'; const a = pino.destination('/dev/stdout'); const b = pino.destination({ dest: 2, sync: false }); const c = pino({ level: 'debug' }, stream);",
  "import pino from 'pino'; const t = pino.transport({ target: 'pino/file', options: { destination: 1 } }); const u = pino.transport({ target: 'pino/file' }); const v = pino({ transport: { target: 'pino-pretty' } });",
  "const pino = require('pino'); const t = pino.transport({ targets: [{ target: 'pino/file', options: { destination: 2 } }, { target: 'pino-elasticsearch', options: { node: url } }] });",
  "const log4js = require('log4js'); log4js.configure({ appenders: { out: { type: 'stdout' }, err: { type: 'stderr' } }, categories: { default: { appenders: ['out'], level: 'info' } } });",
  "const bunyan = require('bunyan'); const log = bunyan.createLogger({ name: 'app', streams: [{ level: 'info', stream: process.stdout }] }); log.addStream({ stream: process.stderr });",
  "import Database from 'better-sqlite3'; const a = new Database(':memory:'); const b = new Database(); const c = new Database(''); const d = new Database('seed.db', { readonly: true });",
  "const sqlite3 = require('sqlite3'); const a = new sqlite3.Database(':memory:'); const b = new sqlite3.Database('./ref.db', sqlite3.OPEN_READONLY);",
  "import { DatabaseSync } from 'node:sqlite'; const a = new DatabaseSync(':memory:'); const b = new DatabaseSync('./ref.db', { readOnly: true });",
  "const { Sequelize } = require('sequelize'); const a = new Sequelize({ dialect: 'sqlite' }); const b = new Sequelize('sqlite::memory:'); const c = new Sequelize(process.env.DATABASE_URL); const d = new Sequelize({ dialect: 'postgres', host: 'db' });",
  "import { DataSource } from 'typeorm'; const a = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }); const b = new DataSource({ type: 'sqlite', database: ':memory:' });",
  "const knex = require('knex'); const a = knex({ client: 'pg', connection: process.env.DATABASE_URL }); const b = knex({ client: 'sqlite3', connection: { filename: ':memory:' } });",
  "import { Low, Memory } from 'lowdb'; const db = new Low(new Memory(), {});",
  { code: "import Database from 'better-sqlite3'; const db = new Database(process.env.DB_PATH ?? ':memory:');", options: [{ unknownDestinations: 'ignore' }] },
  "import { Sequelize } from 'sequelize'; const db = new Sequelize({ dialect: process.env.DB_DIALECT || 'postgres', storage: process.env.DB_STORAGE });",
  "const Datastore = require('@seald-io/nedb'); const a = new Datastore(); const b = new Datastore({ inMemoryOnly: true }); const c = new Datastore({ filename: './x.db', inMemoryOnly: true });",
  "import { Level } from 'level'; import os from 'os'; const db = new Level(`${os.tmpdir()}/cache-db`);",
  "import { createClient } from '@libsql/client'; const a = createClient({ url: process.env.TURSO_URL, authToken }); const b = createClient({ url: 'libsql://db.turso.io' }); const c = createClient({ url: 'file::memory:' });",
  "const storage = require('node-persist'); const os = require('os'); await storage.init({ dir: os.tmpdir() + '/persist' });",
  "const multer = require('multer'); const os = require('os'); const path = require('path'); const a = multer.diskStorage({ destination: '/tmp/uploads' }); const b = multer({ storage: multer.diskStorage({ destination: path.join(os.tmpdir(), 'up') }) });",
  "const fileUpload = require('express-fileupload'); const os = require('os'); const path = require('path'); app.use(fileUpload({ useTempFiles: true, tempFileDir: path.join(os.tmpdir(), 'fu') })); app.post('/x', (req) => req.files.doc.mv('/tmp/' + req.files.doc.name));",
  "const winston = require('winston'); const rfs = require('rotating-file-stream'); const os = require('os'); new winston.transports.File({ filename: '/tmp/app.log' }); rfs.createStream('access.log', { path: os.tmpdir() });",
  "import Datastore from 'nedb-promises'; import { Database } from 'bun:sqlite'; import { open } from 'sqlite'; const a = Datastore.create(); const b = new Database(); const c = new Database(':memory:'); const d = await open({ filename: ':memory:', driver });",
  "import pino from 'pino'; import os from 'os'; const t = pino.transport({ target: 'pino-roll', options: { file: `${os.tmpdir()}/app`, frequency: 'daily' } });",
];

const validBun: Valid<Options>[] = [
  "await Bun.write(Bun.stdout, 'hello'); await Bun.write(Bun.stderr, 'oops');",
  "import { s3, S3Client } from 'bun'; const client = new S3Client({}); await Bun.write(s3.file('reports/a.csv'), csv); await Bun.write(client.file('b'), 'x'); await Bun.write(Bun.s3.file('c'), 'y');",
  "import os from 'os'; await Bun.write(`${os.tmpdir()}/a.txt`, 'x'); await Bun.file('/tmp/b.txt').write('y'); const text = await Bun.file('./data.json').text();",
  "const Bun = { write() {} }; Bun.write('./x', 'y');",
];

// ---------------------------------------------------------------------------------------------
// Invalid

const invalidCoreFs: InvalidCase[] = [
  invalid("const fs = require('fs'); const path = require('path'); fs.writeFileSync(path.join(__dirname, 'data.json'), '{}');", [
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync('],
  ]),
  invalid("import fs from 'fs'; import path from 'path'; fs.writeFileSync(path.join(import.meta.dirname, 'db.json'), data);", [
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync('],
  ]),
  invalid("import * as fs from 'node:fs'; fs.appendFileSync('/var/log/app/events.ndjson', line);", [['localPath', 'fs.appendFileSync', 'fs.appendFileSync(']]),
  invalid("import { writeFile as save } from 'node:fs/promises'; await save(process.env.DATA_FILE, json);", [
    ['unknownDestination', 'fs/promises.writeFile', 'save(process'],
  ]),
  invalid("const { createWriteStream: cws } = require('fs'); const path = require('path'); const out = cws(path.join(__dirname, 'access.log'), { flags: 'a' });", [
    ['appDirectory', 'fs.createWriteStream', 'cws(path'],
  ]),
  invalid("const fsp = require('fs').promises; fsp.mkdir('/srv/cache', { recursive: true });", [['localPath', 'fs.promises.mkdir', 'fsp.mkdir(']]),
  invalid("import { promises as fsp } from 'fs'; await fsp.rename(tmpPath, '/data/final.bin');", [['localPath', 'fs.promises.rename', 'fsp.rename(']]),
  invalid("import fs from 'fs'; export async function persist(file, data) { await fs.promises.writeFile(file, data); }", [
    ['unknownDestination', 'fs.promises.writeFile', 'fs.promises.writeFile('],
  ]),
  invalid("require('fs').writeFileSync(process.cwd() + '/state.json', s);", [['appDirectory', 'fs.writeFileSync', "require('fs')"]]),
  invalid("const fs = require('fs'); const write = fs.writeFileSync; write('/var/data/x', 1);", [['localPath', 'fs.writeFileSync', "write('/var"]]),
  invalid("const fs = require('fs'); const UPLOAD_DIR = process.env.UPLOAD_DIR || './uploads'; fs.mkdirSync(UPLOAD_DIR, { recursive: true });", [
    ['appDirectory', 'fs.mkdirSync', 'fs.mkdirSync('],
  ]),
  invalid("const fs = require('fs'); module.exports = function ensure(dir) { fs.mkdirSync(dir, { recursive: true }); };", [
    ['unknownDestination', 'fs.mkdirSync', 'fs.mkdirSync('],
  ]),
  invalid("const fs = require('fs'); const path = require('path'); fs.copyFileSync(src, path.join(__dirname, 'public', name));", [
    ['appDirectory', 'fs.copyFileSync', 'fs.copyFileSync('],
  ]),
  invalid("import { cp } from 'node:fs/promises'; import os from 'node:os'; await cp(os.tmpdir() + '/build', '/srv/app/releases', { recursive: true });", [
    ['localPath', 'fs/promises.cp', 'cp(os'],
  ]),
  invalid("const fs = require('fs'); fs.symlinkSync('/tmp/release-42', process.cwd() + '/current');", [['appDirectory', 'fs.symlinkSync', 'fs.symlinkSync(']]),
  invalid("const fs = require('fs'); fs.linkSync(a, '/data/b'); fs.truncateSync('/var/lib/app/queue', 0);", [
    ['localPath', 'fs.linkSync', 'fs.linkSync('],
    ['localPath', 'fs.truncateSync', 'fs.truncateSync('],
  ]),
  invalid("const fs = require('fs'); fs.open('/var/log/x', 'a', (err, fd) => {}); fs.openSync('/srv/y', mode);", [
    ['localPath', 'fs.open', 'fs.open('],
    ['localPath', 'fs.openSync', 'fs.openSync('],
  ]),
  invalid("const fs = require('fs'); const path = require('path'); const fd = fs.openSync(path.join(__dirname, 'db'), fs.constants.O_WRONLY | fs.constants.O_CREAT); fs.writeSync(fd, 'x'); fs.writeFileSync(fd, 'y');", [
    ['appDirectory', 'fs.openSync', 'fs.openSync('],
  ]),
  invalid("import { open } from 'fs/promises'; const fh = await open('/srv/state', 'w+'); await fh.writeFile('x'); await fh.close();", [
    ['localPath', 'fs/promises.open', "open('/srv"],
  ]),
  invalid("import fs from 'fs'; import os from 'os'; const dir = fs.mkdtempSync(os.tmpdir()); fs.writeFileSync(dir + '/a', 'b');", [
    ['localPath', 'fs.mkdtempSync', 'fs.mkdtempSync('],
    ['localPath', 'fs.writeFileSync', 'fs.writeFileSync('],
  ]),
  invalid("const fs = require('fs'); const counter = fs.readFileSync('/srv/counter', { flag: 'a+' }); const s = new fs.WriteStream('/srv/out');", [
    ['localPath', 'fs.readFileSync', 'fs.readFileSync('],
    ['localPath', 'fs.WriteStream', 'new fs.WriteStream'],
  ]),
  invalid("import fs from 'fs'; import path from 'path'; import os from 'os'; fs.writeFileSync(path.join(os.tmpdir(), '..', 'escape.txt'), 'x'); fs.writeFileSync('/tmpfoo/x', 'y');", [
    ['localPath', 'fs.writeFileSync', 'fs.writeFileSync('],
    ['localPath', 'fs.writeFileSync', 'fs.writeFileSync(', 2],
  ]),
  invalid("const fs = require('fs'); fs.writeFileSync(`${__dirname}/cache/${key}.json`, body); fs.writeFileSync('./exports/' + id + '.csv', csv);", [
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync('],
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync(', 2],
  ]),
  invalid("import fs from 'fs'; import os from 'os'; fs.writeFileSync(os.homedir() + '/.myapp/config.json', c); fs.writeFileSync(new URL('./db.json', import.meta.url), d);", [
    ['localPath', 'fs.writeFileSync', 'fs.writeFileSync('],
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync(', 2],
  ]),
  invalid("import fs = require('fs'); fs.writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'fs.writeFileSync(']], { parsers: ['ts'] }),
  invalid("const fs = process.getBuiltinModule('node:fs'); fs.writeFileSync('/srv/x', d);", [['localPath', 'node:fs.writeFileSync'.replace('node:', ''), 'fs.writeFileSync(']]),
  invalid("const { writeFile } = await import('node:fs/promises'); await writeFile('/srv/x', d);", [['localPath', 'fs/promises.writeFile', "writeFile('/srv"]], {
    parsers: ['esm', 'ts'],
  }),
  invalid("const fs = require('fs'); const path = require('path'); function save(file, data) { fs.writeFileSync(file, data); } save(path.join(__dirname, 'a.json'), x);", [
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync('],
  ]),
  invalid("import fs from 'fs'; import path from 'path'; export class UploadService { uploadDir = path.join(process.cwd(), 'uploads'); async save(name, buf) { await fs.promises.writeFile(path.join(this.uploadDir, name), buf); } }", [
    ['appDirectory', 'fs.promises.writeFile', 'fs.promises.writeFile('],
  ]),
  invalid("import { writeFileSync } from 'fs'; class Store { constructor(private readonly file: string) {} save(s: string) { writeFileSync(this.file, s); } }", [
    ['unknownDestination', 'fs.writeFileSync', 'writeFileSync(this'],
  ], { parsers: ['ts'] }),
];

const invalidSuggestions: InvalidCase[] = [
  invalid("const fs = require('fs');\nfs.writeFileSync('report.csv', csv);", [['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync(']], {
    suggestions: [
      [
        {
          messageId: 'useTempDirectory',
          data: { name: 'report.csv' },
          output: "const fs = require('fs');\nconst os = require('node:os');\nconst path = require('node:path');\nfs.writeFileSync(path.join(os.tmpdir(), 'report.csv'), csv);",
        },
      ],
    ],
  }),
  invalid("import fs from 'fs';\nimport os from 'os';\nimport { join } from 'path';\nfs.writeFileSync('./out/report.csv', csv);", [['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync(']], {
    suggestions: [
      [
        {
          messageId: 'useTempDirectory',
          data: { name: 'out/report.csv' },
          output: "import fs from 'fs';\nimport os from 'os';\nimport { join } from 'path';\nfs.writeFileSync(join(os.tmpdir(), 'out/report.csv'), csv);",
        },
      ],
    ],
  }),
  invalid('import { writeFile } from "node:fs/promises";\nawait writeFile("users.json", data);', [['appDirectory', 'fs/promises.writeFile', 'writeFile("users']], {
    suggestions: [
      [
        {
          messageId: 'useTempDirectory',
          data: { name: 'users.json' },
          output:
            'import { writeFile } from "node:fs/promises";\nimport * as os from \'node:os\';\nimport * as path from \'node:path\';\nawait writeFile(path.join(os.tmpdir(), "users.json"), data);',
        },
      ],
    ],
  }),
  invalid("const fs = require('fs');\nconst dir = fs.mkdtempSync('upload-');", [['appDirectory', 'fs.mkdtempSync', 'fs.mkdtempSync(']], {
    suggestions: [
      [
        {
          messageId: 'useTempDirectory',
          data: { name: 'upload-' },
          output: "const fs = require('fs');\nconst os = require('node:os');\nconst path = require('node:path');\nconst dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upload-'));",
        },
      ],
    ],
  }),
  invalid("const fs = require('fs');\nfunction f(path) { fs.writeFileSync('a.txt', 'x'); }", [['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync(']]),
];

const invalidDeletions: InvalidCase[] = [
  invalid("const fs = require('fs'); const path = require('path'); fs.unlinkSync(path.join(__dirname, 'cache.json')); fs.rmSync('/srv/uploads', { recursive: true });", [
    ['deletion', 'fs.unlinkSync', 'fs.unlinkSync('],
    ['deletion', 'fs.rmSync', 'fs.rmSync('],
  ], { options: STRICT }),
  invalid("import lockfile from 'proper-lockfile'; import fse from 'fs-extra'; await lockfile.lock('/srv/db.json'); await fse.remove('/srv/old');", [
    ['deletion', 'proper-lockfile.lock', 'lockfile.lock('],
    ['deletion', 'fs-extra.remove', 'fse.remove('],
  ], { options: STRICT }),
];

const invalidHelpers: InvalidCase[] = [
  invalid("const gfs = require('graceful-fs'); gfs.writeFile('/srv/x', d, () => {});", [['localPath', 'graceful-fs.writeFile', 'gfs.writeFile(']]),
  invalid("import fse from 'fs-extra'; import path from 'path'; await fse.outputJson(path.join(__dirname, 'cache', 'x.json'), obj); fse.ensureDirSync('/var/app/uploads');", [
    ['appDirectory', 'fs-extra.outputJson', 'fse.outputJson('],
    ['localPath', 'fs-extra.ensureDirSync', 'fse.ensureDirSync('],
  ]),
  invalid("const fse = require('fs-extra'); fse.copySync(src, '/srv/assets'); fse.move(a, process.cwd() + '/b'); fse.writeFile('/srv/c', d);", [
    ['localPath', 'fs-extra.copySync', 'fse.copySync('],
    ['appDirectory', 'fs-extra.move', 'fse.move('],
    ['localPath', 'fs-extra.writeFile', 'fse.writeFile('],
  ]),
  invalid("import { outputFile, emptyDir } from 'fs-extra/esm'; await outputFile(target, data); await emptyDir('/srv/build');", [
    ['unknownDestination', 'fs-extra/esm.outputFile', 'outputFile(target'],
    ['localPath', 'fs-extra/esm.emptyDir', "emptyDir('/srv"],
  ]),
  invalid("import fs from 'mz/fs'; import ofs from 'original-fs'; await fs.writeFile('/srv/x', d); ofs.writeFileSync('/srv/y', d);", [
    ['localPath', 'mz/fs.writeFile', 'fs.writeFile('],
    ['localPath', 'original-fs.writeFileSync', 'ofs.writeFileSync('],
  ]),
  invalid("const { promisify } = require('util'); const fs = require('fs'); const writeFileAsync = promisify(fs.writeFile); writeFileAsync('/srv/x', d);", [
    ['localPath', 'promisify(fs.writeFile)', "writeFileAsync('/srv"],
  ]),
  invalid("import util from 'node:util'; import { appendFile } from 'node:fs'; await util.promisify(appendFile)('/srv/audit.log', line);", [
    ['localPath', 'promisify(fs.appendFile)', 'util.promisify(appendFile)('],
  ]),
  invalid("const writeFileAtomic = require('write-file-atomic'); const path = require('path'); writeFileAtomic.sync(path.join(__dirname, 'state.json'), s); writeFileAtomic('/srv/b', s);", [
    ['appDirectory', 'write-file-atomic.sync', 'writeFileAtomic.sync('],
    ['localPath', 'write-file-atomic', "writeFileAtomic('/srv"],
  ]),
  invalid("import { writeFile } from 'atomically'; import jsonfile from 'jsonfile'; await writeFile('/srv/state.json', s); jsonfile.writeFileSync(process.cwd() + '/db.json', obj);", [
    ['localPath', 'atomically.writeFile', "writeFile('/srv"],
    ['appDirectory', 'jsonfile.writeFileSync', 'jsonfile.writeFileSync('],
  ]),
  invalid("import { Writer } from 'steno'; import { writeJsonFile } from 'write-json-file'; const w = new Writer('/srv/db.json'); await writeJsonFile('/srv/x.json', o);", [
    ['localPath', 'steno.Writer', 'new Writer'],
    ['localPath', 'write-json-file.writeJsonFile', "writeJsonFile('/srv"],
  ]),
  invalid("import { mkdirp } from 'mkdirp'; import { makeDirectory } from 'make-dir'; await mkdirp('/srv/cache/x'); mkdirp.sync('/srv/y'); await makeDirectory('/srv/z');", [
    ['localPath', 'mkdirp.mkdirp', "mkdirp('/srv"],
    ['localPath', 'mkdirp.mkdirp.sync', 'mkdirp.sync('],
    ['localPath', 'make-dir.makeDirectory', "makeDirectory('/srv"],
  ]),
  invalid("const mkdirp = require('mkdirp'); const makeDir = require('make-dir'); const path = require('path'); mkdirp.sync(path.join(__dirname, 'logs')); makeDir.sync(process.cwd() + '/data'); mkdirp('/srv/a', () => {});", [
    ['appDirectory', 'mkdirp.sync', 'mkdirp.sync('],
    ['appDirectory', 'make-dir.sync', 'makeDir.sync('],
    ['localPath', 'mkdirp', "mkdirp('/srv"],
  ]),
  invalid("await Bun.write(Bun.file('/srv/data.json'), JSON.stringify(x)); await Bun.file('/var/data/x.json').write('x'); await Bun.write(target, 'y');", [
    ['localPath', 'Bun.write', 'Bun.write('],
    ['localPath', 'Bun.file().write', "Bun.file('/var"],
    ['unknownDestination', 'Bun.write', 'Bun.write(target'],
  ]),
  invalid("import { write, file } from 'bun'; import path from 'path'; await write('/srv/x', 'y'); const f = file(path.join(import.meta.dir, 'db.json')); const w = f.writer();", [
    ['localPath', 'Bun.write', "write('/srv"],
    ['appDirectory', 'Bun.file().write', 'f.writer()'],
  ]),
];

const invalidUploads: InvalidCase[] = [
  invalid("import multer from 'multer';\nconst upload = multer({ dest: 'uploads/' });", [['upload', 'multer({ dest })', 'dest:']], {
    suggestions: [
      [{ messageId: 'useMemoryStorage', data: { multer: 'multer' }, output: "import multer from 'multer';\nconst upload = multer({ storage: multer.memoryStorage() });" }],
    ],
  }),
  invalid("const Multer = require('multer'); const path = require('path'); const upload = Multer({ dest: path.join(__dirname, 'uploads'), limits: { fileSize: 1e7 } });", [
    ['upload', 'multer({ dest })', 'dest:'],
  ], {
    suggestions: [
      [
        {
          messageId: 'useMemoryStorage',
          data: { multer: 'Multer' },
          output: "const Multer = require('multer'); const path = require('path'); const upload = Multer({ storage: Multer.memoryStorage(), limits: { fileSize: 1e7 } });",
        },
      ],
    ],
  }),
  invalid("const upload = require('multer')({ dest: 'uploads' }); const opts = { dest: '/srv/uploads' }; const m = require('multer'); m(opts);", [
    ['upload', 'multer({ dest })', "dest: 'uploads'"],
    ['upload', 'multer({ dest })', "dest: '/srv"],
  ]),
  invalid("import multer from 'multer'; const a = multer.diskStorage({ destination: 'public/uploads', filename }); const b = multer.diskStorage({ destination: (req, file, cb) => { cb(null, 'uploads/'); } });", [
    ['upload', 'multer.diskStorage({ destination })', "destination: 'public"],
    ['upload', 'multer.diskStorage({ destination })', 'destination: (req'],
  ]),
  invalid("const multer = require('multer'); const fs = require('fs'); function dest(req, file, cb) { const dir = `uploads/${req.user.id}`; fs.mkdirSync(dir, { recursive: true }); cb(null, dir); } const storage = multer.diskStorage({ destination: dest });", [
    ['appDirectory', 'fs.mkdirSync', 'fs.mkdirSync('],
    ['upload', 'multer.diskStorage({ destination })', 'destination: dest'],
  ]),
  invalid("import multer from 'multer'; const storage = multer.diskStorage({ destination(req, file, cb) { cb(null, req.body.folder); } });", [
    ['upload', 'multer.diskStorage({ destination })', 'destination(req'],
  ]),
  invalid("import formidable, { IncomingForm } from 'formidable'; const a = formidable({ uploadDir: './public/uploads', keepExtensions: true }); const b = new IncomingForm({ uploadDir: '/srv/up' });", [
    ['upload', 'formidable({ uploadDir })', "uploadDir: './public"],
    ['upload', 'new IncomingForm({ uploadDir })', "uploadDir: '/srv"],
  ]),
  invalid("const formidable = require('formidable'); const path = require('path'); const form = new formidable.IncomingForm(); form.uploadDir = path.join(__dirname, 'uploads');", [
    ['upload', 'form.uploadDir', 'form.uploadDir ='],
  ]),
  invalid("import { koaBody } from 'koa-body'; import path from 'path'; app.use(koaBody({ multipart: true, formidable: { uploadDir: path.join(__dirname, 'uploads'), keepExtensions: true } }));", [
    ['upload', 'koaBody({ formidable: { uploadDir } })', 'uploadDir:'],
  ]),
  invalid("const fileUpload = require('express-fileupload'); app.use(fileUpload({ useTempFiles: true })); app.use(fileUpload({ useTempFiles: true, tempFileDir: './tmp/' }));", [
    ['upload', 'fileUpload({ useTempFiles })', 'useTempFiles: true })'],
    ['upload', 'fileUpload({ tempFileDir })', 'tempFileDir:'],
  ]),
  invalid("const path = require('path'); router.post('/avatar', (req, res) => { const avatar = req.files.avatar; avatar.mv(path.join(__dirname, 'uploads', avatar.name), (err) => res.end()); });", [
    ['upload', 'UploadedFile.mv()', 'avatar.mv('],
  ]),
  invalid("app.post('/photos', async (req, res) => { const { photo } = req.files; await photo.mv('/srv/photos/' + photo.name); for (const f of req.files.gallery) await f.mv(`./gallery/${f.name}`); req.files.docs.forEach((d) => d.mv(dir + d.name)); });", [
    ['upload', 'UploadedFile.mv()', 'photo.mv('],
    ['upload', 'UploadedFile.mv()', 'f.mv('],
    ['upload', 'UploadedFile.mv()', 'd.mv('],
  ]),
  invalid("import type { UploadedFile } from 'express-fileupload';\nexport async function store(file: UploadedFile) { await file.mv(`./uploads/${file.name}`); }", [
    ['upload', 'UploadedFile.mv()', 'file.mv('],
  ], { parsers: ['ts'] }),
  invalid("import fileUpload from 'express-fileupload'; app.use(fileUpload()); export function save(upload) { return upload.mv('/srv/files/' + upload.md5); }", [
    ['upload', 'UploadedFile.mv()', 'upload.mv('],
  ]),
  invalid("import { Module } from '@nestjs/common'; import { MulterModule, FileInterceptor, FilesInterceptor } from '@nestjs/platform-express'; MulterModule.register({ dest: './upload' }); const a = FileInterceptor('file', { dest: './avatars' }); const b = FilesInterceptor('photos', 10, { dest: '/srv/photos' });", [
    ['upload', 'MulterModule.register({ dest })', "dest: './upload'"],
    ['upload', 'FileInterceptor({ dest })', "dest: './avatars'"],
    ['upload', 'FilesInterceptor({ dest })', "dest: '/srv"],
  ]),
  invalid("fastify.post('/upload', async (request) => { const files = await request.saveRequestFiles({ tmpdir: './uploads' }); });", [
    ['upload', 'saveRequestFiles({ tmpdir })', 'tmpdir:'],
  ]),
];

const invalidLogs: InvalidCase[] = [
  invalid("import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.File({ filename: 'error.log', level: 'error' })] });", [
    ['logFile', 'winston.transports.File', 'new winston'],
  ], {
    suggestions: [
      [
        {
          messageId: 'useConsoleTransport',
          data: { transports: 'winston.transports' },
          output: "import winston from 'winston';\nconst logger = winston.createLogger({ transports: [new winston.transports.Console()] });",
        },
      ],
    ],
  }),
  invalid("const { createLogger, format, transports } = require('winston'); const path = require('path'); createLogger({ transports: [new transports.File({ dirname: path.join(__dirname, 'logs'), filename: 'app.log', format: format.json() })] });", [
    ['logFile', 'winston.transports.File', 'new transports'],
  ], {
    suggestions: [
      [
        {
          messageId: 'useConsoleTransport',
          data: { transports: 'transports' },
          output: "const { createLogger, format, transports } = require('winston'); const path = require('path'); createLogger({ transports: [new transports.Console()] });",
        },
      ],
    ],
  }),
  invalid("const winston = require('winston'); logger.add(new winston.transports.File({ filename: makeName() })); winston.add(new winston.transports.File(fileOptions));", [
    ['logFile', 'winston.transports.File', 'new winston'],
    ['logFile', 'winston.transports.File', 'new winston', 2],
  ], {
    suggestions: [
      undefined,
      [
        {
          messageId: 'useConsoleTransport',
          data: { transports: 'winston.transports' },
          output: "const winston = require('winston'); logger.add(new winston.transports.File({ filename: makeName() })); winston.add(new winston.transports.Console());",
        },
      ],
    ],
  }),
  invalid("const DailyRotateFile = require('winston-daily-rotate-file'); const t = new DailyRotateFile({ filename: 'app-%DATE%.log', maxFiles: '14d' }); const u = new DailyRotateFile();", [
    ['logFile', 'winston-daily-rotate-file', 'new DailyRotateFile({'],
    ['logFile', 'winston-daily-rotate-file', 'new DailyRotateFile()'],
  ]),
  invalid("require('winston-daily-rotate-file'); const winston = require('winston'); const t = new winston.transports.DailyRotateFile({ dirname: '/var/log/app' });", [
    ['logFile', 'winston-daily-rotate-file', 'new winston'],
  ]),
  invalid("import pino from 'pino'; const a = pino('./logs/app.log'); const b = pino({ level: 'info' }, '/var/log/app.log'); const c = pino(pino.destination('./app.log'));", [
    ['logFile', 'pino(destination)', "'./logs"],
    ['logFile', 'pino(destination)', "'/var/log"],
    ['logFile', 'pino.destination()', 'pino.destination('],
  ]),
  invalid("const pino = require('pino'); const path = require('path'); const d = pino.destination({ dest: path.join(__dirname, 'app.log'), sync: false }); const e = pino.destination(process.env.LOG_FILE);", [
    ['logFile', 'pino.destination()', 'dest:'],
    ['logFile', 'pino.destination()', 'pino.destination(process'],
  ]),
  invalid("import pino from 'pino'; const t = pino.transport({ target: 'pino/file', options: { destination: './logs/app.log', mkdir: true } }); const l = pino({ transport: { targets: [{ target: 'pino-roll', options: { file: 'logs/app', frequency: 'daily' } }, { target: 'pino-pretty' }] } });", [
    ['logFile', "pino transport 'pino/file'", 'destination:'],
    ['logFile', "pino transport 'pino-roll'", 'file:'],
  ]),
  invalid("import SonicBoom from 'sonic-boom'; import pretty from 'pino-pretty'; import roll from 'pino-roll'; const s = new SonicBoom({ dest: './app.log' }); const p = pretty({ destination: '/var/log/pretty.log' }); const r = await roll({ file: './logs/app', size: '10m' });", [
    ['logFile', 'SonicBoom({ dest })', 'dest:'],
    ['logFile', 'pino-pretty({ destination })', 'destination:'],
    ['logFile', 'pino-roll({ file })', 'file:'],
  ]),
  invalid("const log4js = require('log4js'); log4js.configure({ appenders: { out: { type: 'stdout' }, app: { type: 'file', filename: 'application.log' }, daily: { type: 'dateFile', filename: '/var/log/app/daily.log' } }, categories: { default: { appenders: ['out', 'app'], level: 'info' } } });", [
    ['logFile', "log4js 'file' appender", "filename: 'application"],
    ['logFile', "log4js 'dateFile' appender", "filename: '/var"],
  ]),
  invalid("const bunyan = require('bunyan'); const log = bunyan.createLogger({ name: 'app', streams: [{ stream: process.stdout }, { level: 'error', path: '/var/log/app-error.log' }, { type: 'rotating-file', path: './logs/app.log', period: '1d' }] }); log.addStream({ path: './debug.log' });", [
    ['logFile', 'bunyan stream { path }', "path: '/var"],
    ['logFile', 'bunyan stream { path }', "path: './logs"],
    ['logFile', 'bunyan addStream({ path })', "path: './debug"],
  ]),
  invalid("import { createStream } from 'rotating-file-stream'; import path from 'path'; const a = createStream('access.log', { interval: '1d', path: path.join(import.meta.dirname, 'log') }); const b = createStream('other.log', { size: '10M' });", [
    ['logFile', 'rotating-file-stream', 'path: path'],
    ['logFile', 'rotating-file-stream', "createStream('other"],
  ]),
  invalid("const FileStreamRotator = require('file-stream-rotator'); const s = FileStreamRotator.getStream({ filename: './logs/access-%DATE%.log', frequency: 'daily' });", [
    ['logFile', 'FileStreamRotator.getStream()', 'filename:'],
  ]),
];

const invalidDatabases: InvalidCase[] = [
  invalid("import Database from 'better-sqlite3'; const db = new Database('app.db'); const db2 = Database('/var/lib/app/data.db', { verbose: console.log });", [
    ['localDatabase', 'better-sqlite3', 'new Database'],
    ['localDatabase', 'better-sqlite3', "Database('/var"],
  ]),
  invalid("const path = require('path'); const db = new (require('better-sqlite3'))(path.join(__dirname, 'data.db'));", [['localDatabase', 'better-sqlite3', 'new (require']]),
  invalid("import Database from 'better-sqlite3'; const a = new Database(process.env.NODE_ENV === 'test' ? ':memory:' : 'prod.db'); const b = new Database(process.env.DB_PATH ?? ':memory:');", [
    ['localDatabase', 'better-sqlite3', 'new Database'],
    ['localDatabase', 'better-sqlite3', 'new Database', 2],
  ]),
  invalid("const sqlite3 = require('sqlite3').verbose(); const db = new sqlite3.Database('./db.sqlite'); const ro = new sqlite3.Database('./x.db', sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);", [
    ['localDatabase', 'sqlite3 Database', 'new sqlite3'],
    ['localDatabase', 'sqlite3 Database', 'new sqlite3', 2],
  ]),
  invalid("import sqlite3 from 'sqlite3'; import { open } from 'sqlite'; const db = await open({ filename: './database.db', driver: sqlite3.Database });", [
    ['localDatabase', 'sqlite open({ filename })', 'filename:'],
  ]),
  invalid("import { DatabaseSync } from 'node:sqlite'; const db = new DatabaseSync('/var/lib/app/app.db');", [['localDatabase', 'node:sqlite DatabaseSync', 'new DatabaseSync']]),
  invalid("import { Database } from 'bun:sqlite'; const db = new Database('mydb.sqlite', { create: true });", [['localDatabase', 'bun:sqlite Database', 'new Database']]),
  invalid("const knex = require('knex')({ client: 'sqlite3', connection: { filename: './dev.sqlite3' }, useNullAsDefault: true });", [
    ['localDatabase', 'knex SQLite connection', 'filename:'],
  ]),
  invalid("import { Sequelize } from 'sequelize'; const a = new Sequelize({ dialect: 'sqlite', storage: './database.sqlite' }); const b = new Sequelize('sqlite:./db.sqlite'); const c = new Sequelize('db', 'u', 'p', { dialect: 'sqlite', storage: '/var/db.sqlite' });", [
    ['localDatabase', 'Sequelize SQLite storage', "storage: './"],
    ['localDatabase', 'Sequelize SQLite storage', "'sqlite:./"],
    ['localDatabase', 'Sequelize SQLite storage', "storage: '/var"],
  ]),
  invalid("const { Sequelize } = require('sequelize'); const db = new Sequelize({ dialect: process.env.DB_DIALECT || 'sqlite', storage: process.env.DB_STORAGE || './database.sqlite' });", [
    ['localDatabase', 'Sequelize SQLite storage', 'storage:'],
  ]),
  invalid("import { DataSource } from 'typeorm'; import { TypeOrmModule } from '@nestjs/typeorm'; export const ds = new DataSource({ type: 'better-sqlite3', database: 'database.sqlite', entities: [] }); const m = TypeOrmModule.forRoot({ type: 'sqlite', database: 'db/app.db', synchronize: true });", [
    ['localDatabase', 'TypeORM SQLite database', "database: 'database"],
    ['localDatabase', 'TypeORM SQLite database', "database: 'db/"],
  ]),
  invalid("import { JSONFile, JSONFilePreset } from 'lowdb/node'; import { Low } from 'lowdb'; const db = new Low(new JSONFile('db.json'), {}); const db2 = await JSONFilePreset('/srv/db.json', { posts: [] });", [
    ['localDatabase', 'lowdb/node JSONFile', 'new JSONFile'],
    ['localDatabase', 'lowdb/node JSONFilePreset', 'JSONFilePreset('],
  ]),
  invalid("const low = require('lowdb'); const FileSync = require('lowdb/adapters/FileSync'); const db = low(new FileSync('db.json'));", [
    ['localDatabase', 'lowdb FileSync', 'new FileSync'],
  ]),
  invalid("const Datastore = require('@seald-io/nedb'); const a = new Datastore({ filename: 'data/users.db', autoload: true }); const b = new Datastore('data/posts.db');", [
    ['localDatabase', 'nedb Datastore', 'filename:'],
    ['localDatabase', 'nedb Datastore', "new Datastore('data"],
  ]),
  invalid("import Datastore from 'nedb-promises'; const users = Datastore.create({ filename: '/srv/users.db', autoload: true });", [['localDatabase', 'nedb Datastore', 'filename:']]),
  invalid("const storage = require('node-persist'); await storage.init(); storage.initSync({ dir: '/var/lib/persist' }); const s = storage.create({ ttl: 1000 });", [
    ['localDatabase', 'node-persist', 'storage.init('],
    ['localDatabase', 'node-persist', 'dir:'],
    ['localDatabase', 'node-persist', 'storage.create('],
  ]),
  invalid("import { Level } from 'level'; import { ClassicLevel } from 'classic-level'; const a = new Level('./db', { valueEncoding: 'json' }); const b = new ClassicLevel(process.env.DB_PATH);", [
    ['localDatabase', 'level', 'new Level'],
    ['localDatabase', 'classic-level', 'new ClassicLevel'],
  ]),
  invalid("import { createClient } from '@libsql/client'; const client = createClient({ url: 'file:local.db' });", [['localDatabase', 'libsql file: database', 'url:']]),
];

// The rule walks module references only in files whose imports, `require` calls or
// `process.getBuiltinModule` may load a tracked module: every way of loading one must still count.
const validModulePresence: Valid<Options>[] = [
  // `util` alone: `promisify` only matters for a write API of another tracked module.
  "const util = require('util'); const write = util.promisify(fs.writeFile); write('/srv/x', d);",
  "export * from 'fs'; export { writeFileSync } from 'fs';",
  { code: "app.post('/u', (req) => req.files.avatar.mv<string>('/srv/a'));", parsers: ['esm', 'cjs'] },
];

const invalidModulePresence: InvalidCase[] = [
  invalid("require(`fs`).writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'require(']]),
  invalid("require('f' + 's').writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'require(']]),
  invalid("const FS = 'fs'; require(FS).writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'require(FS)']]),
  invalid("process['getBuiltinModule']('fs').writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'process[']]),
  invalid("process[`getBuiltinModule`]('fs').writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'process[']]),
  invalid("const key = 'getBuiltinModule'; process[key]('fs').writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'process[key]']]),
  invalid("import { createRequire } from 'node:module'; const load = createRequire(import.meta.url); load('fs').writeFileSync('/srv/x', d);", [
    ['localPath', 'fs.writeFileSync', "load('fs')"],
  ]),
  invalid("const { createRequire } = require('module'); const load = createRequire(__filename); load('fs').writeFileSync('/srv/x', d);", [
    ['localPath', 'fs.writeFileSync', "load('fs')"],
  ]),
  invalid("const fs = await import('node:fs'); fs.writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'fs.writeFileSync(']], { parsers: ['esm', 'ts'] }),
  invalid("const util = require('util'); const write = util.promisify(require('fs').writeFile); write('/srv/x', d);", [
    ['localPath', 'promisify(fs.writeFile)', "write('/srv"],
  ]),
  invalid("export import fs = require('fs'); fs.writeFileSync('/srv/x', d);", [['localPath', 'fs.writeFileSync', 'fs.writeFileSync(']], { parsers: ['ts'] }),
  invalid("declare module 'x' { import type { UploadedFile } from 'express-fileupload'; }\nexport function save(f) { return f.mv('/srv/a'); }", [
    ['upload', 'UploadedFile.mv()', 'f.mv('],
  ], { parsers: ['ts'] }),
  // Method calls found by name, behind the wrappers `unwrapExpression` strips.
  invalid("app.post('/u', (req) => (req.files.avatar?.mv)('/srv/a'));", [['upload', 'UploadedFile.mv()', '(req.files.avatar?.mv)']]),
  invalid("app.post('/u', (req) => (req.files.avatar.mv as any)('/srv/a'));", [['upload', 'UploadedFile.mv()', '(req.files']], { parsers: ['ts', 'flow'] }),
  invalid("app.post('/u', (req) => req.files.avatar.mv!('/srv/a'));", [['upload', 'UploadedFile.mv()', 'req.files.avatar.mv!']], { parsers: ['ts'] }),
  invalid("app.post('/u', (req) => req.files.avatar.mv<string>('/srv/a'));", [['upload', 'UploadedFile.mv()', 'req.files.avatar.mv<']], { parsers: ['ts', 'flow'] }),
  invalid("app.post('/u', (req) => (req.files.avatar.mv: any)('/srv/a'));", [['upload', 'UploadedFile.mv()', '(req.files']], { parsers: ['flow'] }),
  invalid("const log = require('bunyan').createLogger({ name: 'a' }); log.addStream({ path: './app.log' });", [['logFile', 'bunyan addStream({ path })', "path: './app.log'"]]),
];

const invalidOptions: InvalidCase[] = [
  invalid("const fs = require('fs'); fs.writeFileSync('/run/application/x', d);", [['localPath', 'fs.writeFileSync', 'fs.writeFileSync(']], { options: [{ allowedPaths: ['/run/app'] }] }),
  invalid("import winston from 'winston'; new winston.transports.File(opts); fs.writeFileSync(file);", [['logFile', 'winston.transports.File', 'new winston']], {
    options: [{ unknownDestinations: 'report', checkLibraries: true }],
    suggestions: [
      [{ messageId: 'useConsoleTransport', data: { transports: 'winston.transports' }, output: "import winston from 'winston'; new winston.transports.Console(); fs.writeFileSync(file);" }],
    ],
  }),
  invalid("import fs from 'fs'; import path from 'path'; fs.writeFileSync(path.join(__dirname, 'a'), d); fs.writeFileSync(file, d);", [
    ['appDirectory', 'fs.writeFileSync', 'fs.writeFileSync('],
  ], { options: [{ unknownDestinations: 'ignore' }] }),
  invalid("import fs from 'fs'; import multer from 'multer'; const u = multer({ dest: x }); fs.writeFileSync('/srv/a', d);", [['localPath', 'fs.writeFileSync', 'fs.writeFileSync(']], {
    options: [{ checkLibraries: false }],
  }),
];

runRuleTests('no-local-fs-writes', rule, {
  valid: [...validReads, ...validTempPaths, ...validDeletionsAndOptions, ...validLibraries, ...validBun, ...validModulePresence],
  invalid: [
    ...invalidCoreFs,
    ...invalidSuggestions,
    ...invalidDeletions,
    ...invalidHelpers,
    ...invalidUploads,
    ...invalidLogs,
    ...invalidDatabases,
    ...invalidOptions,
    ...invalidModulePresence,
  ],
});
