/**
 * The editor: the VS Code ESLint language server (`vscode-eslint-language-server` from
 * `vscode-langservers-extracted`) on a workspace that installed the packed plugin, spoken to over
 * stdio like VS Code does. Diagnostics carry `stateless/...` rule ids and docs links, and a rule's
 * suggestion is offered as a Quick Fix that edits the document as ESLint's own suggestion does.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDir } from '../smoke/pack.js';
import { finding, type LintMessage } from '../smoke/service-fixture.js';
import { LspClient } from './lsp-client.js';
import { createClientWorkspace, eslintJson, type ClientWorkspace } from './workspace.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface Diagnostic {
  range: Range;
  message: string;
  severity?: number;
  source?: string;
  code?: string | number;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind?: string;
  diagnostics?: Diagnostic[];
  command?: { title: string; command: string; arguments?: unknown[] };
}
interface ApplyEditParams {
  edit: {
    documentChanges?: Array<{ textDocument: { uri: string; version: number | null }; edits: TextEdit[] }>;
    changes?: Record<string, TextEdit[]>;
  };
}

const require = createRequire(import.meta.url);
const SERVER_BIN = path.join(
  path.dirname(require.resolve('vscode-langservers-extracted/package.json')),
  'bin/vscode-eslint-language-server',
);

/** The rule and file a Quick Fix is requested for: `no-sticky-sessions`' `sessionAffinity` suggestion. */
const PREFERRED_TARGET = { ruleId: 'stateless/no-sticky-sessions', file: 'src/infra.ts' };
const REQUEST_TIMEOUT_MS = 60_000;

/**
 * What the VS Code extension sends for `workspace/configuration` (section ''), with its defaults,
 * as read by the server (`lib/eslint-language-server/eslint.js` `resolveSettings`). Flat config
 * is chosen by `useFlatConfig`; `experimental.useFlatConfig` must stay false because it makes the
 * server load `FlatESLint` from `eslint/use-at-your-own-risk`, which ESLint 10 no longer exports.
 */
function serverSettings(workspaceUri: string) {
  return {
    validate: 'on',
    packageManager: 'npm',
    useESLintClass: false,
    useFlatConfig: true,
    experimental: { useFlatConfig: false },
    codeActionOnSave: { mode: 'all' },
    format: false,
    quiet: false,
    onIgnoredFiles: 'off',
    options: {},
    rulesCustomizations: [],
    run: 'onType',
    problems: { shortenToSingleLine: false },
    nodePath: null,
    workingDirectory: { mode: 'auto' },
    workspaceFolder: { name: 'service-workspace', uri: workspaceUri },
    codeAction: {
      disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
      showDocumentation: { enable: true },
    },
  };
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
  return offset + position.character;
}

function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  return sorted.reduce(
    (result, edit) =>
      result.slice(0, offsetAt(result, edit.range.start)) + edit.newText + result.slice(offsetAt(result, edit.range.end)),
    text,
  );
}

interface Target {
  file: string;
  message: LintMessage;
  suggestion: NonNullable<LintMessage['suggestions']>[number];
}

const started = performance.now();
let workspace: ClientWorkspace;
let client: LspClient | undefined;
let cliMessages: Record<string, LintMessage[]> = {};
let target: Target | undefined;
let openedFile: string;
let openedUri: string;
let openedText: string;
let diagnostics: Diagnostic[] = [];
const appliedEdits: ApplyEditParams[] = [];

async function pullDiagnostics(uri: string): Promise<Diagnostic[]> {
  const report = await client!.request<{ kind: string; items: Diagnostic[] }>(
    'textDocument/diagnostic',
    { textDocument: { uri } },
    REQUEST_TIMEOUT_MS,
  );
  expect(report.kind).toBe('full');
  return report.items;
}

/** Runs a code action's command the way VS Code does and returns the edits the server asks to apply. */
async function executeForEdits(action: CodeAction): Promise<TextEdit[]> {
  appliedEdits.length = 0;
  await client!.request('workspace/executeCommand', action.command, REQUEST_TIMEOUT_MS);
  expect(appliedEdits, action.title).toHaveLength(1);
  const change = appliedEdits[0]!.edit;
  const edits = change.documentChanges?.find((doc) => doc.textDocument.uri === openedUri)?.edits ?? change.changes?.[openedUri];
  expect(edits, action.title).toBeDefined();
  return edits!;
}

