// unresolved-include: an include with an absolute path outside the configuration
// directory, which cnflint cannot check without --root. Only when a configuration
// directory is linted: for a single file or fragment such paths are expected to be out
// of sight, and the report would be noise.
import { defineRule } from '../src/lint/define-rule.js';
import { reportModelDiagnostics } from './util/model-diagnostics.js';

const rule = defineRule({
  meta: {
    id: 'unresolved-include',
    description: 'An include path outside the configuration directory that cnflint could not check (pass --root).',
    severity: 'info',
    fixable: false,
  },
  create(context) {
    if (!context.scope.directory) return;
    reportModelDiagnostics(context, 'unresolved-include');
  },
});

export default rule;
