// crlf-line-endings: a file with CRLF (Windows) line breaks. The format is UNIX text;
// CR handling is undocumented (imta-cnf.md §2, §12 item 11): on UNIX the MTA most likely
// keeps the CR as the last character of each line, i.e. of its last word. cnflint reads
// CRLF as a line break so that the rest of the checks still apply; this rule warns once per
// file. Fix: remove every CR before a LF.
import { edit, type TextEdit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';

const rule = defineRule({
  meta: {
    id: 'crlf-line-endings',
    description: 'A file with CRLF (Windows) line breaks: the MTA on UNIX most likely reads each CR as part of the line.',
    severity: 'warning',
    fixable: true,
  },
  create(context) {
    for (const file of context.model.files) {
      const text = file.text;
      const edits: TextEdit[] = [];
      let lines = 0;
      for (let nl = text.indexOf('\r\n'); nl !== -1; nl = text.indexOf('\r\n', nl + 2)) {
        edits.push(edit(file, nl, nl + 1, ''));
        lines++;
      }
      if (!lines) continue;
      const first = edits[0].start;
      context.report({
        file,
        start: first,
        end: first + 1,
        message:
          `${lines === 1 ? 'a line ends' : `${lines} lines end`} in CRLF (Windows line breaks): on UNIX the MTA most likely keeps the CR as the last character of the line, ` +
          `so the line's last keyword, host name or template ends in an invisible CR; convert the file to LF line breaks (dos2unix)`,
        fix: { description: 'convert CRLF line breaks to LF', edits },
      });
    }
  },
});

export default rule;
