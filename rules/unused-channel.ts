// unused-channel: a channel that nothing sends mail to or names. Mail reaches a channel
// when a rewrite rule routes to one of its host names, when an address is written with
// one of its host names (the channel table is looked up directly), when another channel
// switches to it, or when a rule check, the Dispatcher, a mapping or an alias names it.
// A channel none of these reach is dead configuration — often a rule that was never
// added or that routes to a misspelled host name.
import type { Channel, HostName } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { keywordLines, isMisplacedCommentWord, realChannels } from './util/keyword-lines.js';
import { dynamicHostPattern, ruleRoutes } from './util/routing.js';
import { hasRealChannels } from './util/bogus-channels.js';

/** Channels the MTA itself uses or that are addressed by convention (imta-cnf.md §7.2). */
const SYSTEM_CHANNELS = new Set([
  'l',
  'ims-ms',
  'sims-ms',
  'native',
  'pipe',
  'tcp_local',
  'tcp_intranet',
  'tcp_auth',
  'tcp_submit',
  'reprocess',
  'process',
  'conversion',
  'defragment',
  'bitbucket',
  'hold',
  'filter_discard',
  'deleted',
  'inactive',
  'circuitcheck',
]);
const SYSTEM_PREFIXES = ['ims-ms_', 'tcp_lmtp', 'pipe_', 'process_', 'bsin_', 'bsout_', 'sms'];

/** Keywords whose argument is a host (list) that alias expansion routes mail to. */
const DETOUR_KEYWORDS = new Set(['aliasdetourhost', 'aliasoptindetourhost']);

export function isSystemChannel(name: string): boolean {
  const n = name.toLowerCase();
  return SYSTEM_CHANNELS.has(n) || SYSTEM_PREFIXES.some((p) => n.startsWith(p));
}

const rule = defineRule({
  meta: {
    id: 'unused-channel',
    description: 'A channel no rewrite rule routes to and nothing else names or reaches.',
    severity: 'info',
    fixable: false,
  },
  create(context) {
    const { model, scope } = context;
    if (!scope.complete || !hasRealChannels(model)) return;
    const candidates = realChannels(model).filter(
      (c) =>
        c.officialHost !== undefined &&
        !isSystemChannel(c.name) &&
        // Extra host names and real domain names are written in addresses and reach the
        // channel through the channel table directly.
        c.extraHosts.length === 0 &&
        !c.officialHost.host.text.includes('.'),
    );
    if (!candidates.length) return;
    const used = new Set<Channel>();
    const byName = (name: string) => {
      const c = model.channel(name);
      if (c) used.add(c);
    };
    // Many rules route to the same few hosts: look each host up once.
    const seenHosts = new Set<string>();
    const byHost = (host: string) => {
      if (seenHosts.has(host)) return;
      seenHosts.add(host);
      const c = model.channelForHost(host);
      if (c) used.add(c);
    };

    // Run-time hosts, one pattern per distinct host text.
    const dynamic = new Map<string, RegExp>();
    for (const route of ruleRoutes(model)) {
      if (route.host) {
        if (!route.host.dynamic) byHost(route.host.text);
        else if (!dynamic.has(route.host.text)) dynamic.set(route.host.text, dynamicHostPattern(route.host));
      }
      for (const name of route.channelChecks) byName(name);
    }
    for (const line of keywordLines(model))
      for (const use of line.uses) {
        if (!use.info || use.info.arity.kind !== 'one' || use.missingArgument || isMisplacedCommentWord(model, use.word)) continue;
        if (use.info.arity.arg === 'chan') byName(use.args[0].value);
        // Alias expansion detoured to a host (`aliasdetourhost tcp_scanner-daemon`).
        else if (DETOUR_KEYWORDS.has(use.info.name)) for (const h of use.args[0].value.split(',')) byHost(h);
      }
    for (const s of model.dispatcher?.services ?? []) if (s.channel) byName(s.channel.name);
    // Mapping tables name channels in their probes (CONVERSIONS IN-CHAN=…, access mappings).
    for (const t of model.mappings)
      for (const e of t.entries) for (const w of `${e.pattern.text} ${e.template}`.split(/[^A-Za-z0-9_.*-]+/)) if (w) byName(w);
    // Aliases and option.dat values (DELIVERY_OPTIONS) address channel hosts: user@native-daemon.
    for (const a of model.aliases) for (const addr of a.addresses) for (const m of addr.text.matchAll(/@([^@\s,]+)/g)) byHost(m[1]);
    for (const s of model.options?.settings ?? []) for (const m of s.value.matchAll(/@([A-Za-z0-9_.-]+)/g)) byHost(m[1]);

    for (const c of candidates) {
      if (used.has(c)) continue;
      const host = (c.officialHost as HostName).host.text;
      if ([...dynamic.values()].some((re) => re.test(host))) continue;
      context.report({
        file: c.file,
        start: c.nameWord.start,
        end: c.nameWord.end,
        message: `channel '${c.name}' is not used: no rewrite rule routes to its host name '${host}', and no keyword, rule check, dispatcher service, mapping or alias names it, so no mail reaches it; remove the block, or add a rewrite rule that routes to '${host}'`,
      });
    }
  },
});

export default rule;
