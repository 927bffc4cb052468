// duplicate-host: the same official or extra host name in two places of the channel
// table. All host names of all channels live in one table; cnbuild refuses duplicates
// with `duplicate host in channel table` (imta-cnf.md §7.1 item 4, §11). Host names are
// compared case-insensitively, as routing does. Lines that are not host names the author
// wrote (a wrapped keyword list, a channel line missing its blank line, rewrite rules
// after a stray blank line) are left to the structure rules that report their cause.
import { defineRule } from '../src/lint/define-rule.js';
import { hostsOf } from '../src/model/imta.js';
import type { Channel, HostName } from '../src/model/types.js';
import { realChannels } from './util/bogus-channels.js';
import { blockLines } from './util/block-lines.js';
import { misplacedCommentWords } from './util/misplaced-comment.js';
import { where } from './util/where.js';

const rule = defineRule({
  meta: {
    id: 'duplicate-host',
    description: "The same host name on two channel host lines: cnbuild fails with 'duplicate host in channel table'.",
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const notHosts = blockLines(model).notHosts;
    const comments = misplacedCommentWords(model);
    const seen = new Map<string, { channel: Channel; host: HostName }>();
    for (const ch of realChannels(model)) {
      const hosts = hostsOf(ch);
      for (const h of hosts) {
        if (notHosts.has(h) || comments.has(h.host)) continue;
        const key = h.host.text.toLowerCase();
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { channel: ch, host: h });
          continue;
        }
        const role = (c: Channel, x: HostName) => (x === c.officialHost ? 'official host name' : 'extra host name');
        const owner = first.channel === ch ? 'this channel' : `channel '${first.channel.name}'`;
        context.report({
          file: h.file,
          start: h.host.start,
          end: h.host.end,
          message:
            `host name '${h.host.text}' (${role(ch, h)} of '${ch.name}') is already the ${role(first.channel, first.host)} of ${owner} ` +
            `at ${where(first.host.file, first.host.host.start)}: cnbuild fails with 'duplicate host in channel table'; keep the name on one channel only`,
        });
      }
    }
  },
});

export default rule;
