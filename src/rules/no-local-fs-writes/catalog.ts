import { CALL, CONSTRUCT, READ, withNodePrefix, type TraceMap, type TraceMapElement } from '../../analysis/module-references.js';

/**
 * Which module exports write to the local disk, and where their destination is. Sources:
 * /work/shared/reference/library-catalog.md section 2 (every row verified against the package).
 */

/** What a file-system call does to its destination argument. */
export type WriteEffect =
  /** Creates or changes a file or directory. */
  | 'write'
  /** `open`: writes only with a writing flag (argument 1). */
  | 'open'
  /** `mkdtemp`: the destination is a prefix, temp only when strictly inside a temp root. */
  | 'mkdtemp'
  /** `readFile(p, { flag: 'a+' })`: a read that creates the file with a writing flag. */
  | 'readWithFlag'
  /** Deletions and metadata changes: reported only with `checkDeletionsAndMetadata`. */
  | 'deletion';

export interface WriteApi {
  readonly type: 'write';
  readonly effect: WriteEffect;
  /** Index of the destination argument (1 for `copyFile`, `rename`, `symlink` ...). */
  readonly destination: number;
}

export type LibraryCheck =
  | 'multer'
  | 'nestMulterModule'
  | 'nestFileInterceptor'
  | 'nestFilesInterceptor'
  | 'nestFileFieldsInterceptor'
  | 'nestAnyFilesInterceptor'
  | 'multerDiskStorage'
  | 'formidable'
  | 'koaBody'
  | 'expressFileupload'
  | 'winstonFile'
  | 'winstonDailyRotateFile'
  | 'pino'
  | 'pinoDestination'
  | 'pinoTransport'
  | 'pinoPretty'
  | 'sonicBoom'
  | 'pinoRoll'
  | 'log4js'
  | 'bunyanLogger'
  | 'bunyanRotatingFileStream'
  | 'rotatingFileStream'
  | 'fileStreamRotator'
  | 'betterSqlite3'
  | 'sqlite3Database'
  | 'sqlite3Verbose'
  | 'sqliteOpen'
  | 'nodeSqlite'
  | 'bunSqlite'
  | 'knex'
  | 'sequelize'
  | 'typeorm'
  | 'libsql'
  | 'lowdbAdapter'
  | 'nedb'
  | 'nodePersist'
  | 'level';

export interface LibraryApi {
  readonly type: 'library';
  readonly check: LibraryCheck;
  /** How the message names the API. */
  readonly label: string;
}

export type SinkInfo =
  | WriteApi
  | LibraryApi
  /** `util.promisify(fs.writeFile)`: calls of the result are writes too. */
  | { readonly type: 'promisify' }
  /** `write` / `file` of the `bun` module (the global `Bun` is found separately). */
  | { readonly type: 'bun'; readonly member: 'write' | 'file' }
  /** Any import of the module: `.mv()` of express-fileupload, `addStream` of bunyan. */
  | { readonly type: 'imported'; readonly module: 'express-fileupload' | 'bunyan' };

type SinkElement = TraceMapElement<SinkInfo>;

function writeApi(effect: WriteEffect, destination: number): WriteApi {
  return { type: 'write', effect, destination };
}

/** A function export: callable, and readable so that `promisify(fs.writeFile)` is recognised. */
function writeFunction(effect: WriteEffect, destination: number): SinkElement {
  const info = writeApi(effect, destination);
  return { [CALL]: info, [READ]: info };
}

function library(check: LibraryCheck, label: string, ...markers: (typeof CALL | typeof CONSTRUCT)[]): SinkElement {
  const info: LibraryApi = { type: 'library', check, label };
  const element: SinkElement = {};
  for (const marker of markers.length > 0 ? markers : [CALL]) element[marker] = info;
  return element;
}

