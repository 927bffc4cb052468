// cnfmod add-channel: isolate a domain on a channel of its own (the documented procedure
// for a domain whose servers are down: its messages then wait in their own queue and pool
// instead of holding up the regular outgoing channel).
//   1. a channel like the regular outgoing one (`--like`, default tcp_local): its own
//      keyword text, its physical-line layout, its pool replaced by the new pool; official
//      host `<name>-daemon`; inserted as a block right after the `--like` block;
//   2. rewrite rules `domain $U%$D@<name>-daemon` and `.domain $U%$H$D@<name>-daemon`
//      next to the other domain rules (see domainRuleAnchor), aligned like them;
//   3. `[POOL=<pool>]` with `job_limit` in job_controller.cnf after the last pool;
//   4. next steps: imsimta cnbuild, imsimta restart.
import { applyEdits, type TextEdit } from '../edit/edits.js';
import type { Channel, ConfigModel, OptionSection, RewriteRule } from '../model/types.js';
import { namedPool, poolUsers } from '../model/pools.js';
import { describeChannel } from './channels.js';
import { domainRuleAnchor, insertBlockAfter, insertRuleLines, insertRuleLinesBefore, ruleLine, staticRoutingHost } from './imta-edit.js';
import { checkChannelName, checkDomain, checkJobLimit, checkPoolName, MAX_HOST_NAME, poolLengthNote } from './names.js';
import { headerLine, insertSection, isPoolSection, sectionLines, settingLine } from './option-edit.js';
import { nodeRange, sameName, where } from './text.js';
import { refuse, type CodemodResult } from './types.js';

export interface AddChannelArgs {
  domain: string;
  /** Channel name (default `tcp_<first label of the domain>`). */
  name?: string;
  /** The channel to copy keywords and layout from (default tcp_local). */
  like?: string;
  /** Pool name (default `SMTP_<FIRST LABEL>`), at most 12 characters. */
  pool?: string;
  /** job_limit of the new pool (default 10). */
  jobLimit?: number;
  /** Route the domain to the new channel even where a rule with the same pattern routes it elsewhere. */
  force?: boolean;
}

export const DEFAULT_LIKE = 'tcp_local';
export const DEFAULT_JOB_LIMIT = 10;
export const SERVER_STEPS = ['imsimta cnbuild', 'imsimta restart'];

/** The default names add-channel derives from a domain. */
export function defaultNames(domain: string): { name: string; pool: string } {
  const first = domain.split('.')[0];
  return { name: `tcp_${first}`, pool: `SMTP_${first.toUpperCase()}` };
}

/** The two rules that route a domain and its subdomains to a host. */
export function domainRules(domain: string, host: string): { pattern: string; template: string }[] {
  return [
    { pattern: domain, template: `$U%$D@${host}` },
    { pattern: `.${domain}`, template: `$U%$H$D@${host}` },
  ];
}

