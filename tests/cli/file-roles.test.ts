import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, findingKeys, makeTarget, removeDir, runCli, type JsonResult } from './helpers.js';

await ensureBuilt();

/**
 * A repository as a newcomer brings it: server code with real state, and beside it a browser
 * folder, a vendored bundle, Jasmine helpers, a CDK stack and a CLI, each holding state that
 * would be a finding in service code.
 */
const REPOSITORY: Record<string, string> = {
  'server/app.js': `const express = require('express');
const app = express();
let hits = 0;
app.get('/', (req, res) => { hits += 1; res.send(String(hits)); });
app.listen(3000);
`,
  'public/js/draw.js': `let drawing = false;
document.addEventListener('mousedown', () => { drawing = true; });
`,
  'public/js/lib/widget.js': `/*! Widget v2.4.1 | (c) Widget Authors | MIT License */
var counter = 0;
module.exports = function next() { counter += 1; return counter; };
`,
  'helpers/open-handles.js': `let open = {};
beforeEach(() => { open = {}; });
module.exports = { track: (id) => { open[id] = true; } };
`,
  'stack/server.ts': `import { Construct } from 'constructs';
let servers = 0;
export class Server extends Construct {
  constructor(scope: Construct, id: string) { super(scope, id); servers += 1; }
}
`,
  'stack/balancer.ts': `import { aws_elasticloadbalancingv2 as elbv2, Duration } from 'aws-cdk-lib';
export function targets(scope: never, vpc: never) {
  return new elbv2.ApplicationTargetGroup(scope, 'Targets', { vpc, port: 80, stickinessCookieDuration: Duration.hours(1) });
}
`,
  'tools/create-app.js': `#!/usr/bin/env node
const fs = require('fs');
let created = 0;
fs.mkdirSync(process.argv[2]);
created += 1;
module.exports = () => created;
`,
};

const roots: string[] = [];
afterAll(async () => {
  await Promise.all(roots.map(removeDir));
});

async function repository(): Promise<string> {
  const root = await makeTarget('file-roles', REPOSITORY);
  roots.push(root);
  return root;
}

interface RoleResult extends JsonResult {
  readonly fileRole?: { readonly role: string; readonly reason: string };
}

function rolesOf(root: string, results: readonly RoleResult[]): Record<string, string> {
  return Object.fromEntries(
    results.filter((result) => result.fileRole).map((result) => [path.relative(root, result.filePath).split(path.sep).join('/'), result.fileRole!.role]),
  );
}

describe('stateless-audit and file roles', () => {
  it('reports only the server code and the stickiness in the CDK stack', async () => {
    const root = await repository();
    const run = await runCli([root, '--format', 'json']);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as RoleResult[];
    expect(findingKeys(root, results)).toEqual(['server/app.js:4 stateless/no-mutable-module-state', 'stack/balancer.ts:3 stateless/no-sticky-sessions']);
    expect(rolesOf(root, results)).toEqual({
      'helpers/open-handles.js': 'test',
      'public/js/draw.js': 'browser',
      'public/js/lib/widget.js': 'vendored',
      'stack/balancer.ts': 'infrastructure',
      'stack/server.ts': 'infrastructure',
      'tools/create-app.js': 'tool',
    });
  });

  it('says in the text summary what it skipped and why', async () => {
    const root = await repository();
    const run = await runCli([root]);
    expect(run.stdout).toContain('Not service code: 6 files skipped for their role');
    expect(run.stdout).toMatch(/infrastructure\s+2 \(checked by no-sticky-sessions only\)/u);
    expect(run.stdout).toContain('public/js/draw.js: uses the browser global document (line 2)');
    expect(run.stdout).toContain('public/js/lib/widget.js: release banner with a version');
    expect(run.stdout).toContain('helpers/open-handles.js: calls the test global beforeEach');
    expect(run.stdout).toContain('tools/create-app.js: a shebang script that starts no server');
  });

  it('counts skipped files per role in SARIF and HTML', async () => {
    const root = await repository();
    const sarif = JSON.parse((await runCli([root, '--format', 'sarif'])).stdout) as {
      runs: [{ invocations: [{ properties: { skippedFilesByRole: Record<string, number> } }]; properties: { skippedFilesByRole: Record<string, number> } }];
    };
    const expected = { browser: 1, infrastructure: 2, test: 1, tool: 1, vendored: 1 };
    expect(sarif.runs[0].invocations[0].properties.skippedFilesByRole).toEqual(expected);
    expect(sarif.runs[0].properties.skippedFilesByRole).toEqual(expected);
    const html = (await runCli([root, '--format', 'html'])).stdout;
    expect(html).toContain('<b>6</b><span>Not service code</span>');
    expect(html).toContain('<h2>Not service code (skipped for their role)</h2>');
  });

  it('audits every file with --all-roles', async () => {
    const root = await repository();
    const run = await runCli([root, '--format', 'json', '--all-roles']);
    const results = JSON.parse(run.stdout) as RoleResult[];
    const keys = findingKeys(root, results);
    expect(keys).toEqual(
      expect.arrayContaining([
        'public/js/draw.js:2 stateless/no-mutable-module-state',
        'helpers/open-handles.js:3 stateless/no-mutable-module-state',
        'stack/server.ts:4 stateless/no-mutable-module-state',
        'tools/create-app.js:4 stateless/no-local-fs-writes',
      ]),
    );
    expect(rolesOf(root, results)).toEqual({});
    expect((await runCli([root, '--all-roles'])).stdout).not.toContain('Not service code');
  });

  it('drops the configs path ignores with --all-roles', async () => {
    const root = await makeTarget('file-roles-ignores', { 'spec/helper.js': 'let n = 0;\nmodule.exports = () => { n += 1; };\n' });
    roots.push(root);
    expect(findingKeys(root, JSON.parse((await runCli([root, '--format', 'json'])).stdout) as JsonResult[])).toEqual([]);
    expect(findingKeys(root, JSON.parse((await runCli([root, '--format', 'json', '--all-roles'])).stdout) as JsonResult[])).toEqual([
      'spec/helper.js:2 stateless/no-mutable-module-state',
    ]);
  });
});
