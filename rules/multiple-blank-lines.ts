// multiple-blank-lines: more than one blank line between channel blocks. The manuals
// describe blocks "separated by single blank lines"; several in a row are undocumented
// and, as far as known, read as one separator (imta-cnf.md §4, §12 item 2), so this is
// a warning about layout that the MTA's documentation does not promise to accept.
import { tokenKind, type SyntaxNode, type Token } from '../grammar/index.js';
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { lineContentEndAt } from './util/physical-lines.js';
import { swallowedRules } from './util/swallowed-rules.js';

const rule = defineRule({
  meta: {
    id: 'multiple-blank-lines',
    description: 'More than one blank line between channel blocks.',
    severity: 'warning',
    fixable: true,
  },
  create(context) {
    const causes = swallowedRules(context.model).blanks;
    for (const file of context.model.files) {
      if (file.kind !== 'imta.cnf') continue;
      const table = (file.tree.root.children as SyntaxNode[]).find((n) => n.kind === 'ChannelTable');
      if (!table) continue;
      const items = table.children as SyntaxNode[];
      items.forEach((item, i) => {
        // Trailing blank lines at the end of a file separate nothing.
        if (item.kind !== 'BlankLines' || i === items.length - 1 || causes.has(item)) return;
        const lines = (item.children as Token[]).filter((t) => tokenKind(t) === 'BlankLine');
        if (lines.length < 2) return;
        const second = lines[1];
        const last = lines[lines.length - 1];
        const end = last.startOffset + last.image.length;
        context.report({
          file,
          start: second.startOffset,
          end: lineContentEndAt(file.text, last.startOffset),
          message: `${lines.length} blank lines in a row: channel blocks are documented as separated by a single blank line; delete the extra ${lines.length === 2 ? 'one' : lines.length - 1}`,
          fix: { description: 'keep a single blank line', edits: [edit(file, second.startOffset, end, '')] },
        });
      });
    }
  },
});

export default rule;
