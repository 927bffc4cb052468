// Routing-expectations files: one `imsimta test -rewrite` case per line, checked against the
// engine. Syntax (see README.md in this directory):
//
//   ! comment
//   address [options] => channel [rewritten-address]
//   address [options] => error [text]
//   address [options] => needs [lookup]
//
// Options use the `imsimta test -rewrite` spelling (`-source_channel=tcp_local`) or the
// GNU one (`--source-channel=tcp_local`): from, source_channel, destination_channel, header,
// envelope, backward, forward, assume=KEY=VALUE (repeatable), debug.

import { parseAddress } from './address.js';
import { formatTrace, rewriteAddress, type RewriteTable } from './engine.js';
import { parseAssume } from './lookup-keys.js';
import type { RewriteOptions, RewriteResult } from './types.js';

export type RouteExpectation =
  | { kind: 'channel'; channel: string; address?: string }
  | { kind: 'error'; text?: string }
  | { kind: 'needs'; lookup?: string };

export interface RouteCase {
  /** 1-based line number. */
  line: number;
  /** The line as written. */
  text: string;
  address: string;
  options: RewriteOptions;
  expect: RouteExpectation;
  /** `-debug` on the line: always attach the trace. */
  debug?: boolean;
}

export interface RouteProblem {
  line: number;
  message: string;
}

export interface ParsedRoutes {
  file?: string;
  cases: RouteCase[];
  /** Lines that could not be understood. */
  problems: RouteProblem[];
}

export interface RouteCaseResult {
  case: RouteCase;
  pass: boolean;
  /** Why the case failed (empty when it passed). */
  messages: string[];
  result: RewriteResult;
  /** The probe trace, for failed cases and `-debug` lines. */
  trace?: string[];
}

export interface RoutesRunResult {
  file?: string;
  results: RouteCaseResult[];
  problems: RouteProblem[];
  passed: number;
  failed: number;
  /** No failed case and no syntax problem. */
  ok: boolean;
}

/** Split a line into tokens at white space; double-quoted stretches do not split. */
function tokenize(line: string): string[] | string {
  const out: string[] = [];
  let cur = '';
  let inQuote = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (inQuote) {
      cur += c;
      if (c === '\\' && i + 1 < line.length) cur += line[++i];
      else if (c === '"') inQuote = false;
      continue;
    }
    if (c === ' ' || c === '\t') {
      if (has) out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    if (c === '"') inQuote = true;
    cur += c;
    has = true;
  }
  if (inQuote) return 'unbalanced double quote';
  if (has) out.push(cur);
  return out;
}

function unquote(v: string): string {
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\(.)/g, '$1');
  return v;
}

const FLAG_NAMES = new Set(['header', 'envelope', 'backward', 'forward', 'debug']);
const VALUE_NAMES = new Set(['from', 'source_channel', 'destination_channel', 'assume']);

/** Parse a routing-expectations file; never throws. */
export function parseRoutes(text: string, file?: string): ParsedRoutes {
  const res: ParsedRoutes = { cases: [], problems: [] };
  if (file !== undefined) res.file = file;
  const lines = String(text).split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('!')) return;
    const problem = (message: string) => res.problems.push({ line, message });
    const toks = tokenize(trimmed);
    if (typeof toks === 'string') return problem(toks);
    const arrow = toks.indexOf('=>');
    if (arrow < 0) return problem("missing ' => ' between the address and the expected result");
    if (toks.indexOf('=>', arrow + 1) >= 0) return problem("more than one '=>'");
    const left = toks.slice(0, arrow);
    const right = toks.slice(arrow + 1);
    const options: RewriteOptions = {};
    let address: string | undefined;
    let debug = false;
    for (const tok of left) {
      if (tok.startsWith('-') && tok.length > 1) {
        const eq = tok.indexOf('=');
        const name = (eq < 0 ? tok : tok.slice(0, eq)).replace(/^-+/, '').replace(/-/g, '_').toLowerCase();
        const value = eq < 0 ? undefined : unquote(tok.slice(eq + 1));
        if (FLAG_NAMES.has(name)) {
          if (value !== undefined) return problem(`option -${name} takes no value`);
          if (name === 'header') options.header = true;
          else if (name === 'envelope') options.header = false;
          else if (name === 'backward') options.backward = true;
          else if (name === 'forward') options.backward = false;
          else debug = true;
          continue;
        }
        if (!VALUE_NAMES.has(name)) return problem(`unknown option ${tok.slice(0, eq < 0 ? undefined : eq)}`);
        if (value === undefined || value === '') return problem(`option -${name} needs a value (-${name}=…)`);
        if (name === 'from') options.from = value;
        else if (name === 'source_channel') options.sourceChannel = value;
        else if (name === 'destination_channel') options.destinationChannel = value;
        else {
          const kv = parseAssume(value, '-assume');
          if (typeof kv === 'string') return problem(kv);
          (options.assume ??= {})[kv[0]] = kv[1];
        }
        continue;
      }
      if (address !== undefined) return problem(`more than one address before '=>' (${address}, ${tok})`);
      address = tok;
    }
    if (address === undefined) return problem("no address before '=>'");
    if (right.length === 0) return problem("nothing after '=>' (expected a channel, 'error' or 'needs')");
    const head = right[0]!;
    const restText = trimmed.slice(trimmed.indexOf('=>') + 2).trim().slice(head.length).trim();
    let expect: RouteExpectation;
    if (head.toLowerCase() === 'error') {
      expect = restText ? { kind: 'error', text: restText } : { kind: 'error' };
    } else if (head.toLowerCase() === 'needs') {
      expect = restText ? { kind: 'needs', lookup: restText } : { kind: 'needs' };
    } else {
      if (right.length > 2) return problem(`too much after '=>': expected a channel and at most one address`);
      expect = right.length === 2 ? { kind: 'channel', channel: head, address: right[1]! } : { kind: 'channel', channel: head };
    }
    const c: RouteCase = { line, text: raw, address, options, expect };
    if (debug) c.debug = true;
    res.cases.push(c);
  });
  return res;
}

