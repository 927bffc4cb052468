// duplicate-pool: two `[POOL=X]` (or SIMS `[QUEUE=X]`) sections with the same name.
import { defineRule } from '../src/lint/define-rule.js';

const rule = defineRule({
  meta: {
    id: 'duplicate-pool',
    description: 'Two job_controller.cnf pool sections with the same name.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const jc = context.model.jobController;
    if (!jc) return;
    const first = new Map<string, (typeof jc.pools)[number]>();
    for (const pool of jc.pools) {
      const key = pool.name.toLowerCase();
      const prev = first.get(key);
      if (!prev) {
        first.set(key, pool);
        continue;
      }
      const line = prev.section.file.lines.position(prev.section.headerRange.start).line;
      const kw = pool.section.type === 'QUEUE' ? 'queue' : 'pool';
      context.report({
        file: pool.section.file,
        start: pool.section.headerRange.start,
        end: pool.section.headerRange.end,
        message: `${kw} '${pool.name}' is defined a second time (first at line ${line}): only one definition can be in force, and which one the Job Controller keeps is not documented; merge the two sections into one`,
      });
    }
  },
});

export default rule;
