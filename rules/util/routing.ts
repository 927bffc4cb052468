// What every rewrite rule routes to, parsed once per model and shared by the rules that
// need it (unknown-routing-host, unused-channel).
import { parseTemplate, type TemplatePiece } from '../../grammar/template.js';
import type { ConfigModel, Range, RewriteRule } from '../../src/model/types.js';

export interface RuleRoute {
  rule: RewriteRule;
  /** The routing host after the last `@`; undefined when the template has none (`A%B`, `$?text`). */
  host?: {
    text: string;
    /** Contains substitutions or lookups: only known at run time. */
    dynamic: boolean;
    /** Source range in the rule's file. */
    range: Range;
    /**
     * For a dynamic host: the literal text around its run-time pieces as a
     * case-insensitive regular expression (`$&0-daemon` → /^.*-daemon$/i): the host names
     * it may produce. Undefined for a static host.
     */
    pattern?: RegExp;
  };
  /** Channels named by `$M $N $Q $C` checks (also inside `$V`/`$Z` and lookup arguments). */
  channelChecks: string[];
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
  const parsed = new Map<string, { host?: { text: string; dynamic: boolean; start: number; end: number; pattern?: RegExp }; checks: string[] }>();
  routes = model.rules.map((rule) => {
    let p = parsed.get(rule.template);
    if (!p) {
      const t = parseTemplate(rule.template);
      const checks: string[] = [];
      collectChecks(t.pieces, checks);
      p = { checks };
      if (t.routingHost) {
        p.host = { text: t.routingHost.text, dynamic: t.routingHost.dynamic, start: t.routingHost.start, end: t.routingHost.end };
        if (t.routingHost.dynamic) p.host.pattern = hostPattern(t.pieces);
      }
      parsed.set(rule.template, p);
    }
    const route: RuleRoute = { rule, channelChecks: p.checks };
    if (p.host) {
      const end = p.host.end > p.host.start ? rule.templateOffset(p.host.end - 1) + 1 : rule.templateOffset(p.host.start);
      route.host = { text: p.host.text, dynamic: p.host.dynamic, range: { start: rule.templateOffset(p.host.start), end } };
      if (p.host.pattern) route.host.pattern = p.host.pattern;
    }
    return route;
  });
  cache.set(model, routes);
  return routes;
}
