import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { classifyFile, filePathOf, type FileRoleVerdict } from '../../src/analysis/file-role.js';
import { runInRule } from './run-in-rule.js';

/** The verdict for `code` saved as `filename` (relative to the working directory), parsed as a real rule sees it. */
function classify(code: string, filename = 'src/service.js', parser: 'esm' | 'cjs' | 'ts' = 'esm', globals: Linter.Globals = {}): FileRoleVerdict {
  return runInRule(code, { parser, filename, globals }, (sourceCode, context) => classifyFile(sourceCode, context.filename, context.cwd));
}

const roleOf = (...args: Parameters<typeof classify>): string => classify(...args).role;

describe('filePathOf', () => {
  it('reads folders below the working directory only', () => {
    expect(filePathOf('/home/me/client/api/src/app.js', '/home/me/client/api')).toEqual({ folders: ['src'], name: 'app.js' });
  });

  it('falls back to the base name for a file outside the working directory', () => {
    expect(filePathOf('/elsewhere/public/app.js', '/home/me/api')).toEqual({ folders: [], name: 'app.js' });
    // A sibling folder that shares the working directory's name as a prefix is outside it.
    expect(filePathOf('/home/me/api-client/public/app.js', '/home/me/api')).toEqual({ folders: [], name: 'app.js' });
  });

  it('lower-cases folder names', () => {
    expect(filePathOf('/r/Public/App.js', '/r').folders).toEqual(['public']);
  });
});

describe('service code', () => {
  it('is the verdict when no signal speaks', () => {
    expect(classify(`const users = new Map(); export function add(u) { users.set(u.id, u); }`)).toEqual({ role: 'service', reason: 'service code' });
  });

  it('stays service code for an express app', () => {
    const code = `
      const express = require('express');
      const app = express();
      app.get('/', (req, res) => res.send('ok'));
      module.exports = app;
    `;
    expect(roleOf(code, 'src/app.js', 'cjs')).toBe('service');
  });
});

describe('vendored', () => {
  it('recognises vendor folders and built file names', () => {
    expect(classify('var a = 1;', 'vendor/lib.js').reason).toBe('in a vendor/ folder');
    expect(roleOf('var a = 1;', 'public/js/jquery.min.js')).toBe('vendored');
    expect(roleOf('var a = 1;', 'assets/app.bundle.js')).toBe('vendored');
    expect(roleOf('var a = 1;', 'lib/thing.umd.cjs', 'cjs')).toBe('vendored');
  });

  it('recognises bundler runtimes', () => {
    expect(classify('var __webpack_modules__ = {}; function __webpack_require__(id) { return __webpack_modules__[id]; }').reason).toBe(
      'bundler output (__webpack_modules__)',
    );
    // The runtime opens a bundle; a marker deep inside a large hand-written file is not read.
    const late = `export const notes = [\n${'  "a plain line of text",\n'.repeat(1_000)}];\n// __webpack_require__\n`;
    expect(roleOf(late)).toBe('service');
    const umd = `
      (function (root, factory) {
        if (typeof define === 'function' && define.amd) define([], factory);
        else if (typeof module === 'object') module.exports = factory();
        else root.lib = factory();
      })(this, function () { return {}; });
    `;
    expect(roleOf(umd, 'src/lib.js', 'cjs')).toBe('vendored');
  });

  it('recognises a library banner, a release banner and a copy note in the first comment', () => {
    expect(classify('/*! jQuery v3.7.1 | (c) OpenJS Foundation | jquery.org/license */\nvar jQuery = {};').reason).toBe('release banner with a version');
    expect(classify('// CodeMirror, copyright (c) by Marijn Haverbeke and others\nvar CodeMirror = {};').reason).toBe('licence banner of CodeMirror');
    expect(classify('/*! https://mths.be/utf8js v2.1.2 by @mathias */\nvar x;').role).toBe('vendored');
    expect(classify('// imported from https://github.com/someone/tiny-lib\nexport const x = 1;').role).toBe('vendored');
  });

  it('keeps first-party headers as service code', () => {
    // A framework's own header: a preserved comment with a copyright but no version and no browser library's name.
    expect(roleOf('/*!\n * acme-api\n * Copyright(c) 2024 Acme\n * MIT Licensed\n */\nlet hits = 0;')).toBe('service');
    // A banner that is not the first thing in the file is no banner.
    expect(roleOf('let hits = 0;\n/*! jQuery v3.7.1 */')).toBe('service');
    // A service that mentions React in its licence header is not React.
    expect(roleOf('// Copyright (c) Acme. This service renders emails; it does not use the jQuery of old.\nlet hits = 0;')).toBe('service');
  });

  it('recognises minified code by its line lengths', () => {
    let counter = 0;
    const statement = (): string => `var a${counter++}=function(b){return b+1};`;
    const minified = Array.from({ length: 20 }, () => Array.from({ length: 10 }, statement).join('')).join('\n');
    expect(classify(minified).reason).toMatch(/^minified \(average line length \d+\)$/u);
    const oneLongLine = `var data = "${'x'.repeat(6_000)}";\n${Array.from({ length: 200 }, (_, index) => `let y${index} = 1;`).join('\n')}`;
    expect(classify(oneLongLine).role).toBe('vendored');
  });

  it('keeps a service with one long data literal as service code', () => {
    const functions = Array.from({ length: 300 }, (_, index) => `export function f${index}() { return ${index}; }`).join('\n');
    const code = `export const logo = "${'x'.repeat(6_000)}";\n${functions}`;
    expect(roleOf(code)).toBe('service');
  });
});

