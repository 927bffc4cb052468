// The address-rewriting engine: an offline `imsimta test -rewrite` (rewrite-rules.md §3–§5).

import { parseTemplate, type TemplatePiece } from '../../grammar/template.js';
import {
  extractHost,
  formatAddress,
  hasHostSpec,
  hostProblem,
  parseAddress,
  splitSubaddress,
  type Address,
  type AddressStyle,
  type Extraction,
  type HostSource,
  type RouteMode,
} from './address.js';
import type {
  ChannelInput,
  RewriteConfigInput,
  RewriteOptions,
  RewriteResult,
  RewriteRuleInput,
  TraceEntry,
} from './types.js';

/** Re-rewrites (`A%B` results) allowed for one address before "rewrite loop" is reported. */
export const MAX_REWRITE_PASSES = 20;
/** How deeply lookup results may themselves contain lookups. */
const MAX_LOOKUP_DEPTH = 2;
/** `$W` has no fixed value; the simulator inserts this placeholder. */
export const RANDOM_PLACEHOLDER = 'RANDOMSTRING';
/** The `assume` value meaning "lookup missed / rule fails". */
export const ASSUME_FAIL = '<fail>';
export const ILLEGAL_HOST = 'illegal host/domain specified';

// ---------------------------------------------------------------------------------------
// Compiled configuration

export interface CompiledTemplate {
  pieces: TemplatePiece[];
  /** Static conditions checked before expansion. */
  env?: boolean; // $E (true) / $B (false) - undefined: any; null-like conflicts handled by `never`
  header?: boolean;
  forward?: boolean;
  backward?: boolean;
  never?: boolean;
  locations?: Set<HostSource>;
  hasCheckNow: boolean;
  hasChannelChecks: boolean;
  /** Template consists only of `$?` text (and controls). */
  errorOnly: boolean;
  invalid?: string;
}

export interface CompiledRule {
  input: RewriteRuleInput;
  compiled?: CompiledTemplate;
}

export interface ChannelInfo {
  name: string;
  officialHost: string;
  input: ChannelInput;
  keywords: Set<string>;
  isLocal: boolean;
  routeLocal: boolean;
  noRules: boolean;
  reprocessing: boolean;
  envelopeStyle: AddressStyle;
  headerStyle: AddressStyle;
}

export interface HostEntry {
  channel: ChannelInfo;
  official: boolean;
  properName?: string;
}

/** A compiled rewrite configuration: rules hashed by lower-cased pattern, channel host table. */
export interface RewriteTable {
  readonly ruleCount: number;
  /** Lower-cased pattern → rules with that pattern, in file order. */
  readonly rules: ReadonlyMap<string, readonly CompiledRule[]>;
  readonly hosts: ReadonlyMap<string, HostEntry>;
  readonly channels: ReadonlyMap<string, ChannelInfo>;
  readonly localChannel?: ChannelInfo;
  readonly localHost?: string;
  /** Problems found while compiling (duplicate host names, …). */
  readonly warnings: string[];
  /** The (few) lower-cased patterns that contain `*` or start with `$`: probed without touching the big map. */
  readonly wildPatterns: ReadonlySet<string>;
  /** Parsed templates, shared between rules with the same template text (filled lazily). */
  readonly templates: ReadonlyMap<string, CompiledTemplate>;
}

function styleOf(kw: Set<string>, header: boolean): AddressStyle {
  const p = header ? 'header_' : '';
  if (kw.has(p + '733') || (!header && kw.has('percents'))) return 'percent';
  if (kw.has(p + 'uucp') || (!header && kw.has('bangstyle'))) return 'bang';
  return 'sourceroute';
}

function isReprocessingName(name: string): boolean {
  return /^(re)?process(_.*)?$/i.test(name);
}

