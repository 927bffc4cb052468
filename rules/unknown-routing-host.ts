// unknown-routing-host: a rewrite rule routes (`…@host`) to a host that is neither the
// official nor an extra host name of any channel. Addresses the rule rewrites cannot be
// routed to a channel and are rejected (rewrite-rules.md §4.4: "otherwise rewriting
// fails"). Hosts built at run time (substitutions, lookups) cannot be checked.
import { edit, type Fix } from '../src/edit/edits.js';
import { hostsOf } from '../src/model/imta.js';
import type { RewriteRule } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { didYouMean, nearest } from './util/did-you-mean.js';
import { misplacedComments } from './util/misplaced-comment.js';
import { hostRange, ruleRoutes } from './util/routing.js';
import { hasRealChannels } from './util/bogus-channels.js';

const rule = defineRule({
  meta: {
    id: 'unknown-routing-host',
    description: 'A rewrite rule routes to a host name that no channel has: the addresses it rewrites are rejected.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const { model, scope } = context;
    // A fragment or included file does not show the whole channel table; with no channel
    // table at all, missing-channel-table is the one root cause.
    if (!scope.complete || !hasRealChannels(model)) return;
    // Rules that are really an indented `!` comment: misplaced-comment reports them.
    const commentRules = new Set<RewriteRule>();
    for (const c of misplacedComments(model).comments) if (c.rule) commentRules.add(c.rule);
    let hostNames: string[] | undefined;
    // Large configurations route many rules to the same few hosts: look each up once.
    const known = new Map<string, boolean>();
    const owned = (h: string) => {
      let k = known.get(h);
      if (k === undefined) known.set(h, (k = model.channelForHost(h) !== undefined));
      return k;
    };
    for (const route of ruleRoutes(model)) {
      const host = route.host;
      if (!host || host.dynamic || commentRules.has(route.rule) || owned(host.text)) continue;
      const file = route.rule.file;
      const range = hostRange(route);
      const named = model.channel(host.text);
      const routeTo = (n: string) => `route to '${n}'`;
      let hint: string;
      let suggestions: Fix[] | undefined;
      if (named?.officialHost) {
        const official = named.officialHost.host.text;
        hint = `; '${host.text}' is a channel name: route to its official host name '${official}'`;
        suggestions = [{ description: routeTo(official), edits: [edit(file, range.start, range.end, official)] }];
      } else {
        hostNames ??= model.channels.flatMap((c) => hostsOf(c).map((h) => h.host.text));
        ({ hint, suggestions } = didYouMean(nearest(host.text, hostNames), 'add a channel with this host name, or correct the host', file, range.start, range.end, routeTo));
      }
      context.report({
        file,
        start: range.start,
        end: range.end,
        message: `rule '${route.rule.pattern.text}' routes to '${host.text}', which is not the official or an extra host name of any channel: the addresses it rewrites are rejected (illegal host/domain)${hint}`,
        suggestions,
      });
    }
  },
});

export default rule;