describe('browser', () => {
  it('recognises unguarded browser globals', () => {
    expect(classify(`let drawing = false; document.addEventListener('mousedown', () => { drawing = true; });`).reason).toBe(
      'uses the browser global document (line 1)',
    );
    expect(roleOf(`export function save(k, v) { localStorage.setItem(k, v); }`)).toBe('browser');
  });

  it('keeps an isomorphic module whose browser half is guarded by typeof as service code', () => {
    const topLevelGuard = `
      const isBrowser = typeof window !== 'undefined';
      export function url() { return isBrowser ? window.location.href : process.env.URL; }
    `;
    expect(roleOf(topLevelGuard)).toBe('service');
    const functionGuard = `
      export function width() {
        if (typeof window === 'undefined') return 0;
        return window.innerWidth;
      }
    `;
    expect(roleOf(functionGuard)).toBe('service');
  });

  it('counts a use outside the function that guards', () => {
    const code = `
      function inBrowser() { return typeof window !== 'undefined'; }
      export function title() { return document.title; }
    `;
    expect(roleOf(code)).toBe('browser');
  });

  it('ignores browser names the file declares itself', () => {
    expect(roleOf(`const { document } = parse(html); export const title = document.title;`)).toBe('service');
    expect(roleOf(`export function f(window) { return window.size; }`)).toBe('service');
  });

  it('counts globals the host declares (globals.browser in a config)', () => {
    expect(roleOf(`document.title = 'x';`, 'src/page.js', 'esm', { document: 'readonly' })).toBe('browser');
  });

  it("recognises 'use client' and eslint-env browser", () => {
    expect(classify(`'use client';\nexport default function Button() { return null; }`).reason).toBe("a 'use client' module");
    expect(classify(`/* eslint-env browser, node */\nlet open = 0;`).reason).toBe('an eslint-env browser comment');
  });

  it('reads eslint-env only in the comments that head the file', () => {
    const code = `
      let open = 0;
      /* eslint-env browser */
      export function toggle() { open += 1; }
    `;
    expect(roleOf(code)).toBe('service');
  });

  it('recognises client folders and client packages', () => {
    expect(classify('let open = 0;', 'public/js/chat.js').reason).toBe('in a public/ folder');
    expect(roleOf('let open = 0;', 'src/client/store.js')).toBe('browser');
    expect(classify('let open = 0;', 'packages/api-client/lib/index.ts', 'ts').reason).toBe('in the client package api-client');
    // `clients/` (a service's clients of other services) is not a client folder.
    expect(roleOf('let open = 0;', 'src/clients/redis.js')).toBe('service');
  });

  it('recognises React component modules of a client bundle', () => {
    const component = `
      import React from 'react';
      let lastId = 0;
      export default function Field() { lastId++; return <input id={'f' + lastId} />; }
    `;
    expect(classify(component, 'fields/Field.js').reason).toBe('a React component module');
  });

  it('keeps server-rendered React as service code', () => {
    const page = `
      import React from 'react';
      let visits = 0;
      export async function getServerSideProps() { visits++; return { props: { visits } }; }
      export default function Page({ visits }) { return <p>{visits}</p>; }
    `;
    expect(roleOf(page, 'pages/index.js')).toBe('service');
    // Under the Next.js app router, components render on the server unless they say 'use client'.
    expect(roleOf(`import React from 'react';\nexport default function Page() { return <p />; }`, 'app/page.js')).toBe('service');
    expect(roleOf(`import { renderToString } from 'react-dom/server';\nexport const html = (App) => renderToString(App);`, 'src/ssr.js')).toBe('service');
  });

  it('gives way to Node.js server modules: code that does both runs on the server', () => {
    const code = `
      import fs from 'node:fs';
      export function save(html) { fs.writeFileSync('out.html', html); return document; }
    `;
    expect(roleOf(code)).toBe('service');
    expect(roleOf(`const express = require('express');\nmodule.exports = express.Router();`, 'client/server.js', 'cjs')).toBe('service');
  });
});

