// What the language server knows about a position: the element under the cursor (a
// keyword, a channel or pool name, a routing host, a `$` sequence of a template, an
// include), and from it hover text, the definition, the references and the outline.
// Everything here works on the model with byte offsets; src/lsp/server.ts converts to
// LSP positions at the edge.
import { hostsOf } from '../model/imta.js';
import { defaultPoolName, isDefaultPool, poolKeyword, poolUsers } from '../model/pools.js';
import { endOf, startOf, type SyntaxNode, type Token } from '../../grammar/index.js';
import { explainPiece, parseTemplate, type ParsedTemplate, type TemplatePiece } from '../../grammar/template.js';
import type { Arity, KeywordInfo } from '../model/keywords.js';
import type { Channel, ConfigModel, DefaultsBlock, Include, KeywordUse, OptionSection, Pool, Range, RewriteRule, Setting, SourceFile } from '../model/types.js';

/** A range in a file of the model. */
export interface Place extends Range {
  file: SourceFile;
}

export type Target =
  | { kind: 'keyword'; range: Range; use: KeywordUse; owner?: Channel | DefaultsBlock }
  | { kind: 'channel'; range: Range; name: string; definition: boolean }
  | { kind: 'pool'; range: Range; name: string; definition: boolean }
  | { kind: 'host'; range: Range; name: string; channel: Channel }
  | { kind: 'routing-host'; range: Range; name: string; dynamic: boolean; piece: TemplatePiece }
  | { kind: 'piece'; range: Range; piece: TemplatePiece }
  | { kind: 'include'; range: Range; include: Include };

const within = (r: Range, offset: number) => offset >= r.start && offset < r.end;
/** Inside, or just after the end (a cursor placed at the end of a word still means it). */
const touches = (r: Range, offset: number) => offset >= r.start && offset <= r.end;

// ---------------------------------------------------------------------------------------
// Templates

const parsed = new WeakMap<RewriteRule, ParsedTemplate>();

export function templateOf(rule: RewriteRule): ParsedTemplate {
  let p = parsed.get(rule);
  if (!p) parsed.set(rule, (p = parseTemplate(rule.template)));
  return p;
}

/** The source range of template[start, end). */
function sourceRange(rule: RewriteRule, start: number, end: number): Range {
  return { start: rule.templateOffset(start), end: end > start ? rule.templateOffset(end - 1) + 1 : rule.templateOffset(start) };
}

/** The template index whose source offset is `offset`, if the offset is template text. */
function templateIndex(rule: RewriteRule, offset: number): number | undefined {
  for (let i = 0; i < rule.template.length; i++) {
    const s = rule.templateOffset(i);
    if (s === offset) return i;
    if (s > offset) return undefined;
  }
  return undefined;
}

/** The innermost piece containing template index i (lookup and $V/$Z arguments are searched). */
function pieceAt(pieces: readonly TemplatePiece[], i: number): TemplatePiece | undefined {
  for (const p of pieces) {
    if (i < p.start || i >= p.end) continue;
    const inner = p.kind === 'lookup' ? p.argumentPieces : p.kind === 'domain-check' ? p.argumentPieces : undefined;
    return (inner && pieceAt(inner, i)) || p;
  }
  return undefined;
}

function targetInTemplate(rule: RewriteRule, offset: number): Target | undefined {
  let i = templateIndex(rule, offset);
  if (i === undefined && offset === rule.templateRange.end && rule.template.length) i = rule.template.length - 1;
  if (i === undefined) return undefined;
  const t = templateOf(rule);
  const rh = t.routingHost;
  if (rh && i >= rh.start && i < rh.end) {
    const piece = pieceAt(t.pieces, i)!;
    return { kind: 'routing-host', range: sourceRange(rule, rh.start, rh.end), name: rh.text, dynamic: rh.dynamic, piece };
  }
  const piece = pieceAt(t.pieces, i);
  if (!piece) return undefined;
  if (piece.kind === 'channel-check' && i >= piece.start + 2) {
    return { kind: 'channel', range: sourceRange(rule, piece.start + 2, piece.end), name: piece.channel, definition: false };
  }
  return { kind: 'piece', range: sourceRange(rule, piece.start, piece.end), piece };
}

// ---------------------------------------------------------------------------------------
// What is at an offset

