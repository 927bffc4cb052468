// debug-keywords: debugging left switched on. `master_debug` / `slave_debug` on channels
// (or defaults) write the channel programs' debug output to the channel logs, and a
// non-zero `debug=` in job_controller.cnf or dispatcher.cnf turns on those processes'
// debug logs. Meant for a troubleshooting session, they fill the log directory (and log
// message details) when forgotten.
import { edit } from '../src/edit/edits.js';
import type { OptionFileModel } from '../src/model/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { isMisplacedCommentWord, keywordLines, lineFile, lineOwner, removeUseFix } from './util/keyword-lines.js';
import { parseMtaInteger } from './util/mta-integer.js';

const PROGRAM: Record<string, string> = {
  master_debug: 'master (outbound delivery) program',
  slave_debug: 'slave (inbound) program',
};

const rule = defineRule({
  meta: {
    id: 'debug-keywords',
    description: 'Debug output left on: master_debug/slave_debug channel keywords, non-zero debug= in job_controller.cnf or dispatcher.cnf.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    for (const line of keywordLines(model)) {
      const file = lineFile(line);
      for (const use of line.uses) {
        const name = use.info?.name;
        if (!name || !PROGRAM[name] || isMisplacedCommentWord(model, use.word)) continue;
        context.report({
          file,
          start: use.word.start,
          end: use.word.end,
          message: `'${use.word.text}' writes debug output of the ${PROGRAM[name]} of ${lineOwner(line)} to the channel log: left on, the logs grow with every message and fill the log directory; remove it when the debugging is done`,
          suggestions: [removeUseFix(use)],
        });
      }
    }
    const files: [OptionFileModel | undefined, string][] = [
      [model.jobController, 'the Job Controller\'s debug log (job_controller-<id> in the log directory)'],
      [model.dispatcher, 'debug output of the Dispatcher'],
    ];
    for (const [opt, what] of files) {
      if (!opt) continue;
      for (const s of opt.settings) {
        if (s.key !== 'DEBUG') continue;
        const n = parseMtaInteger(s.value);
        if (!n || n.value === 0) continue;
        const where = s.section ? ` for [${s.section.type}=${s.section.value}]` : '';
        context.report({
          file: s.file,
          start: s.nameWord.start,
          end: s.valueRange.end,
          message: `${s.nameWord.text}=${s.value} turns on ${what}${where}: left on, it grows without bound and fills the log directory; set ${s.nameWord.text}=0 or remove the line when the debugging is done`,
          suggestions: [{ description: `set ${s.nameWord.text}=0`, edits: [edit(s.file, s.valueRange.start, s.valueRange.end, '0')] }],
        });
      }
    }
  },
});

export default rule;
