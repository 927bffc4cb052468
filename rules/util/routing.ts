// What every rewrite rule routes to, parsed once per model and shared by the rules that
// need it (unknown-routing-host, unused-channel).
import { parseTemplate, type ParsedTemplate, type TemplatePiece } from '../../grammar/template.js';
import { parsedTemplate } from './templates.js';
import type { ConfigModel, Range, RewriteRule } from '../../src/model/types.js';

export interface RuleRoute {
  rule: RewriteRule;
  /**
   * The routing host after the last `@`; undefined when the template has none (`A%B`,
   * `$?text`). Shared by every rule with the same template text (a large configuration
   * repeats templates); its source range is {@link hostRange}.
   */
  host?: ParsedHost;
  /** Channels named by `$M $N $Q $C` checks (also inside `$V`/`$Z` and lookup arguments). */
  channelChecks: string[];
}

export interface ParsedHost {
  text: string;
  /** Contains substitutions or lookups: only known at run time. */
  dynamic: boolean;
  /** Offsets in the template text. */
  start: number;
  end: number;
  /** For a dynamic host read by the template lexer: see {@link dynamicHostPattern}. */
  pattern?: RegExp;
}

/** Source range of a route's host in its rule's file (made only when something is reported). */
export function hostRange(route: RuleRoute): Range {
  const { rule, host } = route;
  if (!host) return { start: rule.templateRange.end, end: rule.templateRange.end };
  const end = host.end > host.start ? rule.templateOffset(host.end - 1) + 1 : rule.templateOffset(host.start);
  return { start: rule.templateOffset(host.start), end };
}

const cache = new WeakMap<ConfigModel, RuleRoute[]>();

function collectChecks(pieces: readonly TemplatePiece[], out: string[]): void {
  for (const p of pieces) {
    if (p.kind === 'channel-check') {
      if (p.channel) out.push(p.channel);
    } else if (p.kind === 'domain-check') collectChecks(p.argumentPieces, out);
    else if (p.kind === 'lookup' && p.argumentPieces) collectChecks(p.argumentPieces, out);
  }
}

export type Parsed = { host?: ParsedHost; checks: string[] };

/**
 * The common simple template (`$E$U%$H$D@tcp_intranet-daemon$Nverify` has no lookup, no
 * `$?` text, no escaped `@`, and a literal routing host) read in one pass, without the
 * template lexer: a configuration may hold 200,000 of them. Undefined when the template
 * needs the full lexer (grammar/template.ts), which gives the same answer otherwise.
 */
export function fastRoute(t: string): Parsed | undefined {
  let checks: string[] | undefined;
  let lastAt = -1;
  let i = 0;
  const n = t.length;
  while (i < n) {
    const c = t.charCodeAt(i);
    if (c === AT) {
      lastAt = i++;
      continue;
    }
    if (c !== DOLLAR) {
      i++;
      continue;
    }
    let k = i + 1;
    while (k < n && isDigit(t.charCodeAt(k))) k++;
    if (k >= n) return undefined;
    const code = t.charCodeAt(k);
    // Lookups, error texts, an escaped `@`: the lexer's business.
    if (code === 40 || code === 91 || code === 123 || code === 93 || code === 63 || code === AT) return undefined;
    if (k === i + 1 && CHECK_CODES.has(code)) {
      let e = k + 1;
      while (e < n && !ENDS_CHECK.has(t.charCodeAt(e))) e++;
      if (e > k + 1) (checks ??= []).push(t.slice(k + 1, e));
      i = e;
      continue;
    }
    i = k + 1;
  }
  if (lastAt < 0) return { checks: checks ?? NONE };
  // Controls after the host (`$Nverify`), a separator in it: let the lexer sort them out.
  let dollar = false;
  for (let j = lastAt + 1; j < n; j++) {
    const c = t.charCodeAt(j);
    if (c === DOLLAR) dollar = true;
    else if (c === PERCENT || c === AT || c === 32 || c === 9) return undefined;
  }
  if (lastAt + 1 === n) return undefined;
  const host = t.slice(lastAt + 1);
  if (!dollar) return { host: { text: host, dynamic: false, start: lastAt + 1, end: n }, checks: checks ?? NONE };
  // A host built from plain substitutions (`$H.lmtp`, `$&0-daemon`): all of it is output.
  if (!SUBSTITUTED_HOST.test(host)) return undefined;
  return { host: { text: host, dynamic: true, start: lastAt + 1, end: n }, checks: checks ?? NONE };
}