/** Build the hash tables once; rewriting many addresses then needs no further set-up. */
export function compileRewriteConfig(input: RewriteConfigInput): RewriteTable {
  const rules = new Map<string, CompiledRule[]>();
  const wildPatterns = new Set<string>();
  let ruleCount = 0;
  for (const r of input.rules ?? []) {
    if (!r || typeof r.pattern !== 'string') continue;
    const key = r.pattern.toLowerCase();
    if (key.includes('*') || key.includes('$')) wildPatterns.add(key);
    const list = rules.get(key);
    const cr: CompiledRule = { input: r };
    if (list) list.push(cr);
    else rules.set(key, [cr]);
    ruleCount++;
  }
  const channels = new Map<string, ChannelInfo>();
  const hosts = new Map<string, HostEntry>();
  const warnings: string[] = [];
  let localChannel: ChannelInfo | undefined;
  for (const c of input.channels ?? []) {
    if (!c || typeof c.name !== 'string') continue;
    const kw = new Set((c.keywords ?? []).map((k) => k.toLowerCase()));
    const info: ChannelInfo = {
      name: c.name,
      officialHost: c.officialHost,
      input: c,
      keywords: kw,
      isLocal: c.name === 'l',
      routeLocal: kw.has('routelocal'),
      noRules: kw.has('norules'),
      reprocessing: isReprocessingName(c.name),
      envelopeStyle: styleOf(kw, false),
      headerStyle: styleOf(kw, true),
    };
    const lname = c.name.toLowerCase();
    if (channels.has(lname)) warnings.push(`duplicate channel ${c.name}`);
    else channels.set(lname, info);
    if (info.isLocal && !localChannel) localChannel = info;
    const addHost = (name: string | undefined, official: boolean, properName?: string) => {
      if (!name) return;
      const key = name.toLowerCase();
      const prev = hosts.get(key);
      if (prev) {
        if (prev.channel !== info || !official) warnings.push(`duplicate host in channel table: ${name} (${prev.channel.name}, ${c.name}); the first is used`);
        return;
      }
      const e: HostEntry = { channel: info, official };
      if (properName) e.properName = properName;
      hosts.set(key, e);
    };
    addHost(c.officialHost, true);
    for (const h of c.hosts ?? []) addHost(h?.name, false, h?.properName);
  }
  const localHost = input.localHost ?? localChannel?.officialHost;
  const table: RewriteTable = { ruleCount, rules, hosts, channels, warnings, wildPatterns, templates: new Map() };
  if (localChannel) (table as { localChannel?: ChannelInfo }).localChannel = localChannel;
  if (localHost) (table as { localHost?: string }).localHost = localHost;
  return table;
}

function compileTemplate(template: string): CompiledTemplate {
  const parsed = parseTemplate(template);
  const ct: CompiledTemplate = { pieces: parsed.pieces, hasCheckNow: false, hasChannelChecks: false, errorOnly: false };
  let output = false;
  let errorText = false;
  for (const p of parsed.pieces) {
    switch (p.kind) {
      case 'control':
        switch (p.code) {
          case 'E':
          case 'B': {
            const wantHeader = p.code === 'B';
            if (ct.header !== undefined && ct.header !== wantHeader) ct.never = true;
            ct.header = wantHeader;
            break;
          }
          case 'F':
          case 'R': {
            const wantBackward = p.code === 'R';
            if (ct.backward !== undefined && ct.backward !== wantBackward) ct.never = true;
            ct.backward = wantBackward;
            break;
          }
          default:
            (ct.locations ??= new Set()).add(p.code);
        }
        break;
      case 'check-now':
        ct.hasCheckNow = true;
        break;
      case 'channel-check':
      case 'reprocess-check':
        ct.hasChannelChecks = true;
        break;
      case 'error-text':
        errorText = true;
        break;
      case 'invalid':
        ct.invalid ??= p.message;
        output = true;
        break;
      case 'literal':
        if (p.text.trim() !== '') output = true;
        break;
      case 'tag':
      case 'case':
        break;
      default:
        output = true;
    }
  }
  ct.errorOnly = errorText && !output;
  return ct;
}

// ---------------------------------------------------------------------------------------
// Rewriting

interface MatchContext {
  host: string;
  source: HostSource;
  user: string;
  /** Unmatched / wildcarded part. */
  H: string;
  /** Matched part. */
  D: string;
  /** Unmatched part of a domain literal. */
  L: string;
}

interface Ctx {
  table: RewriteTable;
  opts: RewriteOptions;
  trace?: TraceEntry[];
  warnings: string[];
  tag: string;
  tagLower: string;
  errorText?: string;
  status?: string;
  source?: ChannelInfo;
  sourceName: string;
  dest?: ChannelInfo;
  destName?: string;
  mode: RouteMode;
  /** The last rule that succeeded (for loop reports). */
  lastRule?: RewriteRuleInput;
}

type Outcome =
  | { kind: 'route'; local: string; domain: string; routes: string[]; routing: string; asIs?: boolean }
  | { kind: 'again'; local: string; domain: string }
  | { kind: 'needs'; lookup: string }
  | { kind: 'error'; message: string };

type RuleResult = Outcome | { kind: 'fail'; reason: string };

function ruleLabel(r: RewriteRuleInput): string {
  const where = r.file !== undefined ? ` (${r.file}${r.line !== undefined ? ':' + r.line : ''})` : r.line !== undefined ? ` (line ${r.line})` : '';
  return `${r.pattern} ${r.template}${where}`;
}

function labelsOf(s: string): string[] {
  if (s === '' || s === '.') return [];
  return (s.startsWith('.') ? s.slice(1) : s).split('.');
}

function dropLabels(s: string, n: number): string {
  if (!n) return s;
  const dot = s.startsWith('.') && s !== '.';
  const ls = labelsOf(s).slice(n);
  if (ls.length === 0) return '';
  return (dot ? '.' : '') + ls.join('.');
}

const TRUE_WORDS = new Set(['local', 'yes', 'true', '1']);

