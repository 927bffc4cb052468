// cnftest: an offline `imsimta test -rewrite`. Argument parsing, the answers file and the
// output; the rewriting is done by src/rewrite/ on a table compiled once per run from the
// configuration model (src/rewrite/from-model.ts).
//
//   cnftest rewrite [ADDRESS..] [--config DIR] [--from A] [--source-channel CH] ...
//   cnftest routes FILE [--config DIR]
//
// Exit codes: 0 every address routed / every case passed; 1 an address could not be
// routed (error or unanswered lookup) / a case failed or could not be read; 2 usage error,
// unreadable configuration, routes or answers file, or internal error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import yargs from 'yargs';
import type { ConfigModel } from '../model/types.js';
import type { ChannelInfo, RewriteTable } from '../rewrite/engine.js';
import type { RouteCaseResult, RoutesRunResult } from '../rewrite/routes.js';
import type { RewriteOptions, RewriteResult } from '../rewrite/types.js';
import { lookupKeyEnd, parseAssume } from '../rewrite/lookup-keys.js';
import { USER_ERRORS, UsageError, finishParser, oneLine, parseCommandLine, processIO, type CliIO } from './io.js';

export type { CliIO } from './io.js';

type Args = Record<string, unknown>;

/** Unreadable input named on the command line (routes, answers, configuration): exit 2, no usage hint. */
class InputError extends Error {
  override name = 'InputError';
}

/** Options spelt as `imsimta test -rewrite` spells them, turned into ours (`-source_channel=x` → `--source-channel=x`). */
const IMSIMTA_OPTIONS = new Map<string, string>([
  ['from', 'from'],
  ['source_channel', 'source-channel'],
  ['destination_channel', 'destination-channel'],
  ['header', 'header'],
  ['envelope', 'no-header'],
  ['backward', 'backward'],
  ['forward', 'no-backward'],
  ['debug', 'debug'],
  ['nodebug', 'no-debug'],
  // Ours, for symmetry with the routes files' `-assume=…`.
  ['assume', 'assume'],
  ['answers', 'answers'],
  ['config', 'config'],
  ['root', 'root'],
  ['json', 'json'],
]);

/** Rewrites `-source_channel=tcp_local` and friends into GNU spelling; leaves everything after `--` alone. */
export function normalizeArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  let rest = false;
  for (const a of argv) {
    if (rest || a === '--') {
      rest = true;
      out.push(a);
      continue;
    }
    const m = /^-([a-z_]{2,})(=.*)?$/i.exec(a);
    const ours = m ? IMSIMTA_OPTIONS.get(m[1]!.toLowerCase()) : undefined;
    out.push(ours ? `--${ours}${m![2] ?? ''}` : a);
  }
  return out;
}

function buildParser() {
  return yargs()
    .scriptName('cnftest')
    .version(false)
    .usage(
      '$0 <command>\n\nOffline `imsimta test -rewrite`: route addresses through the rewrite rules and channel table of an MTA configuration directory.',
    )
    .command('rewrite [address..]', 'Rewrite addresses (from the command line, or one per line on standard input)', (c) =>
      c
        .positional('address', { type: 'string', array: true, describe: 'addresses to rewrite (none: read standard input)' })
        .option('from', { type: 'string', describe: 'Envelope From: also shown rewritten as a backward address' })
        .option('source-channel', { type: 'string', describe: 'Channel the address comes from (default l)' })
        .option('destination-channel', { type: 'string', describe: 'Destination channel ($C/$Q checks are honoured only then)' })
        .option('header', { type: 'boolean', describe: 'Decide the channel from the header rewrite (default: envelope)' })
        .option('backward', { type: 'boolean', describe: 'Decide the channel from the backward (From-like) rewrite (default: forward)' })
        .option('json', { type: 'boolean', describe: 'Print each result as one JSON object per line' }),
    )
    .command('routes <file>', 'Check a routing-expectations file (one "address [options] => channel [address]" case per line)', (c) =>
      c.positional('file', { type: 'string', describe: 'routing-expectations file' }),
    )
    .option('config', { alias: 'c', type: 'string', describe: 'MTA configuration directory (the one holding imta.cnf; default: the current directory)' })
    .option('root', { type: 'string', describe: "Server root for absolute include paths (a copy of the server's file system)" })
    .option('assume', { type: 'string', describe: "Answer a lookup: 'LOOKUP=ANSWER', e.g. '$(siroe)=$U%eng.siroe.com@siroenet' or '${INTERNAL_IP}=<fail>' (repeatable)" })
    .option('answers', { type: 'string', describe: 'File of "LOOKUP ANSWER" lines answering lookups (see docs/cnftest.md)' })
    .option('debug', { type: 'boolean', describe: 'Print every probe and rule step (and stack traces of internal errors)' })
    .option('version', { alias: 'v', type: 'boolean', describe: 'Print the version' });
}

