// imta.cnf trees to channels, defaults and rewrite rules, following include lines in
// reading order (an included file's lines count exactly as if typed at the include line).
import { endOf, startOf, tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import { forEachRunLine, isRunItem, rawItemsOf, runLine, type RunItem } from '../../grammar/imta.js';
import { acceptsArgument, keywordEntry, requiredArguments, type KeywordInfo } from './keywords.js';
import type {
  Channel,
  DefaultsBlock,
  HostName,
  Include,
  KeywordUse,
  ModelDiagnostic,
  Range,
  RewriteRule,
  SourceFile,
  Word,
} from './types.js';
import { lineWords, makeWord, runLineWords } from './words.js';

/**
 * One shared frozen empty array for the lists that are mostly empty (a keyword's arguments,
 * a host line's extra words, a channel's extra hosts): the model keeps a hundred thousand.
 */
const NONE = Object.freeze([]) as readonly never[];
const none = <T>(): T[] => NONE as unknown as T[];

/**
 * A keyword use. Its range is computed when asked: a big channel table has a hundred
 * thousand keyword uses, and the model's cost is mostly the objects it keeps.
 */
class Keyword implements KeywordUse {
  constructor(
    public word: Word,
    public key: string,
    public info: KeywordInfo | undefined,
    public args: Word[],
    public missingArgument: boolean,
    public file: SourceFile,
    public fromDefaults?: DefaultsBlock,
  ) {}

  get range(): Range {
    const last = this.args.length ? this.args[this.args.length - 1] : this.word;
    return { start: this.word.start, end: last.end };
  }

  /** The same use as a `defaults` line puts it in force on the channels after it. */
  fromDefaultsBlock(d: DefaultsBlock): Keyword {
    return new Keyword(this.word, this.key, this.info, this.args, this.missingArgument, this.file, d);
  }
}

/** Parses the words (from index `from` on) after a channel name into keyword uses, by the keyword table's arity. */
export function parseKeywords(words: Word[], file: SourceFile, from = 0): KeywordUse[] {
  const out: KeywordUse[] = [];
  let i = from;
  while (i < words.length) {
    const word = words[i++];
    const entry = keywordEntry(word.text);
    const info = word.quoted ? undefined : entry.info;
    const first = i;
    let missingArgument = false;
    if (info) {
      // A single required argument is taken whatever it looks like, as the MTA does; list
      // elements and optional arguments only while the next token fits (§1 rule 6).
      while (i < words.length && acceptsArgument(info.arity, words[i].text, i - first)) i++;
      missingArgument = i - first < requiredArguments(info.arity);
    }
    // (an exact-size copy: pushing onto [] would reserve 17 slots per keyword)
    out.push(new Keyword(word, entry.key, info, i > first ? words.slice(first, i) : none<Word>(), missingArgument, file));
  }
  return out;
}

/** A channel's host names in order: the official host (line 2), then the extra hosts. */
export function hostsOf(channel: Channel): HostName[] {
  return channel.officialHost ? [channel.officialHost, ...channel.extraHosts] : channel.extraHosts;
}

/** Keywords in force: the channel's own, plus defaults whose keyword and group it does not set itself. */
export function effectiveKeywords(channel: Channel): KeywordUse[] {
  const ownKeys = new Set<string>();
  const ownGroups = new Set<string>();
  for (const k of channel.keywords) {
    ownKeys.add(k.key);
    const g = k.info?.group;
    if (g) ownGroups.add(g);
  }
  // Later defaults win over earlier ones of the same group (imta-cnf.md §7.3).
  const fromDefaults = new Map<string, KeywordUse>();
  for (const d of channel.defaults) {
    if (ownKeys.has(d.key)) continue;
    const g = d.info?.group;
    if (g && ownGroups.has(g)) continue;
    fromDefaults.set(g ? `group:${g}` : `key:${d.key}`, d);
  }
  return [...fromDefaults.values(), ...channel.keywords];
}

export interface IncludeResolver {
  /**
   * Resolves and reads an include target, parsing it as imta.cnf text starting in the
   * given section. Returns the Include record (with `included` set when it was read).
   * `chain` holds the paths of the files being read, outermost first (for cycles).
   */
  (target: string, from: SourceFile, node: SyntaxNode, section: 'rules' | 'channels', depth: number, chain: readonly string[]): Include;
}

class Rule implements RewriteRule {
  // Most rules of a big table are one plain line of a content run. Their pattern word, tag,
  // key and template are read from the file's text on first use: three fewer objects per
  // rule to copy through the young generation while 200,000 rules are read (the model's
  // main cost is that garbage collection). Rules read word by word pass them in.
  private patternWord: Word | undefined;
  private tagText: string | undefined;
  private keyText: string | undefined;
  private templateText: string | undefined;

  constructor(
    public file: SourceFile,
    /** The rule's line node, or the content run holding its line: run lines become nodes only when asked. */
    private readonly nodeRef: LineRef,
    public index: number,
    /** With a RunItem: the rule's line within the run. */
    private readonly runLineIndex: number,
    private readonly patternStart: number,
    private readonly patternEnd: number,
    private readonly templateStart: number,
    private readonly templateEnd: number,
    /** Pairs (offset in template, source offset) where the mapping jumps; undefined when contiguous. */
    private readonly jumps?: number[],
    /** Given when the rule was read word by word. */
    read?: { pattern: Word; template: string },
  ) {
    if (read) {
      this.patternWord = read.pattern;
      this.templateText = read.template;
    }
  }

  get pattern(): Word {
    return (this.patternWord ??= makeWord(this.file.text.slice(this.patternStart, this.patternEnd), this.patternStart, this.patternEnd));
  }

  get tag(): string {
    if (this.tagText === undefined) this.readTagAndKey();
    return this.tagText!;
  }

  get key(): string {
    if (this.keyText === undefined) this.readTagAndKey();
    return this.keyText!;
  }

  get template(): string {
    return (this.templateText ??= this.file.text.slice(this.templateStart, this.templateEnd));
  }

  get templateRange(): Range {
    return { start: this.templateStart, end: this.templateEnd };
  }

  get node(): SyntaxNode {
    return lineAt(this.nodeRef, this.runLineIndex);
  }

  templateOffset(i: number): number {
    if (!this.jumps) return this.templateStart + i;
    let base = this.templateStart;
    let from = 0;
    for (let k = 0; k < this.jumps.length; k += 2) {
      if (this.jumps[k] > i) break;
      from = this.jumps[k];
      base = this.jumps[k + 1];
    }
    return base + (i - from);
  }

  private readTagAndKey(): void {
    // (from the text, not the pattern Word: most rules are never reported, and a Word
    // kept per rule would cost more than the strings)
    const { tag, key } = splitPattern(this.patternWord?.text ?? this.file.text.slice(this.patternStart, this.patternEnd));
    this.tagText = tag;
    this.keyText = key;
  }
}

/**
 * Where a line node is: the node itself, or the content run it is made from and its index
 * there (run lines become nodes only when asked; runLine keeps them once made).
 */
type LineRef = SyntaxNode | RunItem;
const lineAt = (ref: LineRef, index: number): SyntaxNode => (isRunItem(ref) ? runLine(ref, index) : ref);

/** A line of a channel block, as the model reads it: its words and where its node is. */
interface BlockLine {
  words: Word[];
  ref: LineRef;
  index: number;
}

/** A host line (line 2 or later of a block); its node is made only when asked. */
class Host implements HostName {
  host: Word;
  alias: Word | undefined;
  extra: Word[];
  private readonly ref: LineRef;
  private readonly index: number;

  constructor(
    { words, ref, index }: BlockLine,
    public file: SourceFile,
  ) {
    this.host = words[0];
    this.alias = words[1];
    this.extra = words.length > 2 ? words.slice(2) : none<Word>();
    this.ref = ref;
    this.index = index;
  }

  get line(): SyntaxNode {
    return lineAt(this.ref, this.index);
  }
}

/** A channel; its keyword line node is made only when asked. */
class ChannelRecord implements Channel {
  constructor(
    public name: string,
    public nameWord: Word,
    public file: SourceFile,
    public block: SyntaxNode,
    public range: Range,
    public keywords: KeywordUse[],
    public defaults: KeywordUse[],
    public officialHost: HostName | undefined,
    public extraHosts: HostName[],
    public index: number,
    public brokenContinuations: Range[],
    /** The keyword line's node, or its run (where it is the first line). */
    private readonly keywordLineRef: LineRef,
  ) {}

  get keywordLine(): SyntaxNode {
    return lineAt(this.keywordLineRef, 0);
  }
}

const isDefaultsName = (word: Word | undefined): boolean => {
  const lower = word?.text.toLowerCase();
  return lower === 'defaults' || lower === 'nodefaults';
};

const blank = (c: number) => c === 32 || c === 9;

/** A rewrite rule's pattern as the MTA looks it up: the tag up to the last `|`, and the rest in lower case. */
function splitPattern(text: string): { tag: string; key: string } {
  const bar = text.lastIndexOf('|');
  return bar < 0 ? { tag: '', key: text.toLowerCase() } : { tag: text.slice(0, bar + 1), key: text.slice(bar + 1).toLowerCase() };
}

export interface ImtaBuild {
  rules: RewriteRule[];
  channels: Channel[];
  defaults: DefaultsBlock[];
  includes: Include[];
  diagnostics: ModelDiagnostic[];
  hasChannelTable: boolean;
}

/**
 * Walks imta.cnf (and what it includes) in the order the MTA reads it. `start` is the
 * section the top-level text starts in ('channels' for channel fragments).
 */
export function buildImta(top: SourceFile, resolve: IncludeResolver): ImtaBuild {
  const out: ImtaBuild = { rules: [], channels: [], defaults: [], includes: [], diagnostics: [], hasChannelTable: false };
  let defaultsInForce: KeywordUse[] = [];

  const chain: string[] = [];
  const walkFile = (file: SourceFile, depth: number) => {
    chain.push(file.path);
    for (const part of file.tree.root.children as SyntaxNode[]) {
      if (part.kind === 'RuleSection') {
        for (const line of rawItemsOf(part)) {
          if (isRunItem(line)) addRunRules(line, file);
          else if (line.kind === 'RewriteRule') addRule(line, file);
          else if (line.kind === 'IncludeLine') include(line, file, 'rules', depth);
        }
      } else if (part.kind === 'ChannelTable') {
        out.hasChannelTable = true;
        for (const item of part.children as SyntaxNode[]) {
          if (item.kind === 'ChannelBlock') {
            addBlock(item, file);
            // An include line inside a block: the MTA splices the file's lines in there.
            // Its blocks are read as blocks of their own (the lines before its first blank
            // line would really continue this block; rare enough not to model).
            for (const line of item.children as SyntaxNode[]) if (line.kind === 'IncludeLine') include(line, file, 'channels', depth);
          } else if (item.kind === 'IncludeLine') include(item, file, 'channels', depth);
        }
      }
      // (an ErrorLine, the grammar's fallback, has its diagnostic already)
    }
    chain.pop();
  };

  const include = (line: SyntaxNode, file: SourceFile, section: 'rules' | 'channels', depth: number) => {
    const tok = line.children[0] as Token;
    const target = tok.image.slice(1).trim();
    const inc = resolve(target, file, line, section, depth + 1, chain);
    out.includes.push(inc);
    // An included file's blank line ends the rule section for the MTA; the rest of the
    // including file is still read here as the rules its author meant, and the
    // blank-line-in-rewrite-rules rule reports that blank line as the root cause.
    if (inc.included) walkFile(inc.included, depth + 1);
  };

  /**
   * A one-physical-line rule `pattern<blanks>template` (the lines of a content run) read
   * straight from the text of [start, end). Returns false for anything else (quotes, a
   * trailing lone `\`, no template), which addRule reads word by word.
   */
  const scanSimpleRule = (file: SourceFile, start: number, n: number, node: SyntaxNode | RunItem, lineIndex = 0): boolean => {
    const text = file.text;
    let i = start;
    while (i < n && blank(text.charCodeAt(i))) i++;
    const ps = i;
    while (i < n && !blank(text.charCodeAt(i))) i++;
    const pe = i;
    while (i < n && blank(text.charCodeAt(i))) i++;
    const ts = i;
    let te = n;
    while (te > ts && blank(text.charCodeAt(te - 1))) te--;
    if (ts >= te || text.charCodeAt(ps) === 34 /* " */) return false;
    if (text.charCodeAt(te - 1) === 92 /* \ */ && (te - 1 === ts || blank(text.charCodeAt(te - 2)))) return false;
    out.rules.push(new Rule(file, node, out.rules.length, lineIndex, ps, pe, ts, te));
    return true;
  };

  /** The rules of a content run, without making a node per line unless a rule needs one. */
  const addRunRules = (item: RunItem, file: SourceFile) => {
    forEachRunLine(item.run, (bodyStart, bodyEnd, _lineEnd, index, continued) => {
      if (continued || !scanSimpleRule(file, bodyStart, bodyEnd, item, index)) addRule(runLine(item, index), file);
    });
  };

  /** A rule read word by word (continued lines, quotes, a lone trailing `\`, no template). */
  const addRule = (line: SyntaxNode, file: SourceFile) => {
    const tokens = line.children as Token[];
    const { words } = lineWords(tokens);
    if (!words.length) return;
    const pattern = words[0];
    let template = '';
    let templateRange: Range = { start: pattern.end, end: pattern.end };
    let jumps: number[] | undefined;
    if (words.length > 1) {
      const startOff = words[1].start;
      const endOff = words[words.length - 1].end;
      const parts: string[] = [];
      let len = 0;
      let contiguous = true;
      for (const t of tokens) {
        const s = t.startOffset;
        if (s + t.image.length <= startOff) continue;
        if (s >= endOff) break;
        const kind = tokenKind(t);
        if (kind === 'Continuation' || kind === 'ContinuedComment' || kind === 'Newline') {
          contiguous = false;
          continue;
        }
        if (!contiguous) {
          (jumps ??= []).push(len, s);
          contiguous = true;
        }
        const from = Math.max(s, startOff) - s;
        const to = Math.min(s + t.image.length, endOff) - s;
        const piece = t.image.slice(from, to);
        parts.push(piece);
        len += piece.length;
      }
      template = parts.join('');
      templateRange = { start: startOff, end: endOff };
    } else {
      out.diagnostics.push({
        file,
        start: pattern.start,
        end: pattern.end,
        code: 'rule-without-template',
        severity: 'error',
        message: `rewrite rule '${pattern.text}' has no template; write 'pattern template' on one line (a continued line needs '\\' as its last character)`,
      });
    }
    out.rules.push(new Rule(file, line, out.rules.length, 0, pattern.start, pattern.end, templateRange.start, templateRange.end, jumps, { pattern, template }));
  };

  /** A channel from its block's lines: the keyword line first, then the host lines. */
  const addChannel = (block: SyntaxNode, file: SourceFile, range: Range, lines: BlockLine[], broken: Range[]) => {
    const [first, ...rest] = lines;
    const hosts: HostName[] = [];
    for (const l of rest) if (l.words.length) hosts.push(new Host(l, file));
    out.channels.push(
      new ChannelRecord(
        first.words[0].text,
        first.words[0],
        file,
        block,
        range,
        parseKeywords(first.words, file, 1),
        defaultsInForce,
        hosts[0],
        hosts.length > 1 ? hosts.slice(1) : none<HostName>(),
        out.channels.length,
        broken.length ? broken : none<Range>(),
        first.ref,
      ),
    );
  };

  /**
   * A channel block that is one content run (most are): its words are read from the run's
   * text and its line nodes are left unmade. False for a defaults or nodefaults block,
   * which addBlock reads line by line.
   */
  const addRunBlock = (block: SyntaxNode, item: RunItem, file: SourceFile): boolean => {
    const lines: BlockLine[] = [];
    let broken: Range[] = [];
    let isDefaults = false;
    forEachRunLine(item.run, (bodyStart, bodyEnd, lineEnd, index, continued) => {
      if (isDefaults) return;
      const lw = runLineWords(item, bodyStart, bodyEnd, lineEnd, continued);
      if (index === 0 && isDefaultsName(lw.words[0])) isDefaults = true;
      if (lw.brokenContinuations.length) broken = broken.concat(lw.brokenContinuations);
      lines.push({ words: lw.words, ref: item, index });
    });
    if (isDefaults || !lines[0]?.words.length) return false;
    const start = item.run.startOffset;
    addChannel(block, file, { start, end: start + item.run.image.length }, lines, broken);
    return true;
  };

  const addBlock = (block: SyntaxNode, file: SourceFile) => {
    const items = rawItemsOf(block);
    if (items.length === 1 && isRunItem(items[0]) && addRunBlock(block, items[0], file)) return;
    const nodes = block.children as SyntaxNode[];
    const kl = lineWords(nodes[0]);
    if (!kl.words.length) return;
    const broken = [...kl.brokenContinuations];
    const range = { start: startOf(block), end: endOf(block) };
    const hostLines = nodes.filter((l) => l.kind === 'HostLine');
    const nameWord = kl.words[0];
    if (isDefaultsName(nameWord)) {
      const kind = nameWord.text.toLowerCase() as DefaultsBlock['kind'];
      const keywords = parseKeywords(kl.words, file, 1);
      for (const h of hostLines) broken.push(...lineWords(h).brokenContinuations);
      const d: DefaultsBlock = { kind, file, block, range, nameWord, keywords, ignoredLines: hostLines, brokenContinuations: broken };
      out.defaults.push(d);
      if (kind === 'nodefaults') defaultsInForce = [];
      else defaultsInForce = [...defaultsInForce, ...keywords.map((k) => (k as Keyword).fromDefaultsBlock(d))];
      return;
    }
    const lines: BlockLine[] = [{ words: kl.words, ref: nodes[0], index: 0 }];
    for (const h of hostLines) {
      const hw = lineWords(h);
      broken.push(...hw.brokenContinuations);
      lines.push({ words: hw.words, ref: h, index: 0 });
    }
    addChannel(block, file, range, lines, broken);
  };

  walkFile(top, 0);
  return out;
}

