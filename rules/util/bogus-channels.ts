// Channel blocks of the model that are not channels the author wrote, each the effect of
// one structural slip that a structure rule reports at its root cause:
//   * rewrite rules read as blocks after a stray blank line (blank-line-in-rewrite-rules),
//   * a block starting with an indented `!` comment line (misplaced-comment),
//   * a channel's host name cut off by a blank line (missing-official-host).
// Channel-level rules (unknown-keyword, duplicate-host, local-channel-first, …) skip them.
import type { Channel, ConfigModel } from '../../src/model/types.js';
import { detachedHosts } from './detached-hosts.js';
import { misplacedCommentChannels } from './misplaced-comment.js';
import { swallowedRuleBlocks } from './swallowed-rules.js';

const cache = new WeakMap<ConfigModel, { set: ReadonlySet<Channel>; list: Channel[] }>();

function compute(model: ConfigModel) {
  let hit = cache.get(model);
  if (!hit) {
    const set = new Set<Channel>(swallowedRuleBlocks(model));
    for (const c of misplacedCommentChannels(model)) set.add(c);
    for (const c of detachedHosts(model).hostBlocks) set.add(c);
    hit = { set, list: model.channels.filter((c) => !set.has(c)) };
    cache.set(model, hit);
  }
  return hit;
}

/** Blocks that are not real channels (see above). */
export function bogusChannels(model: ConfigModel): ReadonlySet<Channel> {
  return compute(model).set;
}

/** The model's channels without the bogus blocks, in reading order. */
export function realChannels(model: ConfigModel): readonly Channel[] {
  return compute(model).list;
}

/**
 * Whether the configuration has any real channel. Cross-file rules that look names up in
 * the channel table stay quiet without one: missing-channel-table reports that root cause
 * once (also for "rules, a blank line, then nothing", where a channel table exists but is empty).
 */
export function hasRealChannels(model: ConfigModel): boolean {
  return compute(model).list.length > 0;
}
