// unknown-keyword: a token on a channel or defaults line that is neither a keyword nor an
// argument of the keyword before it. The MTA does not complain: on UNIX it takes the token
// as the name of a group a process must belong to before it may queue mail to the channel
// (channel-keywords.md §1 rule 3, §1.1).
import { edit } from '../src/edit/edits.js';
import { keywordNames } from '../src/model/keywords.js';
import type { Fix } from '../src/edit/edits.js';
import type { ConfigModel, KeywordUse } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { nearest, quoteList } from './util/did-you-mean.js';
import { isMisplacedCommentWord, isUnquotedDuration, keywordLines, lineFile, lineOwner } from './util/keyword-lines.js';

/** Pools of the stock job_controller.cnf: the hint's pool names when that file is not in view. */
const STOCK_POOLS = new Set(['DEFAULT', 'LOCAL_POOL', 'IMS_POOL', 'SMTP_POOL']);

let suggestable: string[] | undefined;

/**
 * `pool NAME` (or SIMS `queue NAME`) when the token is a pool name: one defined in
 * job_controller.cnf, or, without that file in the model, a stock pool name or any name
 * ending in `_POOL`.
 */
function poolHint(model: ConfigModel, token: string): string | undefined {
  if (model.jobController) {
    const pool = model.pool(token);
    if (!pool) return undefined;
    return `${pool.section.type === 'QUEUE' ? 'queue' : 'pool'} ${token}`;
  }
  return STOCK_POOLS.has(token.toUpperCase()) || /_POOL$/i.test(token) ? `pool ${token}` : undefined;
}

const rule = defineRule({
  meta: {
    id: 'unknown-keyword',
    description: 'A word on a channel or defaults line that is no keyword: the MTA silently turns it into a UNIX group requirement.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    for (const line of keywordLines(model)) {
      const file = lineFile(line);
      line.uses.forEach((use: KeywordUse, i) => {
        if (use.info) return;
        if (isUnquotedDuration(line.uses, i)) return;
        if (isMisplacedCommentWord(model, use.word)) return;
        // Numbers and quoted strings right after an unknown word are most likely its
        // arguments (`nottices 1 2 4`): report only the misspelled word itself.
        if (i > 0 && !line.uses[i - 1].info && (use.word.quoted || /^[0-9,]+$/.test(use.word.text))) return;
        const token = use.word.text;
        const head = `'${token}' is not a channel keyword: the MTA takes it as a UNIX group id, and only processes in that group may queue mail to ${lineOwner(line)}`;
        const suggestions: Fix[] = [];
        let message: string;
        const pool = use.word.quoted ? undefined : poolHint(model, token);
        if (pool) {
          message = `${head}; did you mean '${pool}'?`;
          suggestions.push({ description: `insert '${pool.split(' ')[0]}' before '${token}'`, edits: [edit(file, use.word.start, use.word.start, `${pool.split(' ')[0]} `)] });
        } else {
          const near = use.word.quoted ? [] : nearest(token, (suggestable ??= keywordNames()));
          if (near.length) {
            message = `${head}; did you mean ${quoteList(near)}?`;
            for (const n of near) suggestions.push({ description: `replace '${token}' with '${n}'`, edits: [edit(file, use.word.start, use.word.end, n)] });
          } else {
            message = `${head}; correct it to a keyword or remove it`;
          }
        }
        context.report({ file, start: use.word.start, end: use.word.end, message, ...(suggestions.length ? { suggestions } : {}) });
      });
    }
  },
});

export default rule;
