/**
 * What marks a file as code that never runs in a long-lived service process. Each list is data the
 * file-role analysis reads; docs/file-roles.md explains every entry and its traps.
 */

/** Folder names whose files are copies of other people's code. */
export const VENDORED_FOLDERS: ReadonlySet<string> = new Set(['vendor', 'vendors', 'third_party', 'third-party', 'bower_components', 'jspm_packages']);

/** File-name parts that build tools give their output: `jquery.min.js`, `app.bundle.js`, `lib.umd.cjs`. */
export const VENDORED_NAME = /[.-]min\.[cm]?js$|\.(?:bundle|umd|iife)\.[cm]?js$/iu;

/**
 * Bundler runtimes, found as text: webpack's module table and chunk loader, Parcel's and
 * Browserify's preludes, and the AMD half of a UMD wrapper. First-party source never spells them.
 */
export const BUNDLER_MARKERS: readonly string[] = [
  '__webpack_require__',
  '__webpack_modules__',
  'webpackChunk',
  'parcelRequire',
  'define.amd',
];

/**
 * Libraries that are shipped to browsers as single files and copied into `public/` or `lib/`
 * folders. A first comment that names one of them and a copyright or licence is its banner.
 */
export const BROWSER_LIBRARY_NAMES: readonly string[] = [
  'jQuery',
  'jQuery UI',
  'CodeMirror',
  'Bootstrap',
  'Modernizr',
  'Underscore',
  'Backbone',
  'Lo-Dash',
  'Lodash',
  'Moment',
  'Socket.IO',
  'Engine.IO',
  'AngularJS',
  'Vue.js',
  'React',
  'D3',
  'Chart.js',
  'Popper',
  'Select2',
  'TinyMCE',
  'Ace',
  'highlight.js',
  'Prism',
  'Dropzone',
  'Knockout',
  'Handlebars',
  'Mustache',
  'Zepto',
  'Sizzle',
  'Hammer.JS',
  'Cloudinary',
  'Pikaday',
  'Ember',
];

/**
 * Names a browser defines and Node.js does not (Node 22 has `navigator`, `fetch`, `WebSocket`,
 * `Event` and `EventTarget`, so they prove nothing). Only unresolved or host-declared globals count.
 */
export const BROWSER_GLOBALS: ReadonlySet<string> = new Set([
  'document',
  'window',
  'localStorage',
  'sessionStorage',
  'HTMLElement',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'XMLHttpRequest',
  'customElements',
  'indexedDB',
  'alert',
  'getComputedStyle',
  'jQuery',
]);

/** Folder names of code shipped to browsers. Weak: a file there that loads Node.js or server modules stays service code. */
export const BROWSER_FOLDERS: ReadonlySet<string> = new Set(['public', 'static', 'client', 'frontend', 'browser', 'www', 'wwwroot']);

/** Under a `packages/` folder, a package named `*-client` is a client library, not a service. */
export const CLIENT_PACKAGE = /-client$/u;

/**
 * Modules that only a process with a server, a file system or a network of its own loads. They
 * outweigh a weak browser or tool signal.
 */
export const NODE_SERVER_MODULES: ReadonlySet<string> = new Set([
  'fs',
  'fs/promises',
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dgram',
  'cluster',
  'child_process',
  'worker_threads',
  'express',
  'koa',
  'fastify',
  '@hapi/hapi',
  'hapi',
  'restify',
  '@nestjs/core',
  '@nestjs/common',
  'socket.io',
  'ws',
  'apollo-server',
  'apollo-server-express',
  '@apollo/server',
  'graphql-yoga',
  'next/server',
]);

/** Test runners' globals: a call of one of them, never declared in the file, marks a test or test helper. */
export const TEST_GLOBALS: ReadonlySet<string> = new Set([
  'describe',
  'it',
  'test',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'expect',
  'jasmine',
  'jest',
  'spyOn',
  'fdescribe',
  'xdescribe',
  'fit',
  'xit',
]);