/** Runs cnftest with `argv` (without node and the script); returns the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2), io: CliIO = processIO()): Promise<number> {
  const args0 = normalizeArgv(argv);
  const debug = args0.includes('--debug');
  try {
    const parser = finishParser(buildParser());
    const parsed = await parseCommandLine<Args>(parser, args0, io);
    if (parsed.exit !== undefined) return parsed.exit;
    const args = parsed.args;
    const command = (args._ as unknown[])[0];
    if (command === undefined) throw new UsageError('name a command: rewrite or routes');
    if (command === 'rewrite') return await runRewrite(args, io);
    if (command === 'routes') return await runRoutesCommand(args, io);
    throw new UsageError(`unknown command '${String(command)}': use rewrite or routes`);
  } catch (e) {
    const err = e as Error;
    if (err && (err instanceof InputError || USER_ERRORS.has(err.name))) {
      io.stderr.write(`cnftest: ${oneLine(err.message)}\n`);
      if (err.name === 'UsageError') io.stderr.write('Run cnftest --help for usage.\n');
      if (debug && err.stack) io.stderr.write(`${err.stack}\n`);
      return 2;
    }
    const what = err instanceof Error ? err.message : String(err);
    io.stderr.write(`cnftest: internal error: ${oneLine(what)}${debug ? '' : ' (--debug shows the stack trace)'}\n`);
    if (debug) io.stderr.write(`${(err instanceof Error && err.stack) || String(err)}\n`);
    return 2;
  }
}

// ---------------------------------------------------------------------------------------
// Lookup answers: --assume KEY=VALUE and --answers FILE

export interface AnswersFile {
  answers: Record<string, string>;
  problems: { line: number; message: string }[];
}

/**
 * An answers file: one `LOOKUP ANSWER` per line, separated by blanks; blank lines and lines
 * starting with `!` are ignored. `""` is an empty answer, `<fail>` a miss.
 */
export function parseAnswers(text: string): AnswersFile {
  const res: AnswersFile = { answers: {}, problems: [] };
  const seen = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const s = raw.trim();
    if (s === '' || s.startsWith('!')) return;
    const end = lookupKeyEnd(s, /\s/);
    if (typeof end === 'string') return res.problems.push({ line, message: end });
    const key = s.slice(0, end);
    const after = s.slice(end);
    if (after !== '' && !/^\s/.test(after)) return res.problems.push({ line, message: `blank expected after the lookup ${key}` });
    let value = after.trim();
    if (value === '') return res.problems.push({ line, message: `no answer for ${key}: write the lookup's result, "" for an empty result or <fail> for a miss` });
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    const prev = seen.get(key);
    if (prev !== undefined) return res.problems.push({ line, message: `${key} is answered twice (first on line ${prev})` });
    seen.set(key, line);
    res.answers[key] = value;
  });
  return res;
}

