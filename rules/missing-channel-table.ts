// missing-channel-table: a complete imta.cnf without any channel block. The channel
// table follows the rewrite rules after a blank line (imta-cnf.md §4); without it there
// is no local channel `l` and no channel owns any routing host, so no address can be
// delivered. Whole-file check (scope.complete). When it fires, other whole-configuration
// rules (local-channel-first, unknown-routing-host) should stay quiet: the one cause is
// the missing table. Channel blocks that are really rewrite rules after a stray blank
// line do not count as a table.
import { defineRule } from '../src/lint/define-rule.js';
import { realChannels } from './util/bogus-channels.js';
import { lineStartAt } from './util/physical-lines.js';

const rule = defineRule({
  meta: {
    id: 'missing-channel-table',
    description: 'imta.cnf has no channel table (no channel blocks after the rewrite rules).',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const { model, scope } = context;
    const file = model.imta;
    if (!scope.complete || !file || realChannels(model).length) return;
    // An empty imta.cnf, too: the MTA has nothing to route with.
    const text = file.text;
    // The last line with content: where the table should follow.
    let end = text.length;
    while (end > 0 && /\s/.test(text[end - 1])) end--;
    const start = lineStartAt(text, end);
    const n = model.rules.length;
    const what = n ? `${n} rewrite rule${n === 1 ? '' : 's'} but no channel table` : 'no channel table';
    context.report({
      file,
      start,
      end,
      message:
        `${file.relPath} has ${what}: without channel blocks there is no local channel 'l' and no channel for any routing host, ` +
        `so the MTA cannot deliver mail; after the rules, add one blank line and the channel blocks, starting with 'l'`,
    });
  },
});

export default rule;
