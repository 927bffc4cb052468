// blank-line-in-rewrite-rules: a blank line among the rewrite rules (of imta.cnf or of a
// rule file it includes) ends the rule section early; the rules after it are read as
// channel blocks (imta-cnf.md §4, §5). Reported once per blank line, at the blank line;
// the bogus blocks are left to this rule by every channel rule (rules/util/swallowed-rules.ts).
import { tokenKind, type Token } from '../grammar/index.js';
import { edit, type TextEdit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { lineContentEndAt } from './util/physical-lines.js';
import { swallowedRules, type RuleSectionBreak } from './util/swallowed-rules.js';
import { lineOf } from './util/where.js';

function describe(b: RuleSectionBreak): string {
  if (b.include) {
    const n = b.followingRules ?? 0;
    return (
      `blank line in included rule file '${b.file.relPath}' ends the rewrite rules: the MTA reads the ` +
      `${n} rule${n === 1 ? '' : 's'} after '<${b.include.target}' in ${b.include.file.relPath} as channel blocks, so they never rewrite an address; ` +
      `delete the blank line or turn it into a '!' comment`
    );
  }
  const first = b.blocks[0];
  const last = b.blocks[b.blocks.length - 1];
  const n = b.lineCount;
  const span =
    first.file === b.file && last.file === b.file
      ? `line${n === 1 ? '' : 's'} ${lineOf(b.file, first.range.start)}${n === 1 ? '' : `–${lineOf(b.file, last.range.end - 1)}`}`
      : `from '${first.name}' on`;
  return (
    `blank line inside the rewrite rules: the MTA ends the rule section here and reads the ${n} rule line${n === 1 ? '' : 's'} ` +
    `after it (${span}) as channel blocks, so they never rewrite an address; delete the blank line or turn it into a '!' comment`
  );
}

const rule = defineRule({
  meta: {
    id: 'blank-line-in-rewrite-rules',
    description: 'A blank line among the rewrite rules ends the rule section: the rules after it are read as bogus channel blocks.',
    severity: 'error',
    fixable: true,
  },
  create(context) {
    for (const b of swallowedRules(context.model).breaks) {
      const tokens = b.blank.children as Token[];
      const first = tokens[0];
      const last = tokens[tokens.length - 1];
      const text = b.file.text;
      // Each blank (or whitespace-only) line becomes a `!` line; its line break stays.
      const edits: TextEdit[] = [];
      for (const t of tokens) {
        if (tokenKind(t) !== 'BlankLine') continue;
        edits.push(edit(b.file, t.startOffset, lineContentEndAt(text, t.startOffset), '!'));
      }
      context.report({
        file: b.file,
        start: first.startOffset,
        end: lineContentEndAt(text, last.startOffset),
        message: describe(b),
        fix: { description: 'turn the blank line into a ! comment line', edits },
      });
    }
  },
});

export default rule;
