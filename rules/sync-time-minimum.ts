// sync-time-minimum: job_controller.cnf `sync_time` (the index spells it `synch_time`) is
// the interval at which the Job Controller re-synchronises its in-memory queue cache with
// the queue directories. It is written hh:mm and must be more than 30 minutes
// (other-files.md §1.2).
import { edit } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';

const MINIMUM_MINUTES = 30;

const rule = defineRule({
  meta: {
    id: 'sync-time-minimum',
    description: 'job_controller.cnf sync_time must be hh:mm and more than 30 minutes.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    const jc = context.model.jobController;
    if (!jc) return;
    for (const s of jc.settings) {
      if (s.key !== 'SYNC_TIME' && s.key !== 'SYNCH_TIME') continue;
      const name = s.nameWord.text;
      const suggestions = [{ description: 'use the default interval, 04:00', edits: [edit(s.file, s.valueRange.start, s.valueRange.end, '04:00')] }];
      const m = /^([0-9]{1,2}):([0-9]{2})$/.exec(s.value.trim());
      if (!m || Number(m[2]) > 59) {
        context.report({
          file: s.file,
          start: s.valueRange.start,
          end: s.valueRange.end,
          message: `${name}=${s.value} is not an interval of the form hh:mm: the Job Controller cannot read how often to re-synchronise its queue cache; write e.g. ${name}=04:00 (the default, 4 hours)`,
          suggestions,
        });
        continue;
      }
      const minutes = Number(m[1]) * 60 + Number(m[2]);
      if (minutes > MINIMUM_MINUTES) continue;
      context.report({
        file: s.file,
        start: s.valueRange.start,
        end: s.valueRange.end,
        message: `${name}=${s.value} asks the Job Controller to re-synchronise its queue cache every ${minutes} minutes, but the interval must be more than ${MINIMUM_MINUTES} minutes; set 00:31 or more (the default is 04:00)`,
        suggestions,
      });
    }
  },
});

export default rule;
