// defaults-host-line: a `defaults` / `nodefaults` block with lines after its first line.
// The MTA needs no host line there and ignores any (imta-cnf.md §7.3); in practice such
// a line is the rest of a `defaults` keyword list wrapped without `\` (the 2005Q4 and 6.3
// guides' "enable logging on all channels" example), so those keywords never apply.
import { startOf, type SyntaxNode } from '../grammar/index.js';
import { insertAt, type TextEdit } from '../src/edit/edits.js';
import { parseKeywords } from '../src/model/imta.js';
import { lineWords } from '../src/model/words.js';
import { defineRule } from '../src/lint/define-rule.js';
import type { Word } from '../src/model/types.js';
import { contentEndOf, continuationSuffix } from './util/physical-lines.js';
import { quoteShort } from './util/where.js';

const rule = defineRule({
  meta: {
    id: 'defaults-host-line',
    description: 'A defaults block with host lines: the MTA ignores them, usually a defaults keyword list wrapped without a backslash.',
    severity: 'warning',
    fixable: true,
  },
  create(context) {
    for (const d of context.model.defaults) {
      const ignored = d.ignoredLines;
      if (!ignored.length) continue;
      const lines = d.block.children as SyntaxNode[];
      const keywordLine = lines[0];
      const kwStart = startOf(keywordLine);
      const kwEnd = contentEndOf(keywordLine);
      // `\` followed by blanks on the line before: broken-continuation is the root cause.
      if (d.brokenContinuations.some((r) => r.start >= kwStart && r.end <= kwEnd)) continue;
      const words: Word[] = [];
      let allHaveWords = true;
      for (const l of ignored) {
        const w = lineWords(l).words;
        if (!w.length) allHaveWords = false;
        words.push(...w);
      }
      if (!words.length) continue;
      const uses = parseKeywords(words, d.file);
      const known = uses.filter((u) => u.info).length;
      const unknown = uses.length - known;
      const text = quoteShort(words.map((w) => w.text).join(' '), 120);
      const file = d.file;
      const what = `a '${d.kind}' block`;
      let message: string;
      if (d.kind === 'defaults' && known >= 1 && known >= unknown)
        message =
          `the MTA ignores the host lines of ${what}, so ${text} never become defaults for the channels after it: ` +
          `the keyword list was wrapped without a '\\'; end the line before with ' \\'`;
      else if (d.kind === 'nodefaults') message = `the MTA ignores the lines after a 'nodefaults' line: ${text} has no effect; delete it (defaults go on a 'defaults' line)`;
      else message = `the MTA ignores the host lines of ${what}: ${text} has no effect; if it holds keywords, end the line before with ' \\', otherwise delete it`;
      const edits: TextEdit[] = [];
      if (d.kind === 'defaults' && unknown === 0 && allHaveWords && !ignored.some((l) => d.brokenContinuations.some((r) => r.start >= startOf(l) && r.end <= contentEndOf(l)))) {
        for (const l of [keywordLine, ...ignored.slice(0, -1)]) {
          const at = contentEndOf(l);
          edits.push(insertAt(file, at, continuationSuffix(file.text, at)));
        }
      }
      context.report({
        file,
        start: words[0].start,
        end: words[words.length - 1].end,
        message,
        ...(edits.length ? { fix: { description: "continue the defaults line with ' \\'", edits } } : {}),
      });
    }
  },
});

export default rule;