function sameAddress(expected: string, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  if (expected === actual) return true;
  const e = parseAddress(expected);
  const a = parseAddress(actual);
  if (!e.ok || !a.ok) return false;
  const x = e.address;
  const y = a.address;
  return (
    x.local === y.local &&
    (x.domain ?? '').toLowerCase() === (y.domain ?? '').toLowerCase() &&
    x.route.length === y.route.length &&
    x.route.every((r, i) => r.toLowerCase() === y.route[i]!.toLowerCase())
  );
}

function describe(r: RewriteResult): string {
  if (r.error !== undefined) return `error: ${r.error}`;
  return `channel ${r.channel} (${r.address})`;
}

function check(c: RouteCase, r: RewriteResult): string[] {
  const e = c.expect;
  const msgs: string[] = [];
  if (e.kind === 'channel') {
    if (r.error !== undefined) {
      msgs.push(`expected channel ${e.channel}, got ${describe(r)}`);
      if (r.needs) msgs.push(`answer the lookup with -assume="${r.needs[0]}=RESULT" (or =<fail>)`);
      return msgs;
    }
    if ((r.channel ?? '').toLowerCase() !== e.channel.toLowerCase()) msgs.push(`expected channel ${e.channel}, got ${describe(r)}`);
    if (e.address !== undefined && !sameAddress(e.address, r.address)) msgs.push(`expected address ${e.address}, got ${r.address}`);
    return msgs;
  }
  if (e.kind === 'error') {
    if (r.error === undefined) msgs.push(`expected an error${e.text ? ` (${e.text})` : ''}, got ${describe(r)}`);
    else if (r.needs) msgs.push(`expected an error, but the result depends on a lookup: ${r.error}`);
    else if (e.text && !r.error.toLowerCase().includes(e.text.toLowerCase())) msgs.push(`expected error "${e.text}", got error: ${r.error}`);
    return msgs;
  }
  if (!r.needs) msgs.push(`expected a lookup${e.lookup ? ` ${e.lookup}` : ''}, got ${describe(r)}`);
  else if (e.lookup && !r.needs.includes(e.lookup)) msgs.push(`expected lookup ${e.lookup}, got needs ${r.needs.join(', ')}`);
  return msgs;
}

export interface RunRoutesOptions {
  /** Options applied to every case (a line's own options win). */
  defaults?: RewriteOptions;
  /** Attach the probe trace to failed cases (default true). */
  traceOnFailure?: boolean;
  file?: string;
}

/** Run every case of a routing-expectations file against a compiled configuration. */
export function runRoutes(table: RewriteTable, routes: string | ParsedRoutes, opts: RunRoutesOptions = {}): RoutesRunResult {
  const parsed = typeof routes === 'string' ? parseRoutes(routes, opts.file) : routes;
  const results: RouteCaseResult[] = [];
  let passed = 0;
  for (const c of parsed.cases) {
    const o: RewriteOptions = { ...opts.defaults, ...c.options };
    if (opts.defaults?.assume && c.options.assume) o.assume = { ...opts.defaults.assume, ...c.options.assume };
    let r = rewriteAddress(table, c.address, c.debug ? { ...o, debug: true } : o);
    const messages = check(c, r);
    const pass = messages.length === 0;
    const cr: RouteCaseResult = { case: c, pass, messages, result: r };
    if (c.debug || (!pass && opts.traceOnFailure !== false)) {
      if (!r.trace) r = rewriteAddress(table, c.address, { ...o, debug: true });
      cr.trace = formatTrace(r.trace);
    }
    if (pass) passed++;
    results.push(cr);
  }
  const failed = results.length - passed;
  const run: RoutesRunResult = { results, problems: parsed.problems, passed, failed, ok: failed === 0 && parsed.problems.length === 0 };
  if (parsed.file !== undefined) run.file = parsed.file;
  return run;
}

/** A plain-text report: one line per failed case or problem, then a summary. */
export function formatRoutesReport(run: RoutesRunResult, opts: { verbose?: boolean } = {}): string {
  const where = (line: number) => `${run.file ?? 'routes'}:${line}`;
  const out: string[] = [];
  for (const p of run.problems) out.push(`${where(p.line)}: syntax: ${p.message}`);
  for (const r of run.results) {
    if (r.pass && !opts.verbose) continue;
    out.push(`${where(r.case.line)}: ${r.pass ? 'ok' : 'FAIL'} ${r.case.address}${r.pass ? ` => ${describe(r.result)}` : ''}`);
    for (const m of r.messages) out.push(`    ${m}`);
    if (r.trace && (!r.pass || r.case.debug)) for (const t of r.trace) out.push(`    | ${t}`);
  }
  out.push(`${run.passed} passed, ${run.failed} failed${run.problems.length ? `, ${run.problems.length} syntax problem(s)` : ''}`);
  return out.join('\n');
}
