// Edits of imta.cnf text: channel blocks inserted and removed with their blank-line
// separators, rewrite rules placed among their neighbours and aligned like them, the
// routing host of a rule.
import { parseTemplate, type RoutingHost, type TemplatePiece } from '../../grammar/template.js';
import { type SyntaxNode } from '../../grammar/index.js';
import type { TextEdit } from '../edit/edits.js';
import { hostsOf } from '../model/imta.js';
import type { Channel, ConfigModel, Range, RewriteRule, SourceFile } from '../model/types.js';
import { insertLines, lineStartOf, mentions, nodeRange, padTo, removeLines, sameName, visualWidth } from './text.js';

// ---------------------------------------------------------------------------------------
// Rules

/** The routing host of a rule's template (undefined when it has none). */
export function routingHost(rule: RewriteRule): RoutingHost | undefined {
  return parseTemplate(rule.template).routingHost;
}

/** The static routing host's text, lower-cased (undefined when dynamic or absent). */
export function staticRoutingHost(rule: RewriteRule): string | undefined {
  const h = routingHost(rule);
  return h && !h.dynamic ? h.text.toLowerCase() : undefined;
}

/** Host names (official and extra) of a channel, lower-cased. */
export function hostNamesOf(channel: Channel): string[] {
  return hostsOf(channel).map((h) => h.host.text.toLowerCase());
}

/** Rules whose (static) routing host is one of the channel's host names. */
export function rulesRoutingTo(model: ConfigModel, channel: Channel): RewriteRule[] {
  const hosts = new Set(hostNamesOf(channel));
  return model.rules.filter((r) => {
    const h = staticRoutingHost(r);
    return h !== undefined && hosts.has(h);
  });
}

/** The channel a rule routes to, if its routing host is static and known. */
export function channelOfRule(model: ConfigModel, rule: RewriteRule): Channel | undefined {
  const h = staticRoutingHost(rule);
  return h ? model.channelForHost(h) : undefined;
}

/** Every template piece, including those inside `$V`/`$Z` arguments and lookups. */
export function allPieces(pieces: TemplatePiece[], out: TemplatePiece[] = []): TemplatePiece[] {
  for (const p of pieces) {
    out.push(p);
    if (p.kind === 'domain-check') allPieces(p.argumentPieces, out);
    else if (p.kind === 'lookup' && p.argumentPieces) allPieces(p.argumentPieces, out);
  }
  return out;
}

/**
 * An edit replacing template[start, end) of a rule by `text`, in source offsets (a
 * template continued over several physical lines maps through templateOffset; when the
 * range crosses a continuation, the text goes where the range starts and the rest of the
 * range is removed piecewise).
 */
export function templateEdits(rule: RewriteRule, start: number, end: number, text: string): TextEdit[] {
  const runs: Range[] = [];
  for (let i = start; i < end; i++) {
    const s = rule.templateOffset(i);
    const last = runs[runs.length - 1];
    if (last && last.end === s) last.end = s + 1;
    else runs.push({ start: s, end: s + 1 });
  }
  if (!runs.length) {
    const s = rule.templateOffset(start);
    return [{ path: rule.file.path, start: s, end: s, text }];
  }
  return runs.map((r, i) => ({ path: rule.file.path, start: r.start, end: r.end, text: i === 0 ? text : '' }));
}

/** `pattern template` laid out like `anchor`: same indentation, template in the same column. */
export function ruleLine(anchor: RewriteRule | undefined, pattern: string, template: string): string {
  if (!anchor) return `${pattern} ${template}`;
  const t = anchor.file.text;
  const ls = lineStartOf(t, anchor.pattern.start);
  let prefix = t.slice(ls, anchor.pattern.start);
  if (!/^[ \t]*$/.test(prefix)) prefix = '';
  const gap = t.slice(anchor.pattern.end, anchor.templateRange.start);
  if (!anchor.template || /[\r\n\\]/.test(gap)) return `${prefix}${pattern} ${template}`;
  const column = visualWidth(t.slice(ls, anchor.templateRange.start));
  return `${prefix}${pattern}${padTo(prefix + pattern, column, gap)}${template}`;
}

/** A pattern naming a domain (`example.com`, `.example.com`): two labels or more, no tag or metacharacters. */
export const isDomainPattern = (key: string) => /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(key);

