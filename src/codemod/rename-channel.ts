// cnfmod rename-channel OLD NEW: every place the MTA reads the channel's name.
//   imta.cnf   the block's name; its official host `OLD-daemon` → `NEW-daemon` when it
//              follows that convention, with every rewrite rule routing to it; every
//              `$M $N $C $Q` control naming the channel; channel-valued keyword arguments
//              (saslswitchchannel, alternatechannel, tlsswitchchannel, expandchannel,
//              notificationchannel, dispositionchannel …) in channels and defaults blocks;
//   job_controller.cnf  `[CHANNEL=OLD]`;
//   dispatcher.cnf      `PARAMETER=CHANNEL=OLD`.
import { parseTemplate } from '../../grammar/template.js';
import type { TextEdit } from '../edit/edits.js';
import { matchChannelSection } from '../model/load.js';
import type { ConfigModel } from '../model/types.js';
import { SERVER_STEPS } from './add-channel.js';
import { channelKeywordRefs, describeChannel } from './channels.js';
import { allPieces, routingHost, templateEdits } from './imta-edit.js';
import { checkChannelName, MAX_HOST_NAME } from './names.js';
import { mentions, sameName, where } from './text.js';
import { refuse, type CodemodResult } from './types.js';

export interface RenameChannelArgs {
  from: string;
  to: string;
  /** Rename even a channel whose name the MTA gives a meaning (ims-ms, reprocess …). */
  force?: boolean;
}

/** Channel names the MTA or the Job Controller treat specially (imta-cnf.md §7.2). */
export const BUILT_IN_CHANNELS = ['l', 'ims-ms', 'native', 'reprocess', 'process', 'conversion', 'defragment', 'bitbucket', 'hold', 'filter_discard', 'circuitcheck'];