describe('test', () => {
  it('recognises test-runner globals, test modules, folders and names', () => {
    expect(classify(`let open = {}; beforeEach(() => { open = {}; });`, 'support/helper.js', 'cjs').reason).toBe('calls the test global beforeEach');
    expect(classify(`jasmine.DEFAULT_TIMEOUT_INTERVAL = 1000;`, 'support/setup.js', 'cjs').role).toBe('test');
    expect(classify(`import { expect } from 'chai';\nexport const check = (x) => expect(x).to.be.ok;`).reason).toBe('imports chai');
    expect(classify(`import { screen } from '@testing-library/react';\nexport const find = () => screen;`).role).toBe('test');
    expect(classify('let open = {};', 'spec/support/helper.js').reason).toBe('in a spec/ folder');
    expect(classify('let open = {};', 'src/setupTests.js').reason).toBe('test file name setupTests.js');
    expect(roleOf('let open = {};', 'src/login.e2e.ts', 'ts')).toBe('test');
  });

  it('ignores test names that the file declares or uses as plain values', () => {
    expect(roleOf(`function it(x) { return x; } export const y = it(1);`)).toBe('service');
    expect(roleOf(`export const matches = /a/u.test('a');`)).toBe('service');
  });
});

describe('infrastructure', () => {
  it('recognises infrastructure-as-code libraries', () => {
    const construct = `
      import { Construct } from 'constructs';
      import * as ec2 from 'aws-cdk-lib/aws-ec2';
      let size;
      export class Server extends Construct { constructor(scope, id) { super(scope, id); size = ec2.InstanceSize.LARGE; } }
    `;
    expect(classify(construct, 'lib/server.ts', 'ts').reason).toBe('imports constructs');
    expect(roleOf(`const pulumi = require('@pulumi/pulumi');`, 'infra/index.js', 'cjs')).toBe('infrastructure');
    expect(roleOf(`import { App } from 'cdktf';`, 'main.ts', 'ts')).toBe('infrastructure');
  });

  it('keeps a Lambda handler of a CDK project as service code', () => {
    expect(roleOf(`const { S3 } = require('@aws-sdk/client-s3');\nexports.handler = async () => ({ statusCode: 200 });`, 'lambda/index.js', 'cjs')).toBe(
      'service',
    );
  });
});

