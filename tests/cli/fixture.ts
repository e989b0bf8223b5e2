/**
 * A one-file service with one violation of each rule on a known line. Tests derive what to
 * expect from the rules registered in the build, so they never pass on an empty rule list.
 */
export const APP_JS = `'use strict';
const express = require('express');
const session = require('express-session');
const rateLimit = require('express-rate-limit');
const lessMiddleware = require('less-middleware');
const fs = require('fs');

const app = express();
const visits = new Map();

app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));
app.use(rateLimit({ windowMs: 60000, limit: 10 }));
app.use(lessMiddleware(__dirname + '/public'));
app.get('/', (req, res) => {
  visits.set(req.ip, Date.now());
  fs.writeFileSync('visits.log', req.ip);
  res.end();
});

module.exports = app;
`;

/**
 * APP_JS with Flow type annotations on the same lines, as a Babel-built service writes it (no
 * `@flow` pragma needed): espree cannot parse it, hermes-eslint can.
 */
export const FLOW_APP_JS = APP_JS.replace('const visits = new Map();', 'const visits: Map<string, number> = new Map();').replace(
  "app.get('/', (req, res) => {",
  "app.get('/', (req: $Request, res: $Response): void => {",
);

export const FIXTURE_LINES: Readonly<Record<string, number>> = {
  'no-sticky-sessions': 11,
  'no-process-local-store': 12,
  'no-runtime-asset-compilation': 13,
  'no-mutable-module-state': 15,
  'no-local-fs-writes': 16,
};

/** `file:line stateless/rule` of the fixture's findings for the registered rules, sorted. */
export function fixtureKeys(file: string, rules: readonly string[], lineOffset = 0): string[] {
  return rules
    .filter((rule) => FIXTURE_LINES[rule] !== undefined)
    .map((rule) => `${file}:${FIXTURE_LINES[rule]! + lineOffset} stateless/${rule}`)
    .sort();
}

/** A second, different violation per rule, for "a new finding" in the baseline test. */
export const NEW_VIOLATION: Readonly<Record<string, string>> = {
  'no-sticky-sessions': "const session = require('express-session');\nmodule.exports = session({ secret: 's' });\n",
  'no-process-local-store': "const rateLimit = require('express-rate-limit');\nmodule.exports = rateLimit({ limit: 5 });\n",
  'no-runtime-asset-compilation': "const less = require('less-middleware');\nmodule.exports = less('public');\n",
  'no-mutable-module-state': 'let hits = 0;\nmodule.exports = function hit() {\n  hits += 1;\n};\n',
  'no-local-fs-writes': "const fs = require('fs');\nmodule.exports = (text) => fs.appendFileSync('notes.txt', text);\n",
};

export const NEW_VIOLATION_LINE: Readonly<Record<string, number>> = {
  'no-sticky-sessions': 2,
  'no-process-local-store': 2,
  'no-runtime-asset-compilation': 2,
  'no-mutable-module-state': 3,
  'no-local-fs-writes': 2,
};
