// rule-without-template: a line of the rule section with a pattern and nothing else.
// Each rewrite rule is `pattern template` (imta-cnf.md §6); found by the model. Quiet
// where another rule reports the cause: an indented `!` line (misplaced-comment) or a
// `\` followed by blanks that cut the template off (broken-continuation).
import { defineRule } from '../src/lint/define-rule.js';
import type { RewriteRule } from '../src/model/types.js';
import { lineWords } from '../src/model/words.js';
import { reportModelDiagnostics } from './util/model-diagnostics.js';
import { lineStartAt } from './util/physical-lines.js';

const rule = defineRule({
  meta: {
    id: 'rule-without-template',
    description: 'A rewrite rule with a pattern but no template.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const bare = new Map<string, RewriteRule>();
    for (const r of context.model.rules) if (!r.template) bare.set(`${r.file.path}\0${r.pattern.start}`, r);
    reportModelDiagnostics(context, 'rule-without-template', (d) => {
      const r = bare.get(`${d.file.path}\0${d.start}`);
      if (!r) return true;
      if (r.pattern.text.startsWith('!')) return false;
      if (lineWords(r.node).brokenContinuations.length) return false;
      // The line before ends in `\` and blanks: this line was meant as its continuation.
      const start = lineStartAt(r.file.text, r.pattern.start);
      return !(start > 0 && /\\[ \t]+\r?$/.test(r.file.text.slice(lineStartAt(r.file.text, start - 1), start - 1)));
    });
  },
});

export default rule;
