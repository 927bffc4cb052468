// `cnflint lsp`: a language server for MTA configuration files, on vscode-languageserver.
//
// The unit of work is a configuration directory (imta.cnf with the files beside it):
// the checks are cross-file, so a change to job_controller.cnf re-checks the pool
// references in imta.cnf. Every open document of the directory is passed to the lint
// engine as an in-memory override, and diagnostics are published for every file of the
// directory's model. A file outside any configuration directory (or one that its
// directory's imta.cnf does not read) is linted alone, as `cnflint <file>` would.
//
// Features: diagnostics on open and on change (debounced), quick fixes (the rules' fixes
// and suggestions, "disable <rule> for this line", fix all), hover, go to definition,
// find references and the document outline (src/lsp/navigation.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  SymbolKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
  type Location,
  type Range as LspRange,
  type SymbolInformation,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileKindFromName, type FileKind } from '../../grammar/index.js';
import type { Fix, TextEdit } from '../edit/edits.js';
import { lintDirectory, lintModel, lintText, resolveLintConfig, singleFileModel } from '../lint/engine.js';
import { packageInfo, ruleDocPath } from '../lint/package-info.js';
import type { LintMessage, Severity } from '../lint/types.js';
import { loadConfig } from '../model/load.js';
import type { ConfigModel, SourceFile } from '../model/types.js';
import { disableEdit } from './disable.js';
import { definition, hover, outline, references, targetAt, type OutlineKind, type OutlineSymbol, type Place } from './navigation.js';

export interface ServerOptions {
  /** Delay between the last change and the lint (default 200 ms). */
  debounceMs?: number;
}

/** Files whose change on disk re-checks a configuration directory. */
const WATCHED = '**/{imta.cnf,job_controller.cnf,dispatcher.cnf,option.dat,mappings,aliases,*.rules,*.cnf,cnflint.config.json}';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

const SYMBOL_KIND: Record<OutlineKind, SymbolKind> = {
  rules: SymbolKind.Namespace,
  rule: SymbolKind.Field,
  include: SymbolKind.File,
  channel: SymbolKind.Class,
  defaults: SymbolKind.Interface,
  section: SymbolKind.Module,
  pool: SymbolKind.Package,
  setting: SymbolKind.Property,
  table: SymbolKind.Namespace,
  entry: SymbolKind.Field,
};

/** The result of linting one unit: the model for navigation, the messages per file. */
interface Snapshot {
  model: ConfigModel;
  /** Messages by file path. */
  messages: Map<string, LintMessage[]>;
  /** Version of each open document at lint time (by path), for versioned edits. */
  versions: Map<string, number>;
  /** The open documents' texts the directory was linted with (fix-all lints with them again). */
  overrides: Record<string, string>;
}

interface Unit {
  /** Directory path, or `file:<path or uri>` for a file linted alone. */
  key: string;
  dir?: string;
  /** For a file linted alone. */
  file?: { uri: string; path?: string };
  timer?: NodeJS.Timeout;
  snapshot?: Snapshot;
  /** URIs diagnostics were published for. */
  published: Set<string>;
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

const docCache = new WeakMap<SourceFile, TextDocument>();

/** A TextDocument over a file's text as linted, for offset ↔ position conversion. */
function textDoc(file: SourceFile): TextDocument {
  let d = docCache.get(file);
  if (!d) docCache.set(file, (d = TextDocument.create(pathToFileURL(file.path).href, 'cnf', 0, file.text)));
  return d;
}

function lspRange(file: SourceFile, start: number, end: number): LspRange {
  const d = textDoc(file);
  return { start: d.positionAt(start), end: d.positionAt(end) };
}

/** Starts serving on a connection (created by the caller: stdio, IPC, socket or a test stream). */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const debounceMs = options.debounceMs ?? 200;
  const documents = new TextDocuments(TextDocument);
  const units = new Map<string, Unit>();
  let documentChanges = false;
  let hierarchicalSymbols = false;
  let watchRegistration = false;

  const log = (msg: string) => connection.console.log(msg);

  /** The URI to use for a path: an open document's own URI when there is one. */
  const uriOf = (p: string): string => {
    for (const d of documents.all()) if (pathOf(d.uri) === p) return d.uri;
    return pathToFileURL(p).href;
  };
  const openDocAt = (p: string) => documents.all().find((d) => pathOf(d.uri) === p);

