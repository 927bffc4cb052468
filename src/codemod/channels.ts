// Facts about channels that several codemods need: pools, references by other channels,
// job controller sections.
import type { Channel, ConfigModel, KeywordUse } from '../model/types.js';
import { sameName } from './text.js';

/** The pool a channel's jobs run in, as written (undefined: the first pool defined). */
export function poolOf(model: ConfigModel, channel: Channel): string | undefined {
  let pool: string | undefined;
  for (const k of model.effectiveKeywords(channel)) if ((k.key === 'pool' || k.key === 'queue') && k.args[0]) pool = k.args[0].value;
  return pool;
}

/** Channels whose jobs run in a pool (those without `pool` count for the first pool defined). */
export function poolUsers(model: ConfigModel, pool: string): Channel[] {
  const first = model.jobController?.pools[0];
  const isDefault = first !== undefined && sameName(first.name, pool);
  return model.channels.filter((c) => {
    const p = poolOf(model, c);
    return p === undefined ? isDefault : sameName(p, pool);
  });
}

/** Channel-valued keywords (saslswitchchannel, alternatechannel …) naming a channel, in channels and defaults blocks. */
export function channelKeywordRefs(model: ConfigModel, name: string): KeywordUse[] {
  const out: KeywordUse[] = [];
  const scan = (ks: KeywordUse[]) => {
    for (const k of ks) if (k.info?.arity.kind === 'one' && k.info.arity.arg === 'chan' && k.args[0] && sameName(k.args[0].value, name)) out.push(k);
  };
  for (const c of model.channels) scan(c.keywords);
  for (const d of model.defaults) scan(d.keywords);
  return out;
}

export function describeChannel(c: Channel): string {
  const p = c.file.lines.position(c.nameWord.start);
  return `${c.name} (${c.file.relPath}:${p.line})`;
}