const AT = 64;
const DOLLAR = 36;
const PERCENT = 37;
const NONE: string[] = [];
const isDigit = (c: number) => c >= 48 && c <= 57;
const CHECK_CODES = new Set([...'MNQCmnqc'].map((ch) => ch.charCodeAt(0)));
const ENDS_CHECK = new Set([...'@%$ \t'].map((ch) => ch.charCodeAt(0)));

/**
 * For a dynamic routing host: the literal text around its run-time pieces as a
 * case-insensitive regular expression (`$&0-daemon` → /^.*-daemon$/i), i.e. the host
 * names it may produce.
 */
export function dynamicHostPattern(host: NonNullable<RuleRoute['host']>): RegExp {
  return host.pattern ?? substitutedHostPattern(host.text);
}

/** The run-time host names a substituted host text may produce (fast-path hosts). */
export function substitutedHostPattern(host: string): RegExp {
  return new RegExp(`^${host.split(SUBSTITUTION).map(escapeRe).join('.*').replace(/(?:\.\*)+/g, '.*')}$`, 'is');
}

/** Substitutions the lexer reads as output (grammar/template.ts: Subst and Label tokens). */
const SUBSTITUTION_SRC = '\\$(?:0?[Uu]|1[Uu]|[0-9]*[DdHh]|[LlWw]|[0-9]+[AaXx]|[&!*#][0-9])';
const SUBSTITUTION = new RegExp(SUBSTITUTION_SRC);
const SUBSTITUTED_HOST = new RegExp(`^(?:[^$]|${SUBSTITUTION_SRC})+$`);

/** A template's routing host and channel checks, from the template lexer. */
export function lexedRoute(template: string): Parsed {
  return routeOf(parseTemplate(template));
}

/** The routing host and channel checks of a parsed template. */
function routeOf(t: ParsedTemplate): Parsed {
  const checks: string[] = [];
  collectChecks(t.pieces, checks);
  const p: Parsed = { checks };
  if (t.routingHost) {
    p.host = { text: t.routingHost.text, dynamic: t.routingHost.dynamic, start: t.routingHost.start, end: t.routingHost.end };
    if (t.routingHost.dynamic) p.host.pattern = hostPattern(t.pieces);
  }
  return p;
}

/** What produces output in the routing host (as in grammar/template.ts). */
const OUTPUT = new Set(['literal', 'escape', 'substitution', 'label', 'lookup', 'invalid']);

function hostPattern(pieces: readonly TemplatePiece[]): RegExp {
  const at = pieces.findIndex((p) => p.kind === 'separator' && p.routing);
  let src = '';
  for (const p of pieces.slice(at + 1)) {
    if (!OUTPUT.has(p.kind)) continue;
    if (p.kind === 'literal') src += escapeRe(p.text);
    else if (p.kind === 'escape') src += escapeRe(p.value);
    else if (!src.endsWith('.*')) src += '.*';
  }
  return new RegExp(`^${src}$`, 'is');
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One entry per rewrite rule of the model, in rule order. */
export function ruleRoutes(model: ConfigModel): RuleRoute[] {
  let routes = cache.get(model);
  if (routes) return routes;
  // Large configurations repeat templates (one per hosted domain): parse each text once.
  const parsed = new Map<string, Parsed>();
  routes = model.rules.map((rule) => {
    let p = parsed.get(rule.template);
    if (!p) {
      p = fastRoute(rule.template) ?? routeOf(parsedTemplate(model, rule.template));
      parsed.set(rule.template, p);
    }
    return { rule, channelChecks: p.checks, host: p.host };
  });
  cache.set(model, routes);
  return routes;
}
