// channel-block-separation: a channel block must be separated from the one before it by
// a blank line (imta-cnf.md §7.1). Without it the next channel's first line is read as a
// host line of the previous channel, and that channel does not exist.
import { insertAt, lineBreakOf } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { blockLines } from './util/block-lines.js';
import { lastWordEndOf } from './util/physical-lines.js';

const rule = defineRule({
  meta: {
    id: 'channel-block-separation',
    description: 'A channel block not separated from the previous one by a blank line: its first line becomes a host name and the channel does not exist.',
    severity: 'error',
    fixable: true,
  },
  create(context) {
    for (const s of blockLines(context.model).separations) {
      const file = s.host.file;
      const role = s.official ? 'the official host name' : 'an extra host name';
      const message =
        `channel '${s.name}' is not separated from '${s.previous}' by a blank line; the MTA reads its line as ${role} of '${s.previous}' ` +
        `and the channel does not exist; insert a blank line before it`;
      const fix = { description: 'insert a blank line before the channel', edits: [insertAt(file, s.insertAt, lineBreakOf(file.text))] };
      context.report({
        file,
        start: s.host.host.start,
        end: lastWordEndOf(s.host.line),
        message,
        // On line 2 the blank line leaves the channel above without a host line: offered, not applied.
        ...(s.official ? { suggestions: [fix] } : { fix }),
      });
    }
  },
});

export default rule;