function listOf(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function readText(file: string, what: string, shown: string): string {
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new InputError(`cannot read ${what} '${shown}': it is a directory`);
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${what} '${shown}': ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
}

/** The answers of --answers FILE, then --assume (which wins). */
function collectAssume(args: Args, io: CliIO): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  let any = false;
  if (typeof args.answers === 'string') {
    const file = args.answers;
    const parsed = parseAnswers(readText(path.resolve(io.cwd, file), 'answers file', file));
    if (parsed.problems.length) throw new InputError(parsed.problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
    Object.assign(out, parsed.answers);
    any = true;
  }
  for (const v of listOf(args.assume)) {
    const kv = parseAssume(v);
    if (typeof kv === 'string') throw new UsageError(kv);
    out[kv[0]] = kv[1];
    any = true;
  }
  return any ? out : undefined;
}

// ---------------------------------------------------------------------------------------
// Loading the configuration

interface Loaded {
  model: ConfigModel;
  table: RewriteTable;
  engine: typeof import('../rewrite/index.js');
}

async function load(args: Args, io: CliIO): Promise<Loaded> {
  const { loadConfig } = await import('../model/load.js');
  const { rewriteInputFromModel } = await import('../rewrite/from-model.js');
  const engine = await import('../rewrite/index.js');
  const given = typeof args.config === 'string' ? args.config : '.';
  const dir = path.resolve(io.cwd, given);
  const shown = given === '.' ? 'the current directory' : `'${given}'`;
  if (!fs.existsSync(dir)) throw new InputError(`configuration directory ${shown} does not exist`);
  if (!fs.statSync(dir).isDirectory()) throw new InputError(`${shown} is not a directory: pass --config with the MTA configuration directory (the one holding imta.cnf)`);
  if (!fs.existsSync(path.join(dir, 'imta.cnf')))
    throw new InputError(`no imta.cnf in ${shown}: pass --config with the MTA configuration directory (msg-svr-base/config)`);
  const model = loadConfig(dir, typeof args.root === 'string' ? { root: path.resolve(io.cwd, args.root) } : {});
  const table = engine.compileRewriteConfig(rewriteInputFromModel(model));
  // What makes the simulation differ from the server: unreadable includes (their rules are
  // missing), duplicate host names, and the like. Reported, but not fatal.
  for (const d of model.diagnostics) {
    if (d.severity !== 'error' && !/include/.test(d.code)) continue;
    const pos = d.file.lines.position(d.start);
    io.stderr.write(`cnftest: warning: ${d.file.relPath}:${pos.line}: ${oneLine(d.message)}\n`);
  }
  for (const w of table.warnings) io.stderr.write(`cnftest: warning: ${w}\n`);
  return { model, table, engine };
}

// ---------------------------------------------------------------------------------------
// cnftest rewrite

function styleName(s: ChannelInfo['envelopeStyle']): string {
  return s === 'percent' ? 'PERCENT' : s === 'bang' ? 'BANG' : 'SOURCEROUTE';
}

/** The channel part of the output, in the order `imsimta test -rewrite` prints it. */
function channelLines(loaded: Loaded, name: string, cache: Map<string, string[]>): string[] {
  const hit = cache.get(name);
  if (hit) return hit;
  const info = loaded.table.channels.get(name.toLowerCase());
  const ch = loaded.model.channel(name);
  const lines: string[] = [];
  if (info) {
    lines.push(`channel envelope address type = ${styleName(info.envelopeStyle)}`);
    lines.push(`channel header address type = ${styleName(info.headerStyle)}`);
    lines.push(`channel official host = ${info.officialHost}`);
    if (info.input.localAlias) lines.push(`channel local alias = ${info.input.localAlias}`);
  }
  if (ch) {
    const kws = loaded.model.effectiveKeywords(ch);
    const known = kws.filter((k) => k.info).map((k) => [k.key.toUpperCase(), ...k.args.map((a) => a.text)].join(' '));
    const groups = kws.filter((k) => !k.info).map((k) => k.word.text);
    lines.push(`channel keywords = ${known.join(' ')}`.trimEnd());
    if (groups.length) lines.push(`channel group ids = ${groups.join(' ')}`);
  }
  cache.set(name, lines);
  return lines;
}

interface Form {
  label: string;
  header: boolean;
  backward: boolean;
}

/** The four rewritten forms the MTA prints after the channel (rewrite-rules.md §9). */
const FORMS: Form[] = [
  { label: 'header To: address', header: true, backward: false },
  { label: 'header From: address', header: true, backward: true },
  { label: 'envelope To: address', header: false, backward: false },
  { label: 'envelope From: address', header: false, backward: true },
];

function formText(r: RewriteResult, envelopeTo: boolean): string {
  if (r.error !== undefined) return `(${r.error})`;
  const a = envelopeTo ? (r.envelopeTo ?? r.address) : r.address;
  return `${a}`;
}

function needsHint(lookup: string): string {
  return `answer it with --assume '${lookup}=ANSWER' (or '${lookup}=<fail>' for a miss), or in an --answers file`;
}

function describeRewrite(loaded: Loaded, r: RewriteResult, forms: (RewriteResult | undefined)[], debug: boolean, cache: Map<string, string[]>): string[] {
  const out: string[] = [`Address: ${r.input}`];
  if (debug) for (const t of r.trace ?? []) if (t.step !== 'address') out.push(`  ${t.message}`);
  if (r.error !== undefined) {
    out.push(`error = ${r.error}`);
    if (r.status) out.push(`status = ${r.status}`);
    if (r.routingHost !== undefined) out.push(`routing host = ${r.routingHost}`);
    for (const n of r.needs ?? []) out.push(`needs = ${n}`, `  ${needsHint(n)}`);
  } else {
    out.push(`channel = ${r.channel}`);
    out.push(...channelLines(loaded, r.channel!, cache));
    out.push(`routing host = ${r.routingHost}`);
    out.push(`rewritten address = ${r.address}`);
  }
  if (forms.some((f) => f && f.error === undefined)) {
    const back = forms[3];
    if (back) out.push(`backward channel = ${back.error !== undefined ? `(${back.error})` : back.channel}`);
    FORMS.forEach((f, i) => {
      const fr = forms[i];
      if (fr) out.push(`${f.label} = ${formText(fr, !f.header && !f.backward)}`);
    });
  }
  if (r.from) {
    if (r.from.error !== undefined) out.push(`from error = ${r.from.error}`);
    else out.push(`from address = ${r.from.address}`, `from channel = ${r.from.channel}`);
  }
  if (r.tag) out.push(`rewrite tag = ${r.tag}`);
  for (const w of r.warnings ?? []) out.push(`warning = ${w}`);
  return out;
}

async function runRewrite(args: Args, io: CliIO): Promise<number> {
  const assume = collectAssume(args, io);
  const json = args.json === true;
  const debug = args.debug === true;
  const base: RewriteOptions = {};
  if (typeof args.sourceChannel === 'string') base.sourceChannel = args.sourceChannel;
  if (typeof args.destinationChannel === 'string') base.destinationChannel = args.destinationChannel;
  if (assume) base.assume = assume;
  const primary: RewriteOptions = { ...base };
  if (args.header !== undefined) primary.header = args.header === true;
  if (args.backward !== undefined) primary.backward = args.backward === true;
  if (typeof args.from === 'string') primary.from = args.from;
  if (debug) primary.debug = true;

  let addresses = [...listOf(args.address), ...(args._ as unknown[]).slice(1).map(String)];
  const fromStdin = addresses.length === 0;
  const loaded = await load(args, io);
  if (fromStdin) {
    if (process.stdin.isTTY && io.stdout === process.stdout) io.stderr.write('cnftest: reading addresses from standard input, one per line (end with Ctrl-D)\n');
    addresses = (await io.readStdin())
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('!'));
    if (addresses.length === 0) throw new UsageError('no address to rewrite: give one on the command line or one per line on standard input');
  }

  const { rewriteAddress } = loaded.engine;
  const cache = new Map<string, string[]>();
  let failed = 0;
  let buf = '';
  const flush = () => {
    if (buf) io.stdout.write(buf);
    buf = '';
  };
  addresses.forEach((address, i) => {
    const r = rewriteAddress(loaded.table, address, primary);
    if (r.error !== undefined) failed++;
    if (json) {
      buf += `${JSON.stringify(r)}\n`;
    } else {
      const forms = FORMS.map((f) =>
        f.header === (primary.header === true) && f.backward === (primary.backward === true)
          ? r
          : rewriteAddress(loaded.table, address, { ...base, header: f.header, backward: f.backward }),
      );
      if (i > 0) buf += '\n';
      buf += `${describeRewrite(loaded, r, forms, debug, cache).join('\n')}\n`;
    }
    if (buf.length > 1 << 16) flush();
  });
  flush();
  return failed > 0 ? 1 : 0;
}

