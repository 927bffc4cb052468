// Reading a configuration directory (or in-memory texts) into one ConfigModel.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex, parse, type FileKind, type SyntaxNode } from '../../grammar/index.js';
import { buildImta, effectiveKeywords, hostsOf } from './imta.js';
import { buildAliases, buildDispatcher, buildJobController, buildMappings, buildOptionFile } from './options.js';
import type { Channel, ConfigModel, Include, ModelDiagnostic, OptionSection, Pool, SourceFile } from './types.js';

/** Includes may be nested three levels deep (imta-cnf.md §5). */
export const MAX_INCLUDE_DEPTH = 3;

/** The files of a configuration directory, by the names the stock imta_tailor gives them. */
export const CONFIG_FILES: readonly { name: string; kind: FileKind }[] = [
  { name: 'imta.cnf', kind: 'imta.cnf' },
  { name: 'job_controller.cnf', kind: 'job_controller.cnf' },
  { name: 'dispatcher.cnf', kind: 'dispatcher.cnf' },
  { name: 'option.dat', kind: 'option.dat' },
  { name: 'mappings', kind: 'mappings' },
  { name: 'aliases', kind: 'aliases' },
];

export interface LoadOptions {
  /**
   * Where the server's file system is, for absolute include paths
   * (`</opt/SUNWmsgsr/config/internet.rules` is read from `<root>/opt/SUNWmsgsr/config/…`).
   * Without it, an absolute include is looked for by its file name in the configuration
   * directory (where the stock layout keeps it), and left unchecked if not there.
   */
  root?: string;
  /** Directories for imta_tailor prefixes (`IMTA_TABLE` → dir). Default: every prefix is the configuration directory. */
  prefixes?: Record<string, string>;
  /**
   * Texts to use instead of what is on disk, by path relative to the configuration
   * directory (editors, `--stdin`, the pre-commit hook's staged versions, codemods).
   */
  overrides?: Record<string, string>;
  /** Parse without content runs (slower, the same model): the reference for tests of the fast paths. */
  lineByLine?: boolean;
}