/** Picks the Quick Fix target: the preferred rule's suggestion, else any registered rule's suggestion. */
function chooseTarget(): Target | undefined {
  const candidates = Object.entries(cliMessages).flatMap(([file, messages]) =>
    messages
      .filter((message) => message.ruleId?.startsWith('stateless/') && message.suggestions?.length)
      .map((message) => ({ file, message, suggestion: message.suggestions![0]! })),
  );
  return (
    candidates.find(
      ({ file, message }) => file === PREFERRED_TARGET.file && message.ruleId === PREFERRED_TARGET.ruleId,
    ) ?? candidates[0]
  );
}

beforeAll(async () => {
  workspace = await createClientWorkspace('lsp');
  const cli = await eslintJson(workspace, []);
  cliMessages = Object.fromEntries(
    cli.results.map((result) => [
      path.relative(workspace.serviceDir, result.filePath).split(path.sep).join('/'),
      result.messages,
    ]),
  );
  target = chooseTarget();
  openedFile = target?.file ?? PREFERRED_TARGET.file;
  const absolute = path.join(workspace.serviceDir, openedFile);
  openedUri = pathToFileURL(absolute).href;
  openedText = await readFile(absolute, 'utf8');

  const workspaceUri = pathToFileURL(workspace.project.dir).href;
  const serverStart = performance.now();
  client = new LspClient(process.execPath, [SERVER_BIN, '--stdio'], workspace.project.dir);
  client.onRequest('workspace/configuration', (params) =>
    (params as { items: unknown[] }).items.map(() => serverSettings(workspaceUri)),
  );
  client.onRequest('workspace/applyEdit', (params) => {
    appliedEdits.push(params as ApplyEditParams);
    return { applied: true };
  });
  await client.request(
    'initialize',
    {
      processId: process.pid,
      clientInfo: { name: 'eslint-plugin-stateless-tests' },
      rootUri: workspaceUri,
      workspaceFolders: [{ uri: workspaceUri, name: 'service-workspace' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          synchronization: { didSave: true },
          diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
          publishDiagnostics: { codeDescriptionSupport: true },
          codeAction: {
            codeActionLiteralSupport: {
              codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll', 'source.fixAll.eslint'] },
            },
          },
        },
      },
    },
    REQUEST_TIMEOUT_MS,
  );
  client.notify('initialized', {});
  client.notify('textDocument/didOpen', {
    textDocument: { uri: openedUri, languageId: 'typescript', version: 1, text: openedText },
  });
  diagnostics = await pullDiagnostics(openedUri);
  console.log(
    `[clients/lsp] server pid ${client.pid}: initialize + first diagnostics of ${openedFile} in ` +
      `${Math.round(performance.now() - serverStart)} ms; quick-fix target: ` +
      `${target ? `${target.message.ruleId} at ${target.file}:${target.message.line}` : '(none: no registered rule suggests yet)'}`,
  );
});

afterAll(async () => {
  await client?.stop();
  await removeTempDir(workspace?.project.dir);
  console.log(`[clients/lsp] suite wall time ${Math.round(performance.now() - started)} ms`);
});

