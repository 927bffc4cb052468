// whitespace-only-line: a line holding only spaces or tabs where blank lines have a
// meaning (imta.cnf, mappings). It looks like content but is read as a blank line
// (imta-cnf.md §4, §12 item 1: cnflint, like the MTA as far as known, treats it as blank),
// which ends the rewrite rules, separates channel blocks or ends a mapping table. Making
// it empty changes nothing for the MTA and shows what it is.
import { tokenKind, type SyntaxNode, type Token } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { lineContentEndAt } from './util/physical-lines.js';
import { swallowedRules } from './util/swallowed-rules.js';

const rule = defineRule({
  meta: {
    id: 'whitespace-only-line',
    description: 'A line of only spaces or tabs: read as a blank line (a separator) though it does not look like one.',
    severity: 'warning',
    fixable: true,
  },
  create(context) {
    const causes = swallowedRules(context.model).blanks;
    for (const file of context.model.files) {
      if (file.kind !== 'imta.cnf' && file.kind !== 'mappings') continue;
      const effect =
        file.kind === 'mappings'
          ? 'a blank line, which ends a mapping table'
          : 'a blank line, which separates channel blocks (and ends the rewrite rules)';
      const visit = (nodes: SyntaxNode[]) => {
        for (const n of nodes) {
          if (n.kind === 'ChannelTable') visit(n.children as SyntaxNode[]);
          if (n.kind !== 'BlankLines' || causes.has(n)) continue;
          for (const t of n.children as Token[]) {
            if (tokenKind(t) !== 'BlankLine') continue;
            const end = lineContentEndAt(file.text, t.startOffset);
            if (end === t.startOffset) continue;
            context.report({
              file,
              start: t.startOffset,
              end,
              message: `line holds only spaces or tabs: the MTA reads it as ${effect}; make it an empty line`,
              fix: { description: 'remove the spaces and tabs', edits: [edit(file, t.startOffset, end, '')] },
            });
          }
        }
      };
      visit(file.tree.root.children as SyntaxNode[]);
    }
  },
});

export default rule;