  /** The configuration directory of a file: the nearest of its directory and three above it that holds imta.cnf. */
  const configDirOf = (p: string): string | undefined => {
    let dir = path.dirname(p);
    for (let i = 0; i < 4; i++) {
      const imta = path.join(dir, 'imta.cnf');
      if (fs.existsSync(imta) || openDocAt(imta)) return dir;
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    return undefined;
  };

  const unitFor = (key: string, init: Omit<Unit, 'key' | 'published'>): Unit => {
    let u = units.get(key);
    if (!u) units.set(key, (u = { key, published: new Set(), ...init }));
    return u;
  };

  const schedule = (u: Unit, delay: number) => {
    if (u.timer) clearTimeout(u.timer);
    u.timer = setTimeout(() => {
      u.timer = undefined;
      run(u);
    }, delay);
  };

  /** Runs a pending lint now (before answering a request about the unit's files). */
  const flush = (u: Unit) => {
    if (!u.timer) return;
    clearTimeout(u.timer);
    u.timer = undefined;
    run(u);
  };

  const scheduleDoc = (uri: string, delay: number) => {
    const p = pathOf(uri);
    const dir = p ? configDirOf(p) : undefined;
    if (dir) schedule(unitFor(dir, { dir }), delay);
    else schedule(unitFor(`file:${p ?? uri}`, { file: { uri, path: p } }), delay);
  };

  const publish = (u: Unit, diagnostics: Map<string, Diagnostic[]>) => {
    const now = new Set<string>();
    for (const [uri, list] of diagnostics) {
      now.add(uri);
      const doc = documents.get(uri);
      connection.sendDiagnostics({ uri, version: doc?.version, diagnostics: list });
    }
    for (const uri of u.published) if (!now.has(uri)) connection.sendDiagnostics({ uri, diagnostics: [] });
    u.published = now;
  };

  const docLinks = new Map<string, string | undefined>();
  const toDiagnostic = (m: LintMessage): Diagnostic => {
    const d: Diagnostic = { range: lspRange(m.file, m.start, m.end), severity: SEVERITY[m.severity], code: m.ruleId, source: 'cnflint', message: m.message };
    if (!docLinks.has(m.ruleId)) {
      const doc = ruleDocPath(m.ruleId);
      docLinks.set(m.ruleId, fs.existsSync(doc) ? pathToFileURL(doc).href : undefined);
    }
    const href = docLinks.get(m.ruleId);
    if (href) d.codeDescription = { href };
    return d;
  };

  /** One diagnostic at the top of each open document of a unit, for a problem that stops linting. */
  const publishFailure = (u: Unit, message: string) => {
    const uris = u.dir ? documents.all().filter((d) => pathOf(d.uri) && configDirOf(pathOf(d.uri)!) === u.dir).map((d) => d.uri) : [u.file!.uri];
    const map = new Map<string, Diagnostic[]>();
    for (const uri of uris) map.set(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Error, source: 'cnflint', message }]);
    u.snapshot = undefined;
    publish(u, map);
  };

  const overridesFor = (dir: string) => {
    const overrides: Record<string, string> = {};
    const versions = new Map<string, number>();
    for (const d of documents.all()) {
      const p = pathOf(d.uri);
      if (!p) continue;
      const rel = path.relative(dir, p);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      overrides[rel.split(path.sep).join('/')] = d.getText();
      versions.set(p, d.version);
    }
    return { overrides, versions };
  };

  const snapshotOf = (model: ConfigModel, messages: readonly LintMessage[], versions: Map<string, number>, overrides: Record<string, string>): Snapshot => {
    const byFile = new Map<string, LintMessage[]>();
    for (const f of model.files) byFile.set(f.path, []);
    for (const m of messages) byFile.get(m.file.path)?.push(m);
    return { model, messages: byFile, versions, overrides };
  };

  const runDirectory = (u: Unit) => {
    const dir = u.dir!;
    if (!fs.existsSync(path.join(dir, 'imta.cnf')) && !openDocAt(path.join(dir, 'imta.cnf'))) {
      // imta.cnf is gone: its documents are linted alone from now on.
      publish(u, new Map());
      units.delete(u.key);
      for (const d of documents.all()) {
        const p = pathOf(d.uri);
        if (p && path.dirname(p) === dir) scheduleDoc(d.uri, 0);
      }
      return;
    }
    const { overrides, versions } = overridesFor(dir);
    const config = resolveLintConfig(dir);
    const model = loadConfig(dir, { root: config.root, overrides });
    const outcome = lintModel(model, { directory: true, complete: true, kinds: new Set(model.files.map((f) => f.kind)) }, config);
    u.snapshot = snapshotOf(model, outcome.messages, versions, overrides);
    const map = new Map<string, Diagnostic[]>();
    for (const [p, list] of u.snapshot.messages) map.set(uriOf(p), list.map(toDiagnostic));
    publish(u, map);
    // Open files of this directory that its imta.cnf does not read: alone.
    for (const d of documents.all()) {
      const p = pathOf(d.uri);
      if (!p || configDirOf(p) !== dir) continue;
      const alone = units.get(`file:${p}`);
      if (u.snapshot.messages.has(p)) {
        if (alone) units.delete(alone.key);
      } else if (fileKindFromName(p)) {
        run(unitFor(`file:${p}`, { file: { uri: d.uri, path: p } }));
      }
    }
  };

  const runFile = (u: Unit) => {
    const doc = documents.get(u.file!.uri);
    if (!doc) {
      publish(u, new Map());
      units.delete(u.key);
      return;
    }
    const p = u.file!.path;
    const name = p ?? decodeURIComponent(new URL(u.file!.uri).pathname.split('/').pop() || 'imta.cnf');
    const kind: FileKind | undefined = fileKindFromName(name);
    if (!kind) {
      publish(u, new Map());
      return;
    }
    const text = doc.getText();
    const dir = p ? path.dirname(p) : process.cwd();
    const filename = p ?? path.join(dir, name);
    // One model for the diagnostics and for navigation: parsed once, includes resolved
    // through the configuration's root as the linter does.
    const config = resolveLintConfig(dir);
    const { model, scope } = singleFileModel(text, filename, kind, config);
    const outcome = lintModel(model, scope, config);
    u.snapshot = snapshotOf(model, outcome.messages, new Map([[filename, doc.version]]), {});
    publish(u, new Map([[u.file!.uri, (u.snapshot.messages.get(filename) ?? []).map(toDiagnostic)]]));
  };

  function run(u: Unit): void {
    try {
      if (u.dir) runDirectory(u);
      else runFile(u);
    } catch (e) {
      const err = e as Error;
      if (err?.name === 'LintConfigError' || err?.name === 'ConfigError') publishFailure(u, `cnflint: ${err.message}`);
      else {
        log(`cnflint: internal error: ${err?.stack ?? String(e)}`);
        publishFailure(u, `cnflint: internal error: ${err?.message ?? String(e)} (see the server log)`);
      }
    }
  }

  /** The unit and snapshot that hold a document's file, linted up to date. */
  const lookup = (uri: string): { snapshot: Snapshot; file: SourceFile } | undefined => {
    const p = pathOf(uri);
    const candidates: Unit[] = [];
    const dir = p ? configDirOf(p) : undefined;
    if (dir && units.get(dir)) candidates.push(units.get(dir)!);
    const alone = units.get(`file:${p ?? uri}`);
    if (alone) candidates.push(alone);
    for (const u of candidates) {
      flush(u);
      const file = u.snapshot?.model.files.find((f) => f.path === (p ?? path.join(process.cwd(), f.relPath)));
      if (u.snapshot && file) return { snapshot: u.snapshot, file };
    }
    // Not linted yet (a request before the first lint ran): lint now.
    if (!candidates.length && documents.get(uri)) {
      scheduleDoc(uri, 0);
      const again = dir ? units.get(dir) : units.get(`file:${p ?? uri}`);
      if (again) {
        flush(again);
        const file = again.snapshot?.model.files.find((f) => f.path === p);
        if (again.snapshot && file) return { snapshot: again.snapshot, file };
      }
    }
    return undefined;
  };

  const offsetIn = (file: SourceFile, position: { line: number; character: number }) => textDoc(file).offsetAt(position);

  const location = (p: Place): Location => ({ uri: uriOf(p.file.path), range: lspRange(p.file, p.start, p.end) });

  /** A workspace edit from text edits whose offsets refer to the snapshot's texts. */
  const workspaceEdit = (snapshot: Snapshot, edits: readonly TextEdit[]): WorkspaceEdit | undefined => {
    const byPath = new Map<string, LspTextEdit[]>();
    for (const e of edits) {
      const file = snapshot.model.files.find((f) => f.path === e.path);
      if (!file) return undefined;
      let list = byPath.get(e.path);
      if (!list) byPath.set(e.path, (list = []));
      list.push({ range: lspRange(file, e.start, e.end), newText: e.text });
    }
    if (documentChanges)
      return {
        documentChanges: [...byPath].map(([p, list]) => ({ textDocument: { uri: uriOf(p), version: snapshot.versions.get(p) ?? null }, edits: list })),
      };
    return { changes: Object.fromEntries([...byPath].map(([p, list]) => [uriOf(p), list])) };
  };

  const fixAction = (snapshot: Snapshot, fix: Fix, diagnostics: Diagnostic[], preferred: boolean): CodeAction | undefined => {
    const edit = workspaceEdit(snapshot, fix.edits);
    if (!edit) return undefined;
    return { title: fix.description, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: preferred || undefined, edit };
  };

  const fixAllAction = (uri: string, snapshot: Snapshot, kind: string): CodeAction | undefined => {
    const p = pathOf(uri);
    const dir = p ? configDirOf(p) : undefined;
    const results =
      dir && snapshot.model.dir === dir && snapshot.messages.has(p!)
        ? lintDirectory(dir, { overrides: snapshot.overrides, fix: true })
        : lintText(documents.get(uri)?.getText() ?? '', { filename: p, cwd: p ? path.dirname(p) : undefined, fix: true });
    const changed = results.filter((r) => r.output !== undefined && r.output !== r.source);
    if (!changed.length) return undefined;
    const edits: TextEdit[] = [];
    for (const r of changed) {
      const file = snapshot.model.files.find((f) => f.path === r.filePath);
      if (!file || file.text !== r.source) return undefined; // the snapshot is stale
      edits.push({ path: r.filePath, start: 0, end: file.text.length, text: r.output! });
    }
    const edit = workspaceEdit(snapshot, edits);
    return edit ? { title: 'Fix all cnflint problems that have a safe fix', kind, edit } : undefined;
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges;
    hierarchicalSymbols = !!caps.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
    watchRegistration = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.cnflint`] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'cnflint', version: packageInfo().version },
    };
  });

  connection.onInitialized(() => {
    if (watchRegistration)
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED }] }).catch((e: unknown) => log(`cnflint: cannot watch files: ${String(e)}`));
  });

  // onDidChangeContent also fires right after onDidOpen: an opened document is linted at
  // once, a changed one after the debounce delay.
  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    scheduleDoc(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    if (justOpened.delete(e.document.uri)) return;
    scheduleDoc(e.document.uri, debounceMs);
  });
  documents.onDidSave((e) => scheduleDoc(e.document.uri, 0));
  documents.onDidClose((e) => {
    const p = pathOf(e.document.uri);
    const alone = units.get(`file:${p ?? e.document.uri}`);
    if (alone) {
      if (alone.timer) clearTimeout(alone.timer);
      publish(alone, new Map());
      units.delete(alone.key);
    }
    const dir = p ? configDirOf(p) : undefined;
    const u = dir ? units.get(dir) : undefined;
    if (!u) return;
    const stillOpen = documents.all().some((d) => d.uri !== e.document.uri && pathOf(d.uri) && configDirOf(pathOf(d.uri)!) === dir);
    if (stillOpen) schedule(u, 0);
    else {
      if (u.timer) clearTimeout(u.timer);
      publish(u, new Map());
      units.delete(u.key);
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const p = pathOf(change.uri);
      if (!p) continue;
      for (const u of units.values()) {
        if (!u.dir) continue;
        const rel = path.relative(u.dir, p);
        if (path.basename(p) === 'cnflint.config.json' || (!rel.startsWith('..') && !path.isAbsolute(rel))) schedule(u, debounceMs);
      }
    }
  });

  connection.onCodeAction((params: CodeActionParams): CodeAction[] => {
    try {
      const found = lookup(params.textDocument.uri);
      if (!found) return [];
      const { snapshot, file } = found;
      const from = offsetIn(file, params.range.start);
      const to = offsetIn(file, params.range.end);
      const only = params.context.only;
      const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
      const messages = (snapshot.messages.get(file.path) ?? []).filter((m) => m.start <= to && m.end >= from);
      const actions: CodeAction[] = [];
      if (wants(CodeActionKind.QuickFix)) {
        for (const m of messages) {
          const range = lspRange(m.file, m.start, m.end);
          const matching = params.context.diagnostics.filter(
            (d) => d.code === m.ruleId && d.range.start.line === range.start.line && d.range.start.character === range.start.character,
          );
          const diags = matching.length ? matching : [toDiagnostic(m)];
          if (m.fix) {
            const a = fixAction(snapshot, m.fix, diags, true);
            if (a) actions.push(a);
          }
          for (const s of m.suggestions ?? []) {
            const a = fixAction(snapshot, s, diags, false);
            if (a) actions.push(a);
          }
          const dis = disableEdit(m.file, m.ruleId, m.start);
          const edit = dis && workspaceEdit(snapshot, [dis]);
          if (edit) actions.push({ title: `Disable ${m.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: diags, edit });
        }
        const fixable = (snapshot.messages.get(file.path) ?? []).filter((m) => m.fix).length;
        if (fixable > 1 && messages.some((m) => m.fix)) {
          const all = fixAllAction(params.textDocument.uri, snapshot, CodeActionKind.QuickFix);
          if (all) actions.push(all);
        }
      }
      if (only && wants(`${CodeActionKind.SourceFixAll}.cnflint`)) {
        const all = fixAllAction(params.textDocument.uri, snapshot, `${CodeActionKind.SourceFixAll}.cnflint`);
        if (all) actions.push(all);
      }
      // A title can come twice (one directive covering several messages of one rule).
      const seen = new Set<string>();
      return actions.filter((a) => {
        const k = `${a.title}\0${JSON.stringify(a.edit)}`;
        return seen.has(k) ? false : (seen.add(k), true);
      });
    } catch (e) {
      log(`cnflint: code actions failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  });

  connection.onHover((params) => {
    try {
      const found = lookup(params.textDocument.uri);
      if (!found) return null;
      const offset = offsetIn(found.file, params.position);
      const target = targetAt(found.snapshot.model, found.file, offset);
      if (!target) return null;
      const text = hover(found.snapshot.model, target);
      if (!text) return null;
      return { contents: { kind: 'markdown', value: text }, range: lspRange(found.file, target.range.start, target.range.end) };
    } catch (e) {
      log(`cnflint: hover failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

  connection.onDefinition((params) => {
    try {
      const found = lookup(params.textDocument.uri);
      if (!found) return null;
      const target = targetAt(found.snapshot.model, found.file, offsetIn(found.file, params.position));
      if (!target) return null;
      const places = definition(found.snapshot.model, target);
      return places.length ? places.map(location) : null;
    } catch (e) {
      log(`cnflint: definition failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

  connection.onReferences((params) => {
    try {
      const found = lookup(params.textDocument.uri);
      if (!found) return null;
      const target = targetAt(found.snapshot.model, found.file, offsetIn(found.file, params.position));
      if (!target) return null;
      return references(found.snapshot.model, target, params.context.includeDeclaration).map(location);
    } catch (e) {
      log(`cnflint: references failed: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
  });

  connection.onDocumentSymbol((params) => {
    try {
      const found = lookup(params.textDocument.uri);
      if (!found) return [];
      const symbols = outline(found.snapshot.model, found.file);
      const toSymbol = (s: OutlineSymbol): DocumentSymbol => ({
        name: s.name,
        detail: s.detail,
        kind: SYMBOL_KIND[s.kind],
        range: lspRange(found.file, s.start, s.end),
        selectionRange: lspRange(found.file, s.selection.start, s.selection.end),
        children: s.children.map(toSymbol),
      });
      if (hierarchicalSymbols) return symbols.map(toSymbol);
      const flat: SymbolInformation[] = [];
      const walk = (s: OutlineSymbol, container?: string) => {
        flat.push({ name: s.name, kind: SYMBOL_KIND[s.kind], location: { uri: params.textDocument.uri, range: lspRange(found.file, s.start, s.end) }, containerName: container });
        for (const c of s.children) walk(c, s.name);
      };
      for (const s of symbols) walk(s);
      return flat;
    } catch (e) {
      log(`cnflint: document symbols failed: ${(e as Error)?.stack ?? String(e)}`);
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}
