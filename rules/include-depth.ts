// include-depth: includes nested deeper than the three levels the MTA allows, or an
// include cycle (imta-cnf.md §5). Reported from the model's include resolution.
import { defineRule } from '../src/lint/define-rule.js';
import { reportModelDiagnostics } from './util/model-diagnostics.js';

const rule = defineRule({
  meta: {
    id: 'include-depth',
    description: 'Include files nested more than three levels deep, or including themselves.',
    severity: 'error',
    fixable: false,
  },
  create(context) {
    reportModelDiagnostics(context, 'include-depth');
  },
});

export default rule;