/** Pending channel/domain checks of a template being expanded. */
class Pending {
  mCount = 0;
  mOk = false;
  nFail = false;
  qCount = 0;
  qOk = false;
  cFail = false;
  vzFail = false;
  why: string[] | undefined;
  ok(): boolean {
    return (this.mCount === 0 || this.mOk) && !this.nFail && (this.qCount === 0 || this.qOk) && !this.cFail && !this.vzFail;
  }
  clear(): void {
    this.mCount = this.qCount = 0;
    this.mOk = this.nFail = this.qOk = this.cFail = this.vzFail = false;
    this.why = undefined;
  }
  add(group: 'M' | 'N' | 'Q' | 'C' | 'VZ', ok: boolean, why: () => string): void {
    switch (group) {
      case 'M':
        this.mCount++;
        if (ok) this.mOk = true;
        break;
      case 'Q':
        this.qCount++;
        if (ok) this.qOk = true;
        break;
      case 'N':
        if (!ok) this.nFail = true;
        break;
      case 'C':
        if (!ok) this.cFail = true;
        break;
      default:
        if (!ok) this.vzFail = true;
    }
    if (!ok) (this.why ??= []).push(why());
  }
  reason(): string {
    return `check failed: ${(this.why ?? []).join(', ')}`;
  }
}

interface Expansion {
  segs: string[];
  seps: ('%' | '@')[];
  caseMode: 'lower' | 'upper' | 'original';
  pending: Pending;
  tag?: string;
  errorText?: string;
  status?: string;
  stopped: boolean;
}

type StepResult = undefined | { fail: string } | { needs: string } | { error: string } | 'stop';

function applyCase(s: string, mode: Expansion['caseMode']): string {
  return mode === 'lower' ? s.toLowerCase() : mode === 'upper' ? s.toUpperCase() : s;
}

function channelIs(ctx: Ctx, which: 'source' | 'dest', name: string): boolean {
  const actual = which === 'source' ? ctx.sourceName : ctx.destName;
  return actual !== undefined && actual.toLowerCase() === name.toLowerCase();
}

function answer(ctx: Ctx, keys: string[]): string | undefined {
  const a = ctx.opts.assume;
  if (!a) return undefined;
  for (const k of keys) {
    if (Object.prototype.hasOwnProperty.call(a, k)) return a[k];
  }
  return undefined;
}

/** Evaluate a pending check group for the source channel ($M $N $1M $1N). */
function sourceChecksSkipped(ctx: Ctx): boolean {
  return ctx.source?.noRules === true;
}
function destChecksSkipped(ctx: Ctx): boolean {
  return ctx.destName === undefined || ctx.dest?.noRules === true;
}

function ldapSubstitute(url: string, m: MatchContext): string {
  const sub = splitSubaddress(m.user)[1];
  return url.replace(/\$([$ADHLSU])/gi, (all, c: string) => {
    switch (c.toUpperCase()) {
      case '$':
        return '$';
      case 'A':
        return `${m.user}@${m.host}`;
      case 'D':
        return m.host;
      case 'H':
        return m.host.split('.')[0] ?? '';
      case 'L':
        return m.user.replace(/^[~_]+/, '');
      case 'S':
        return sub.slice(1);
      case 'U':
        return m.user;
      default:
        return all;
    }
  });
}

/** Expand pieces into plain text (for lookup and `$V` arguments); separators are kept as characters. */
function expandToString(ctx: Ctx, pieces: TemplatePiece[], m: MatchContext, depth: number): string | Exclude<StepResult, undefined | 'stop'> {
  const sub: Expansion = { segs: [''], seps: [], caseMode: 'original', pending: new Pending(), stopped: false };
  for (const p of pieces) {
    if (p.kind === 'separator') {
      sub.segs[sub.segs.length - 1] += p.char;
      continue;
    }
    const r = expandPiece(ctx, p, m, sub, depth);
    if (r === 'stop') break;
    if (r) return r;
  }
  return sub.segs.join('');
}

