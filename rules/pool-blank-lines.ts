// pool-blank-lines: blank lines between the pool definitions of job_controller.cnf.
// The reader skips blank lines, but one looks like the end of a section when it is not:
// a setting written below it still belongs to the pool above. The documented layout
// separates sections with `!` lines; the fix writes `!` instead.
import { tokenKind, type Token } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import type { OptionSection } from '../src/model/types.js';
import { optionItems } from './util/option-items.js';
import { defineRule } from '../src/lint/define-rule.js';

const isPool = (s: OptionSection | undefined) => s !== undefined && (s.type === 'POOL' || s.type === 'QUEUE');

const rule = defineRule({
  meta: {
    id: 'pool-blank-lines',
    description: 'Blank lines between job_controller.cnf pool definitions (the documented layout uses ! lines).',
    severity: 'warning',
    fixable: true,
  },
  create(context) {
    const jc = context.model.jobController;
    if (!jc) return;
    const file = jc.file;
    const { items, sectionAt, sectionOf } = optionItems(jc);
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const current = sectionAt[i];
      if (item.kind !== 'BlankLines' || !isPool(current)) continue;
      // Only between two pools: the next line that is not blank or a comment starts a pool.
      let k = i + 1;
      while (k < items.length && (items[k].kind === 'BlankLines' || items[k].kind === 'CommentLine')) k++;
      const next = k < items.length && items[k].kind === 'SectionHeader' ? sectionOf.get(items[k]) : undefined;
      if (!isPool(next)) continue;
      for (const tok of item.children as Token[]) {
        if (tokenKind(tok) !== 'BlankLine') continue;
        const content = tok.image.replace(/\r?\n$/, '');
        context.report({
          file,
          start: tok.startOffset,
          end: tok.startOffset + content.length,
          message: `blank line between pool definitions [${current!.type}=${current!.value}] and [${next!.type}=${next!.value}]: the Job Controller skips it, but it looks like the end of [${current!.type}=${current!.value}] — a setting added below it would still belong to that pool; separate sections with a '!' line, as the documented layout does`,
          fix: { description: "write '!' instead of the blank line", edits: [edit(file, tok.startOffset, tok.startOffset + content.length, '!')] },
        });
      }
    }
  },
});

export default rule;