export function addChannel(model: ConfigModel, args: AddChannelArgs): CodemodResult {
  const d = checkDomain(args.domain);
  if ('error' in d) return refuse(d.error);
  const domain = d.domain;
  const defaults = defaultNames(domain);
  const name = args.name ?? defaults.name;
  const pool = args.pool ?? defaults.pool;
  const jobLimit = args.jobLimit ?? DEFAULT_JOB_LIMIT;
  const nameError = checkChannelName(name);
  if (nameError) return refuse(args.name ? nameError : `${nameError} (derived from the domain): pass one with --name`);
  const poolError = checkPoolName(pool, args.pool ? 'pass a shorter one with --pool' : `'${pool}' is derived from the domain: pass a shorter one with --pool`);
  if (poolError) return refuse(poolError);
  const limitError = checkJobLimit(jobLimit);
  if (limitError) return refuse(limitError);
  const host = `${name}-daemon`;
  if (host.length > MAX_HOST_NAME) return refuse(`official host name '${host}' would be longer than ${MAX_HOST_NAME} characters: pass a shorter --name`);

  const likeName = args.like ?? DEFAULT_LIKE;
  const like = model.channel(likeName);
  if (!like)
    return refuse(
      `channel '${likeName}' (--like) does not exist in ${model.imta?.relPath ?? 'imta.cnf'}; name the regular outgoing SMTP channel with --like (channels: ${model.channels.map((c) => c.name).join(', ') || 'none'})`,
    );
  if (sameName(like.name, name)) return refuse(`the new channel cannot be '${name}' itself (--like); pass another --name`);
  const jc = model.jobController;
  if (!jc) return refuse(`no job_controller.cnf in the configuration directory: the new channel's pool ${pool} must be defined there`);

  // What exists already: ours (a previous run) or someone else's (refuse).
  const messages: string[] = [];
  const existing = model.channel(name);
  const ours = existing && isOurs(model, existing, host, pool);
  if (existing && !ours)
    return refuse(
      `channel name '${name}' is taken: ${describeChannel(existing)} has official host ${existing.officialHost?.host.text ?? '(none)'} and pool ${namedPool(model, existing) ?? '(default)'}; pass another one with --name`,
    );
  const hostOwner = model.channelForHost(host);
  if (hostOwner && hostOwner !== existing)
    return refuse(`host name '${host}' already belongs to channel ${describeChannel(hostOwner)}; pass another --name`);
  const poolDef = model.pool(pool);
  const others = poolUsers(model, pool).filter((c) => !sameName(c.name, name));
  if (others.length)
    return refuse(`pool '${pool}' is taken: used by channel ${others.map(describeChannel).join(', ')}; pass another one with --pool`);

  const edits: TextEdit[] = [];
  const done: string[] = [];
  const ruleMessages: string[] = [];

  // 2. Rules (checked first: they may refuse).
  const hostKey = host.toLowerCase();
  const atAnchor: string[] = [];
  const before = new Map<RewriteRule, string[]>();
  const anchor = domainRuleAnchor(model);
  for (const r of domainRules(domain, host)) {
    const same = model.rules.filter((x) => !x.tag && x.key === r.pattern);
    if (same.some((x) => staticRoutingHost(x) === hostKey)) {
      done.push(`rule ${r.pattern}`);
      continue;
    }
    if (same.length) {
      const other = same[0];
      if (!args.force)
        return refuse(
          `${r.pattern} already routes elsewhere: ${where(other.file, other.pattern.start)} '${other.pattern.text} ${other.template}'; pass --force to route it to ${host} anyway (the new rule goes before it and takes precedence), or change that rule first`,
        );
      const lines = before.get(other) ?? [];
      lines.push(ruleLine(other, r.pattern, r.template));
      before.set(other, lines);
      ruleMessages.push(`${r.pattern}: the rule at ${where(other.file, other.pattern.start)} routing it to ${staticRoutingHost(other) ?? 'another host'} no longer applies (the new rule comes first)`);
      continue;
    }
    atAnchor.push(ruleLine(anchor, r.pattern, r.template));
  }
  if (atAnchor.length) {
    const e = insertRuleLines(model, anchor, atAnchor);
    if (!e) return refuse('the configuration has no imta.cnf to add rewrite rules to');
    edits.push(e);
    ruleMessages.push(
      anchor
        ? `add rewrite rules for ${domain} after ${where(anchor.file, anchor.pattern.start)} (${anchor.pattern.text})`
        : `add rewrite rules for ${domain} to the rule section of ${model.imta!.relPath}`,
    );
  }
  for (const [rule, lines] of before) edits.push(insertRuleLinesBefore(rule, lines));

  // 1. The channel block.
  if (!existing) {
    edits.push(insertBlockAfter(like, [...keywordLines(like, name, pool), host]));
    messages.push(`add channel ${name} (keywords of ${like.name}, pool ${pool}, official host ${host}) after ${like.name} in ${like.file.relPath}`);
  } else done.push(`channel ${name}`);
  messages.push(...ruleMessages);

  // 3. The pool.
  if (!poolDef) {
    const pools = jc.sections.filter(isPoolSection);
    const last = pools[pools.length - 1];
    const sample = last?.settings.find((s) => s.key === 'JOB_LIMIT');
    edits.push(insertSection(jc, last, isPoolSection, [headerLine(jc, 'POOL', pool), settingLine(jc, 'job_limit', String(jobLimit), sample)]));
    messages.push(`define pool ${pool} (job_limit=${jobLimit}) in ${jc.file.relPath}`);
  } else {
    done.push(`pool ${pool}`);
    const limit = poolDef.jobLimit?.value;
    if (args.jobLimit !== undefined && limit !== String(jobLimit))
      messages.push(`pool ${pool} already exists with job_limit=${limit ?? '(unset)'}; left as it is (use a text editor to change it)`);
  }
  const note = poolLengthNote(pool);
  if (note) messages.push(note);

  // The job controller section that runs the channel's deliveries.
  if (!existing && !model.channelSection(name) && !jc.globals.some((s) => s.key === 'MASTER_COMMAND')) {
    const likeSection = model.channelSection(like.name);
    if (likeSection) {
      edits.push(channelSectionCopy(model, likeSection, name));
      messages.push(`add [CHANNEL=${name}] to ${jc.file.relPath}, a copy of [CHANNEL=${likeSection.value}] (no section applied to ${name})`);
    } else {
      messages.push(`warning: no [CHANNEL=…] section of ${jc.file.relPath} applies to ${name} and there is no global master_command: its messages will not be delivered until one is added`);
    }
  }

  if (!edits.length)
    return {
      edits,
      messages: [`${domain} is already routed to channel ${name} (pool ${pool}); nothing to do`],
      nextSteps: [],
      nothingToDo: true,
    };
  if (done.length) messages.push(`already present: ${done.join(', ')}`);
  return { edits, messages, nextSteps: SERVER_STEPS };
}

