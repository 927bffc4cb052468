// The language server, spoken to over stdio as an editor would: the real `cnflint lsp`
// process (the CLI of the current sources, bundled; see test/hook/cli-bundle.ts), a
// JSON-RPC client from vscode-jsonrpc, and temporary copies of examples/siroe (clean,
// for navigation) and examples/broken (for diagnostics and quick fixes).
import { jest } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { explainPiece, parseTemplate } from '../../grammar/template.js';
import { lintDirectory } from '../../src/lint/engine.js';
import { lookupKeyword } from '../../src/model/keywords.js';
import { loadConfig } from '../../src/model/load.js';
import { cliBundle, removeCliBundle, PACKAGE_ROOT } from '../hook/cli-bundle.js';

jest.setTimeout(60_000);

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node.js') as typeof import('vscode-jsonrpc/node.js');

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
  severity: number;
  code: string;
  source: string;
  message: string;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { documentChanges: { textDocument: { uri: string; version: number | null }; edits: TextEdit[] }[] };
}
interface Location {
  uri: string;
  range: Range;
}
interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

let server: ChildProcess;
let conn: import('vscode-jsonrpc/node.js').MessageConnection;
let stderr = '';
const made: string[] = [];
const diagnostics = new Map<string, Diagnostic[]>();
let published = 0;
let siroe: string;
let broken: string;

const uri = (p: string) => pathToFileURL(p).href;
const readText = (p: string) => fs.readFileSync(p, 'utf8');

/** Position of the `nth` occurrence of `needle` in `text`, plus `delta` characters. */
function pos(text: string, needle: string, delta = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found`);
  }
  at += delta;
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  return { line, character: at - (before.lastIndexOf('\n') + 1) };
}
const lineOf = (text: string, needle: string) => pos(text, needle).line;

/** Waits until `check` holds, re-checking on every publishDiagnostics. */
async function until<T>(check: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const versions = new Map<string, number>();
function open(file: string, text = readText(file)) {
  versions.set(uri(file), 1);
  conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(file), languageId: 'imta', version: 1, text } });
}
function change(file: string, text: string) {
  const v = (versions.get(uri(file)) ?? 1) + 1;
  versions.set(uri(file), v);
  conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(file), version: v }, contentChanges: [{ text }] });
}
function close(file: string) {
  conn.sendNotification('textDocument/didClose', { textDocument: { uri: uri(file) } });
}

/** Applies LSP text edits to a text. */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: Position) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

function copyExample(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cnflint-lsp-${name}-`));
  made.push(dir);
  fs.cpSync(path.join(PACKAGE_ROOT, 'examples', name), dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md')) fs.rmSync(path.join(dir, f));
  return fs.realpathSync(dir);
}

beforeAll(async () => {
  siroe = copyExample('siroe');
  broken = copyExample('broken');
  const cli = await cliBundle();
  server = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  server.stderr!.on('data', (d) => (stderr += String(d)));
  conn = rpc.createMessageConnection(new rpc.StreamMessageReader(server.stdout!), new rpc.StreamMessageWriter(server.stdin!));
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
    diagnostics.set(p.uri, p.diagnostics);
    published++;
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
});

afterAll(() => {
  conn?.dispose();
  if (server && server.exitCode === null) server.kill();
  removeCliBundle();
  for (const d of made) fs.rmSync(d, { recursive: true, force: true });
});