/** Core fs functions: [effect, destination]. Each has a callback, a `Sync` and a promise form. */
const FS_FUNCTIONS: Readonly<Record<string, readonly [WriteEffect, number]>> = {
  writeFile: ['write', 0],
  appendFile: ['write', 0],
  mkdir: ['write', 0],
  mkdtemp: ['mkdtemp', 0],
  mkdtempDisposable: ['mkdtemp', 0],
  copyFile: ['write', 1],
  cp: ['write', 1],
  rename: ['write', 1],
  link: ['write', 1],
  symlink: ['write', 1],
  truncate: ['write', 0],
  open: ['open', 0],
  readFile: ['readWithFlag', 0],
  rm: ['deletion', 0],
  rmdir: ['deletion', 0],
  unlink: ['deletion', 0],
  chmod: ['deletion', 0],
  lchmod: ['deletion', 0],
  chown: ['deletion', 0],
  lchown: ['deletion', 0],
  utimes: ['deletion', 0],
  lutimes: ['deletion', 0],
};

/** fs-extra's own helpers (`lib/index.js`), callback/promise and `Sync` forms. */
const FS_EXTRA_FUNCTIONS: Readonly<Record<string, readonly [WriteEffect, number]>> = {
  outputFile: ['write', 0],
  outputJson: ['write', 0],
  outputJSON: ['write', 0],
  writeJson: ['write', 0],
  writeJSON: ['write', 0],
  ensureDir: ['write', 0],
  mkdirs: ['write', 0],
  mkdirp: ['write', 0],
  ensureFile: ['write', 0],
  createFile: ['write', 0],
  emptyDir: ['write', 0],
  emptydir: ['write', 0],
  ensureLink: ['write', 1],
  createLink: ['write', 1],
  ensureSymlink: ['write', 1],
  createSymlink: ['write', 1],
  copy: ['write', 1],
  move: ['write', 1],
  remove: ['deletion', 0],
};

function withSyncForms(functions: Readonly<Record<string, readonly [WriteEffect, number]>>): Record<string, SinkElement> {
  const element: Record<string, SinkElement> = {};
  for (const [name, [effect, destination]] of Object.entries(functions)) {
    element[name] = writeFunction(effect, destination);
    element[`${name}Sync`] = writeFunction(effect, destination);
  }
  return element;
}

function promiseForms(functions: Readonly<Record<string, readonly [WriteEffect, number]>>): Record<string, SinkElement> {
  const element: Record<string, SinkElement> = {};
  for (const [name, [effect, destination]] of Object.entries(functions)) element[name] = writeFunction(effect, destination);
  return element;
}

const FS_PROMISES: SinkElement = promiseForms(FS_FUNCTIONS);
const FS_CORE: SinkElement = {
  ...withSyncForms(FS_FUNCTIONS),
  createWriteStream: writeFunction('write', 0),
  WriteStream: { [CONSTRUCT]: writeApi('write', 0) },
  promises: FS_PROMISES,
};
const FS_EXTRA: SinkElement = { ...FS_CORE, ...withSyncForms(FS_EXTRA_FUNCTIONS) };

const MKDIRP_FUNCTION: SinkElement = {
  ...writeFunction('write', 0),
  sync: writeFunction('write', 0),
  native: writeFunction('write', 0),
  nativeSync: writeFunction('write', 0),
  manual: writeFunction('write', 0),
  manualSync: writeFunction('write', 0),
};

const SQLITE3_DATABASE = library('sqlite3Database', 'sqlite3 Database', CONSTRUCT);

