// A blank line between a channel's first line and its official host name.
//
// A blank line ends a channel block (imta-cnf.md §7.1 item 5): the channel keeps no host
// line (`no official host name for channel`) and its host name, alone after the blank
// line, is read as a block of its own, a "channel" named like a host. missing-official-host
// reports the blank line; the host-only block is skipped by every channel rule.
import type { SyntaxNode } from '../../grammar/index.js';
import type { Channel, ConfigModel } from '../../src/model/types.js';

export interface DetachedHost {
  /** The channel that lost its host line. */
  channel: Channel;
  /** The blank line(s) between the two. */
  blank: SyntaxNode;
  /** The one-word block after the blank line: the channel's official host name. */
  hostBlock: Channel;
}

export interface DetachedHosts {
  byChannel: ReadonlyMap<Channel, DetachedHost>;
  hostBlocks: ReadonlySet<Channel>;
}

const cache = new WeakMap<ConfigModel, DetachedHosts>();

/** A name written like a host name, not like a channel name: dotted, or a `-daemon` tag. */
export function hostLike(name: string): boolean {
  return !name.startsWith('!') && (name.includes('.') || /-daemon$/i.test(name));
}

const alone = (c: Channel) => !c.officialHost && !c.extraHosts.length;

export function detachedHosts(model: ConfigModel): DetachedHosts {
  const hit = cache.get(model);
  if (hit) return hit;
  const byBlock = new Map<SyntaxNode, Channel>();
  for (const c of model.channels) byBlock.set(c.block, c);
  const byChannel = new Map<Channel, DetachedHost>();
  const hostBlocks = new Set<Channel>();
  for (const file of model.files) {
    if (file.kind !== 'imta.cnf') continue;
    const table = (file.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'ChannelTable');
    if (!table) continue;
    let prev: Channel | undefined;
    let blank: SyntaxNode | undefined;
    for (const item of table.children as SyntaxNode[]) {
      if (item.kind === 'BlankLines') {
        if (prev && !blank) blank = item;
        continue;
      }
      if (item.kind === 'CommentLine') continue;
      const ch = item.kind === 'ChannelBlock' ? byBlock.get(item) : undefined;
      if (prev && blank && ch && alone(prev) && alone(ch) && !ch.keywords.length && hostLike(ch.name)) {
        byChannel.set(prev, { channel: prev, blank, hostBlock: ch });
        hostBlocks.add(ch);
        prev = undefined;
      } else prev = ch;
      blank = undefined;
    }
  }
  const result: DetachedHosts = { byChannel, hostBlocks };
  cache.set(model, result);
  return result;
}