function keywordTarget(use: KeywordUse, offset: number, owner: Channel | DefaultsBlock | undefined): Target | undefined {
  if (touches(use.word, offset)) return { kind: 'keyword', range: use.word, use, owner };
  for (const arg of use.args) {
    if (!touches(arg, offset)) continue;
    const name = use.info?.name;
    if (name === 'pool' || name === 'queue') return { kind: 'pool', range: arg, name: arg.value, definition: false };
    if (use.info?.arity.kind === 'one' && use.info.arity.arg === 'chan') return { kind: 'channel', range: arg, name: arg.value, definition: false };
    return { kind: 'keyword', range: arg, use, owner };
  }
  return undefined;
}

/** The channel name in a dispatcher `PARAMETER=CHANNEL=name` value. */
function dispatcherChannelRange(setting: Setting, name: string): Range | undefined {
  const text = setting.file.text.slice(setting.valueRange.start, setting.valueRange.end);
  const m = /CHANNEL=\s*/i.exec(text);
  if (!m) return undefined;
  const start = setting.valueRange.start + m.index + m[0].length;
  return { start, end: start + name.length };
}

/** The element at `offset` of `file`. */
export function targetAt(model: ConfigModel, file: SourceFile, offset: number): Target | undefined {
  if (file.kind === 'imta.cnf') {
    for (const inc of model.includes) if (inc.file === file && touches(inc.range, offset)) return { kind: 'include', range: inc.range, include: inc };
    for (const c of model.channels) {
      if (c.file !== file || !touches(c.range, offset)) continue;
      if (touches(c.nameWord, offset)) return { kind: 'channel', range: c.nameWord, name: c.name, definition: true };
      for (const k of c.keywords) {
        const t = keywordTarget(k, offset, c);
        if (t) return t;
      }
      for (const h of hostsOf(c)) if (touches(h.host, offset)) return { kind: 'host', range: h.host, name: h.host.text, channel: c };
    }
    for (const d of model.defaults) {
      if (d.file !== file || !touches(d.range, offset)) continue;
      for (const k of d.keywords) {
        const t = keywordTarget(k, offset, d);
        if (t) return t;
      }
    }
    for (const r of model.rules) {
      if (r.file !== file || !touches(r.templateRange, offset)) continue;
      const t = targetInTemplate(r, offset);
      if (t) return t;
    }
    return undefined;
  }
  const jc = model.jobController;
  if (jc && jc.file === file) {
    for (const p of jc.pools) if (touches(p.section.valueRange, offset)) return { kind: 'pool', range: p.section.valueRange, name: p.name, definition: true };
    for (const s of jc.channelSections)
      if (touches(s.valueRange, offset) && !s.value.endsWith('*')) return { kind: 'channel', range: s.valueRange, name: s.value, definition: false };
  }
  const disp = model.dispatcher;
  if (disp && disp.file === file) {
    for (const svc of disp.services) {
      if (!svc.channel) continue;
      const r = dispatcherChannelRange(svc.channel.setting, svc.channel.name);
      if (r && touches(r, offset)) return { kind: 'channel', range: r, name: svc.channel.name, definition: false };
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Definitions and references

const lower = (s: string) => s.toLowerCase();

function channelsNamed(model: ConfigModel, name: string): Channel[] {
  return model.channels.filter((c) => lower(c.name) === lower(name));
}

function poolSections(model: ConfigModel, name: string): OptionSection[] {
  return (model.jobController?.pools ?? []).filter((p) => lower(p.name) === lower(name)).map((p) => p.section);
}

const place = (file: SourceFile, r: Range): Place => ({ file, start: r.start, end: r.end });

/** Where the element at the cursor is defined. */
export function definition(model: ConfigModel, target: Target): Place[] {
  switch (target.kind) {
    case 'channel':
      return channelsNamed(model, target.name).map((c) => place(c.file, c.nameWord));
    case 'host':
      return [place(target.channel.file, target.channel.nameWord)];
    case 'routing-host': {
      if (target.dynamic) return [];
      const c = model.channelForHost(target.name);
      return c ? [place(c.file, c.nameWord)] : [];
    }
    case 'pool':
      return poolSections(model, target.name).map((s) => place(s.file, s.valueRange));
    case 'keyword': {
      const name = target.use.info?.name;
      const arg = target.use.args[0];
      if ((name === 'pool' || name === 'queue') && arg) return poolSections(model, arg.value).map((s) => place(s.file, s.valueRange));
      if (target.use.info?.arity.kind === 'one' && target.use.info.arity.arg === 'chan' && arg)
        return channelsNamed(model, arg.value).map((c) => place(c.file, c.nameWord));
      return [];
    }
    case 'include':
      return target.include.included ? [place(target.include.included, { start: 0, end: 0 })] : [];
    case 'piece':
      return [];
  }
}

function allKeywordUses(model: ConfigModel): KeywordUse[] {
  return [...model.channels.flatMap((c) => c.keywords), ...model.defaults.flatMap((d) => d.keywords)];
}

/** Places that route to a channel: routing hosts of rewrite rules owned by it. */
function routingReferences(model: ConfigModel, test: (host: string) => boolean): Place[] {
  const out: Place[] = [];
  for (const r of model.rules) {
    const rh = templateOf(r).routingHost;
    if (rh && !rh.dynamic && test(rh.text)) out.push(place(r.file, sourceRange(r, rh.start, rh.end)));
  }
  return out;
}

function channelCheckReferences(model: ConfigModel, name: string): Place[] {
  const out: Place[] = [];
  const visit = (r: RewriteRule, pieces: readonly TemplatePiece[]) => {
    for (const p of pieces) {
      if (p.kind === 'channel-check' && lower(p.channel) === lower(name)) out.push(place(r.file, sourceRange(r, p.start + 2, p.end)));
      if (p.kind === 'lookup' && p.argumentPieces) visit(r, p.argumentPieces);
      if (p.kind === 'domain-check') visit(r, p.argumentPieces);
    }
  };
  for (const r of model.rules) if (r.template.includes('$')) visit(r, templateOf(r).pieces);
  return out;
}

/** Every place that names the channel or pool at the cursor, across the files of the model. */
export function references(model: ConfigModel, target: Target, includeDeclaration: boolean): Place[] {
  let name: string;
  let kind: 'channel' | 'pool' | 'host';
  switch (target.kind) {
    case 'channel':
      name = target.name;
      kind = 'channel';
      break;
    case 'pool':
      name = target.name;
      kind = 'pool';
      break;
    case 'host':
      name = target.name;
      kind = 'host';
      break;
    case 'routing-host': {
      if (target.dynamic) return [];
      const c = model.channelForHost(target.name);
      if (!c) return routingReferences(model, (h) => lower(h) === lower(target.name));
      name = c.name;
      kind = 'channel';
      break;
    }
    case 'keyword': {
      const arg = target.use.args[0];
      const info = target.use.info;
      if (!arg || !info) return [];
      if (info.name === 'pool' || info.name === 'queue') [name, kind] = [arg.value, 'pool'];
      else if (info.arity.kind === 'one' && info.arity.arg === 'chan') [name, kind] = [arg.value, 'channel'];
      else return [];
      break;
    }
    default:
      return [];
  }
  const out: Place[] = [];
  if (kind === 'pool') {
    if (includeDeclaration) for (const s of poolSections(model, name)) out.push(place(s.file, s.valueRange));
    for (const k of allKeywordUses(model))
      if ((k.info?.name === 'pool' || k.info?.name === 'queue') && k.args[0] && lower(k.args[0].value) === lower(name)) out.push(place(k.file, k.args[0]));
    return dedupe(out);
  }
  if (kind === 'host') {
    if (includeDeclaration && target.kind === 'host') out.push(place(target.channel.file, target.range));
    out.push(...routingReferences(model, (h) => lower(h) === lower(name)));
    return dedupe(out);
  }
  const channels = channelsNamed(model, name);
  if (includeDeclaration) for (const c of channels) out.push(place(c.file, c.nameWord));
  for (const k of allKeywordUses(model)) {
    const info = k.info;
    if (info?.arity.kind === 'one' && info.arity.arg === 'chan' && k.args[0] && lower(k.args[0].value) === lower(name)) out.push(place(k.file, k.args[0]));
  }
  if (channels.length) out.push(...routingReferences(model, (h) => channels.includes(model.channelForHost(h)!)));
  out.push(...channelCheckReferences(model, name));
  for (const svc of model.dispatcher?.services ?? []) {
    if (!svc.channel || lower(svc.channel.name) !== lower(name)) continue;
    const r = dispatcherChannelRange(svc.channel.setting, svc.channel.name);
    if (r) out.push(place(svc.channel.setting.file, r));
  }
  for (const s of model.jobController?.channelSections ?? []) if (lower(s.value) === lower(name)) out.push(place(s.file, s.valueRange));
  return dedupe(out);
}

function dedupe(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const k = `${p.file.path}\0${p.start}\0${p.end}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

// ---------------------------------------------------------------------------------------
// Hover

const ARG_NAMES: Record<string, string> = {
  int: '<integer>',
  name: '<name>',
  chan: '<channel>',
  host: '<host>',
  addr: '<address>',
  ip: '<IP address>',
  url: '<URL>',
  tmpl: '<template>',
  str: '<string>',
  list: '<list>',
};

/** The arguments a keyword takes, as a usage line. */
export function arityText(arity: Arity): string {
  switch (arity.kind) {
    case 'flag':
      return 'no arguments';
    case 'flag?':
      return 'no arguments (arity not confirmed by the documentation)';
    case 'one':
      return ARG_NAMES[arity.arg] ?? `<${arity.arg}>`;
    case 'host2':
      return '<host> [<host with a dot>]';
    case 'intList':
      return '<integer> … (one or more)';
    case 'durList':
      return '"<duration>" … (one or more quoted)';
    case 'ipList':
      return '<IP address> … (one or more)';
    case 'description':
      return '["<text>"]';
  }
}

function lineOf(file: SourceFile, offset: number): number {
  return file.lines.position(offset).line;
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function keywordDoc(info: KeywordInfo, written: string): string {
  const lines = [`**${info.name}** ${code(arityText(info.arity))} — channel keyword`, '', info.meaning];
  const extra: string[] = [];
  if (info.group) extra.push(`exclusive group ${info.group}${info.isDefault ? ' (the default member)' : ''}`);
  if (info.version) extra.push(info.version);
  if (info.obsolete) extra.push('obsolete spelling');
  if (info.pattern) extra.push(`family keyword, written ${code(written)}`);
  if (extra.length) lines.push('', extra.join(' · '));
  return lines.join('\n');
}

function poolDoc(model: ConfigModel, name: string): string {
  const pool: Pool | undefined = (model.jobController?.pools ?? []).find((p) => lower(p.name) === lower(name));
  const users = poolUsers(model, name);
  const usedBy =
    (pool && isDefaultPool(model, pool.name) ? 'the default pool (the first defined): channels without a pool keyword run here; ' : '') +
    (users.length ? `used by ${users.map((c) => code(c.name)).join(', ')}` : 'no channel uses it');
  if (!pool) {
    if (!model.jobController) return `**pool ${name}** — there is no job_controller.cnf beside imta.cnf to define it`;
    return `**pool ${name}** — no ${code(`[POOL=${name}]`)} section in ${model.jobController.file.relPath}: the Job Controller ignores jobs for an unknown pool, so the mail stays queued`;
  }
  const s = pool.section;
  const limit = pool.jobLimit ? `job_limit=${pool.jobLimit.value}` : 'no JOB_LIMIT (the global one applies)';
  return `**pool ${pool.name}** — ${code(`[${s.type}=${s.value}]`)} in ${s.file.relPath}:${lineOf(s.file, s.headerRange.start)}\n\n${limit}; ${usedBy}`;
}

function channelDoc(model: ConfigModel, name: string): string {
  const cs = channelsNamed(model, name);
  if (!cs.length) return `**channel ${name}** — no such channel in the channel table`;
  const c = cs[0];
  const parts = [`**channel ${c.name}** — ${c.file.relPath}:${lineOf(c.file, c.nameWord.start)}`];
  const facts: string[] = [];
  if (c.officialHost) facts.push(`official host ${code(c.officialHost.host.text)}`);
  else facts.push('no official host name');
  if (c.extraHosts.length) facts.push(`${c.extraHosts.length} more host name${c.extraHosts.length === 1 ? '' : 's'}`);
  const pool = poolKeyword(model, c);
  const defaultPool = defaultPoolName(model);
  if (pool) facts.push(`${pool.key} ${code(pool.args[0].value)}`);
  else if (defaultPool !== undefined) facts.push(`default pool ${code(defaultPool)}`);
  const sec = model.channelSection(c.name);
  if (sec) facts.push(`job controller section ${code(`[CHANNEL=${sec.value}]`)}`);
  parts.push('', facts.join(' · '));
  const words = c.keywords.map((k) => k.word.text);
  if (words.length) parts.push('', `keywords: ${code(words.join(' '))}`);
  if (cs.length > 1) parts.push('', `defined ${cs.length} times; the MTA uses the first`);
  return parts.join('\n');
}

/** Markdown for the element at the cursor. */
export function hover(model: ConfigModel, target: Target): string | undefined {
  switch (target.kind) {
    case 'keyword': {
      const info = target.use.info;
      if (!info)
        return `${code(target.use.word.text)} is not a channel keyword: the MTA takes an unknown word on a channel line as a UNIX group id (only processes in that group may queue to the channel)`;
      let text = keywordDoc(info, target.use.word.text);
      const arg = target.use.args[0];
      if ((info.name === 'pool' || info.name === 'queue') && arg) text += `\n\n---\n\n${poolDoc(model, arg.value)}`;
      else if (info.arity.kind === 'one' && info.arity.arg === 'chan' && arg) text += `\n\n---\n\n${channelDoc(model, arg.value)}`;
      return text;
    }
    case 'pool':
      return poolDoc(model, target.name);
    case 'channel':
      return channelDoc(model, target.name);
    case 'host': {
      const c = target.channel;
      const official = c.officialHost?.host.start === target.range.start;
      return `${code(target.name)} — ${official ? 'official host name' : 'extra host name'} of channel ${code(c.name)}: rewrite rules route to the channel by writing it after the last ${code('@')} of a template`;
    }
    case 'routing-host': {
      const explain = target.piece.kind === 'literal' ? '' : `\n\n${explainPiece(target.piece)}`;
      if (target.dynamic) return `routing host ${code(target.name)} — computed when the rule runs, so its channel is only known then${explain}`;
      const c = model.channelForHost(target.name);
      if (!c) return `routing host ${code(target.name)} — no channel has it as its official or an extra host name: addresses rewritten by this rule cannot be routed${explain}`;
      return `routing host ${code(target.name)} → channel ${code(c.name)} (${c.file.relPath}:${lineOf(c.file, c.nameWord.start)})${explain}`;
    }
    case 'piece':
      return explainPiece(target.piece);
    case 'include': {
      const inc = target.include;
      if (inc.included) return `include: ${code(inc.target)} → ${inc.included.relPath}`;
      return `include: ${code(inc.target)}${inc.message ? ` — ${inc.message}` : ''}`;
    }
  }
}

// ---------------------------------------------------------------------------------------
// Outline

export type OutlineKind = 'rules' | 'rule' | 'include' | 'channel' | 'defaults' | 'section' | 'pool' | 'setting' | 'table' | 'entry';

export interface OutlineSymbol extends Range {
  name: string;
  detail?: string;
  kind: OutlineKind;
  /** The part to highlight (the name). */
  selection: Range;
  children: OutlineSymbol[];
}

function commentText(line: string): string {
  return line.replace(/^[!#;]+/, '').trim();
}

/** The heading of a comment run: the first line of its last paragraph (paragraphs are separated by bare `!` lines). */
function heading(comments: string[]): string | undefined {
  let start = 0;
  for (let i = 0; i < comments.length; i++) if (!commentText(comments[i])) start = i + 1;
  const first = comments.slice(start).map(commentText).find((t) => t);
  if (!first) return undefined;
  return first.length > 80 ? `${first.slice(0, 77)}…` : first;
}

function imtaOutline(model: ConfigModel, file: SourceFile): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  const rulesByNode = new Map<SyntaxNode, RewriteRule>();
  for (const r of model.rules) if (r.file === file) rulesByNode.set(r.node, r);
  const includesByNode = new Map<SyntaxNode, Include>();
  for (const inc of model.includes) if (inc.file === file) includesByNode.set(inc.node, inc);

  for (const part of file.tree.root.children as SyntaxNode[]) {
    if (part.kind !== 'RuleSection') continue;
    let comments: string[] = [];
    let group: OutlineSymbol | undefined;
    for (const line of part.children as SyntaxNode[]) {
      if (line.kind === 'CommentLine') {
        if (group) group = undefined;
        comments.push(line.children.map((t) => (t as Token).image).join('').replace(/\r?\n$/, ''));
        continue;
      }
      const rule = line.kind === 'RewriteRule' ? rulesByNode.get(line) : undefined;
      const inc = line.kind === 'IncludeLine' ? includesByNode.get(line) : undefined;
      if (!rule && !inc) {
        comments = [];
        group = undefined;
        continue;
      }
      const start = startOf(line);
      const end = lineEndOf(line);
      const sym: OutlineSymbol = rule
        ? { name: rule.pattern.text, detail: rule.template, kind: 'rule', start, end, selection: { start: rule.pattern.start, end: rule.pattern.end }, children: [] }
        : { name: `<${inc!.target}`, detail: inc!.included?.relPath, kind: 'include', start, end, selection: inc!.range, children: [] };
      if (!group) {
        group = {
          name: heading(comments) ?? `rewrite rules (line ${lineOf(file, start)})`,
          kind: 'rules',
          start,
          end,
          selection: { start, end },
          children: [],
        };
        out.push(group);
        comments = [];
      }
      group.children.push(sym);
      group.end = end;
    }
  }
  for (const d of model.defaults) {
    if (d.file !== file) continue;
    out.push({ name: d.kind, detail: d.keywords.map((k) => k.word.text).join(' '), kind: 'defaults', start: d.range.start, end: d.range.end, selection: { start: d.nameWord.start, end: d.nameWord.end }, children: [] });
  }
  for (const c of model.channels) {
    if (c.file !== file) continue;
    out.push({ name: c.name, detail: c.officialHost?.host.text, kind: 'channel', start: c.range.start, end: c.range.end, selection: { start: c.nameWord.start, end: c.nameWord.end }, children: [] });
  }
  return out.sort((a, b) => a.start - b.start);
}

function lineEndOf(node: SyntaxNode): number {
  const end = endOf(node);
  const text = (node.children as Token[]).map((t) => t.image).join('');
  const trimmed = text.replace(/\r?\n$/, '');
  return end - (text.length - trimmed.length);
}

function settingSymbol(s: Setting): OutlineSymbol {
  const end = lineEndOf(s.node);
  return { name: s.nameWord.text || '(no name)', detail: s.value, kind: 'setting', start: startOf(s.node), end, selection: { start: s.nameWord.start, end: s.nameWord.end }, children: [] };
}

function optionOutline(globals: Setting[], sections: OptionSection[]): OutlineSymbol[] {
  const out: OutlineSymbol[] = globals.map(settingSymbol);
  for (const s of sections) {
    const children = s.settings.map(settingSymbol);
    const end = children.length ? children[children.length - 1].end : s.headerRange.end;
    const isPool = s.type === 'POOL' || s.type === 'QUEUE';
    const limit = isPool ? s.settings.find((x) => x.key === 'JOB_LIMIT') : undefined;
    out.push({
      name: `[${s.type}=${s.value}]`,
      detail: limit ? `job_limit ${limit.value}` : undefined,
      kind: isPool ? 'pool' : 'section',
      start: s.headerRange.start,
      end,
      selection: s.headerRange,
      children,
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The outline of one file: rule groups, channels, pools, sections, tables. */
export function outline(model: ConfigModel, file: SourceFile): OutlineSymbol[] {
  switch (file.kind) {
    case 'imta.cnf':
      return imtaOutline(model, file);
    case 'job_controller.cnf':
      return model.jobController?.file === file ? optionOutline(model.jobController.globals, model.jobController.sections) : [];
    case 'dispatcher.cnf':
      return model.dispatcher?.file === file ? optionOutline(model.dispatcher.globals, model.dispatcher.sections) : [];
    case 'option.dat':
      return model.options?.file === file ? optionOutline(model.options.globals, model.options.sections) : [];
    case 'mappings':
      return model.mappings
        .filter((t) => t.file === file)
        .map((t) => {
          const children: OutlineSymbol[] = t.entries.map((e) => ({
            name: e.pattern.text,
            detail: e.template,
            kind: 'entry',
            start: startOf(e.node),
            end: lineEndOf(e.node),
            selection: { start: e.pattern.start, end: e.pattern.end },
            children: [],
          }));
          const end = children.length ? children[children.length - 1].end : t.name.end;
          return { name: t.name.text, kind: 'table' as const, start: t.name.start, end, selection: { start: t.name.start, end: t.name.end }, children };
        });
    case 'aliases':
      return model.aliases
        .filter((a) => a.file === file)
        .map((a) => ({
          name: a.name.text,
          detail: a.addresses.map((w) => w.text).join(', '),
          kind: 'entry' as const,
          start: startOf(a.node),
          end: lineEndOf(a.node),
          selection: { start: a.name.start, end: a.name.end },
          children: [],
        }));
  }
}
