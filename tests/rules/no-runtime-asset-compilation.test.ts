import rule from '../../src/rules/no-runtime-asset-compilation.js';
import { runRuleTests, type Invalid, type Valid } from '../rule-tester.js';

type MessageIds = 'runtimeCompilation' | 'connectAssets' | 'wrapInDevelopmentGuard';
type Options = [{ guards: string[] }];

const code = (...lines: string[]): string => lines.join('\n');

const GUARD = "if (process.env.NODE_ENV !== 'production') {";

/** The suggestion's output: `before` lines, the statement wrapped at `indent`, `after` lines. */
function wrapped(before: readonly string[], statement: readonly string[], after: readonly string[] = [], indent = ''): string {
  return code(
    ...before,
    `${indent}${GUARD}`,
    ...statement.map((line, index) => (index === 0 ? `${indent}  ${line}` : `  ${line}`)),
    `${indent}}`,
    ...after,
  );
}

function compilation(
  line: number,
  column: number,
  library: string,
  output?: string,
): Invalid<MessageIds, Options>['errors'][number] {
  return {
    messageId: 'runtimeCompilation',
    line,
    column,
    data: { library },
    suggestions: output === undefined ? [] : [{ messageId: 'wrapInDevelopmentGuard', output }],
  };
}

const valid: Valid<Options>[] = [
  // the same wrapper, not named in the settings: the rule does not guess what it loads
  `const safeRequire = require('./lib/safe-require');
const sassMiddleware = safeRequire('node-sass-middleware');
app.use(sassMiddleware({ src: 'sass', dest: 'public' }));
app.listen(3000);`,
  // browserify set up here but bundled elsewhere, bundled only in development, or a bundle method of another object
  `const browserify = require('browserify');
module.exports = browserify('./client.js').transform('babelify');`,
  `const browserify = require('browserify');
if (process.env.NODE_ENV !== 'production') {
  app.get('/app.js', (req, res) => browserify('./client.js').bundle().pipe(res));
}`,
  `const browserify = require('browserify');
const b = browserify('./client.js');
app.get('/app.js', (req, res) => cache.bundle().pipe(res));`,
  // --- each guard form ---
  code(
    "if (process.env.NODE_ENV !== 'production') {",
    "  const webpack = require('webpack');",
    "  const webpackDevMiddleware = require('webpack-dev-middleware');",
    '  const compiler = webpack(config);',
    '  app.use(webpackDevMiddleware(compiler, { publicPath: config.output.publicPath }));',
    '}',
  ),
  code("const lessMiddleware = require('less-middleware');", "if (process.env.NODE_ENV === 'development') app.use(lessMiddleware(__dirname + '/public'));"),
  code("const sass = require('node-sass-middleware');", "if (process.env.NODE_ENV == 'test') { app.use(sass({ src: dir })); }"),
  code("const stylus = require('stylus');", "if ('production' != process.env.NODE_ENV) app.use(stylus.middleware('public'));"),
  code("const hot = require('webpack-hot-middleware');", "if (process.env['NODE_ENV'] !== 'production') app.use(hot(compiler));"),
  code(
    "const { NODE_ENV } = process.env;",
    "const browserify = require('browserify-middleware');",
    "if (NODE_ENV !== 'production') app.get('/app.js', browserify('./client/app.js'));",
  ),
  code(
    "import webpackDevMiddleware from 'webpack-dev-middleware';",
    "if (process.env.NODE_ENV === 'production') {",
    "  app.use(express.static('dist'));",
    '} else {',
    '  app.use(webpackDevMiddleware(compiler));',
    '}',
  ),
  code(
    "import webpackDevMiddleware from 'webpack-dev-middleware';",
    "const isProd = process.env.NODE_ENV === 'production';",
    'if (!isProd) app.use(webpackDevMiddleware(compiler));',
  ),
  code(
    "import webpackDevMiddleware from 'webpack-dev-middleware';",
    "import webpackHotMiddleware from 'webpack-hot-middleware';",
    "const isDev = process.env.NODE_ENV !== 'production';",
    'if (isDev) {',
    '  const devMiddleware = webpackDevMiddleware(compiler);',
    '  const hotMiddleware = webpackHotMiddleware(compiler);',
    '  app.use(devMiddleware, hotMiddleware);',
    '}',
  ),
  code(
    "const postcssMiddleware = require('postcss-middleware');",
    "const isDevelopment = process.env.NODE_ENV === 'development';",
    "isDevelopment && app.use('/css', postcssMiddleware({ plugins, src: (req) => req.path }));",
  ),
  code(
    "import webpackDevMiddleware from 'webpack-dev-middleware';",
    "const isProduction = process.env.NODE_ENV === 'production';",
    "app.use(isProduction ? express.static('dist') : webpackDevMiddleware(compiler));",
  ),
  {
    code: code("import webpackDevMiddleware from 'webpack-dev-middleware';", 'if (import.meta.env.DEV) app.use(webpackDevMiddleware(compiler));'),
  },
  {
    code: code("import { createDevMiddleware } from 'vike/server';", 'if (!import.meta.env.PROD) {', '  const { devMiddleware } = await createDevMiddleware({ root });', '  app.use(devMiddleware);', '}'),
  },
  code(
    "const webpackDevMiddleware = require('webpack-dev-middleware');",
    'function setupDev(app, compiler) {',
    "  if (process.env.NODE_ENV === 'production') return;",
    '  app.use(webpackDevMiddleware(compiler));',
    '}',
  ),
  code(
    "const lessMiddleware = require('less-middleware');",
    'function assets(app) {',
    "  if (process.env.NODE_ENV === 'production') {",
    "    throw new Error('precompiled assets are served by the CDN');",
    '  }',
    "  app.use(lessMiddleware('public'));",
    '}',
  ),
  code(
    "const lessMiddleware = require('less-middleware');",
    "if (process.env.NODE_ENV === 'production') { console.error('dev server only'); process.exit(1); }",
    "app.use(lessMiddleware('public'));",
  ),
  code("const lessMiddleware = require('less-middleware');", "if (app.get('env') === 'development') app.use(lessMiddleware('public'));"),
  code("const lessMiddleware = require('less-middleware');", "if (app.settings.env !== 'production') app.use(lessMiddleware('public'));"),
  {
    code: code(
      "import Koa from 'koa';",
      "import koaWebpack from 'koa-webpack';",
      'const app = new Koa();',
      "if (app.env === 'development') app.use(await koaWebpack({ compiler }));",
    ),
  },
  code(
    "const webpackDevMiddleware = require('webpack-dev-middleware');",
    'switch (process.env.NODE_ENV) {',
    "  case 'development':",
    "  case 'test':",
    '    app.use(webpackDevMiddleware(compiler));',
    '    break;',
    '  default:',
    "    app.use(express.static('dist'));",
    '}',
  ),
  code(
    "const webpackDevMiddleware = require('webpack-dev-middleware');",
    "if (['development', 'test'].includes(process.env.NODE_ENV)) app.use(webpackDevMiddleware(compiler));",
  ),
  code(
    "const webpackDevMiddleware = require('webpack-dev-middleware');",
    "const config = { isDev: process.env.NODE_ENV !== 'production' };",
    'if (config.isDev) app.use(webpackDevMiddleware(compiler));',
  ),
  // Conventional flag names whose definition lives in another module.
  code("import { isDev } from './env.js';", "import webpackDevMiddleware from 'webpack-dev-middleware';", 'if (isDev) app.use(webpackDevMiddleware(compiler));'),
  code(
    "import { cleanEnv, str } from 'envalid';",
    "import webpackHotMiddleware from 'webpack-hot-middleware';",
    "const env = cleanEnv(process.env, { NODE_ENV: str({ choices: ['development', 'test', 'production'] }) });",
    'if (env.isDevelopment) app.use(webpackHotMiddleware(compiler));',
  ),
  {
    code: code(
      "import webpackDevMiddleware from 'webpack-dev-middleware';",
      'class AppModule {',
      '  constructor(private readonly config: ConfigService) {}',
      '  configure(app: Express) {',
      "    if (this.config.get<string>('NODE_ENV') === 'production') return;",
      '    app.use(webpackDevMiddleware(compiler));',
      '  }',
      '}',
    ),
    parsers: ['ts'],
  },
  code(
    'async function devServer(app, compiler) {',
    "  if (process.env.NODE_ENV === 'production') return;",
    "  const { default: webpackDevMiddleware } = await import('webpack-dev-middleware');",
    "  const hot = (await import('webpack-hot-middleware')).default;",
    '  app.use(webpackDevMiddleware(compiler), hot(compiler));',
    '}',
  ),
  code(
    "const lessMiddleware = require('less-middleware');",
    "function shouldCompileAssets() { return process.env.NODE_ENV === 'development'; }",
    "if (shouldCompileAssets()) app.use(lessMiddleware('public'));",
  ),
  code(
    "const webpackDevMiddleware = require('webpack-dev-middleware');",
    'function setupDevMiddleware(app) {',
    '  app.use(webpackDevMiddleware(compiler));',
    '}',
    "if (process.env.NODE_ENV === 'production') app.use(express.static('dist'));",
    'else setupDevMiddleware(app);',
  ),
  // --- the guards option ---
  {
    code: code("const lessMiddleware = require('less-middleware');", "if (localMode) app.use(lessMiddleware('public'));"),
    options: [{ guards: ['localMode'] }],
  },
  {
    code: code("import webpackDevMiddleware from 'webpack-dev-middleware';", "import config from './config';", 'if (config.hot) app.use(webpackDevMiddleware(compiler));'),
    options: [{ guards: ['config.hot'] }],
  },
  {
    code: code("import webpackDevMiddleware from 'webpack-dev-middleware';", 'if (!settings.live) app.use(webpackDevMiddleware(compiler));'),
    options: [{ guards: ['!settings.live'] }],
  },
  {
    code: code("import webpackDevMiddleware from 'webpack-dev-middleware';", 'if (runtime.hotReload()) app.use(webpackDevMiddleware(compiler));'),
    options: [{ guards: ['runtime.hotReload()'] }],
  },
  // --- Vite and vike ---
  code(
    "const express = require('express');",
    "const isProduction = process.env.NODE_ENV === 'production';",
    'async function start() {',
    '  const app = express();',
    '  let vite;',
    '  if (!isProduction) {',
    "    const { createServer } = await import('vite');",
    "    vite = await createServer({ server: { middlewareMode: true }, appType: 'custom', base });",
    '    app.use(vite.middlewares);',
    '  } else {',
    "    app.use(base, sirv('./dist/client', { extensions: [] }));",
    '  }',
    '}',
  ),
  code("import { createServer } from 'vite';", 'const server = await createServer({ root, server: { port: 5173 } });'),
  code("import { createServer } from 'vite';", 'const vite = await createServer({ server: { middlewareMode: false } });'),
  code("import { createServer } from 'vite';", 'export async function devServer(options) {', '  return createServer(options);', '}'),
  code("import { createServer } from 'node:http';", 'createServer({ server: { middlewareMode: true } }, handler);'),
  // --- connect-assets: only `compile: false` is safe ---
  code("const assets = require('connect-assets');", "app.use(assets({ paths: ['assets/css', 'assets/js'], compile: false }));"),
  code(
    "const connectAssets = require('connect-assets');",
    "const isDev = process.env.NODE_ENV !== 'production';",
    'app.use(connectAssets({ compile: isDev, buildDir: "public/assets" }));',
  ),
  code("const assets = require('connect-assets');", "const options = { compile: false, servePath: 'https://cdn.example.com/assets' };", 'app.use(assets(options));'),
  code("const assets = require('connect-assets');", 'module.exports = (app, options) => app.use(assets(options));'),
  code("const assets = require('connect-assets');", "app.use(assets({ compile: process.env.NODE_ENV !== 'production' }));"),
  code("const assets = require('connect-assets');", "app.use(assets({ ...defaults, compile: config.compileAssets }));"),
  // --- not a compiler ---
  code("const stylus = require('stylus');", 'app.get("/theme.css", (req, res) => res.type("css").send(stylus.render(source)));'),
  code('function lessMiddleware(dir) { return express.static(dir); }', "app.use(lessMiddleware('public'));"),
  code("const browserify = require('browserify-middleware');", "browserify.settings('mode', 'production');"),
  code("const express = require('express');", "app.use(express.static(path.join(__dirname, 'dist')));"),
  { code: code("import type { Options } from 'webpack-dev-middleware';", 'const options: Options = { publicPath: "/" };'), parsers: ['ts'] },
  code("function load(require) { return require('less-middleware')('public'); }"),
  code("const next = require('next');", "const dev = process.env.NODE_ENV !== 'production';", 'const nextApp = next({ dev });'),
];