export function renameChannel(model: ConfigModel, args: RenameChannelArgs): CodemodResult {
  const { from, to } = args;
  const c = model.channel(from);
  if (!c) {
    if (model.channel(to) && !model.channel(from))
      return { edits: [], messages: [`there is no channel ${from}, and ${to} exists: already renamed; nothing to do`], nextSteps: [], nothingToDo: true };
    return refuse(`there is no channel '${from}' in ${model.imta?.relPath ?? 'imta.cnf'} (channels: ${model.channels.map((x) => x.name).join(', ') || 'none'})`);
  }
  if (c.name === to) return { edits: [], messages: [`channel ${to} already has that name; nothing to do`], nextSteps: [], nothingToDo: true };
  const nameError = checkChannelName(to, 'new channel name');
  if (nameError) return refuse(nameError);
  const other = model.channel(to);
  if (other && other !== c) return refuse(`channel name '${to}' is taken by ${describeChannel(other)}; choose another name`);
  if (c.index === 0 || sameName(c.name, 'l')) return refuse(`${c.name} is the local channel; the MTA requires the first channel to be named l`);
  for (const n of [c.name, to])
    if (!args.force && BUILT_IN_CHANNELS.includes(n.toLowerCase()) && !sameName(c.name, to))
      return refuse(`'${n}' is a channel name the MTA gives a meaning to; renaming ${n === c.name ? 'it' : 'a channel to it'} changes behaviour (pass --force if you mean it)`);

  const edits: TextEdit[] = [];
  const messages: string[] = [];
  const warnings: string[] = [];
  edits.push({ path: c.file.path, start: c.nameWord.start, end: c.nameWord.end, text: to });
  messages.push(`rename channel ${describeChannel(c)} to ${to}`);

  // The official host, when it follows the `<name>-daemon` convention.
  const oh = c.officialHost;
  let oldHost: string | undefined;
  let newHost: string | undefined;
  if (oh && sameName(oh.host.text, `${c.name}-daemon`)) {
    oldHost = oh.host.text;
    newHost = to + oh.host.text.slice(c.name.length);
    if (newHost.length > MAX_HOST_NAME) return refuse(`official host name '${newHost}' would be longer than ${MAX_HOST_NAME} characters`);
    const owner = model.channelForHost(newHost);
    if (owner && owner !== c) return refuse(`host name '${newHost}' already belongs to channel ${describeChannel(owner)}; choose another name`);
    edits.push({ path: oh.file.path, start: oh.host.start, end: oh.host.end, text: newHost });
    messages.push(`rename its official host ${oldHost} to ${newHost}`);
  } else if (oh) {
    messages.push(`its official host ${oh.host.text} does not follow the <channel>-daemon convention; kept`);
  }

  // Rewrite rules: routing host and channel controls.
  let routed = 0;
  let controls = 0;
  for (const r of model.rules) {
    const parsed = parseTemplate(r.template);
    const h = routingHost(r);
    if (oldHost && newHost && h && !h.dynamic && sameName(h.text, oldHost)) {
      edits.push(...templateEdits(r, h.start, h.start + c.name.length, to));
      routed++;
    }
    for (const p of allPieces(parsed.pieces)) {
      if (p.kind !== 'channel-check' || !sameName(p.channel, c.name)) continue;
      edits.push(...templateEdits(r, p.end - p.channel.length, p.end, to));
      controls++;
    }
  }
  if (routed) messages.push(`route ${routed} rewrite rule${routed > 1 ? 's' : ''} to ${newHost}`);
  if (controls) messages.push(`rename the channel in ${controls} $M/$N/$C/$Q control${controls > 1 ? 's' : ''}`);

  // Channel-valued keyword arguments.
  const refs = channelKeywordRefs(model, c.name);
  for (const k of refs) {
    const a = k.args[0];
    const inner = a.quoted && a.text.length >= 2 && !a.unterminatedQuote ? { start: a.start + 1, end: a.end - 1 } : { start: a.start, end: a.end };
    edits.push({ path: k.file.path, start: inner.start, end: inner.end, text: to });
  }
  if (refs.length) messages.push(`rename it in ${refs.map((k) => `${k.word.text} (${where(k.file, k.word.start)})`).join(', ')}`);

  // job_controller.cnf
  const jc = model.jobController;
  if (jc) {
    const before = model.channelSection(c.name);
    for (const s of jc.channelSections.filter((s) => sameName(s.value, c.name))) {
      edits.push({ path: s.file.path, start: s.valueRange.start, end: s.valueRange.end, text: to });
      messages.push(`rename [CHANNEL=${s.value}] in ${jc.file.relPath}`);
    }
    if (before && before.value.endsWith('*')) {
      const after = matchChannelSection(
        jc.channelSections.filter((s) => !sameName(s.value, c.name)),
        to,
      );
      if (after !== before)
        warnings.push(
          after
            ? `warning: ${to} takes its job controller settings from [CHANNEL=${after.value}] instead of [CHANNEL=${before.value}]`
            : `warning: ${to} no longer matches [CHANNEL=${before.value}] in ${jc.file.relPath}: no section runs its deliveries; add [CHANNEL=${to}]`,
        );
    }
  }

  // dispatcher.cnf
  for (const svc of model.dispatcher?.services ?? []) {
    if (!svc.channel || !sameName(svc.channel.name, c.name)) continue;
    const s = svc.channel.setting;
    const text = s.file.text.slice(s.valueRange.start, s.valueRange.end);
    const m = /^(CHANNEL[ \t]*=[ \t]*)(\S+)/i.exec(text);
    if (!m) continue;
    const start = s.valueRange.start + m[1].length;
    edits.push({ path: s.file.path, start, end: start + m[2].length, text: to });
    messages.push(`rename PARAMETER=CHANNEL=${svc.channel.name} of [SERVICE=${svc.name}] in ${s.file.relPath}`);
  }

  for (const t of model.mappings)
    for (const e of t.entries)
      if (mentions(e.pattern.text + ' ' + e.template, c.name))
        warnings.push(`warning: mapping ${t.name.text} entry at ${where(t.file, e.pattern.start)} mentions ${c.name}; review it`);

  return {
    edits,
    messages: [...messages, ...warnings],
    nextSteps: [
      `if a channel option file ${c.name}_option exists in the configuration directory, rename it to ${to}_option`,
      `messages already queued to ${c.name} stay in its queue directory: let them be delivered (imsimta qm) before the restart`,
      ...SERVER_STEPS,
    ],
  };
}
