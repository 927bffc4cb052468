// `!` comments that do not start in column 1, and what the MTA makes of them.
//
// Only a `!` in column 1 starts a comment in imta.cnf (imta-cnf.md §3): `tcp_local smtp !
// outbound` has two more keywords (`!`, `outbound`, unknown → group ids), an indented
// `  ! text` line is a host line or the first line of a block named `!`, and in the rule
// section an indented `!` line is a rewrite rule. misplaced-comment reports them; other
// rules skip the words and channels listed here so that each slip is one report.
//
// Computed once per model (WeakMap), one pass over channels, defaults and rules.
import type { SyntaxNode } from '../../grammar/index.js';
import { hostsOf } from '../../src/model/imta.js';
import { lineWords } from '../../src/model/words.js';
import type { Channel, ConfigModel, DefaultsBlock, HostName, RewriteRule, SourceFile, Word } from '../../src/model/types.js';
import { isContinued, lineContentEndAt } from './physical-lines.js';
import { swallowedRuleBlocks } from './swallowed-rules.js';

export type MisplacedRole =
  /** An indented `!` line in the rule section: a rewrite rule with pattern `!…`. */
  | 'rule'
  /** `!` after a rule's pattern: part of the template. */
  | 'template'
  /** An indented `!` line starting a block: a channel named `!…`. */
  | 'channel'
  /** `!` on a channel or defaults line: keywords (unknown ones: group ids). */
  | 'keywords'
  /** An indented `!` line as line 2 of a block: the official host name. */
  | 'official-host'
  /** An indented `!` line as line 3+ of a block: an extra host name. */
  | 'extra-host'
  /** `!` after the host name on a host line: local host alias / proper name. */
  | 'host-words';

export interface MisplacedComment {
  file: SourceFile;
  role: MisplacedRole;
  /** Offset of the `!`. */
  start: number;
  /** End of the text meant as a comment: the end of the `!`'s physical line (blanks excluded). */
  end: number;
  /** The `!` begins a logical line that is one physical line: moving it to column 1 makes the line a comment. */
  wholeLine: boolean;
  /** The logical line (RewriteRule, KeywordLine or HostLine node). */
  node: SyntaxNode;
  /** Model words that stand for the comment (keyword words and their arguments, host words). */
  words: Word[];
  channel?: Channel;
  defaults?: DefaultsBlock;
  rule?: RewriteRule;
  host?: HostName;
}

export interface MisplacedComments {
  comments: MisplacedComment[];
  words: ReadonlySet<Word>;
  channels: ReadonlySet<Channel>;
}

const cache = new WeakMap<ConfigModel, MisplacedComments>();

const startsComment = (w: Word) => !w.quoted && w.text.startsWith('!');

/** Every misplaced `!` comment of the configuration's imta.cnf files, in model order. */
export function misplacedComments(model: ConfigModel): MisplacedComments {
  const hit = cache.get(model);
  if (hit) return hit;
  const comments: MisplacedComment[] = [];
  const words = new Set<Word>();
  const channels = new Set<Channel>();
  const swallowed = swallowedRuleBlocks(model);

  /** Words from index i on the physical line of words[i]. */
  const onLine = (file: SourceFile, ws: Word[], i: number): { taken: Word[]; end: number } => {
    const end = lineContentEndAt(file.text, ws[i].start);
    const taken: Word[] = [];
    for (let k = i; k < ws.length && ws[k].start < end; k++) taken.push(ws[k]);
    return { taken, end: taken[taken.length - 1].end };
  };
  const add = (c: MisplacedComment) => {
    comments.push(c);
    for (const w of c.words) words.add(w);
  };
  const realEnd = (file: SourceFile, end: number) => {
    let e = end;
    while (e > 0 && (file.text[e - 1] === ' ' || file.text[e - 1] === '\t')) e--;
    return e;
  };

  const keywordLine = (file: SourceFile, node: SyntaxNode, nameWord: Word, uses: { word: Word; args: Word[] }[], owner: { channel?: Channel; defaults?: DefaultsBlock }) => {
    // Most lines have no `!` word: look before gathering the line's words.
    if (!startsComment(nameWord) && !uses.some((u) => startsComment(u.word) || u.args.some(startsComment))) return;
    const ws: Word[] = [nameWord];
    for (const u of uses) ws.push(u.word, ...u.args);
    const i = ws.findIndex(startsComment);
    const { taken, end } = onLine(file, ws, i);
    const role: MisplacedRole = i === 0 ? 'channel' : 'keywords';
    add({ file, role, start: ws[i].start, end: realEnd(file, end), wholeLine: i === 0 && !isContinued(node), node, words: taken, ...owner });
    if (role === 'channel' && owner.channel) channels.add(owner.channel);
  };

  for (const d of model.defaults) keywordLine(d.file, d.block.children[0] as SyntaxNode, d.nameWord, d.keywords, { defaults: d });

  for (const ch of model.channels) {
    if (swallowed.has(ch)) continue;
    keywordLine(ch.file, ch.keywordLine, ch.nameWord, ch.keywords, { channel: ch });
    if (channels.has(ch)) continue; // its host lines are the lines after a stray `!` line
    const hosts = hostsOf(ch);
    for (const h of hosts) {
      const ws = [h.host, ...(h.alias ? [h.alias] : []), ...h.extra];
      const i = ws.findIndex(startsComment);
      if (i < 0) continue;
      const { taken, end } = onLine(h.file, ws, i);
      const role: MisplacedRole = i > 0 ? 'host-words' : h === ch.officialHost ? 'official-host' : 'extra-host';
      add({ file: h.file, role, start: ws[i].start, end: realEnd(h.file, end), wholeLine: i === 0 && !isContinued(h.line), node: h.line, words: taken, channel: ch, host: h });
    }
  }

  for (const rule of model.rules) {
    // (tag or key first: the pattern's word is only made for the rules that need it)
    if ((rule.tag || rule.key).startsWith('!') && startsComment(rule.pattern)) {
      add({
        file: rule.file,
        role: 'rule',
        start: rule.pattern.start,
        end: realEnd(rule.file, lineContentEndAt(rule.file.text, rule.pattern.start)),
        wholeLine: !isContinued(rule.node),
        node: rule.node,
        words: [rule.pattern],
        rule,
      });
      continue;
    }
    const t = rule.template;
    if (!t.includes('!') || !/(?:^|[ \t])!/.test(t)) continue;
    const ws = lineWords(rule.node).words;
    for (let i = 1; i < ws.length; i++) {
      if (!startsComment(ws[i])) continue;
      // `$?text` error texts are free text: a `!` in them is part of the message.
      const before = rule.file.text.slice(rule.templateRange.start, ws[i].start);
      if (/\$[0-9]*\?/.test(before)) break;
      const { taken, end } = onLine(rule.file, ws, i);
      add({ file: rule.file, role: 'template', start: ws[i].start, end: realEnd(rule.file, end), wholeLine: false, node: rule.node, words: taken, rule });
      break;
    }
  }

  const result: MisplacedComments = { comments, words, channels };
  cache.set(model, result);
  return result;
}

/** Model words (keyword words and arguments, host words) that are really a misplaced comment. */
export function misplacedCommentWords(model: ConfigModel): ReadonlySet<Word> {
  return misplacedComments(model).words;
}

export function isMisplacedCommentWord(model: ConfigModel, word: Word): boolean {
  return misplacedComments(model).words.has(word);
}

/** Channel blocks whose first line is an indented `!` comment (a "channel" named `!…`). */
export function misplacedCommentChannels(model: ConfigModel): ReadonlySet<Channel> {
  return misplacedComments(model).channels;
}