export class ConfigError extends Error {
  constructor(
    message: string,
    public readonly file?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Decodes bytes so that encoding the text again gives back the same bytes. */
export function decode(buf: Buffer): { text: string; encoding: 'utf8' | 'latin1' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    return { text, encoding: 'utf8' };
  } catch {
    return { text: buf.toString('latin1'), encoding: 'latin1' };
  }
}

export function encode(text: string, encoding: 'utf8' | 'latin1'): Buffer {
  return Buffer.from(text, encoding);
}

/** Builds a SourceFile from text. */
export function sourceFile(
  text: string,
  kind: FileKind,
  filePath: string,
  relPath: string,
  extra: Partial<Pick<SourceFile, 'encoding' | 'stat' | 'start' | 'includedFrom'>> & { lineByLine?: boolean } = {},
  /** Where the grammar's own diagnostics go (they are never dropped). */
  diagnostics?: ModelDiagnostic[],
): SourceFile {
  const { tree, diagnostics: syntax } = parse(text, kind, { start: extra.start, lineByLine: extra.lineByLine });
  const sf: SourceFile = {
    path: filePath,
    relPath,
    kind,
    text,
    encoding: extra.encoding ?? 'utf8',
    tree,
    lines: new LineIndex(text),
    stat: extra.stat,
    start: kind === 'imta.cnf' ? (extra.start ?? 'rules') : undefined,
    includedFrom: extra.includedFrom,
  };
  for (const d of syntax) diagnostics?.push({ file: sf, start: d.start, end: d.end, code: d.code, message: d.message, severity: d.severity });
  return sf;
}

interface ReadResult {
  text: string;
  encoding: 'utf8' | 'latin1';
  stat?: SourceFile['stat'];
}

/** A path relative to the configuration directory, with `/` (how overrides and reports name files). */
function relativeTo(dir: string, abs: string): string {
  return path.relative(dir, abs).split(path.sep).join('/');
}

/** The override text for a file, if `overrides` has one. */
function overrideFor(dir: string | undefined, overrides: Record<string, string> | undefined, abs: string): string | undefined {
  if (!dir || !overrides) return undefined;
  const rel = relativeTo(dir, abs);
  return Object.prototype.hasOwnProperty.call(overrides, rel) ? overrides[rel] : undefined;
}

type Reader = (absPath: string) => ReadResult | { error: 'missing' | 'unreadable'; message: string };

function diskReader(dir: string | undefined, overrides: Record<string, string> | undefined): Reader {
  return (abs) => {
    const override = overrideFor(dir, overrides, abs);
    if (override !== undefined) return { text: override, encoding: 'utf8' };
    try {
      const st = fs.statSync(abs);
      if (st.isDirectory()) return { error: 'unreadable', message: 'is a directory' };
      const buf = fs.readFileSync(abs);
      const d = decode(buf);
      return { ...d, stat: { mtimeMs: st.mtimeMs, size: st.size, mode: st.mode } };
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return { error: 'missing', message: 'no such file' };
      return { error: 'unreadable', message: err.code === 'EACCES' ? 'permission denied' : err.message };
    }
  };
}

export interface TopFile {
  /** Path relative to the configuration directory (or any display name). */
  relPath: string;
  kind: FileKind;
  text: string;
  encoding?: 'utf8' | 'latin1';
  stat?: SourceFile['stat'];
  /** imta.cnf family: 'channels' for a fragment that starts in the channel table. */
  start?: 'rules' | 'channels';
}

export interface ModelInput extends LoadOptions {
  /** Configuration directory: base for includes and relative paths. */
  dir?: string;
  files: TopFile[];
}

/**
 * Builds the model from files already in memory. Includes are read from disk below
 * `dir` (or from `overrides`). Never throws on bad input: problems are diagnostics.
 */
export function buildModel(input: ModelInput): ConfigModel {
  const dir = input.dir ? path.resolve(input.dir) : undefined;
  const read = diskReader(dir, input.overrides);
  const diagnostics: ModelDiagnostic[] = [];
  const files: SourceFile[] = [];
  const absOf = (rel: string) => (dir ? path.resolve(dir, rel) : rel);

  const tops = input.files.map((f) => {
    const sf = sourceFile(f.text, f.kind, absOf(f.relPath), f.relPath, { encoding: f.encoding, stat: f.stat, start: f.start, lineByLine: input.lineByLine }, diagnostics);
    files.push(sf);
    return sf;
  });

  // Include resolution for the imta.cnf family.
  const resolveTarget = (target: string, from: SourceFile): { abs?: string; unresolved?: string } => {
    const base = dir ?? path.dirname(from.path);
    const m = /^([A-Za-z][A-Za-z0-9_]*):(.*)$/.exec(target);
    if (m && !/^[A-Za-z]:[\\/]/.test(target)) {
      const prefix = m[1].toUpperCase();
      const pdir = input.prefixes?.[prefix] ?? base;
      return { abs: path.resolve(pdir, m[2]) };
    }
    if (path.isAbsolute(target)) {
      if (input.root) return { abs: path.join(path.resolve(input.root), target) };
      const local = path.join(base, path.basename(target));
      if (fs.existsSync(local) || overrideFor(dir, input.overrides, local) !== undefined) return { abs: local };
      return {
        unresolved: `absolute include path '${target}' is outside the configuration directory; pass --root (or "root" in cnflint.config.json) to check it`,
      };
    }
    return { abs: path.resolve(path.dirname(from.path), target) };
  };

  const resolveInclude = (
    target: string,
    from: SourceFile,
    node: SyntaxNode,
    section: 'rules' | 'channels',
    depth: number,
    chain: readonly string[],
  ): Include => {
    const tok = node.children[0] as { startOffset: number; image: string };
    const range = { start: tok.startOffset, end: tok.startOffset + tok.image.length };
    const inc: Include = { target, file: from, node, range, section, depth, status: 'ok' };
    const fail = (status: Include['status'], message: string, severity: ModelDiagnostic['severity'] = 'error') => {
      inc.status = status;
      inc.message = message;
      const code = status === 'too-deep' || status === 'cycle' ? 'include-depth' : status === 'unresolved' ? 'unresolved-include' : 'missing-include';
      diagnostics.push({ file: from, ...range, code, severity, message });
      return inc;
    };
    if (!target) return fail('missing', "include line names no file; write '<' followed by the file's full path");
    const r = resolveTarget(target, from);
    if (!r.abs) return fail('unresolved', r.unresolved!, 'info');
    inc.resolved = r.abs;
    if (depth > MAX_INCLUDE_DEPTH)
      return fail('too-deep', `include nested ${depth} levels deep; the MTA allows ${MAX_INCLUDE_DEPTH}: move '${target}' up a level`);
    if (chain.includes(r.abs))
      return fail('cycle', `include cycle: '${target}' includes itself (${[...chain, r.abs].map((p) => path.basename(p)).join(' -> ')}); remove one of the include lines`);
    const got = read(r.abs);
    if ('error' in got) {
      const rel = dir ? path.relative(dir, r.abs) : r.abs;
      return fail(
        got.error,
        got.error === 'missing'
          ? `included file '${target}' does not exist (looked for ${rel}); cnbuild fails on it: create the file or fix the path`
          : `included file '${target}' cannot be read (${got.message}); included files must be world-readable`,
      );
    }
    const rel = dir ? relativeTo(dir, r.abs) : r.abs;
    const sf = sourceFile(got.text, 'imta.cnf', r.abs, rel, { encoding: got.encoding, stat: got.stat, start: section, includedFrom: inc, lineByLine: input.lineByLine }, diagnostics);
    files.push(sf);
    inc.included = sf;
    return inc;
  };

  const model: ConfigModel = {
    dir,
    files,
    rules: [],
    channels: [],
    defaults: [],
    includes: [],
    hasChannelTable: false,
    mappings: [],
    aliases: [],
    diagnostics,
    channel: () => undefined,
    channelForHost: () => undefined,
    pool: () => undefined,
    channelSection: () => undefined,
    effectiveKeywords,
  };

  for (const sf of tops) {
    switch (sf.kind) {
      case 'imta.cnf': {
        if (!model.imta) model.imta = sf;
        const b = buildImta(sf, resolveInclude);
        model.rules = joined(model.rules, b.rules);
        model.channels = joined(model.channels, b.channels);
        model.defaults = joined(model.defaults, b.defaults);
        model.includes = joined(model.includes, b.includes);
        pushAll(model.diagnostics, b.diagnostics);
        model.hasChannelTable ||= b.hasChannelTable;
        break;
      }
      case 'job_controller.cnf':
        model.jobController ??= buildJobController(sf, diagnostics);
        break;
      case 'dispatcher.cnf':
        model.dispatcher ??= buildDispatcher(sf, diagnostics);
        break;
      case 'option.dat':
        model.options ??= buildOptionFile(sf, diagnostics);
        break;
      case 'mappings':
        pushAll(model.mappings, buildMappings(sf));
        break;
      case 'aliases':
        pushAll(model.aliases, buildAliases(sf));
        break;
    }
  }

  indexModel(model);
  return model;
}

function pushAll<T>(to: T[], from: readonly T[]): void {
  // Not push(...from): 200,000 rules would overflow the call stack.
  for (const x of from) to.push(x);
}

/** `to` with `from` appended; `from` itself when `to` is empty (one imta.cnf: no copy of 200,000 rules). */
function joined<T>(to: T[], from: T[]): T[] {
  if (!to.length) return from;
  pushAll(to, from);
  return to;
}

function indexModel(model: ConfigModel): void {
  const channels = new Map<string, Channel>();
  const hosts = new Map<string, Channel>();
  for (const c of model.channels) {
    const k = c.name.toLowerCase();
    if (!channels.has(k)) channels.set(k, c);
    for (const h of hostsOf(c)) {
      const hk = h.host.text.toLowerCase();
      if (!hosts.has(hk)) hosts.set(hk, c);
    }
  }
  // The first definition of a name wins (a duplicate is reported by duplicate-pool).
  const pools = new Map<string, Pool>();
  for (const p of model.jobController?.pools ?? []) if (!pools.has(p.name.toLowerCase())) pools.set(p.name.toLowerCase(), p);
  const sections = model.jobController?.channelSections ?? [];
  model.channel = (name) => channels.get(name.toLowerCase());
  model.channelForHost = (host) => hosts.get(host.toLowerCase());
  model.pool = (name) => pools.get(name.toLowerCase());
  model.channelSection = (name) => matchChannelSection(sections, name);
}

/** Exact `[CHANNEL=name]` first, then the longest matching `prefix*` (other-files.md §1.1). */
export function matchChannelSection(sections: OptionSection[], name: string): OptionSection | undefined {
  const lower = name.toLowerCase();
  let best: OptionSection | undefined;
  let bestLen = -1;
  for (const s of sections) {
    const v = s.value.toLowerCase();
    if (v === lower) return s;
    if (v.endsWith('*') && lower.startsWith(v.slice(0, -1)) && v.length > bestLen) {
      best = s;
      bestLen = v.length;
    }
  }
  return best;
}

/**
 * Reads a configuration directory: imta.cnf with its includes, job_controller.cnf,
 * dispatcher.cnf, option.dat, mappings and aliases where present. A missing imta.cnf
 * is a ConfigError (fatal); any other problem becomes a diagnostic.
 */
export function loadConfig(dir: string, options: LoadOptions = {}): ConfigModel {
  const abs = path.resolve(dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new ConfigError(`configuration directory '${dir}' does not exist`, dir);
  }
  if (!st.isDirectory()) throw new ConfigError(`'${dir}' is not a directory; pass the MTA configuration directory (the one holding imta.cnf)`, dir);
  const read = diskReader(abs, options.overrides);
  const files: TopFile[] = [];
  for (const { name, kind } of CONFIG_FILES) {
    const got = read(path.join(abs, name));
    if ('error' in got) {
      if (name === 'imta.cnf')
        throw new ConfigError(
          got.error === 'missing'
            ? `no imta.cnf in '${dir}': pass the MTA configuration directory (msg-svr-base/config) or name the files to check`
            : `cannot read ${path.join(dir, name)}: ${got.message}`,
          path.join(dir, name),
        );
      if (got.error === 'unreadable') throw new ConfigError(`cannot read ${path.join(dir, name)}: ${got.message}`, path.join(dir, name));
      continue;
    }
    files.push({ relPath: name, kind, text: got.text, encoding: got.encoding, stat: got.stat });
  }
  return buildModel({ ...options, dir: abs, files });
}

