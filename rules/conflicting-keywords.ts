// conflicting-keywords: two keywords of one mutually exclusive group on one line
// (`mx nomx`), or one keyword twice with different arguments. Only one of them can be in
// force (channel-keywords.md §1 rule 7: the natural reading is "last wins").
import { KEYWORDS } from '../src/model/keywords.js';
import type { KeywordUse } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isMisplacedCommentWord, keywordLines, lineFile, lineOwner, removeUseFix } from './util/keyword-lines.js';

/** Synonyms share one canonical name (`sourceroute` → `822`): writing both is no conflict. */
const CANONICAL = new Map<string, string>();
for (const info of KEYWORDS.values()) {
  const m = /^Synonym of ([a-z0-9_]+)\b/.exec(info.meaning);
  if (m && KEYWORDS.has(m[1])) CANONICAL.set(info.name, m[1]);
}
const canonical = (name: string) => CANONICAL.get(name) ?? name;

const argText = (u: KeywordUse) => u.args.map((a) => a.text).join(' ');

const rule = defineRule({
  meta: {
    id: 'conflicting-keywords',
    description: 'Two keywords of one exclusive group (mx nomx), or one keyword twice with different arguments, on one channel or defaults line.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    for (const line of keywordLines(model)) {
      const file = lineFile(line);
      /** Last use per exclusive group, and per argument-taking keyword without a group. */
      const lastOfGroup = new Map<string, KeywordUse>();
      const lastOfKey = new Map<string, KeywordUse>();
      for (const use of line.uses) {
        const info = use.info;
        if (!info || info.pattern || isMisplacedCommentWord(model, use.word)) continue;
        const name = canonical(info.name);
        if (info.group) {
          const prev = lastOfGroup.get(info.group);
          lastOfGroup.set(info.group, use);
          if (prev && canonical(prev.info!.name) !== name) {
            context.report({
              file,
              start: use.word.start,
              end: use.word.end,
              message: `'${use.word.text}' and '${prev.word.text}' (earlier on this line) are alternatives of one setting of ${lineOwner(line)}: only one can be in force, and the MTA keeps the last one read, '${use.word.text}'; remove the one you do not mean`,
              suggestions: [removeUseFix(prev), removeUseFix(use)],
            });
          }
          continue;
        }
        if (!use.args.length || use.missingArgument) continue;
        const prev = lastOfKey.get(name);
        lastOfKey.set(name, use);
        if (prev && argText(prev) !== argText(use)) {
          context.report({
            file,
            start: use.range.start,
            end: use.range.end,
            message: `'${use.word.text}' is given twice on this line for ${lineOwner(line)} ('${prev.word.text} ${argText(prev)}', then '${use.word.text} ${argText(use)}'): the MTA keeps the last one read; remove the one you do not mean`,
            suggestions: [removeUseFix(prev, `'${prev.word.text} ${argText(prev)}'`), removeUseFix(use, `'${use.word.text} ${argText(use)}'`)],
          });
        }
      }
    }
  },
});

export default rule;