/** A channel made by an earlier run: official host `<name>-daemon` and the same pool. */
function isOurs(model: ConfigModel, c: Channel, host: string, pool: string): boolean {
  const p = namedPool(model, c);
  return !!c.officialHost && sameName(c.officialHost.host.text, host) && p !== undefined && sameName(p, pool);
}

/**
 * The keyword line of `like` with the new name and pool, as physical lines: the same
 * continuations, indentation and keyword order; `pool X` becomes `pool <pool>` where it
 * stood (further `pool` keywords are dropped), or is added at the end.
 */
export function keywordLines(like: Channel, name: string, pool: string): string[] {
  const t = like.file.text;
  const { start: base, end: lineEnd } = nodeRange(like.keywordLine);
  let end = lineEnd;
  if (t[end - 1] === '\n') end--;
  if (t[end - 1] === '\r') end--;
  const rel = (s: number, e: number, text: string) => ({ start: s - base, end: e - base, text });
  const edits = [rel(like.nameWord.start, like.nameWord.end, name)];
  const pools = like.keywords.filter((k) => k.key === 'pool');
  if (!pools.length) {
    const last = like.keywords.length ? like.keywords[like.keywords.length - 1].range.end : like.nameWord.end;
    edits.push(rel(last, last, ` pool ${pool}`));
  } else {
    const first = pools[0];
    if (first.args[0]) edits.push(rel(first.args[0].start, first.args[0].end, pool));
    else edits.push(rel(first.word.end, first.word.end, ` ${pool}`));
    for (const k of pools.slice(1)) {
      let s = k.range.start;
      let e = k.range.end;
      while (s > 0 && (t[s - 1] === ' ' || t[s - 1] === '\t')) s--;
      if (s === 0 || t[s - 1] === '\n') {
        s = k.range.start;
        while (e < end && (t[e] === ' ' || t[e] === '\t')) e++;
      }
      edits.push(rel(s, e, ''));
    }
  }
  return applyEdits(t.slice(base, end), edits).split(/\r?\n/);
}

/** `[CHANNEL=name]` with the settings of another channel's section, inserted after it. */
function channelSectionCopy(model: ConfigModel, from: OptionSection, name: string): TextEdit {
  const jc = model.jobController!;
  const lines = sectionLines(jc, from);
  lines[0] = headerLine(jc, 'CHANNEL', name);
  return insertSection(jc, from, (s) => s.type === 'CHANNEL', lines);
}
