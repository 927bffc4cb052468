// unused-pool: a job_controller.cnf pool that no channel names. Harmless, but usually a
// sign that the `pool` keyword was forgotten (or misspelled) on the channel meant for it.
import { defineRule } from '../src/lint/define-rule.js';
import { isMisplacedCommentWord, keywordLines } from './util/keyword-lines.js';
import { hasRealChannels } from './util/bogus-channels.js';

const rule = defineRule({
  meta: {
    id: 'unused-pool',
    description: 'A job_controller.cnf pool that no channel uses (the first pool, the default, excepted).',
    severity: 'info',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model, scope } = context;
    const jc = model.jobController;
    // Every channel must be in view: the whole imta.cnf with its channel table.
    if (!jc || !scope.complete || !hasRealChannels(model) || jc.pools.length < 2) return;
    const used = new Set<string>();
    for (const line of keywordLines(model))
      for (const use of line.uses)
        if ((use.info?.name === 'pool' || use.info?.name === 'queue') && !use.missingArgument && !isMisplacedCommentWord(model, use.word))
          used.add(use.args[0].value.toLowerCase());
    // The first pool is the default pool of every channel without a pool keyword.
    const defaultPool = jc.pools[0].name.toLowerCase();
    for (const pool of jc.pools.slice(1)) {
      const key = pool.name.toLowerCase();
      if (key === defaultPool || used.has(key)) continue;
      const kw = pool.section.type === 'QUEUE' ? 'queue' : 'pool';
      context.report({
        file: pool.section.file,
        start: pool.section.valueRange.start,
        end: pool.section.valueRange.end,
        message: `${kw} '${pool.name}' is not used: no channel in imta.cnf has '${kw} ${pool.name}', so the Job Controller never runs a job in it; remove the section, or add '${kw} ${pool.name}' to the channels meant to run there`,
      });
    }
  },
});

export default rule;
