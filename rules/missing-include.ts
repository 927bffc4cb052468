// missing-include: an include line (`<file` in column 1) whose file does not exist or
// cannot be read. cnbuild fails on it (imta-cnf.md §5: included files must exist and be
// world-readable). Reported from the model's include resolution.
import { defineRule } from '../src/lint/define-rule.js';
import { reportModelDiagnostics } from './util/model-diagnostics.js';

const rule = defineRule({
  meta: {
    id: 'missing-include',
    description: 'An include line names a file that does not exist or cannot be read.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    reportModelDiagnostics(context, 'missing-include');
  },
});

export default rule;
