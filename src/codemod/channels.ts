// Facts about channels that several codemods need: pools, references by other channels,
// job controller sections.
import type { Channel, ConfigModel, KeywordUse } from '../model/types.js';
import { sameName } from './text.js';

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