describe('VS Code ESLint language server with the packed plugin', () => {
  it('loads ESLint from the workspace and validates the opened file', async () => {
    const log = client!.notifications
      .filter(({ method }) => method === 'window/logMessage')
      .map(({ params }) => (params as { message: string }).message);
    const loadedFrom = log.map((line) => /ESLint library loaded from: (.*)/u.exec(line)?.[1]).find(Boolean);
    expect(loadedFrom).toBeDefined();
    expect(path.resolve(loadedFrom!).startsWith(path.join(workspace.project.dir, 'node_modules', 'eslint'))).toBe(true);
    // No "no ESLint library" / "no config" / "probe failed" requests.
    expect(client!.serverRequests.map(({ method }) => method).filter((method) => method.startsWith('eslint/'))).toEqual([]);
    await client!.waitForNotification(
      ({ method, params }) =>
        method === 'eslint/status' && (params as { uri: string; state: number }).uri === openedUri &&
        (params as { state: number }).state === 1,
      'eslint/status ok for the opened file',
    );
  });

  it('reports a parsing error in an unsaved TypeScript buffer with the TypeScript parser the workspace config declares', async () => {
    const uri = pathToFileURL(path.join(workspace.serviceDir, 'src/draft.ts')).href;
    client!.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: 'typescript', version: 1, text: 'export const broken: = 1;\n' },
    });
    const items = await pullDiagnostics(uri);
    client!.notify('textDocument/didClose', { textDocument: { uri } });
    // TypeScript's own wording (espree would say "Unexpected token :" at column 20).
    expect(items.map((d) => [d.message, d.range.start.line, d.range.start.character])).toEqual([
      ['Parsing error: Type expected.', 0, 20],
    ]);
  });

  it('gives diagnostics with exactly the CLI findings, stateless rule ids as codes and links to the rule docs', () => {
    const expected = workspace.expected[openedFile] ?? [];
    expect(diagnostics.map((d) => finding(openedFile, d.range.start.line + 1, d.code === undefined ? null : String(d.code))).sort())
      .toEqual([...expected].sort());
    const cli = (cliMessages[openedFile] ?? []).map((m) => [m.ruleId, m.line, m.column, m.message]);
    const lsp = diagnostics.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message]);
    expect(lsp.sort()).toEqual(cli.sort());
    for (const diagnostic of diagnostics) {
      const ruleId = String(diagnostic.code);
      expect(ruleId).toMatch(/^stateless\//u);
      expect(diagnostic.source).toBe('eslint');
      expect(diagnostic.severity).toBe(1);
      expect(diagnostic.codeDescription?.href).toBe(workspace.facts.ruleMeta[ruleId]?.url);
    }
  });

  it("offers the rule's suggestion as a Quick Fix at its range, and applying it edits the file as ESLint's suggestion does", async (context) => {
    if (!target) {
      context.skip('No registered stateless rule reports a suggestion on the fixture service yet.');
      return;
    }
    const { message, suggestion } = target;
    const ruleId = message.ruleId!;
    const diagnostic = diagnostics.find(
      (d) => d.code === ruleId && d.range.start.line === message.line - 1 && d.range.start.character === message.column - 1,
    );
    expect(diagnostic, `diagnostic for ${ruleId} at ${message.line}:${message.column}`).toBeDefined();

    const actions = await client!.request<CodeAction[]>(
      'textDocument/codeAction',
      { textDocument: { uri: openedUri }, range: diagnostic!.range, context: { diagnostics: [diagnostic], triggerKind: 1 } },
      REQUEST_TIMEOUT_MS,
    );
    const titles = actions.map((action) => action.title);
    expect(titles).toEqual(
      expect.arrayContaining([
        `${suggestion.desc} (${ruleId})`,
        `Disable ${ruleId} for this line`,
        `Disable ${ruleId} for the entire file`,
        `Show documentation for ${ruleId}`,
      ]),
    );
    const quickFix = actions.find((action) => action.title === `${suggestion.desc} (${ruleId})`)!;
    expect(quickFix.kind).toBe('quickfix');
    expect(quickFix.command?.command).toBe('eslint.applySuggestion');
    expect(quickFix.diagnostics?.[0]?.code).toBe(ruleId);

    // "Disable <rule> for this line" inserts an eslint-disable-next-line comment above, indented like the line.
    const disableLine = actions.find((action) => action.title === `Disable ${ruleId} for this line`)!;
    const disabledText = applyTextEdits(openedText, await executeForEdits(disableLine));
    const reportedLine = openedText.split('\n')[message.line - 1]!;
    expect(disabledText.split('\n')[message.line - 1]).toBe(
      `${/^\s*/u.exec(reportedLine)![0]}// eslint-disable-next-line ${ruleId}`,
    );

    // Choosing the Quick Fix: the server asks the editor to apply the suggestion's edit.
    const fixedText = applyTextEdits(openedText, await executeForEdits(quickFix));
    const [start, end] = suggestion.fix.range;
    expect(fixedText).toBe(openedText.slice(0, start) + suggestion.fix.text + openedText.slice(end));
    if (ruleId === PREFERRED_TARGET.ruleId && openedFile === PREFERRED_TARGET.file) {
      expect(fixedText.split('\n')[message.line - 1]).toMatch(/sessionAffinity: 'None'/u);
    }

    // After the edit, the problem is gone and every other one stays.
    client!.notify('textDocument/didChange', {
      textDocument: { uri: openedUri, version: 2 },
      contentChanges: [{ text: fixedText }],
    });
    const after = await pullDiagnostics(openedUri);
    const key = (d: Diagnostic) => `${d.code}@${d.range.start.line}:${d.range.start.character}`;
    expect(after.map(key).sort()).toEqual(diagnostics.filter((d) => d !== diagnostic).map(key).sort());
  });
});