export const SINKS: TraceMap<SinkInfo> = withNodePrefix({
  // Node fs and its drop-in replacements
  fs: FS_CORE,
  'fs/promises': FS_PROMISES,
  'graceful-fs': FS_CORE,
  'original-fs': FS_CORE,
  'mz/fs': FS_CORE,
  'fs-extra': FS_EXTRA,
  'fs-extra/esm': withSyncForms(FS_EXTRA_FUNCTIONS),
  util: { promisify: { [CALL]: { type: 'promisify' } } },

  // Write helpers
  'write-file-atomic': { ...writeFunction('write', 0), sync: writeFunction('write', 0) },
  atomically: { writeFile: writeFunction('write', 0), writeFileSync: writeFunction('write', 0) },
  jsonfile: { writeFile: writeFunction('write', 0), writeFileSync: writeFunction('write', 0) },
  'write-json-file': {
    ...writeFunction('write', 0),
    sync: writeFunction('write', 0),
    writeJsonFile: writeFunction('write', 0),
    writeJsonFileSync: writeFunction('write', 0),
  },
  steno: { Writer: { [CONSTRUCT]: writeApi('write', 0) } },
  mkdirp: {
    ...MKDIRP_FUNCTION,
    mkdirp: MKDIRP_FUNCTION,
    mkdirpSync: writeFunction('write', 0),
    mkdirpNative: writeFunction('write', 0),
    mkdirpNativeSync: writeFunction('write', 0),
    mkdirpManual: writeFunction('write', 0),
    mkdirpManualSync: writeFunction('write', 0),
  },
  'make-dir': {
    ...writeFunction('write', 0),
    sync: writeFunction('write', 0),
    makeDirectory: writeFunction('write', 0),
    makeDirectorySync: writeFunction('write', 0),
  },
  'proper-lockfile': { lock: writeFunction('deletion', 0), lockSync: writeFunction('deletion', 0) },
  bun: { write: { [CALL]: { type: 'bun', member: 'write' } }, file: { [CALL]: { type: 'bun', member: 'file' } } },

  // Uploads
  multer: { ...library('multer', 'multer({ dest })'), diskStorage: library('multerDiskStorage', 'multer.diskStorage({ destination })') },
  '@nestjs/platform-express': {
    MulterModule: { register: library('nestMulterModule', 'MulterModule.register({ dest })') },
    FileInterceptor: library('nestFileInterceptor', 'FileInterceptor({ dest })'),
    FilesInterceptor: library('nestFilesInterceptor', 'FilesInterceptor({ dest })'),
    FileFieldsInterceptor: library('nestFileFieldsInterceptor', 'FileFieldsInterceptor({ dest })'),
    AnyFilesInterceptor: library('nestAnyFilesInterceptor', 'AnyFilesInterceptor({ dest })'),
  },
  formidable: {
    ...library('formidable', 'formidable({ uploadDir })', CALL, CONSTRUCT),
    formidable: library('formidable', 'formidable({ uploadDir })', CALL, CONSTRUCT),
    Formidable: library('formidable', 'new Formidable({ uploadDir })', CALL, CONSTRUCT),
    IncomingForm: library('formidable', 'new IncomingForm({ uploadDir })', CALL, CONSTRUCT),
  },
  'express-formidable': library('formidable', 'express-formidable({ uploadDir })'),
  'koa-body': { ...library('koaBody', 'koaBody({ formidable: { uploadDir } })'), koaBody: library('koaBody', 'koaBody({ formidable: { uploadDir } })') },
  'express-fileupload': {
    ...library('expressFileupload', 'fileUpload({ useTempFiles })'),
    [READ]: { type: 'imported', module: 'express-fileupload' },
  },

  // Logs
  winston: {
    transports: {
      File: library('winstonFile', 'winston.transports.File', CONSTRUCT),
      DailyRotateFile: library('winstonDailyRotateFile', 'winston-daily-rotate-file', CONSTRUCT),
    },
  },
  'winston-daily-rotate-file': library('winstonDailyRotateFile', 'winston-daily-rotate-file', CONSTRUCT),
  pino: {
    ...library('pino', 'pino(destination)'),
    pino: library('pino', 'pino(destination)'),
    destination: library('pinoDestination', 'pino.destination()'),
    transport: library('pinoTransport', "pino.transport({ target: 'pino/file' })"),
  },
  'pino-pretty': { ...library('pinoPretty', 'pino-pretty({ destination })'), PinoPretty: library('pinoPretty', 'pino-pretty({ destination })') },
  'sonic-boom': {
    ...library('sonicBoom', 'SonicBoom({ dest })', CALL, CONSTRUCT),
    SonicBoom: library('sonicBoom', 'SonicBoom({ dest })', CALL, CONSTRUCT),
  },
  'pino-roll': library('pinoRoll', 'pino-roll({ file })'),
  log4js: { configure: library('log4js', 'log4js file appender') },
  bunyan: {
    ...library('bunyanLogger', 'bunyan stream { path }', CONSTRUCT),
    createLogger: library('bunyanLogger', 'bunyan stream { path }'),
    RotatingFileStream: library('bunyanRotatingFileStream', 'bunyan.RotatingFileStream', CONSTRUCT),
    [READ]: { type: 'imported', module: 'bunyan' },
  },
  'bunyan-rotating-file-stream': library('bunyanRotatingFileStream', 'bunyan-rotating-file-stream', CONSTRUCT),
  'rotating-file-stream': {
    ...library('rotatingFileStream', 'rotating-file-stream'),
    createStream: library('rotatingFileStream', 'rotating-file-stream'),
  },
  'file-stream-rotator': { getStream: library('fileStreamRotator', 'FileStreamRotator.getStream()') },

  // Embedded databases
  'better-sqlite3': library('betterSqlite3', 'better-sqlite3', CALL, CONSTRUCT),
  sqlite3: {
    Database: SQLITE3_DATABASE,
    cached: { Database: SQLITE3_DATABASE },
    verbose: library('sqlite3Verbose', 'sqlite3 Database'),
  },
  sqlite: { open: library('sqliteOpen', 'sqlite open({ filename })') },
  'node:sqlite': { DatabaseSync: library('nodeSqlite', 'node:sqlite DatabaseSync', CONSTRUCT) },
  'bun:sqlite': { Database: library('bunSqlite', 'bun:sqlite Database', CONSTRUCT) },
  knex: { ...library('knex', 'knex SQLite connection'), knex: library('knex', 'knex SQLite connection') },
  sequelize: {
    ...library('sequelize', 'Sequelize SQLite storage', CONSTRUCT),
    Sequelize: library('sequelize', 'Sequelize SQLite storage', CONSTRUCT),
  },
  'sequelize-typescript': { Sequelize: library('sequelize', 'Sequelize SQLite storage', CONSTRUCT) },
  typeorm: {
    DataSource: library('typeorm', 'TypeORM SQLite database', CONSTRUCT),
    createConnection: library('typeorm', 'TypeORM SQLite database'),
  },
  '@nestjs/typeorm': { TypeOrmModule: { forRoot: library('typeorm', 'TypeORM SQLite database') } },
  '@libsql/client': { createClient: library('libsql', 'libsql file: database') },
  lowdb: lowdbAdapters('lowdb'),
  'lowdb/node': lowdbAdapters('lowdb/node'),
  'lowdb/adapters/FileSync': library('lowdbAdapter', 'lowdb FileSync', CONSTRUCT),
  'lowdb/adapters/FileAsync': library('lowdbAdapter', 'lowdb FileAsync', CONSTRUCT),
  nedb: library('nedb', 'nedb Datastore', CONSTRUCT),
  '@seald-io/nedb': library('nedb', 'nedb Datastore', CONSTRUCT),
  'nedb-promises': { ...library('nedb', 'nedb Datastore', CONSTRUCT), create: library('nedb', 'nedb Datastore') },
  'node-persist': {
    init: library('nodePersist', 'node-persist'),
    initSync: library('nodePersist', 'node-persist'),
    create: library('nodePersist', 'node-persist'),
  },
  level: { ...library('level', 'level'), Level: library('level', 'level', CONSTRUCT) },
  'classic-level': { ClassicLevel: library('level', 'classic-level', CONSTRUCT) },
  leveldown: library('level', 'leveldown'),
});

function lowdbAdapters(moduleId: string): SinkElement {
  const element: SinkElement = {};
  for (const name of ['JSONFile', 'JSONFileSync', 'TextFile', 'TextFileSync', 'DataFile', 'DataFileSync']) {
    element[name] = library('lowdbAdapter', `${moduleId} ${name}`, CONSTRUCT);
  }
  for (const name of ['JSONFilePreset', 'JSONFileSyncPreset']) element[name] = library('lowdbAdapter', `${moduleId} ${name}`);
  return element;
}
