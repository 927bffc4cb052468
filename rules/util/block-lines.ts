// What the host lines of channel blocks really are.
//
// The MTA reads every line after a block's first line as a host line (line 2: official
// host name [local host alias]; lines 3…: host name [proper name]; further words are
// ignored). Two slips make keyword text land there:
//   * a keyword list wrapped without `\` (wrapped-keyword-line): line 2 `maytlsserver
//     allowswitchchannel saslswitchchannel tcp_auth` becomes the official host name;
//   * a missing blank line between two blocks (channel-block-separation): the next
//     channel's `tcp_submit submit smtp …` becomes an extra host name.
// Both rules, and duplicate-host (which must not count such lines as host names), share
// this one analysis, computed once per model.
import { startOf, type SyntaxNode } from '../../grammar/index.js';
import { hostsOf, parseKeywords } from '../../src/model/imta.js';
import { lookupKeyword } from '../../src/model/keywords.js';
import type { Channel, ConfigModel, HostName, Range, SourceFile, Word } from '../../src/model/types.js';
import { bogusChannels } from './bogus-channels.js';

/** Characters of a channel name (imta-cnf.md §7.2: letters, digits, `_`, `$`, `-`). */
export const CHANNEL_NAME = /^[A-Za-z0-9_$-]+$/;

export function hostLineWords(h: HostName): Word[] {
  return h.alias ? [h.host, h.alias, ...h.extra] : [h.host, ...h.extra];
}

function counts(words: Word[], file: SourceFile) {
  const uses = parseKeywords(words, file);
  let known = 0;
  for (const u of uses) if (u.info) known++;
  return { uses, known, unknown: uses.length - known };
}

/**
 * Whether the words of a host line are the continuation of a keyword list: at least two
 * words, the first a keyword (not a dotted host name) followed by keywords or its own
 * arguments (`maytlsserver allowswitchchannel`, `maxjobs 7 SMTP_POOL`), or the first an
 * argument (a number, a quoted string) followed by keywords (`7 pool SMTP_POOL`).
 * A single word is always taken as a host name: host names may look like keywords.
 */
export function looksLikeKeywords(words: Word[], file: SourceFile): boolean {
  if (words.length < 2) return false;
  const first = words[0];
  if (!first.quoted && !first.text.includes('.') && lookupKeyword(first.text)) {
    const { uses, known, unknown } = counts(words, file);
    return known >= 2 || unknown === 0 || uses[0].args.length > 0;
  }
  if (first.quoted || /^[0-9][0-9,]*$/.test(first.text)) {
    const { known, unknown } = counts(words.slice(1), file);
    return known >= 1 && known >= unknown;
  }
  return false;
}

/**
 * Whether the words of a host line are a channel's first line: a channel name (not a
 * keyword, no dot) followed by keywords (`tcp_submit submit smtp mx …`). A host line
 * has at most two names (host and alias / proper name), and a keyword is never one.
 */
export function looksLikeChannelLine(words: Word[], file: SourceFile): boolean {
  if (words.length < 2) return false;
  const first = words[0];
  if (first.quoted || !CHANNEL_NAME.test(first.text) || /^[0-9]+$/.test(first.text) || lookupKeyword(first.text)) return false;
  const { known, unknown } = counts(words.slice(1), file);
  return known >= 1 && known >= unknown;
}

export interface Separation {
  /** The channel whose block the lost channel's lines ended up in. */
  channel: Channel;
  /** The lost channel's first line, read as a host line. */
  host: HostName;
  /** The lost channel's name. */
  name: string;
  /** The name of the channel (or lost channel) just above it. */
  previous: string;
  /** It stands on line 2 (the official host line). */
  official: boolean;
  /** Where a blank line restores the block (before comment lines right above it). */
  insertAt: number;
}

