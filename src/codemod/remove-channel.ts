// cnfmod remove-channel: the channel's block (with one blank separator next to it, and
// the comment lines directly above it that name it), the rewrite rules routing to it, its
// own `[CHANNEL=name]` section in job_controller.cnf, and with --prune-pool its pool when
// nothing else uses it. The inverse of add-channel.
import type { TextEdit } from '../edit/edits.js';
import type { ConfigModel, SourceFile, Range } from '../model/types.js';
import { parseTemplate } from '../../grammar/template.js';
import { isDefaultPool, namedPool, poolUsers } from '../model/pools.js';
import { channelKeywordRefs, describeChannel } from './channels.js';
import { SERVER_STEPS } from './add-channel.js';
import { allPieces, blockRemoval, removeRanges, rulesRoutingTo } from './imta-edit.js';
import { isPoolSection, sectionRemoval } from './option-edit.js';
import { mentions, nodeRange, sameName, where } from './text.js';
import { refuse, type CodemodResult } from './types.js';

export interface RemoveChannelArgs {
  name: string;
  /** Also remove the channel's pool from job_controller.cnf when no other channel uses it. */
  prunePool?: boolean;
  /** Remove it even though other channels or dispatcher services still name it. */
  force?: boolean;
}

export function removeChannel(model: ConfigModel, args: RemoveChannelArgs): CodemodResult {
  const c = model.channel(args.name);
  if (!c) {
    const isDefaults = /^(no)?defaults$/i.test(args.name);
    return refuse(
      isDefaults
        ? `'${args.name}' is not a channel (it is a block of default keywords); edit it by hand`
        : `there is no channel '${args.name}' in ${model.imta?.relPath ?? 'imta.cnf'} (channels: ${model.channels.map((x) => x.name).join(', ') || 'none'})`,
    );
  }
  if (c.index === 0 || sameName(c.name, 'l'))
    return refuse(`${c.name} is the local channel (the first channel block, which the MTA requires); it cannot be removed`);

  const messages: string[] = [];
  const warnings: string[] = [];
  // Things that would be left pointing at a channel that no longer exists.
  const keywordRefs = channelKeywordRefs(model, c.name).filter((k) => !c.keywords.includes(k));
  const services = (model.dispatcher?.services ?? []).filter((s) => s.channel && sameName(s.channel.name, c.name));
  const dangling = [
    ...keywordRefs.map((k) => `${k.word.text} ${k.args[0].text} at ${where(k.file, k.word.start)}`),
    ...services.map((s) => `[SERVICE=${s.name}] PARAMETER=CHANNEL=${s.channel!.name} at ${where(s.section.file, s.channel!.setting.nameWord.start)}`),
  ];
  if (dangling.length && !args.force)
    return refuse(`channel ${c.name} is still named by ${dangling.join('; ')}; change those first, or pass --force to remove it anyway`);
  for (const d of dangling) warnings.push(`warning: ${d} still names ${c.name}`);

  const removals = new Map<SourceFile, Range[]>();
  const remove = (file: SourceFile, r: Range) => {
    const list = removals.get(file) ?? [];
    list.push(r);
    removals.set(file, list);
  };
  const edits: TextEdit[] = [];

  const block = blockRemoval(c);
  remove(c.file, block.range);
  messages.push(`remove channel ${describeChannel(c)}${block.comments ? ' with the comment lines above it' : ''}`);

  const rules = rulesRoutingTo(model, c);
  for (const r of rules) remove(r.file, nodeRange(r.node));
  if (rules.length) messages.push(`remove ${rules.length} rewrite rule${rules.length > 1 ? 's' : ''} routing to it: ${rules.map((r) => r.pattern.text).join(', ')}`);
  for (const r of model.rules) {
    if (rules.includes(r)) continue;
    for (const p of allPieces(parseTemplate(r.template).pieces))
      if (p.kind === 'channel-check' && sameName(p.channel, c.name))
        warnings.push(`warning: the rule at ${where(r.file, r.pattern.start)} (${r.pattern.text}) checks $${p.code}${p.channel}; review it`);
  }

  const jc = model.jobController;
  if (jc) {
    for (const s of jc.channelSections.filter((s) => sameName(s.value, c.name))) {
      remove(jc.file, sectionRemoval(jc, s, (x) => x.type === 'CHANNEL'));
      messages.push(`remove [CHANNEL=${s.value}] from ${jc.file.relPath}`);
    }
    const pool = namedPool(model, c);
    const def = pool !== undefined ? model.pool(pool) : undefined;
    if (pool !== undefined && def) {
      const users = poolUsers(model, pool).filter((x) => x !== c);
      const first = isDefaultPool(model, pool);
      if (args.prunePool) {
        if (users.length) messages.push(`pool ${pool} kept: still used by ${users.map((u) => u.name).join(', ')}`);
        else if (first) messages.push(`pool ${pool} kept: it is the first pool, the default for channels without a pool keyword`);
        else {
          remove(jc.file, sectionRemoval(jc, def.section, isPoolSection));
          messages.push(`remove pool ${def.name} from ${jc.file.relPath} (no other channel uses it)`);
        }
      } else if (!users.length && !first) messages.push(`pool ${pool} is no longer used by any channel; --prune-pool removes it`);
    }
  }

  for (const t of model.mappings)
    for (const e of t.entries)
      if (mentions(e.pattern.text + ' ' + e.template, c.name))
        warnings.push(`warning: mapping ${t.name.text} entry at ${where(t.file, e.pattern.start)} mentions ${c.name}; review it`);

  for (const [file, ranges] of removals) edits.push(...removeRanges(file, ranges));
  return { edits, messages: [...messages, ...warnings], nextSteps: SERVER_STEPS };
}
