// duplicate-rewrite-rule: a rewrite rule that can never be used. Rules are looked up by
// pattern; rules with the same pattern (tag included) are tried in file order and the
// first that succeeds wins (rewrite-rules.md §1, §3). A later rule is dead when it repeats
// an earlier rule of its pattern exactly, or when an earlier rule of its pattern cannot
// fail: no control sequence ($E $B $F $R $A $P $S $X, $M $N $Q $C, $1M $1N, $V $Z, $1~,
// $T, $? / $n?) and no substitution that fails ($(…) ${…} $[…] $]…[, $&n $!n $*n $#n).
// One pass with a Map keyed by tag + pattern; templates are parsed only for patterns that
// occur more than once, each distinct text once.
import type { TemplatePieceKind } from '../grammar/template.js';
import { parsedTemplate } from './util/templates.js';
import { defineRule } from '../src/lint/define-rule.js';
import type { RewriteRule } from '../src/model/types.js';
import { quoteShort, where } from './util/where.js';

const CAN_FAIL: ReadonlySet<TemplatePieceKind> = new Set<TemplatePieceKind>([
  'control',
  'channel-check',
  'reprocess-check',
  'check-now',
  'tag',
  'error-text',
  'domain-check',
  'lookup',
  'label',
  'invalid',
]);

interface PatternState {
  templates: Map<string, RewriteRule>;
  rules: RewriteRule[];
  /** Rules [0, checked) were examined for an unconditional template. */
  checked: number;
  unconditional?: RewriteRule;
}

const rule = defineRule({
  meta: {
    id: 'duplicate-rewrite-rule',
    description: 'A rewrite rule that repeats an earlier rule of the same pattern, or follows one that always applies.',
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    // (each distinct text is parsed once per model: rules/util/templates.ts)
    const canFail = (template: string): boolean => parsedTemplate(context.model, template).pieces.some((p) => CAN_FAIL.has(p.kind));
    // Most patterns occur once: keep the rule itself until a second one comes.
    const byPattern = new Map<string, RewriteRule | PatternState>();
    for (const r of context.model.rules) {
      if (!r.template || (r.tag || r.key).startsWith('!')) continue; // rule-without-template, misplaced-comment (a pattern starting with '!')
      const key = r.tag ? r.tag.toLowerCase() + r.key : r.key;
      const got = byPattern.get(key);
      if (!got) {
        byPattern.set(key, r);
        continue;
      }
      let st: PatternState;
      if ('templates' in got) st = got;
      else {
        st = { templates: new Map([[got.template, got]]), rules: [got], checked: 0 };
        byPattern.set(key, st);
      }
      const report = (message: string) => context.report({ file: r.file, start: r.pattern.start, end: r.templateRange.end, message });
      const same = st.templates.get(r.template);
      if (same) {
        report(
          `rewrite rule '${r.pattern.text}' repeats the rule at ${where(same.file, same.pattern.start)}: rules with the same pattern are tried in order, ` +
            `so this copy never changes anything; delete it`,
        );
        continue;
      }
      while (!st.unconditional && st.checked < st.rules.length) {
        const earlier = st.rules[st.checked++];
        if (!canFail(earlier.template)) st.unconditional = earlier;
      }
      const u = st.unconditional;
      if (u) {
        report(
          `rewrite rule '${r.pattern.text}' is never used: the earlier rule of the same pattern at ${where(u.file, u.pattern.start)} (${quoteShort(u.template)}) ` +
            `has no condition that can make it fail, and the MTA stops at the first rule of a pattern that succeeds; ` +
            `delete this rule, or add a condition ($E, $B, $N…) to the earlier one`,
        );
        continue;
      }
      st.templates.set(r.template, r);
      st.rules.push(r);
    }
  },
});

export default rule;
