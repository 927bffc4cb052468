// misplaced-comment: a `!` that is not in column 1 does not start a comment (imta-cnf.md
// §3). The words are read as what the line position makes of them: keywords (unknown ones
// become group ids), host names, a channel named `!…`, a rewrite rule or part of a
// template. The analysis is shared (rules/util/misplaced-comment.ts) so that
// unknown-keyword and the channel rules stay quiet about the same words.
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { misplacedComments, type MisplacedComment } from './util/misplaced-comment.js';
import { lineStartAt } from './util/physical-lines.js';
import { quoteShort } from './util/where.js';

const NOT_COL1 = "'!' is not in column 1, so this line is not a comment";
const OWN_LINE = "put the comment on a line of its own with '!' in column 1";
const MOVE = "move the '!' to column 1";

function message(c: MisplacedComment): string | undefined {
  const text = quoteShort(c.file.text.slice(c.start, c.end));
  switch (c.role) {
    case 'rule':
      return `${NOT_COL1}: the MTA reads it as a rewrite rule with the pattern '${c.rule!.pattern.text}'; ${MOVE}`;
    case 'template':
      return `'!' does not start a comment after a rewrite rule: the MTA reads ${text} as part of the template of '${c.rule!.pattern.text}'; ${OWN_LINE}`;
    case 'channel':
      return `${NOT_COL1}: the MTA reads it as the first line of a channel named '${c.channel!.name}' and the lines after it as that channel's host names; ${MOVE}`;
    case 'keywords':
      if (c.defaults)
        return `'!' does not start a comment on a ${c.defaults.kind} line: the MTA reads ${text} as default keywords for the channels after it, and unknown keywords become UNIX group ids that restrict who may queue mail to them; ${OWN_LINE}`;
      return `'!' does not start a comment on a channel line: the MTA reads ${text} as keywords of channel '${c.channel!.name}', and unknown keywords become UNIX group ids that restrict who may queue mail to it; ${OWN_LINE}`;
    case 'official-host':
      return `${NOT_COL1}: the MTA reads '${c.host!.host.text}' as the official host name of channel '${c.channel!.name}'; ${MOVE}`;
    case 'extra-host':
      return `${NOT_COL1}: the MTA reads '${c.host!.host.text}' as an extra host name of channel '${c.channel!.name}'; ${MOVE}`;
    case 'host-words': {
      const h = c.host!;
      // Words after the second one on a host line are ignored by the MTA: harmless there.
      if (c.words[0] !== h.alias) return undefined;
      const official = h === c.channel!.officialHost;
      return `'!' does not start a comment on a host line: the MTA reads '${h.alias.text}' as the ${official ? 'local host alias' : 'proper name'} of '${h.host.text}'; ${OWN_LINE}`;
    }
  }
}

const rule = defineRule({
  meta: {
    id: 'misplaced-comment',
    description: "A '!' comment that does not start in column 1: the MTA reads its words as keywords, host names or rules.",
    severity: 'error',
    fixable: true,
  },
  create(context) {
    for (const c of misplacedComments(context.model).comments) {
      const msg = message(c);
      if (!msg) continue;
      const lineStart = lineStartAt(c.file.text, c.start);
      context.report({
        file: c.file,
        start: c.start,
        end: c.end,
        message: msg,
        ...(c.wholeLine ? { fix: { description: "move the '!' to column 1", edits: [edit(c.file, lineStart, c.start, '')] } } : {}),
      });
    }
  },
});

export default rule;