/**
 * Where rules for a domain go: after the last rule for a domain (two labels or more, no
 * tag) that routes to a `tcp_*` channel; else after the last rule routing to the local
 * channel `l` (the local domain's block); else after the last rule of imta.cnf itself.
 * Undefined when the configuration has no rules at all.
 */
export function domainRuleAnchor(model: ConfigModel): RewriteRule | undefined {
  let anchor: RewriteRule | undefined;
  for (const r of model.rules) {
    if (r.tag || !isDomainPattern(r.key)) continue;
    const c = channelOfRule(model, r);
    if (c && c.name.toLowerCase().startsWith('tcp_')) anchor = r;
  }
  if (anchor) return endOfPatternRun(model, anchor);
  const local = model.channel('l');
  if (local) for (const r of rulesRoutingTo(model, local)) anchor = r;
  if (anchor) return endOfPatternRun(model, anchor);
  const own = model.rules.filter((r) => r.file === model.imta);
  return own[own.length - 1] ?? model.rules[model.rules.length - 1];
}

/** The last rule of the run of consecutive rules sharing `anchor`'s pattern (inserting inside one would split it). */
export function endOfPatternRun(model: ConfigModel, anchor: RewriteRule | undefined): RewriteRule | undefined {
  if (!anchor) return anchor;
  let r = anchor;
  for (let next = model.rules[r.index + 1]; next && next.file === r.file && next.pattern.text.toLowerCase() === r.pattern.text.toLowerCase(); next = model.rules[r.index + 1]) r = next;
  return r;
}

/** Inserts rule lines after `anchor` (or at the end of imta.cnf's rule section when there are no rules). */
export function insertRuleLines(model: ConfigModel, anchor: RewriteRule | undefined, lines: string[]): TextEdit | undefined {
  if (anchor) return insertLines(anchor.file, nodeRange(anchor.node).end, lines);
  const imta = model.imta;
  if (!imta) return undefined;
  const section = (imta.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'RuleSection');
  return insertLines(imta, section ? nodeRange(section).end : 0, lines);
}

/** Inserts rule lines just before a rule (so they take precedence over it). */
export function insertRuleLinesBefore(rule: RewriteRule, lines: string[]): TextEdit {
  return insertLines(rule.file, lineStartOf(rule.file.text, nodeRange(rule.node).start), lines);
}

// ---------------------------------------------------------------------------------------
// Channel blocks

function tableOf(file: SourceFile, block: SyntaxNode): SyntaxNode | undefined {
  return (file.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'ChannelTable' && n.children.includes(block));
}

/** Inserts a block (its physical lines) after another block, with a blank line between them. */
export function insertBlockAfter(after: { file: SourceFile; block: SyntaxNode }, lines: string[]): TextEdit {
  return insertLines(after.file, nodeRange(after.block).end, ['', ...lines]);
}

/**
 * The range of a channel block to remove together with one blank separator, so that no
 * double blank line remains: the blank lines before it (and the comment lines directly
 * above it that name the channel) when it is preceded by blank lines, else the blank
 * lines after it. The inverse of insertBlockAfter (apply it through removeRanges).
 */
export function blockRemoval(channel: { name: string; file: SourceFile; block: SyntaxNode }): { range: Range; comments: boolean } {
  const file = channel.file;
  const block = nodeRange(channel.block);
  const table = tableOf(file, channel.block);
  if (!table) return { range: block, comments: false };
  const items = table.children as SyntaxNode[];
  const i = items.indexOf(channel.block);
  let first = i;
  while (first > 0 && items[first - 1].kind === 'CommentLine') first--;
  let start = i;
  let comments = false;
  if (first < i && (first === 0 || items[first - 1].kind === 'BlankLines')) {
    const r = { start: nodeRange(items[first]).start, end: block.start };
    if (mentions(file.text.slice(r.start, r.end), channel.name)) {
      start = first;
      comments = true;
    }
  }
  const before = items[start - 1];
  const after = items[i + 1];
  if (before && before.kind === 'BlankLines') return { range: { start: nodeRange(before).start, end: block.end }, comments };
  if (after && after.kind === 'BlankLines') return { range: { start: nodeRange(items[start]).start, end: nodeRange(after).end }, comments };
  return { range: { start: nodeRange(items[start]).start, end: block.end }, comments };
}

/** Merges touching or overlapping removal ranges of one file into whole-line removals. */
export function removeRanges(file: SourceFile, ranges: Range[]): TextEdit[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged.map((r) => removeLines(file, r.start, r.end));
}

export { sameName };