function expandPiece(ctx: Ctx, p: TemplatePiece, m: MatchContext, st: Expansion, depth: number): StepResult {
  const out = (s: string) => {
    st.segs[st.segs.length - 1] += applyCase(s, st.caseMode);
  };
  switch (p.kind) {
    case 'literal':
      out(p.text);
      return undefined;
    case 'escape':
      out(p.value);
      return undefined;
    case 'case':
      if (p.mode !== 'ldap-quote') st.caseMode = p.mode;
      return undefined;
    case 'separator':
      if (p.char === '@') {
        if (!st.pending.ok()) return { fail: st.pending.reason() };
        st.pending.clear();
      }
      st.seps.push(p.char);
      st.segs.push('');
      return undefined;
    case 'substitution':
      switch (p.code) {
        case 'U':
          if (p.n === 0) out(splitSubaddress(m.user)[0]);
          else if (p.n === 1) out(splitSubaddress(m.user)[1]);
          else out(m.user);
          return undefined;
        case 'H':
          out(dropLabels(m.H, p.n ?? 0));
          return undefined;
        case 'D':
          out(dropLabels(m.D, p.n ?? 0));
          return undefined;
        case 'L':
          out(m.L);
          return undefined;
        case 'W':
          if (!ctx.warnings.includes('$W')) ctx.warnings.push(`$W (random string) expanded to the placeholder ${RANDOM_PLACEHOLDER}`);
          out(RANDOM_PLACEHOLDER);
          return undefined;
        case 'A': {
          const whole = `${m.user}@${m.host}`;
          const ch = whole[p.n ?? 0];
          if (ch === undefined) return { fail: `${p.text}: the address has no character ${p.n}` };
          out(ch);
          return undefined;
        }
        default: {
          const key = p.text;
          const v = answer(ctx, [key, '$X', '*']);
          if (v === undefined) return { needs: key };
          if (v === ASSUME_FAIL) return { fail: `${key}: assumed to fail` };
          out(v);
          return undefined;
        }
      }
    case 'label': {
      const from = p.op === '&' || p.op === '!' ? m.H : m.D;
      const ls = labelsOf(from);
      const idx = p.op === '&' || p.op === '*' ? p.n : ls.length - 1 - p.n;
      const v = idx >= 0 ? ls[idx] : undefined;
      if (v === undefined) return { fail: `${p.text}: no label ${p.n} in "${from}"` };
      out(v);
      return undefined;
    }
    case 'control':
      return undefined; // checked before expansion
    case 'channel-check': {
      const src = p.code === 'M' || p.code === 'N';
      if (src ? sourceChecksSkipped(ctx) : destChecksSkipped(ctx)) return undefined;
      const is = channelIs(ctx, src ? 'source' : 'dest', p.channel);
      const ok = p.code === 'M' || p.code === 'Q' ? is : !is;
      st.pending.add(p.code, ok, () => `${p.text} (${src ? 'source' : 'destination'} channel ${(src ? ctx.sourceName : ctx.destName) ?? '?'})`);
      return undefined;
    }
    case 'reprocess-check': {
      if (sourceChecksSkipped(ctx)) return undefined;
      const isRe = ctx.source?.reprocessing ?? isReprocessingName(ctx.sourceName);
      const ok = p.code === 'M' ? isRe : !isRe;
      st.pending.add(p.code, ok, () => `${p.text} (source channel ${ctx.sourceName})`);
      return undefined;
    }
    case 'check-now':
      if (!st.pending.ok()) {
        st.stopped = true;
        return 'stop';
      }
      st.pending.clear();
      return undefined;
    case 'tag':
      st.tag = p.tag;
      return undefined;
    case 'error-text':
      st.errorText = p.message;
      if (p.status !== undefined) st.status = p.status;
      return undefined;
    case 'domain-check': {
      const arg = expandToString(ctx, p.argumentPieces, m, depth);
      if (typeof arg !== 'string') return arg;
      const v = answer(ctx, [`$${p.code}${arg}`, p.text, `$${p.code}`, '*']);
      if (v === undefined) return { needs: `$${p.code}${arg}` };
      const local = TRUE_WORDS.has(v.trim().toLowerCase());
      const ok = p.code === 'V' ? local : !local;
      st.pending.add('VZ', ok, () => `$${p.code}${arg} (${local ? 'local' : 'not local'})`);
      return undefined;
    }
    case 'lookup': {
      let arg: string;
      if (p.lookup === 'ldap') arg = ldapSubstitute(p.argument, m);
      else {
        const a = expandToString(ctx, p.argumentPieces ?? [], m, depth);
        if (typeof a !== 'string') return a;
        arg = a;
      }
      const [open, close] = p.lookup === 'general' ? ['$(', ')'] : p.lookup === 'mapping' ? ['${', '}'] : p.lookup === 'library' ? ['$[', ']'] : ['$]', '['];
      const key = open + arg + close;
      const keys = [key, p.text];
      if (p.lookup === 'mapping') keys.push('${' + arg.split(',')[0] + '}');
      keys.push(open + close, '*');
      const v = answer(ctx, keys);
      if (v === undefined) return { needs: key };
      if (v === ASSUME_FAIL) {
        ctx.trace?.push({ step: 'lookup', message: `${key} -> (miss: rule fails)` });
        return { fail: `${key}: lookup failed` };
      }
      ctx.trace?.push({ step: 'lookup', message: `${key} -> ${v}` });
      if (depth >= MAX_LOOKUP_DEPTH) return { error: `lookup results nest too deeply at ${key}` };
      const re = parseTemplate(v);
      for (const q of re.pieces) {
        const r = expandPiece(ctx, q, m, st, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    case 'invalid':
      return { error: p.message };
  }
}

function staticChecks(ctx: Ctx, ct: CompiledTemplate, m: MatchContext): string | undefined {
  if (ct.never) return 'contradictory $E/$B or $F/$R';
  const header = ctx.opts.header === true;
  const backward = ctx.opts.backward === true;
  if (ct.header !== undefined && ct.header !== header) return ct.header ? '$B: not a header address' : '$E: not an envelope address';
  if (ct.backward !== undefined && ct.backward !== backward) return ct.backward ? '$R: not a backward-pointing address' : '$F: not a forward-pointing address';
  if (ct.locations && !ct.locations.has(m.source)) {
    return `$${[...ct.locations].join('$')}: host came from ${SOURCE_TEXT[m.source]}`;
  }
  if (ct.hasChannelChecks && !ct.hasCheckNow) {
    // Channel checks do not depend on the expansion: decide them before any lookup.
    const st: Expansion = { segs: [''], seps: [], caseMode: 'original', pending: new Pending(), stopped: false };
    for (const p of ct.pieces) {
      if (p.kind === 'channel-check' || p.kind === 'reprocess-check') expandPiece(ctx, p, m, st, 0);
    }
    if (!st.pending.ok()) return st.pending.reason();
  }
  return undefined;
}

const SOURCE_TEXT: Record<HostSource, string> = {
  S: 'a source route',
  A: 'the right of @',
  P: 'the right of %',
  X: 'the left of !',
};

function evaluateRule(ctx: Ctx, rule: CompiledRule, m: MatchContext): RuleResult {
  let ct = rule.compiled;
  if (!ct) {
    const text = rule.input.template ?? '';
    const cache = ctx.table.templates as Map<string, CompiledTemplate>;
    ct = cache.get(text);
    if (!ct) {
      ct = compileTemplate(text);
      cache.set(text, ct);
    }
    rule.compiled = ct;
  }
  const why = staticChecks(ctx, ct, m);
  if (why) return { kind: 'fail', reason: why };
  if (ct.invalid !== undefined) {
    return { kind: 'error', message: `rule ${ruleLabel(rule.input)} cannot be evaluated: ${ct.invalid}` };
  }
  const st: Expansion = { segs: [''], seps: [], caseMode: 'original', pending: new Pending(), stopped: false };
  for (const p of ct.pieces) {
    const r = expandPiece(ctx, p, m, st, 0);
    if (r === 'stop') break;
    if (r === undefined) continue;
    if ('fail' in r) return { kind: 'fail', reason: r.fail };
    if ('needs' in r) return { kind: 'needs', lookup: r.needs };
    return { kind: 'error', message: `rule ${ruleLabel(rule.input)}: ${r.error}` };
  }
  if (!st.stopped && !st.pending.ok()) return { kind: 'fail', reason: st.pending.reason() };
  // The rule succeeded.
  if (st.tag !== undefined) {
    ctx.tag = st.tag;
    ctx.tagLower = st.tag.toLowerCase();
  }
  if (st.errorText !== undefined) {
    ctx.errorText = st.errorText;
    if (st.status !== undefined) ctx.status = st.status;
    else delete ctx.status;
  }
  return interpret(rule, st, m, ct);
}

function interpret(rule: CompiledRule, st: Expansion, m: MatchContext, ct: CompiledTemplate): RuleResult {
  const { segs, seps } = st;
  if (seps.length === 2 && seps[0] === '%' && seps[1] === '@') {
    // The common A%B@C form.
    const local = segs[0]!;
    const domain = segs[1]!;
    const routing = segs[2]!.trim();
    if (local !== '' && domain.trim() !== '' && routing !== '') return { kind: 'route', local, domain, routes: [], routing };
  }
  const label = ruleLabel(rule.input);
  if (seps.length === 0) {
    if (segs[0]!.trim() === '' && (ct.errorOnly || st.errorText !== undefined)) {
      return { kind: 'route', local: m.user, domain: m.host, routes: [], routing: m.host, asIs: true };
    }
    return { kind: 'error', message: `rule ${label} produced "${segs[0]}", which has no % or @` };
  }
  // Group the segments by '@'; '%' inside a group is kept for splitting.
  const groups: { parts: string[] }[] = [{ parts: [segs[0]!] }];
  for (let i = 0; i < seps.length; i++) {
    if (seps[i] === '@') groups.push({ parts: [segs[i + 1]!] });
    else groups[groups.length - 1]!.parts.push(segs[i + 1]!);
  }
  const ats = groups.length - 1;
  if (ats > 3) return { kind: 'error', message: `rule ${label} produced more than three '@' separators` };
  for (let g = 1; g < groups.length; g++) {
    if (groups[g]!.parts.length > 1) return { kind: 'error', message: `rule ${label} produced a '%' after an '@'` };
  }
  const first = groups[0]!.parts;
  const bad = (what: string, v: string): RuleResult => ({ kind: 'error', message: `rule ${label} produced ${what}${v === '' ? '' : ` "${v}"`}` });
  if (ats === 0) {
    const local = first.slice(0, -1).join('%');
    const domain = first[first.length - 1]!;
    if (local === '') return bad('an empty user name', '');
    const hp = hostProblem(domain);
    if (hp) return bad(`a bad domain (${hp})`, domain);
    return { kind: 'again', local, domain };
  }
  let local: string;
  let domain: string;
  if (ats === 1) {
    if (first.length > 1) {
      local = first.slice(0, -1).join('%');
      domain = first[first.length - 1]!;
    } else {
      local = first[0]!;
      domain = groups[1]!.parts[0]!;
    }
  } else {
    local = first.join('%');
    domain = groups[1]!.parts[0]!;
  }
  const routing = groups[groups.length - 1]!.parts[0]!.trim();
  const routes = ats >= 2 ? [groups[2]!.parts[0]!] : [];
  if (local === '') return bad('an empty user name', '');
  if (domain.trim() === '') return bad('an empty domain', '');
  if (routing === '') return bad('an empty routing host', '');
  if (routes.some((r) => r.trim() === '')) return bad('an empty source route', '');
  return { kind: 'route', local, domain, routes, routing };
}

const STARS: string[] = [''];
function stars(n: number): string {
  while (STARS.length <= n) STARS.push(STARS.length === 1 ? '*' : STARS[STARS.length - 1] + '.*');
  return STARS[n]!;
}

/** Look a pattern up (with the current tag prepended). */
function probe(ctx: Ctx, key: string, wild = false): readonly CompiledRule[] | undefined {
  const full = ctx.tagLower === '' ? key : ctx.tagLower + key;
  const list = wild && !ctx.table.wildPatterns.has(full) ? undefined : ctx.table.rules.get(full);
  // The special patterns ($* $% $!) are only shown when the configuration has them.
  if (ctx.trace && (list || key[0] !== '$')) {
    const pat = ctx.tag + key;
    ctx.trace.push({ step: 'probe', pattern: pat, found: !!list, message: list ? `Looking up "${pat}": ${list.length} rule(s)` : `Looking up "${pat}": no rule` });
  }
  return list;
}

/** Try the rules of one pattern in file order. Returns undefined if none succeeded. */
function runRules(ctx: Ctx, list: readonly CompiledRule[], mc: MatchContext): Outcome | undefined {
  for (const rule of list) {
    const r = evaluateRule(ctx, rule, mc);
    if (ctx.trace) {
      const ok = r.kind !== 'fail';
      const expansion =
        r.kind === 'fail'
          ? r.reason
          : r.kind === 'route'
            ? r.asIs
              ? `(only $? text: host kept as is)`
              : `${r.local}%${r.domain}${r.routes.map((x) => '@' + x).join('')}@${r.routing}`
            : r.kind === 'again'
              ? `${r.local}%${r.domain}`
              : r.kind === 'needs'
                ? `needs ${r.lookup}`
                : r.message;
      ctx.trace.push({
        step: 'rule',
        rule: rule.input,
        succeeded: ok,
        expansion,
        message: `  Rule ${ruleLabel(rule.input)}: ${ok ? 'succeeded -> ' : 'failed: '}${expansion}`,
      });
    }
    if (r.kind !== 'fail') {
      ctx.lastRule = rule.input;
      return r;
    }
  }
  return undefined;
}

function mc(ext: Extraction, H: string, D: string, L: string): MatchContext {
  return { host: ext.host, source: ext.source, user: ext.user, H, D, L };
}

/** Rewrite one host spec (rewrite-rules.md §3 plus the channel-table step). */
function rewriteHost(ctx: Ctx, ext: Extraction): Outcome | undefined {
  const h = ext.host;
  const hl = h.toLowerCase();
  let list: readonly CompiledRule[] | undefined;
  let r: Outcome | undefined;
  // 1. $* rules
  if ((list = probe(ctx, '$*', true)) && (r = runRules(ctx, list, mc(ext, h, '', '')))) return r;
  // 2. exact rule
  if ((list = probe(ctx, hl)) && (r = runRules(ctx, list, mc(ext, '', h, '')))) return r;
  // 3. channel table
  const entry = ctx.table.hosts.get(hl);
  if (entry) {
    ctx.trace?.push({ step: 'channel-table', message: `"${h}" is a host name of channel ${entry.channel.name}` });
    return { kind: 'route', local: ext.user, domain: h, routes: [], routing: h };
  }
  // 4. generalisation
  if (h.startsWith('[') && h.endsWith(']')) {
    const inner = h.slice(1, -1);
    const parts = inner.toLowerCase().split('.');
    for (let k = parts.length - 1; k >= 1; k--) {
      const prefix = parts.slice(0, k).join('.') + '.';
      if ((list = probe(ctx, '[' + prefix + ']')) && (r = runRules(ctx, list, mc(ext, '', h, inner.slice(prefix.length))))) return r;
    }
    if ((list = probe(ctx, '[]')) && (r = runRules(ctx, list, mc(ext, '', h, inner)))) return r;
    if ((list = probe(ctx, '[' + parts.map(() => '*').join('.') + ']', true)) && (r = runRules(ctx, list, mc(ext, inner, '', '')))) return r;
  } else {
    // Keys come from the lower-cased host; $H/$D from the original (same label offsets).
    const lower = hl.length === h.length ? hl : null;
    const labels = lower ? null : hl.split('.');
    let n = 1;
    for (let i = 0; i < h.length; i++) if (h.charCodeAt(i) === 46) n++;
    const starProbes = ctx.trace !== undefined || ctx.table.wildPatterns.size > 0;
    let off = 0; // start of label i in h
    for (let i = 1; i <= n; i++) {
      off = i < n ? h.indexOf('.', off) + 1 : h.length + 1;
      // `.suffix` (with its dot), or '' for the last round
      const dotSuffix = i < n ? (lower ? lower.slice(off - 1) : '.' + labels!.slice(i).join('.')) : '';
      if (starProbes && (list = probe(ctx, stars(i) + dotSuffix, true)) && (r = runRules(ctx, list, i < n ? mc(ext, h.slice(0, off - 1), h.slice(off - 1), '') : mc(ext, h, '', '')))) return r;
      if (i < n && (list = probe(ctx, dotSuffix)) && (r = runRules(ctx, list, mc(ext, h.slice(0, off - 1), h.slice(off - 1), '')))) return r;
    }
  }
  if ((list = probe(ctx, '.')) && (r = runRules(ctx, list, mc(ext, h, '.', '')))) return r;
  // 5. $% / $! rules for a local part that failed everything else
  if (ext.source === 'P' || ext.source === 'X') {
    if ((list = probe(ctx, ext.source === 'P' ? '$%' : '$!', true)) && (r = runRules(ctx, list, mc(ext, h, '', '')))) return r;
  }
  return undefined;
}

function finalAddress(ext: Extraction, o: Extract<Outcome, { kind: 'route' }>): Address {
  if (ext.source === 'S') {
    return {
      route: [...o.routes, o.domain, ...ext.rest.route],
      local: ext.rest.local,
      ...(ext.rest.domain !== undefined ? { domain: ext.rest.domain } : {}),
    };
  }
  return { route: o.routes, local: o.local, domain: o.domain };
}

function fail(ctx: Ctx, res: RewriteResult, message: string, extra: Partial<RewriteResult> = {}): RewriteResult {
  ctx.trace?.push({ step: 'error', message: `Error: ${message}` });
  return finish(ctx, { ...res, ...extra, error: message });
}

function finish(ctx: Ctx, res: RewriteResult): RewriteResult {
  if (ctx.warnings.length) res.warnings = [...ctx.warnings];
  if (ctx.tag !== '') res.tag = ctx.tag;
  if (ctx.trace) res.trace = ctx.trace;
  return res;
}

function rewriteOne(table: RewriteTable, input: string, opts: RewriteOptions): RewriteResult {
  const sourceName = opts.sourceChannel ?? 'l';
  const source = table.channels.get(sourceName.toLowerCase());
  const destName = opts.destinationChannel;
  const dest = destName !== undefined ? table.channels.get(destName.toLowerCase()) : undefined;
  const ctx: Ctx = {
    table,
    opts,
    warnings: [],
    tag: '',
    tagLower: '',
    sourceName,
    mode: {
      bangOverPercent: source?.keywords.has('bangoverpercent') ?? false,
      percentOnly: source?.keywords.has('percentonly') ?? false,
    },
  };
  if (source) ctx.source = source;
  if (destName !== undefined) ctx.destName = destName;
  if (dest) ctx.dest = dest;
  if (opts.debug) ctx.trace = [{ step: 'address', message: `Address: ${input}` }];
  if (!source) ctx.warnings.push(`source channel ${sourceName} is not defined`);
  if (destName !== undefined && !dest) ctx.warnings.push(`destination channel ${destName} is not defined`);

  const res: RewriteResult = { input };
  const parsed = parseAddress(input);
  if (!parsed.ok) return fail(ctx, res, parsed.error);
  let addr = parsed.address;
  if (!hasHostSpec(addr, ctx.mode)) {
    if (!table.localHost) return fail(ctx, res, 'bare user name and no local host (channel l) to complete it with');
    addr = { route: [], local: addr.local, domain: table.localHost };
    ctx.trace?.push({ step: 'extract', message: `Bare user name: completed to ${formatAddress(addr)}` });
  }
  let passes = 0;
  for (;;) {
    const ext = extractHost(addr, ctx.mode);
    if (ext === null) return fail(ctx, res, `malformed address: no host in '${formatAddress(addr)}'`);
    if ('error' in ext) return fail(ctx, res, ext.error);
    ctx.trace?.push({ step: 'extract', message: `Host "${ext.host}" (from ${SOURCE_TEXT[ext.source]}), user "${ext.user}"${ctx.tag ? `, tag "${ctx.tag}"` : ''}` });
    const o = rewriteHost(ctx, ext);
    if (!o) {
      if (ext.source === 'P' || ext.source === 'X') {
        // Fall back to treating the whole local part as a user name on the local host.
        if (!table.localHost || !table.localChannel) return fail(ctx, res, ctx.errorText ?? ILLEGAL_HOST, { routingHost: ext.host });
        const a: Address = { route: [], local: addr.local, domain: table.localHost };
        ctx.trace?.push({ step: 'fallback', message: `No rule for "${ext.host}": treated as ${formatAddress(a)}` });
        return routed(ctx, res, a, table.localChannel, table.localHost);
      }
      // Nothing matched: the host is used as is and is not a channel host name.
      ctx.trace?.push({ step: 'channel', message: `No rule matched "${ext.host}" and it is not a channel host name` });
      return fail(ctx, res, ctx.errorText ?? ILLEGAL_HOST, { routingHost: ext.host, ...(ctx.status ? { status: ctx.status } : {}) });
    }
    if (o.kind === 'needs') return fail(ctx, res, `needs ${o.lookup}`, { needs: [o.lookup] });
    if (o.kind === 'error') return fail(ctx, res, o.message);
    if (o.kind === 'again') {
      passes++;
      if (passes > MAX_REWRITE_PASSES) {
        const last = ctx.lastRule ? `; last rule ${ruleLabel(ctx.lastRule)}` : '';
        return fail(ctx, res, `rewrite loop: address rewritten more than ${MAX_REWRITE_PASSES} times (last result ${o.local}@${o.domain}${last})`);
      }
      if (ext.source === 'S') {
        addr = { route: [o.domain, ...ext.rest.route], local: ext.rest.local, ...(ext.rest.domain !== undefined ? { domain: ext.rest.domain } : {}) };
      } else {
        addr = { route: [], local: o.local, domain: o.domain };
      }
      ctx.trace?.push({ step: 'again', message: `Rewriting again: ${formatAddress(addr)}` });
      continue;
    }
    // Route to a channel.
    const entry = table.hosts.get(o.routing.toLowerCase());
    if (!entry) {
      ctx.trace?.push({ step: 'channel', message: `"${o.routing}" is not a channel host name` });
      return fail(ctx, res, ctx.errorText ?? ILLEGAL_HOST, { routingHost: o.routing, ...(ctx.status ? { status: ctx.status } : {}) });
    }
    const ch = entry.channel;
    if ((ch.isLocal || ch.routeLocal) && hasHostSpec(ext.rest, ctx.mode)) {
      ctx.trace?.push({
        step: 'strip',
        message: `"${o.routing}" routes to ${ch.isLocal ? 'the local channel' : `channel ${ch.name} (routelocal)`} and host specifications remain: continuing with ${formatAddress(ext.rest)}`,
      });
      addr = ext.rest;
      continue;
    }
    return routed(ctx, res, finalAddress(ext, o), ch, o.routing, entry);
  }
}

function routed(ctx: Ctx, res: RewriteResult, a: Address, ch: ChannelInfo, routing: string, entry?: HostEntry): RewriteResult {
  const header = ctx.opts.header === true;
  const style = header ? ch.headerStyle : ch.envelopeStyle;
  res.channel = ch.name;
  res.officialHost = ch.officialHost;
  res.routingHost = routing;
  res.address = formatAddress(a, style);
  if (!header) {
    let env = a;
    if (entry && !entry.official && a.domain !== undefined && a.domain.toLowerCase() === routing.toLowerCase()) {
      env = { ...a, domain: entry.properName ?? ch.officialHost };
    }
    res.envelopeTo = formatAddress(env, style);
  }
  ctx.trace?.push({ step: 'channel', message: `channel = ${ch.name} (official host ${ch.officialHost}); address = ${res.address}` });
  return finish(ctx, res);
}

/** Rewrite one address like `imsimta test -rewrite`; never throws. */
export function rewriteAddress(table: RewriteTable, address: string, opts: RewriteOptions = {}): RewriteResult {
  let res: RewriteResult;
  try {
    res = rewriteOne(table, address, opts ?? {});
  } catch (e) {
    return { input: String(address), error: `internal error: ${(e as Error)?.message ?? String(e)}` };
  }
  if (opts?.from !== undefined) {
    try {
      const { from: _f, debug: _d, ...rest } = opts;
      const f = rewriteOne(table, opts.from, { ...rest, backward: true });
      res.from = {};
      if (f.address !== undefined) res.from.address = f.address;
      if (f.channel !== undefined) res.from.channel = f.channel;
      if (f.error !== undefined) res.from.error = f.error;
    } catch (e) {
      res.from = { error: `internal error: ${(e as Error)?.message ?? String(e)}` };
    }
  }
  return res;
}

/** Render a trace as text lines (for `cnftest -debug`). */
export function formatTrace(trace: readonly TraceEntry[] | undefined): string[] {
  return (trace ?? []).map((t) => t.message);
}
