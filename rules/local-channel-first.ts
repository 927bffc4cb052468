// local-channel-first: the first channel block of imta.cnf must be the local channel `l`;
// only `defaults` / `nodefaults` blocks may stand before it (imta-cnf.md §7.2). Whole-file
// check: quiet for fragments and included files. Blocks that are not channels (rewrite
// rules after a stray blank line, an indented `!` line, a cut-off host name) do not count.
import { defineRule } from '../src/lint/define-rule.js';
import { realChannels } from './util/bogus-channels.js';
import { where } from './util/where.js';

const rule = defineRule({
  meta: {
    id: 'local-channel-first',
    description: "The first channel block is not the local channel 'l'.",
    severity: 'error',
    fixable: false,
  },
  create(context) {
    if (!context.scope.complete) return;
    const channels = realChannels(context.model);
    const first = channels[0];
    if (!first || first.name === 'l') return;
    const local = channels.find((c) => c.name === 'l');
    const head = `the first channel is '${first.name}', but the MTA expects the local channel 'l' as the first channel block (only defaults and nodefaults may come before it)`;
    let message: string;
    if (first.name === 'L') message = `${head}; channel names are lower case: rename 'L' to 'l'`;
    else if (local) message = `${head}; move the 'l' block (${where(local.file, local.nameWord.start)}) above '${first.name}'`;
    else message = `${head}, and there is no 'l' channel: add an 'l' block, with this host's official name on its second line, above '${first.name}'`;
    context.report({ file: first.file, start: first.nameWord.start, end: first.nameWord.end, message });
  },
});

export default rule;
