// option-syntax: lines of job_controller.cnf, dispatcher.cnf and option.dat that the
// option-file reader cannot understand (found by the model while reading: a line that is
// neither a setting, a section header nor a comment; a malformed section header).
import { defineRule } from '../src/lint/define-rule.js';
import { reportModelDiagnostics } from './util/model-diagnostics.js';

const rule = defineRule({
  meta: {
    id: 'option-syntax',
    description: 'A line of an option file (job_controller.cnf, dispatcher.cnf, option.dat) that the reader cannot parse.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    reportModelDiagnostics(context, 'option-syntax');
  },
});

export default rule;
