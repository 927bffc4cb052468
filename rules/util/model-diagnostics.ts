// Rules that publish problems the model found while reading (include resolution, rules
// without a template): one rule id per diagnostic code.
import type { RuleContext } from '../../src/lint/types.js';
import type { ModelDiagnostic } from '../../src/model/types.js';

export function reportModelDiagnostics(context: RuleContext, code: string, keep: (d: ModelDiagnostic) => boolean = () => true): void {
  for (const d of context.model.diagnostics) {
    if (d.code !== code || !keep(d)) continue;
    context.report({ file: d.file, start: d.start, end: d.end, message: d.message });
  }
}
