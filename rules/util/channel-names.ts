// Channel names as other files and keywords refer to them.
import { blockLines } from './block-lines.js';
import type { ConfigModel } from '../../src/model/types.js';

const merged = new WeakMap<ConfigModel, Set<string>>();

/**
 * Names (lower case) of channel blocks that were merged into the block above them because
 * the blank line between the two is missing: the keyword line of the lost block stands as
 * a host line of the previous channel (`tcp_submit submit smtp mx …` under
 * `tcp_auth-daemon`). The MTA no longer knows such a channel, but the root cause is the
 * missing blank line, reported by channel-block-separation; these are exactly the names it
 * reports (blockLines), so rules that look channel names up stay quiet about them.
 */
export function mergedChannelNames(model: ConfigModel): Set<string> {
  let names = merged.get(model);
  if (!names) {
    names = new Set(blockLines(model).separations.map((s) => s.name.toLowerCase()));
    merged.set(model, names);
  }
  return names;
}

/** A channel name the configuration defines, or one lost to a merged block (see above). */
export function channelKnown(model: ConfigModel, name: string): boolean {
  return model.channel(name) !== undefined || mergedChannelNames(model).has(name.toLowerCase());
}

/** The names of all channels, in table order (for suggestions). */
export function channelNameList(model: ConfigModel): string[] {
  return model.channels.map((c) => c.name);
}