/** Modules that only tests load: runners, assertion and mocking libraries. */
export const TEST_MODULES: ReadonlySet<string> = new Set([
  'vitest',
  '@jest/globals',
  'node:test',
  'mocha',
  'chai',
  'ava',
  'tap',
  'uvu',
  'jasmine',
  'sinon',
  'nock',
  'supertest',
  '@playwright/test',
  'cypress',
  '@nestjs/testing',
  'jest-mock',
  '@testing-library/react',
  '@testing-library/dom',
  '@testing-library/jest-dom',
  '@testing-library/user-event',
]);

/** Folder names of tests and their helpers (the configs' ignores already skip `test/`, `tests/`, `__tests__/`). */
export const TEST_FOLDERS: ReadonlySet<string> = new Set(['spec', 'specs', 'e2e', 'cypress', 'playwright', 'test-utils', 'test-helpers', 'testing', '__tests__', '__mocks__', 'test', 'tests']);

/** File names of test set-up and stories: `jest.setup.ts`, `setupTests.js`, `Button.stories.tsx`, `login.e2e.ts`. */
export const TEST_NAME = /\.(?:test|spec|e2e|cy|stories)\.[cm]?[jt]sx?$|^(?:jest|vitest|test)[.-]setup\.[cm]?[jt]s$|^setupTests\.[cm]?[jt]sx?$/iu;

/** Modules that build command-line programs, prompts and code generators. */
export const TOOL_MODULES: ReadonlySet<string> = new Set([
  'commander',
  'yargs',
  'yargs/yargs',
  'meow',
  'cac',
  'sade',
  'clipanion',
  '@oclif/core',
  'oclif',
  'inquirer',
  '@inquirer/prompts',
  'prompts',
  'enquirer',
  'plop',
  'node-plop',
  'yeoman-generator',
  'yeoman-environment',
]);

/**
 * Compilers and code transformers. A file that loads one, exports nothing, registers no middleware
 * and starts no server is a build script run by hand or by `npm run` (a code generator, a bundling
 * step). A module that exports something, such as dev middleware built on `webpack`, stays service code.
 */
export const BUILD_MODULES: ReadonlySet<string> = new Set([
  '@babel/core',
  'babel-core',
  '@babel/generator',
  '@babel/parser',
  '@babel/traverse',
  'esbuild',
  'rollup',
  '@swc/core',
  'terser',
  'uglify-js',
  'typescript',
  'ts-morph',
  'jscodeshift',
  'recast',
  'prettier',
  'webpack',
  'vite',
  'browserify',
]);

/**
 * Text that shows a module serves requests although it starts no server itself: it registers
 * middleware (`app.use(webpackDevMiddleware(compiler))`, `app.use(vite.middlewares)`).
 */
export const REGISTERS_MIDDLEWARE = /\.use\s*\(/u;

/** A module id of middleware (`webpack-dev-middleware`, `webpack-hot-middleware`, `koa-webpack-middleware`). */
export const MIDDLEWARE_MODULE = /middleware/u;

/** Text that shows a module exports something: `module.exports`, `exports.x =`, an ES `export`. */
export const EXPORTS_SOMETHING = /\bmodule\.exports\b|\bexports\.[\w$]+\s*=|^\s*export\b/mu;

/** Folder names of command-line programs and generators. Weak: a file there that starts a server stays service code. */
export const TOOL_FOLDERS: ReadonlySet<string> = new Set(['bin', 'cli', 'generators']);

/**
 * Text that shows a file starts a server: `server.listen(port)`, `http.createServer(app)`, Apollo's
 * `startStandaloneServer`. Express-generator's `bin/www` has a shebang and is the server itself.
 */
export const SERVER_START = /\.listen\s*\(|\bcreateServer\s*\(|\bstartStandaloneServer\s*\(/u;

/** Infrastructure-as-code libraries: their programs run at synth or deploy time, not in the service. */
export const INFRASTRUCTURE_MODULE = /^(?:aws-cdk-lib|constructs|cdktf|cdk8s|@pulumi\/[^/]+|@aws-cdk\/[^/]+|@cdktf\/[^/]+|cdk8s-plus-[^/]+)(?:\/|$)/u;
