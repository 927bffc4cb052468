// undefined-pool: `pool X` (SIMS `queue X`) names no `[POOL=X]` (`[QUEUE=X]`) section of
// job_controller.cnf. The Job Controller ignores requests for a pool it does not know,
// so the channel's messages are never delivered (other-files.md §1.1).
import { lookupKeyword } from '../src/model/keywords.js';
import { defineRule } from '../src/lint/define-rule.js';
import { didYouMean, nearest } from './util/did-you-mean.js';
import { isMisplacedCommentWord, keywordLines, lineFile, lineOwner } from './util/keyword-lines.js';

const rule = defineRule({
  meta: {
    id: 'undefined-pool',
    description: 'A channel\'s pool (or SIMS queue) is not defined in job_controller.cnf: its mail stays in the queue.',
    severity: 'error',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model } = context;
    const jc = model.jobController;
    if (!jc) return;
    const poolNames = jc.pools.map((p) => p.name);
    for (const line of keywordLines(model)) {
      const file = lineFile(line);
      for (const use of line.uses) {
        const name = use.info?.name;
        if ((name !== 'pool' && name !== 'queue') || use.missingArgument || isMisplacedCommentWord(model, use.word)) continue;
        const arg = use.args[0];
        // `pool maytlsserver`: the name is missing (keyword-arguments reports it).
        if (!arg.quoted && lookupKeyword(arg.text)) continue;
        if (model.pool(arg.value)) continue;
        const section = name === 'queue' ? 'QUEUE' : 'POOL';
        const { hint, suggestions } = didYouMean(
          nearest(arg.value, poolNames),
          `add a [${section}=${arg.value}] section to job_controller.cnf or name a defined pool`,
          file,
          arg.start,
          arg.end,
          (n) => `replace '${arg.value}' with '${n}'`,
        );
        context.report({
          file,
          start: arg.start,
          end: arg.end,
          message: `${name} '${arg.value}' is not defined in job_controller.cnf: the Job Controller ignores delivery requests for ${lineOwner(line)}, so its mail stays in the queue${hint}`,
          suggestions,
        });
      }
    }
  },
});

export default rule;
