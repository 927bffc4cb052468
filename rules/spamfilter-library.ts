// spamfilter-library: a channel keyword runs spam filter package N
// (`destinationspamfilterNoptin`, `sourcespamfilterN` …), but option.dat defines no
// SPAMFILTERN_LIBRARY for it (other-files.md §3: "SPAMFILTER<n>_LIBRARY must exist for every
// <n> used in channel keywords"). The MTA then has no filter package N to load, so the
// mail the keyword was meant to filter is not filtered as intended.
//
// Checked only when option.dat is part of the model (a configuration directory that has one).
import { defineRule } from '../src/lint/define-rule.js';
import { keywordLines, lineFile, lineOwner, isMisplacedCommentWord } from './util/keyword-lines.js';

const FAMILY = /^(?:source|destination)spamfilter([0-9]+)(?:optin)?$/;

const rule = defineRule({
  meta: {
    id: 'spamfilter-library',
    description: 'A spam filter keyword names a package N for which option.dat defines no SPAMFILTERN_LIBRARY.',
    severity: 'error',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model } = context;
    const options = model.options;
    if (!options) return;
    const defined = new Set<number>();
    for (const s of options.settings) {
      const m = /^SPAMFILTER([0-9]+)_LIBRARY$/.exec(s.key);
      if (m && s.value.trim()) defined.add(Number(m[1]));
    }
    for (const line of keywordLines(model)) {
      for (const use of line.uses) {
        const m = FAMILY.exec(use.key);
        if (!m || !use.info || isMisplacedCommentWord(model, use.word)) continue;
        const n = Number(m[1]);
        if (defined.has(n)) continue;
        context.report({
          file: lineFile(line),
          start: use.word.start,
          end: use.word.end,
          message:
            `'${use.word.text}' on ${lineOwner(line)} runs spam filter package ${n}, but option.dat defines no SPAMFILTER${n}_LIBRARY: ` +
            `the MTA has no package ${n} to load, so this mail is not filtered as intended; set SPAMFILTER${n}_LIBRARY (and its other SPAMFILTER${n}_ options) in option.dat, or use the number of a package that is configured` +
            (defined.size ? ` (${[...defined].sort((a, b) => a - b).map((d) => `SPAMFILTER${d}_LIBRARY`).join(', ')} ${defined.size === 1 ? 'is' : 'are'} set)` : ''),
        });
      }
    }
  },
});

export default rule;