export interface WrappedLine {
  channel: Channel;
  host: HostName;
  /** The line before it in the block (keyword line or the previous wrapped line). */
  previous: SyntaxNode;
  /** The previous line ends with `\` and blanks: broken-continuation is the root cause. */
  afterBrokenContinuation: boolean;
  /** Appending ` \` to the previous lines is safe: the next line is a one-word host line. */
  fixable: boolean;
}

export interface BlockLines {
  separations: Separation[];
  wrapped: WrappedLine[];
  /** Host lines that are really keyword text or a lost channel's first line. */
  notHosts: ReadonlySet<HostName>;
}

const cache = new WeakMap<ConfigModel, BlockLines>();

export function blockLines(model: ConfigModel): BlockLines {
  const hit = cache.get(model);
  if (hit) return hit;
  const separations: Separation[] = [];
  const wrapped: WrappedLine[] = [];
  const notHosts = new Set<HostName>();
  const bogus = bogusChannels(model);

  for (const ch of model.channels) {
    if (bogus.has(ch)) continue;
    const hosts = hostsOf(ch);
    if (!hosts.length) continue;
    const children = ch.block.children as SyntaxNode[];
    // (a search, not a Map per block: most blocks have neither wrapped nor lost lines)
    const indexOf = (line: SyntaxNode): number | undefined => {
      const i = children.indexOf(line);
      return i < 0 ? undefined : i;
    };
    const previousLine = (h: HostName): SyntaxNode => {
      let j = (indexOf(h.line) ?? 1) - 1;
      while (j > 0 && children[j].kind !== 'KeywordLine' && children[j].kind !== 'HostLine') j--;
      return children[Math.max(j, 0)];
    };
    const broken = (n: SyntaxNode) => {
      const s = startOf(n);
      const e = s + lengthOf(n);
      return ch.brokenContinuations.some((r: Range) => r.start >= s && r.end <= e);
    };

    let i = 0;
    let wrappedRun: WrappedLine[] = [];
    // A keyword list wrapped onto line 2 (and maybe further lines).
    if (ch.officialHost) {
      const run: HostName[] = [];
      while (i < hosts.length && looksLikeKeywords(hostLineWords(hosts[i]), hosts[i].file)) run.push(hosts[i++]);
      if (run.length) {
        const next = hosts[i];
        const fixable =
          next !== undefined && !next.alias && !next.extra.length && !broken(previousLine(run[0])) && !run.some((h) => broken(h.line));
        for (const h of run) {
          const previous = previousLine(h);
          wrappedRun.push({ channel: ch, host: h, previous, afterBrokenContinuation: broken(previous), fixable });
          notHosts.add(h);
        }
      }
    }
    let owner = ch.name;
    for (; i < hosts.length; i++) {
      const h = hosts[i];
      const official = h === ch.officialHost;
      let name: string | undefined;
      if (looksLikeChannelLine(hostLineWords(h), h.file)) name = h.host.text;
      else if (!official && !h.alias && !h.extra.length && CHANNEL_NAME.test(h.host.text)) {
        // A channel without keywords: `reprocess` then `reprocess-daemon`.
        const next = hosts[i + 1];
        if (next && next.host.text.toLowerCase() === `${h.host.text.toLowerCase()}-daemon`) name = h.host.text;
      }
      if (!name) continue;
      let j = indexOf(h.line) ?? 0;
      while (j > 1 && children[j - 1].kind === 'CommentLine') j--;
      separations.push({ channel: ch, host: h, name, previous: owner, official, insertAt: startOf(children[j]) });
      notHosts.add(h);
      owner = name;
      // The line after a wrapped keyword list is another channel: joining would lose the host line.
      if (wrappedRun.length && h === hosts[wrappedRun.length]) wrappedRun = wrappedRun.map((w) => ({ ...w, fixable: false }));
    }
    wrapped.push(...wrappedRun);
  }
  const result: BlockLines = { separations, wrapped, notHosts };
  cache.set(model, result);
  return result;
}

function lengthOf(n: SyntaxNode): number {
  let len = 0;
  for (const t of n.children as { image: string }[]) len += t.image.length;
  return len;
}