describe('tool', () => {
  it('recognises shebang scripts, CLI frameworks and tool folders that start no server', () => {
    expect(classify(`#!/usr/bin/env node\nconst fs = require('fs');\nfs.mkdirSync(process.argv[2]);`, 'create-app.js', 'cjs').reason).toBe(
      'a shebang script that starts no server',
    );
    expect(classify(`import { program } from 'commander';\nlet defaults; export function parse() { defaults = program.opts(); }`).reason).toBe(
      'imports commander that starts no server',
    );
    expect(classify('let answers = {};', 'internals/generators/index.js').reason).toBe('in a generators/ folder that starts no server');
  });

  it("keeps express-generator's bin/www, a shebang script that starts the server, as service code", () => {
    const www = `#!/usr/bin/env node
      var app = require('../app');
      var http = require('http');
      var server = http.createServer(app);
      server.listen(process.env.PORT || 3000);
    `;
    expect(roleOf(www, 'bin/www.js', 'cjs')).toBe('service');
  });

  it('recognises a build script: it loads a compiler, exports nothing and starts no server', () => {
    const generator = `
      const babel = require('@babel/core');
      let docs = '';
      const plugin = () => ({ visitor: { Identifier(path) { docs += path.node.name; } } });
      const result = babel.transformFileSync('./src/options.js', { plugins: [plugin] });
      require('fs').writeFileSync('./src/definitions.js', result.code);
    `;
    expect(classify(generator, 'resources/build-definitions.js', 'cjs').reason).toBe(
      'a build script (imports @babel/core, exports nothing) that starts no server',
    );
    expect(roleOf(`import { build } from 'esbuild';\nawait build({ entryPoints: ['src/app.ts'], outdir: 'dist' });`, 'build.mjs')).toBe('tool');
    const bundling = `
      var browserify = require('browserify');
      var b = browserify({ entries: ['./admin/client/App.js'], standalone: 'App' });
      b.bundle().pipe(process.stdout);
    `;
    expect(roleOf(bundling, 'build.js', 'cjs')).toBe('tool');
  });

  it('keeps modules that load a compiler but export something, or start a server, as service code', () => {
    const devMiddleware = `
      const webpack = require('webpack');
      const devMiddleware = require('webpack-dev-middleware');
      module.exports = function addDevMiddlewares(app, config) { app.use(devMiddleware(webpack(config))); };
    `;
    expect(roleOf(devMiddleware, 'server/middlewares/dev.js', 'cjs')).toBe('service');
    expect(roleOf(`import ts from 'typescript';\nexport function compile(source) { return ts.transpileModule(source, {}); }`)).toBe('service');
    expect(roleOf(`var app = module.exports = require('express')();\nconst babel = require('@babel/core');`, 'index.js', 'cjs')).toBe('service');
    const devServer = `
      const webpack = require('webpack');
      const express = require('express');
      const app = express();
      app.use(require('webpack-dev-middleware')(webpack(require('./webpack.config'))));
      app.listen(3000);
    `;
    expect(roleOf(devServer, 'dev-server.js', 'cjs')).toBe('service');
    // Set-up code of a server, with no export and no listen of its own: it registers middleware,
    // or loads a middleware module. Each condition alone keeps the file service code.
    const viteSetup = `
      import { createServer as createViteServer } from 'vite';
      const vite = await createViteServer({ server: { middlewareMode: true } });
      app.use(vite.middlewares);
    `;
    expect(roleOf(viteSetup)).toBe('service');
    const hapiSetup = `
      import webpack from 'webpack';
      import devMiddleware from 'webpack-dev-middleware';
      await server.register({ plugin: devMiddleware.hapiWrapper(), options: { compiler: webpack(config) } });
    `;
    expect(roleOf(hapiSetup)).toBe('service');
  });

  it('keeps a CLI that starts the server as service code', () => {
    const code = `
      import { program } from 'commander';
      import { app } from './app.js';
      program.parse();
      app.listen(program.opts().port);
    `;
    expect(roleOf(code, 'src/cli/start.js')).toBe('service');
  });
});

describe('bad input', () => {
  it('classifies a large minified file without reading it line by line twice', () => {
    const huge = Array.from({ length: 100_000 }, (_, index) => `var a${index}=${index};`).join('');
    expect(classify(huge).reason).toMatch(/^minified/u);
  });

  it('classifies a file whose only content is a comment', () => {
    expect(roleOf('// nothing here')).toBe('service');
  });
});
