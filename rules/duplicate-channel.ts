// duplicate-channel: two channel blocks with the same name (compared case-insensitively,
// as keywords and channel references are). Channel names must be unique (imta-cnf.md §7.2):
// the name also keys the channel's queue directory, option file and job controller section.
import { defineRule } from '../src/lint/define-rule.js';
import type { Channel } from '../src/model/types.js';
import { realChannels } from './util/bogus-channels.js';
import { where } from './util/where.js';

const rule = defineRule({
  meta: {
    id: 'duplicate-channel',
    description: 'Two channel blocks with the same name.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const seen = new Map<string, Channel>();
    for (const ch of realChannels(context.model)) {
      const key = ch.name.toLowerCase();
      const first = seen.get(key);
      if (!first) {
        seen.set(key, ch);
        continue;
      }
      const same = first.name === ch.name ? '' : ` (as '${first.name}')`;
      context.report({
        file: ch.file,
        start: ch.nameWord.start,
        end: ch.nameWord.end,
        message:
          `channel '${ch.name}' is already defined at ${where(first.file, first.nameWord.start)}${same}: a channel name names one queue, ` +
          `option file and job controller section, so the MTA cannot use both blocks as written; rename this channel or merge the two blocks`,
      });
    }
  },
});

export default rule;