const BUNDLE = 'browserify `bundle()`';

const invalid: Invalid<MessageIds, Options>[] = [
  // a compiler loaded through the project's own require wrapper, named in the settings
  {
    code: `const safeRequire = require('./lib/safe-require');
const sassMiddleware = safeRequire('node-sass-middleware');
app.use(sassMiddleware({ src: 'sass', dest: 'public' }));
app.listen(3000);`,
    settings: { stateless: { requireWrappers: ['safeRequire'] } },
    errors: [
      compilation(
        3,
        9,
        'node-sass-middleware',
        wrapped(
          ["const safeRequire = require('./lib/safe-require');", "const sassMiddleware = safeRequire('node-sass-middleware');"],
          ["app.use(sassMiddleware({ src: 'sass', dest: 'public' }));"],
          ['app.listen(3000);'],
        ),
      ),
    ],
  },
  // browserify bundling in a request handler: chained, and through a const that holds the instance
  {
    code: `const browserify = require('browserify');
app.get('/app.js', (req, res) => {
  browserify('./client/main.js').transform('babelify').bundle().pipe(res);
});
app.listen(3000);`,
    errors: [compilation(3, 3, BUNDLE)],
  },
  {
    code: `import browserify from 'browserify';
const bundler = browserify({ entries: ['./client/main.js'], debug: true }).plugin('tinyify');
router.get('/bundle.js', (req, res) => bundler.bundle().pipe(res));
export default router;`,
    errors: [compilation(3, 40, BUNDLE)],
  },
  // a let filled by either of two calls in a set-up function, bundled again on every change: one report
  {
    code: `let b;
function build(file, stream) {
  const browserify = require('browserify');
  if (stream) b = browserify({ basedir });
  else b = browserify(file, { cache: {} });
  b.bundle(writeBundle);
  b.on('update', () => b.bundle(writeBundle));
}
module.exports = build;`,
    errors: [compilation(6, 3, BUNDLE)],
  },
  // at start-up, every process compiles its own copy
  {
    code: `const Browserify = require('browserify');
const b = new Browserify('./client.js');
b.bundle().pipe(fs.createWriteStream('public/bundle.js'));
app.listen(3000);`,
    errors: [compilation(3, 1, BUNDLE)],
  },
  // --- each library and import form ---
  {
    code: code("const lessMiddleware = require('less-middleware');", "app.use(lessMiddleware(__dirname + '/public'));"),
    errors: [
      compilation(2, 9, 'less-middleware', wrapped(["const lessMiddleware = require('less-middleware');"], ["app.use(lessMiddleware(__dirname + '/public'));"])),
    ],
  },
  {
    code: code("import lessMiddleware from 'less-middleware';", "app.use('/css', lessMiddleware(source, { dest, once: true }));"),
    errors: [
      compilation(
        2,
        17,
        'less-middleware',
        wrapped(["import lessMiddleware from 'less-middleware';"], ["app.use('/css', lessMiddleware(source, { dest, once: true }));"]),
      ),
    ],
  },
  {
    code: "app.use(require('node-sass-middleware')({ src: dir, dest: dir, outputStyle: 'compressed' }));",
    errors: [
      compilation(
        1,
        9,
        'node-sass-middleware',
        wrapped([], ["app.use(require('node-sass-middleware')({ src: dir, dest: dir, outputStyle: 'compressed' }));"]),
      ),
    ],
  },
  {
    code: code("import sass from 'node-sass-middleware';", "router.use(sass({ src: path.join(root, 'scss'), response: true }));"),
    errors: [
      compilation(2, 12, 'node-sass-middleware', wrapped(["import sass from 'node-sass-middleware';"], ["router.use(sass({ src: path.join(root, 'scss'), response: true }));"])),
    ],
  },
  {
    code: "app.use(require('sass-middleware')({ src: 'public', bin: 'sass' }));",
    errors: [compilation(1, 9, 'sass-middleware', wrapped([], ["app.use(require('sass-middleware')({ src: 'public', bin: 'sass' }));"]))],
  },
  {
    code: code("const stylus = require('stylus');", "app.use(stylus.middleware(__dirname + '/public'));"),
    errors: [compilation(2, 9, 'stylus.middleware', wrapped(["const stylus = require('stylus');"], ["app.use(stylus.middleware(__dirname + '/public'));"]))],
  },
  {
    code: code("import { middleware as stylusMiddleware } from 'stylus';", "app.use(stylusMiddleware({ src: 'public', compile }));"),
    errors: [
      compilation(2, 9, 'stylus.middleware', wrapped(["import { middleware as stylusMiddleware } from 'stylus';"], ["app.use(stylusMiddleware({ src: 'public', compile }));"])),
    ],
  },
  {
    code: code("import * as stylus from 'stylus';", "app.use(stylus.middleware('public'));"),
    errors: [compilation(2, 9, 'stylus.middleware', wrapped(["import * as stylus from 'stylus';"], ["app.use(stylus.middleware('public'));"]))],
  },
  {
    code: code(
      "const postcssMiddleware = require('postcss-middleware');",
      "app.use('/css', postcssMiddleware({ plugins: [autoprefixer()], src: (req) => path.join(styles, req.url) }));",
    ),
    errors: [
      compilation(
        2,
        17,
        'postcss-middleware',
        wrapped(
          ["const postcssMiddleware = require('postcss-middleware');"],
          ["app.use('/css', postcssMiddleware({ plugins: [autoprefixer()], src: (req) => path.join(styles, req.url) }));"],
        ),
      ),
    ],
  },
  {
    code: code("const browserify = require('browserify-middleware');", "app.get('/js/bundle.js', browserify(['hyperscript', 'concat-stream']));"),
    errors: [
      compilation(
        2,
        26,
        'browserify-middleware',
        wrapped(["const browserify = require('browserify-middleware');"], ["app.get('/js/bundle.js', browserify(['hyperscript', 'concat-stream']));"]),
      ),
    ],
  },
  {
    code: code(
      "import webpack from 'webpack';",
      "import webpackDevMiddleware from 'webpack-dev-middleware';",
      'const compiler = webpack(config);',
      "app.use(webpackDevMiddleware(compiler, { publicPath: '/' }));",
    ),
    errors: [
      compilation(
        4,
        9,
        'webpack-dev-middleware',
        wrapped(
          ["import webpack from 'webpack';", "import webpackDevMiddleware from 'webpack-dev-middleware';", 'const compiler = webpack(config);'],
          ["app.use(webpackDevMiddleware(compiler, { publicPath: '/' }));"],
        ),
      ),
    ],
  },
  {
    code: code(
      "const middleware = require('webpack-dev-middleware');",
      "const hot = require('webpack-hot-middleware');",
      'const devMiddleware = middleware(compiler, { writeToDisk: true });',
      'app.use(devMiddleware);',
      'app.use(hot(compiler));',
    ),
    errors: [
      compilation(3, 23, 'webpack-dev-middleware'),
      compilation(
        5,
        9,
        'webpack-hot-middleware',
        wrapped(
          [
            "const middleware = require('webpack-dev-middleware');",
            "const hot = require('webpack-hot-middleware');",
            'const devMiddleware = middleware(compiler, { writeToDisk: true });',
            'app.use(devMiddleware);',
          ],
          ['app.use(hot(compiler));'],
        ),
      ),
    ],
  },
  {
    code: code("import devMiddleware from 'webpack-dev-middleware';", 'app.use(devMiddleware.koaWrapper(compiler, { publicPath }));'),
    errors: [
      compilation(
        2,
        9,
        'webpack-dev-middleware koaWrapper',
        wrapped(["import devMiddleware from 'webpack-dev-middleware';"], ['app.use(devMiddleware.koaWrapper(compiler, { publicPath }));']),
      ),
    ],
  },
  {
    code: code(
      "import devMiddleware from 'webpack-dev-middleware';",
      'await server.register({ plugin: devMiddleware.hapiWrapper(), options: { compiler } });',
    ),
    errors: [
      compilation(
        2,
        33,
        'webpack-dev-middleware hapiWrapper',
        wrapped(["import devMiddleware from 'webpack-dev-middleware';"], ['await server.register({ plugin: devMiddleware.hapiWrapper(), options: { compiler } });']),
      ),
    ],
  },
  {
    code: code("import { honoWrapper } from 'webpack-dev-middleware';", "app.use('*', honoWrapper(compiler));"),
    errors: [
      compilation(2, 14, 'webpack-dev-middleware honoWrapper', wrapped(["import { honoWrapper } from 'webpack-dev-middleware';"], ["app.use('*', honoWrapper(compiler));"])),
    ],
  },
  {
    code: code("import wdm = require('webpack-dev-middleware');", 'app.use(wdm(compiler));'),
    parsers: ['ts'],
    errors: [compilation(2, 9, 'webpack-dev-middleware', wrapped(["import wdm = require('webpack-dev-middleware');"], ['app.use(wdm(compiler));']))],
  },
  {
    code: code(
      "import { createRequire } from 'node:module';",
      'const require = createRequire(import.meta.url);',
      "const webpackHotMiddleware = require('webpack-hot-middleware');",
      'app.use(webpackHotMiddleware(compiler, { log: false }));',
    ),
    errors: [
      compilation(
        4,
        9,
        'webpack-hot-middleware',
        wrapped(
          ["import { createRequire } from 'node:module';", 'const require = createRequire(import.meta.url);', "const webpackHotMiddleware = require('webpack-hot-middleware');"],
          ['app.use(webpackHotMiddleware(compiler, { log: false }));'],
        ),
      ),
    ],
  },
  {
    code: code(
      'async function devServer(app, compiler) {',
      "  const { default: webpackDevMiddleware } = await import('webpack-dev-middleware');",
      "  const hot = (await import('webpack-hot-middleware')).default;",
      '  app.use(webpackDevMiddleware(compiler));',
      '  app.use(hot(compiler));',
      '}',
    ),
    errors: [
      compilation(
        4,
        11,
        'webpack-dev-middleware',
        wrapped(
          [
            'async function devServer(app, compiler) {',
            "  const { default: webpackDevMiddleware } = await import('webpack-dev-middleware');",
            "  const hot = (await import('webpack-hot-middleware')).default;",
          ],
          ['app.use(webpackDevMiddleware(compiler));'],
          ['  app.use(hot(compiler));', '}'],
          '  ',
        ),
      ),
      compilation(
        5,
        11,
        'webpack-hot-middleware',
        wrapped(
          [
            'async function devServer(app, compiler) {',
            "  const { default: webpackDevMiddleware } = await import('webpack-dev-middleware');",
            "  const hot = (await import('webpack-hot-middleware')).default;",
            '  app.use(webpackDevMiddleware(compiler));',
          ],
          ['app.use(hot(compiler));'],
          ['}'],
          '  ',
        ),
      ),
    ],
  },
  {
    code: code("const rspackDevMiddleware = require('@rspack/dev-middleware');", 'app.use(rspackDevMiddleware(compiler));'),
    errors: [
      compilation(2, 9, '@rspack/dev-middleware', wrapped(["const rspackDevMiddleware = require('@rspack/dev-middleware');"], ['app.use(rspackDevMiddleware(compiler));'])),
    ],
  },
  {
    code: code("import { devMiddleware } from '@rspack/dev-middleware';", 'app.use(devMiddleware(compiler));'),
    errors: [compilation(2, 9, '@rspack/dev-middleware', wrapped(["import { devMiddleware } from '@rspack/dev-middleware';"], ['app.use(devMiddleware(compiler));']))],
  },
  {
    code: code("const koaWebpack = require('koa-webpack');", 'const middleware = await koaWebpack({ compiler });', 'app.use(middleware);'),
    parsers: ['esm'],
    errors: [compilation(2, 26, 'koa-webpack')],
  },
  {
    code: code(
      "import { devMiddleware, hotMiddleware } from 'koa-webpack-middleware';",
      'app.use(devMiddleware(compiler, { publicPath }));',
      'app.use(hotMiddleware(compiler));',
    ),
    errors: [
      compilation(
        2,
        9,
        'koa-webpack-middleware devMiddleware',
        wrapped(["import { devMiddleware, hotMiddleware } from 'koa-webpack-middleware';"], ['app.use(devMiddleware(compiler, { publicPath }));'], ['app.use(hotMiddleware(compiler));']),
      ),
      compilation(
        3,
        9,
        'koa-webpack-middleware hotMiddleware',
        wrapped(
          ["import { devMiddleware, hotMiddleware } from 'koa-webpack-middleware';", 'app.use(devMiddleware(compiler, { publicPath }));'],
          ['app.use(hotMiddleware(compiler));'],
        ),
      ),
    ],
  },
  {
    code: code("const dev = require('koa-webpack-dev-middleware');", "const hot = require('koa-webpack-hot-middleware');", 'app.use(dev(compiler)).use(hot(compiler));'),
    errors: [compilation(3, 9, 'koa-webpack-dev-middleware'), compilation(3, 28, 'koa-webpack-hot-middleware')],
  },
  {
    code: code(
      "const webpackHotServerMiddleware = require('webpack-hot-server-middleware');",
      "app.use(webpackHotServerMiddleware(multiCompiler, { chunkName: 'server' }));",
    ),
    errors: [
      compilation(
        2,
        9,
        'webpack-hot-server-middleware',
        wrapped(["const webpackHotServerMiddleware = require('webpack-hot-server-middleware');"], ["app.use(webpackHotServerMiddleware(multiCompiler, { chunkName: 'server' }));"]),
      ),
    ],
  },
  // --- Vite and vike ---
  {
    code: code(
      "import { createServer as createViteServer } from 'vite';",
      "const vite = await createViteServer({ server: { middlewareMode: true }, appType: 'custom' });",
      'app.use(vite.middlewares);',
    ),
    errors: [compilation(2, 20, 'Vite createServer (middlewareMode)')],
  },
  {
    code: code(
      "import * as vite from 'vite';",
      "const viteConfig = { configFile: false, root, server: { middlewareMode: { server: httpServer } } };",
      'const devServer = await vite.createServer(viteConfig);',
    ),
    errors: [compilation(3, 25, 'Vite createServer (middlewareMode)')],
  },
  {
    code: code(
      "const { createServer } = require('vite');",
      'async function start() {',
      "  const server = await createServer({ ...baseConfig, server: { ...baseConfig.server, middlewareMode: 'ssr' } });",
      '  app.use(server.middlewares);',
      '}',
    ),
    errors: [compilation(3, 24, 'Vite createServer (middlewareMode)')],
  },
  {
    code: code(
      'async function createApp() {',
      "  const { createServer } = await import('vite');",
      '  const vite = await createServer({ server: { middlewareMode: true } });',
      '  return vite.middlewares;',
      '}',
    ),
    errors: [compilation(3, 22, 'Vite createServer (middlewareMode)')],
  },
  {
    code: code("import { createDevMiddleware } from 'vike/server';", 'const { devMiddleware } = await createDevMiddleware({ root });', 'app.use(devMiddleware);'),
    errors: [compilation(2, 33, 'vike createDevMiddleware')],
  },
  {
    code: code("import { createDevMiddleware } from 'vike';", 'export async function dev(app: Express) {', '  const { devMiddleware } = await createDevMiddleware();', '  app.use(devMiddleware);', '}'),
    parsers: ['ts'],
    errors: [compilation(3, 35, 'vike createDevMiddleware')],
  },
  // --- connect-assets: a guard does not make it safe ---
  {
    code: "app.use(require('connect-assets')());",
    errors: [{ messageId: 'connectAssets', line: 1, column: 9, suggestions: [] }],
  },
  {
    code: code("const assets = require('connect-assets');", "if (process.env.NODE_ENV !== 'production') {", "  app.use(assets({ paths: ['assets/js'] }));", '}'),
    errors: [{ messageId: 'connectAssets', line: 3, column: 11, suggestions: [] }],
  },
  {
    code: code("import connectAssets from 'connect-assets';", "const options = { build: true, buildDir: 'builtAssets', compile: true };", 'app.use(connectAssets(options));'),
    errors: [{ messageId: 'connectAssets', line: 3, column: 9, suggestions: [] }],
  },
  {
    code: code("const assets = require('connect-assets');", "const isProd = process.env.NODE_ENV === 'production';", 'app.use(assets({ compile: isProd }));'),
    errors: [{ messageId: 'connectAssets', line: 3, column: 9, suggestions: [] }],
  },
  {
    code: code("const assets = require('connect-assets');", 'app.use(assets({ compile: null }, (instance) => instance.environment.enable("autoprefixer")));'),
    errors: [{ messageId: 'connectAssets', line: 2, column: 9, suggestions: [] }],
  },
  {
    code: code("const assets = require('connect-assets');", "const isDev = process.env.NODE_ENV !== 'production';", 'app.use(assets({ compile: !isDev }));'),
    errors: [{ messageId: 'connectAssets', line: 3, column: 9, suggestions: [] }],
  },
  // --- guards that do not exclude production ---
  {
    code: code("const lessMiddleware = require('less-middleware');", "if (process.env.NODE_ENV === 'production') app.use(lessMiddleware('public'));"),
    errors: [compilation(2, 52, 'less-middleware')],
  },
  {
    code: code(
      "const webpackDevMiddleware = require('webpack-dev-middleware');",
      "const isDev = process.env.NODE_ENV !== 'test';",
      'if (isDev) {',
      '  app.use(webpackDevMiddleware(compiler));',
      '}',
    ),
    errors: [
      compilation(
        4,
        11,
        'webpack-dev-middleware',
        code(
          "const webpackDevMiddleware = require('webpack-dev-middleware');",
          "const isDev = process.env.NODE_ENV !== 'test';",
          'if (isDev) {',
          `  ${GUARD}`,
          '    app.use(webpackDevMiddleware(compiler));',
          '  }',
          '}',
        ),
      ),
    ],
  },
  {
    code: code(
      "const webpackDevMiddleware = require('webpack-dev-middleware');",
      "if (process.env.NODE_ENV !== 'production' || process.env.FORCE_HMR) app.use(webpackDevMiddleware(compiler));",
    ),
    errors: [compilation(2, 77, 'webpack-dev-middleware')],
  },
  {
    code: code(
      "const webpackDevMiddleware = require('webpack-dev-middleware');",
      'function setup(app) {',
      "  if (process.env.NODE_ENV !== 'production') return;",
      '  app.use(webpackDevMiddleware(compiler));',
      '}',
    ),
    errors: [
      compilation(
        4,
        11,
        'webpack-dev-middleware',
        wrapped(
          ["const webpackDevMiddleware = require('webpack-dev-middleware');", 'function setup(app) {', "  if (process.env.NODE_ENV !== 'production') return;"],
          ['app.use(webpackDevMiddleware(compiler));'],
          ['}'],
          '  ',
        ),
      ),
    ],
  },
  {
    code: code(
      "import webpackDevMiddleware from 'webpack-dev-middleware';",
      'const isProd = process.env.NODE_ENV === "production";',
      "app.use(isProd ? webpackDevMiddleware(compiler) : express.static('dist'));",
    ),
    errors: [compilation(3, 18, 'webpack-dev-middleware')],
  },
  {
    code: code("const lessMiddleware = require('less-middleware');", "if (flags.hot) app.use(lessMiddleware('public'));"),
    options: [{ guards: ['hot'] }],
    errors: [compilation(2, 24, 'less-middleware')],
  },
  // --- a helper called under a guard elsewhere is not provable in one file ---
  {
    code: code(
      "import webpackDevMiddleware from 'webpack-dev-middleware';",
      'export function setupDev(app, compiler) {',
      '  app.use(',
      '    webpackDevMiddleware(compiler, {',
      "      publicPath: '/',",
      '    }),',
      '  );',
      '}',
    ),
    errors: [
      compilation(
        4,
        5,
        'webpack-dev-middleware',
        code(
          "import webpackDevMiddleware from 'webpack-dev-middleware';",
          'export function setupDev(app, compiler) {',
          `  ${GUARD}`,
          '    app.use(',
          '      webpackDevMiddleware(compiler, {',
          "        publicPath: '/',",
          '      }),',
          '    );',
          '  }',
          '}',
        ),
      ),
    ],
  },
  {
    code: code("const lessMiddleware = require('less-middleware');", 'function devAssets(app) {', "\tapp.use(lessMiddleware('public'));", '}'),
    filename: 'server.dev.js',
    parsers: ['cjs'],
    errors: [
      compilation(
        3,
        10,
        'less-middleware',
        code("const lessMiddleware = require('less-middleware');", 'function devAssets(app) {', `\t${GUARD}`, "\t\tapp.use(lessMiddleware('public'));", '\t}', '}'),
      ),
    ],
  },
  {
    code: code(
      "const webpackDevMiddleware = require('webpack-dev-middleware');",
      'const setupDevMiddleware = (app) => app.use(webpackDevMiddleware(compiler));',
      'if (isDev) setupDevMiddleware(app);',
      'setupDevMiddleware(adminApp);',
    ),
    errors: [compilation(2, 45, 'webpack-dev-middleware')],
  },
  // --- no suggestion where wrapping is not one safe edit ---
  {
    code: code("const lessMiddleware = require('less-middleware');", "app.use(compression(), lessMiddleware('public'));"),
    errors: [compilation(2, 24, 'less-middleware')],
  },
  {
    code: code("const lessMiddleware = require('less-middleware');", "app.use(lessMiddleware('public')).use(express.static('public'));"),
    errors: [compilation(2, 9, 'less-middleware')],
  },
  {
    code: code("const lessMiddleware = require('less-middleware');", "app.use(mount('/css', lessMiddleware('public')));"),
    errors: [compilation(2, 23, 'less-middleware')],
  },
  {
    code: code("const lessMiddleware = require('less-middleware');", "module.exports = [lessMiddleware('public')];"),
    parsers: ['cjs'],
    errors: [compilation(2, 19, 'less-middleware')],
  },
  {
    code: code(
      "import lessMiddleware from 'less-middleware';",
      "import process from './fake-process.js';",
      "app.use(lessMiddleware('public'));",
    ),
    errors: [compilation(3, 9, 'less-middleware')],
  },
];

runRuleTests('no-runtime-asset-compilation', rule, { valid, invalid });
