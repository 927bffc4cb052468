// missing-official-host: a channel block without its second line, the official host name.
// cnbuild and every MTA program refuse the configuration with `no official host name for
// channel` (imta-cnf.md §7.1, §11). A blank line between the first and second line does
// the same: it ends the block, and the host name after it becomes a block of its own.
import { endOf, startOf } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { bogusChannels } from './util/bogus-channels.js';
import { detachedHosts } from './util/detached-hosts.js';

const rule = defineRule({
  meta: {
    id: 'missing-official-host',
    description: "A channel block without its official host name line: cnbuild fails with 'no official host name for channel'.",
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    const bogus = bogusChannels(model);
    const detached = detachedHosts(model).byChannel;
    for (const ch of model.channels) {
      if (ch.officialHost || bogus.has(ch)) continue;
      const d = detached.get(ch);
      if (d) {
        const host = d.hostBlock.name;
        const start = startOf(d.blank);
        const end = endOf(d.blank);
        context.report({
          file: ch.file,
          start,
          end: start,
          message:
            `blank line between channel '${ch.name}' and its official host name '${host}': the block ends at the blank line, so cnbuild fails with ` +
            `'no official host name for channel' and '${host}' is read as a channel of its own; delete the blank line`,
          suggestions: [{ description: 'delete the blank line', edits: [edit(ch.file, start, end, '')] }],
        });
        continue;
      }
      context.report({
        file: ch.file,
        start: ch.nameWord.start,
        end: ch.nameWord.end,
        message:
          `channel '${ch.name}' has no official host name line: cnbuild fails with 'no official host name for channel'; ` +
          `put the channel's official host name (e.g. '${ch.name}-daemon') on the line after its keyword line`,
      });
    }
  },
});

export default rule;