describe('cnflint lsp', () => {
  test('initialize: the server announces its features', async () => {
    const result = (await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: { workspaceEdit: { documentChanges: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
    })) as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
    expect(result.serverInfo.name).toBe('cnflint');
    expect(result.capabilities).toMatchObject({ hoverProvider: true, definitionProvider: true, referencesProvider: true, documentSymbolProvider: true });
    expect(result.capabilities.codeActionProvider).toMatchObject({ codeActionKinds: expect.arrayContaining(['quickfix']) });
    conn.sendNotification('initialized', {});
  });

  test('didOpen: diagnostics for the file and every other file of its directory, as the CLI finds them', async () => {
    const imta = path.join(broken, 'imta.cnf');
    open(imta);
    const expected = lintDirectory(broken, { cwd: broken });
    const jc = await until(() => diagnostics.get(uri(path.join(broken, 'job_controller.cnf'))), 'job_controller.cnf diagnostics');
    const severity = { error: 1, warning: 2, info: 3 } as const;
    for (const r of expected) {
      const got = diagnostics.get(uri(r.filePath)) ?? [];
      expect(got.map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.severity, d.message])).toEqual(
        r.messages.map((m) => [m.ruleId, m.line, m.column, severity[m.severity], m.message]),
      );
      expect(got.every((d) => d.source === 'cnflint')).toBe(true);
    }
    // job_controller.cnf is not open, yet its sync_time error is published.
    expect(jc.map((d) => d.code)).toContain('sync-time-minimum');
    // info messages map to Information.
    const all = [...diagnostics.values()].flat();
    expect(all.some((d) => d.severity === 3)).toBe(expected.some((r) => r.infoCount > 0));
  });

  test('a change to job_controller.cnf re-checks the pool references in imta.cnf (debounced)', async () => {
    const imtaUri = uri(path.join(broken, 'imta.cnf'));
    const jcFile = path.join(broken, 'job_controller.cnf');
    const jcText = readText(jcFile);
    const undefinedPools = () => (diagnostics.get(imtaUri) ?? []).filter((d) => d.code === 'undefined-pool').length;
    const before = undefinedPools();
    open(jcFile);
    change(jcFile, jcText.replace('[POOL=SMTP_POOL]', '[POOL=SMTP_POOL_X]'));
    const after = await until(() => undefinedPools() > before && undefinedPools(), 'undefined-pool in imta.cnf');
    expect(after).toBeGreaterThan(before);
    change(jcFile, jcText);
    await until(() => undefinedPools() === before, 'undefined-pool back to before');
    close(jcFile);
  });

  test('quick fixes: the rule’s suggestions and "disable for this line" above the logical line', async () => {
    const file = path.join(broken, 'imta.cnf');
    const text = readText(file);
    const diags = diagnostics.get(uri(file))!;
    const typo = diags.find((d) => d.code === 'unknown-keyword' && d.range.start.line === lineOf(text, 'identnonenumerc'))!;
    expect(typo).toBeDefined();
    const actions = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: typo.range,
      context: { diagnostics: [typo] },
    })) as CodeAction[];
    const replace = actions.find((a) => a.title === "replace 'identnonenumerc' with 'identnonenumeric'")!;
    expect(replace).toBeDefined();
    expect(replace.kind).toBe('quickfix');
    expect(replace.edit.documentChanges).toEqual([{ textDocument: { uri: uri(file), version: 1 }, edits: [{ range: typo.range, newText: 'identnonenumeric' }] }]);
    const disable = actions.find((a) => a.title === 'Disable unknown-keyword for this line')!;
    expect(disable.edit.documentChanges[0].edits).toEqual([
      { range: { start: { line: typo.range.start.line, character: 0 }, end: { line: typo.range.start.line, character: 0 } }, newText: '! cnflint-disable-next-line unknown-keyword\n' },
    ]);

    // SMTP_POOL on a continuation line: the directive goes above the channel's first line.
    const cont = diags.find((d) => d.code === 'unknown-keyword' && d.range.start.line === lineOf(text, '  maxjobs 7 SMTP_POOL'))!;
    const contActions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: cont.range, context: { diagnostics: [cont] } })) as CodeAction[];
    const contDisable = contActions.find((a) => a.title === 'Disable unknown-keyword for this line')!;
    expect(contDisable.edit.documentChanges[0].edits[0].range.start).toEqual({ line: lineOf(text, 'tcp_intranet smtp'), character: 0 });
    expect(contActions.map((a) => a.title)).toContain("insert 'pool' before 'SMTP_POOL'");

    // Applying the directive silences exactly that message, and it is not "unused".
    const count = published;
    change(file, applyEdits(text, contDisable.edit.documentChanges[0].edits));
    await until(() => published > count, 'diagnostics after the change');
    const now = await until(() => {
      const d = diagnostics.get(uri(file))!;
      return !d.some((x) => x.message.includes("'SMTP_POOL' is not a channel keyword")) && d;
    }, 'the suppressed message gone');
    expect(now.filter((d) => d.code === 'unused-disable')).toEqual([]);
    expect(now.filter((d) => d.code === 'unknown-keyword')).toHaveLength(1);
    change(file, text);
    await until(() => diagnostics.get(uri(file))!.filter((d) => d.code === 'unknown-keyword').length === 2, 'back to the original text');
  });

  test('quick fixes: a rule’s safe fix is the preferred action, and applying it removes the problem', async () => {
    const file = path.join(broken, 'imta.cnf');
    const text = readText(file);
    const blank = diagnostics.get(uri(file))!.find((d) => d.code === 'blank-line-in-rewrite-rules')!;
    expect(blank).toBeDefined();
    const actions = (await conn.sendRequest('textDocument/codeAction', { textDocument: { uri: uri(file) }, range: blank.range, context: { diagnostics: [blank] } })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toBe('turn the blank line into a ! comment line');
    change(file, applyEdits(text, fix.edit.documentChanges[0].edits));
    await until(() => !diagnostics.get(uri(file))!.some((d) => d.code === 'blank-line-in-rewrite-rules'), 'the fixed problem gone');
    change(file, text);
    await until(() => diagnostics.get(uri(file))!.some((d) => d.code === 'blank-line-in-rewrite-rules'), 'the problem back');

    // source.fixAll.cnflint (fix on save): the same texts as `cnflint --fix`.
    const all = (await conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(all.map((a) => a.kind)).toEqual(['source.fixAll.cnflint']);
    const fixed = lintDirectory(broken, { cwd: broken, fix: true }).filter((r) => r.output !== undefined);
    expect(fixed.length).toBeGreaterThan(0);
    expect(
      all[0].edit.documentChanges.map((c) => [c.textDocument.uri, applyEdits(readText(new URL(c.textDocument.uri).pathname), c.edits)]).sort(),
    ).toEqual(fixed.map((r) => [uri(r.filePath), r.output]).sort());
    close(file);
    // Closing the last document of a directory clears its diagnostics.
    await until(() => [...diagnostics.entries()].filter(([u]) => u.startsWith(uri(broken))).every(([, d]) => d.length === 0), 'diagnostics cleared');
  });

  test('hover: keyword meaning and arguments, pool section and job_limit, $ sequences, routing hosts', async () => {
    const file = path.join(siroe, 'imta.cnf');
    const text = readText(file);
    open(file);
    const hover = async (p: Position) =>
      ((await conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(file) }, position: p })) as { contents: { kind: string; value: string } } | null)?.contents;

    const maxjobs = await hover(pos(text, 'maxjobs 7 pool LOCAL_POOL', 2));
    expect(maxjobs?.kind).toBe('markdown');
    expect(maxjobs?.value).toContain('**maxjobs** `<integer>`');
    expect(maxjobs?.value).toContain(lookupKeyword('maxjobs')!.meaning);

    const pool = await hover(pos(text, 'LOCAL_POOL', 3));
    expect(pool?.value).toContain('`[POOL=LOCAL_POOL]` in job_controller.cnf:');
    expect(pool?.value).toContain('job_limit=10');
    expect(pool?.value).toContain('used by `l`');

    const dollarU = await hover(pos(text, '$U%mail.siroe.com@mail.siroe.com', 1));
    const piece = parseTemplate('$U%mail.siroe.com@mail.siroe.com').pieces[0];
    expect(dollarU?.value).toBe(explainPiece(piece));

    const routing = await hover(pos(text, '@tcp_intranet-daemon', 5));
    expect(routing?.value).toContain('routing host `tcp_intranet-daemon` → channel `tcp_intranet`');

    expect(await hover(pos(text, '! Part I', 3))).toBeUndefined();
  });

  test('definition: pool → [POOL=…], routing host → its channel, saslswitchchannel → the channel', async () => {
    const file = path.join(siroe, 'imta.cnf');
    const text = readText(file);
    const jc = readText(path.join(siroe, 'job_controller.cnf'));
    const def = async (p: Position) => (await conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(file) }, position: p })) as Location[] | null;

    expect(await def(pos(text, 'pool LOCAL_POOL', 6))).toEqual([{ uri: uri(path.join(siroe, 'job_controller.cnf')), range: { start: pos(jc, 'LOCAL_POOL]'), end: pos(jc, 'LOCAL_POOL]', 10) } }]);
    expect(await def(pos(text, '@tcp_intranet-daemon', 3))).toEqual([{ uri: uri(file), range: { start: pos(text, 'tcp_intranet smtp'), end: pos(text, 'tcp_intranet smtp', 12) } }]);
    expect(await def(pos(text, 'saslswitchchannel tcp_auth', 20))).toEqual([{ uri: uri(file), range: { start: pos(text, 'tcp_auth smtp'), end: pos(text, 'tcp_auth smtp', 8) } }]);
  });

  test('references: a channel and a pool across files', async () => {
    const file = path.join(siroe, 'imta.cnf');
    const text = readText(file);
    const jcFile = path.join(siroe, 'job_controller.cnf');
    const jc = readText(jcFile);
    const refs = async (f: string, p: Position) =>
      ((await conn.sendRequest('textDocument/references', { textDocument: { uri: uri(f) }, position: p, context: { includeDeclaration: true } })) as Location[])
        .map((l) => `${path.basename(new URL(l.uri).pathname)}:${l.range.start.line}:${l.range.start.character}`)
        .sort();

    // tcp_auth: its block, and the two saslswitchchannel arguments.
    expect(await refs(file, pos(text, 'tcp_auth smtp', 2))).toEqual(
      [pos(text, 'tcp_auth smtp'), pos(text, 'saslswitchchannel tcp_auth', 18), pos(text, 'saslswitchchannel tcp_auth', 18, 1)].map((p) => `imta.cnf:${p.line}:${p.character}`).sort(),
    );

    // tcp_submit is also named in dispatcher.cnf; it is reached by no rewrite rule.
    const disp = readText(path.join(siroe, 'dispatcher.cnf'));
    expect(await refs(file, pos(text, 'tcp_submit submit', 1))).toEqual(
      [`imta.cnf:${pos(text, 'tcp_submit submit').line}:0`, `dispatcher.cnf:${pos(disp, 'CHANNEL=tcp_submit', 8).line}:${pos(disp, 'CHANNEL=tcp_submit', 8).character}`].sort(),
    );

    // SMTP_POOL from its section header: the section and every `pool SMTP_POOL`.
    const model = loadConfig(siroe);
    const uses = model.channels.flatMap((c) => c.keywords).filter((k) => k.info?.name === 'pool' && k.args[0]?.value === 'SMTP_POOL');
    expect(uses.length).toBeGreaterThan(1);
    const expected = [`job_controller.cnf:${pos(jc, 'SMTP_POOL]').line}:${pos(jc, 'SMTP_POOL]').character}`, ...uses.map((k) => {
      const p = k.file.lines.position(k.args[0].start);
      return `imta.cnf:${p.line - 1}:${p.column - 1}`;
    })].sort();
    expect(await refs(jcFile, pos(jc, 'SMTP_POOL]', 4))).toEqual(expected);

    // Routing hosts count as references of the channel they route to.
    const toTcpLocal = model.rules.filter((r) => r.template.endsWith('@tcp-daemon')).length;
    expect(toTcpLocal).toBeGreaterThan(0);
    expect((await refs(file, pos(text, 'tcp_local smtp', 1))).filter((r) => r.startsWith('internet.rules') || r.startsWith('imta.cnf')).length).toBe(1 + toTcpLocal);
  });

  test('document symbols: rule groups named by their comment, channels, pools', async () => {
    const file = path.join(siroe, 'imta.cnf');
    const symbols = (await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(file) } })) as DocumentSymbol[];
    const model = loadConfig(siroe);
    const channels = symbols.filter((s) => s.kind === 5).map((s) => s.name);
    expect(channels).toEqual(model.channels.filter((c) => c.file === model.imta).map((c) => c.name));
    const first = symbols.find((s) => s.kind === 3)!;
    expect(first.name).toBe('Local host and its domain: addresses go to the local channel l, whose');
    expect(first.children!.map((c) => c.name)).toEqual(['mail.siroe.com', 'mail', 'siroe.com']);
    expect(symbols.some((s) => s.kind === 3 && s.children!.some((c) => c.kind === 1 && c.name === '<IMTA_TABLE:internet.rules'))).toBe(true);
    expect(symbols.find((s) => s.name === 'defaults')?.kind).toBe(11);

    const jcFile = path.join(siroe, 'job_controller.cnf');
    open(jcFile);
    const jcSymbols = (await conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uri(jcFile) } })) as DocumentSymbol[];
    expect(jcSymbols.filter((s) => s.kind === 4).map((s) => [s.name, s.detail])).toEqual(
      model.jobController!.pools.map((p) => [`[POOL=${p.name}]`, `job_limit ${p.jobLimit!.value}`]),
    );
  });

  test('a file outside any configuration directory is linted alone', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-lsp-alone-')));
    made.push(dir);
    const file = path.join(dir, 'partner.cnf');
    const text = 'tcp_partner smtp mx singel_sys\ntcp_partner-daemon\n';
    fs.writeFileSync(file, text);
    open(file);
    const d = await until(() => diagnostics.get(uri(file)), 'diagnostics of a lone file');
    expect(d.map((x) => [x.code, x.range.start])).toEqual([['unknown-keyword', pos(text, 'singel_sys')]]);
  });

  test('a lone file: an absolute include is followed through the configuration root, for go to definition too', async () => {
    const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cnflint-lsp-root-')));
    made.push(dir);
    fs.mkdirSync(path.join(dir, 'server', 'opt', 'msg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'server', 'opt', 'msg', 'partner.rules'), 'partner.example $U@tcp_partner-daemon\n');
    fs.writeFileSync(path.join(dir, 'cnflint.config.json'), JSON.stringify({ root: 'server' }));
    const file = path.join(dir, 'rules.cnf');
    const text = 'a.example $U@a-daemon\n</opt/msg/partner.rules\n';
    fs.writeFileSync(file, text);
    open(file);
    const d = await until(() => diagnostics.get(uri(file)), 'diagnostics of a lone file with an include');
    expect(d.filter((x) => String(x.code).includes('include'))).toEqual([]);
    const def = (await conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(file) }, position: pos(text, '</opt', 3) })) as Location[] | null;
    expect(def).toEqual([{ uri: uri(path.join(dir, 'server', 'opt', 'msg', 'partner.rules')), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }]);
  });

  test('shutdown and exit end the process with code 0', async () => {
    await conn.sendRequest('shutdown');
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    conn.sendNotification('exit');
    expect(await exited).toBe(0);
  });
});