// ---------------------------------------------------------------------------------------
// cnftest routes

function squeeze(s: string): string {
  return s.trim().replace(/\s+/g, ' ');
}

function caseLines(where: string, r: RouteCaseResult): string[] {
  const out = [`${where}: ${r.pass ? 'ok  ' : 'FAIL'} ${squeeze(r.case.text)}`];
  for (const m of r.messages) out.push(`    ${m}`);
  if (r.trace && (!r.pass || r.case.debug)) for (const t of r.trace) out.push(`    | ${t}`);
  return out;
}

/** Channels of the model that no passing case routes to. */
export function unreachedChannels(model: ConfigModel, run: RoutesRunResult): string[] {
  const reached = new Set<string>();
  for (const r of run.results) if (r.pass && r.result.error === undefined && r.result.channel) reached.add(r.result.channel.toLowerCase());
  return model.channels.map((c) => c.name).filter((n) => !reached.has(n.toLowerCase()));
}

async function runRoutesCommand(args: Args, io: CliIO): Promise<number> {
  const file = String(args.file);
  const text = readText(path.resolve(io.cwd, file), 'routes file', file);
  const assume = collectAssume(args, io);
  const loaded = await load(args, io);
  const { parseRoutes, runRoutes } = loaded.engine;
  const parsed = parseRoutes(text, file);
  if (args.debug === true) for (const c of parsed.cases) c.debug = true;
  const run = runRoutes(loaded.table, parsed, assume ? { defaults: { assume } } : {});
  // Cases and unreadable lines in file order.
  const items: { line: number; lines: string[] }[] = [
    ...run.problems.map((p) => ({ line: p.line, lines: [`${file}:${p.line}: FAIL cannot read this case: ${p.message}`] })),
    ...run.results.map((r) => ({ line: r.case.line, lines: caseLines(`${file}:${r.case.line}`, r) })),
  ].sort((a, b) => a.line - b.line);
  const out: string[] = [];
  for (const it of items) out.push(...it.lines);
  if (run.results.length === 0 && run.problems.length === 0) out.push(`${file}: no cases (lines "address [options] => channel [address]")`);
  const missing = unreachedChannels(loaded.model, run);
  const total = loaded.model.channels.length;
  out.push(`channels reached: ${total - missing.length} of ${total}${missing.length ? ` (not reached: ${missing.join(', ')})` : ''}`);
  const failed = run.failed + run.problems.length;
  out.push(`${run.passed} passed, ${failed} failed`);
  io.stdout.write(`${out.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}
