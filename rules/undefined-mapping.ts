// undefined-mapping: a rewrite rule's `${TABLE,argument}` lookup names a mapping table
// that the mappings file does not define. The lookup then fails on the server, so the rule
// fails and the address falls through to whatever rule comes next (rewrite-rules.md §5.3;
// other-files.md §9: mapping tables named by `${table,…}` must exist).
//
// Checked only when the model holds the configuration's mappings file: a site may keep it
// elsewhere (IMTA_MAPPING_FILE in imta_tailor), and without it nothing can be said.
import type { TemplatePiece } from '../grammar/template.js';
import { parsedTemplate } from './util/templates.js';
import { defineRule } from '../src/lint/define-rule.js';
import { nearest, quoteList } from './util/did-you-mean.js';

/** Mapping lookups in a template, nested ones included (`${A,${B,$L}}`). */
function mappingLookups(pieces: readonly TemplatePiece[], out: { table: string; start: number; end: number }[] = []) {
  for (const p of pieces) {
    if (p.kind !== 'lookup') continue;
    if (p.lookup === 'mapping') {
      const comma = p.argument.indexOf(',');
      const table = (comma < 0 ? p.argument : p.argument.slice(0, comma)).trim();
      const lead = p.argument.length - p.argument.trimStart().length;
      // A table name computed at run time ($-substitution) cannot be checked.
      if (table && !table.includes('$')) out.push({ table, start: p.argumentStart + lead, end: p.argumentStart + lead + table.length });
    }
    if (p.argumentPieces) mappingLookups(p.argumentPieces, out);
  }
  return out;
}

const rule = defineRule({
  meta: {
    id: 'undefined-mapping',
    description: "A rewrite rule's ${TABLE,…} lookup names a mapping table the mappings file does not define: the lookup, and so the rule, always fails.",
    severity: 'error',
    fixable: false,
    crossFile: true,
  },
  create(context) {
    const { model } = context;
    if (!model.files.some((f) => f.kind === 'mappings')) return;
    const tables = new Map(model.mappings.map((t) => [t.name.text.toUpperCase(), t.name.text]));
    const names = [...tables.values()];
    for (const r of model.rules) {
      if (!r.template.includes('${')) continue;
      for (const l of mappingLookups(parsedTemplate(model, r.template).pieces)) {
        if (tables.has(l.table.toUpperCase())) continue;
        const near = nearest(l.table, names);
        context.report({
          file: r.file,
          start: r.templateOffset(l.start),
          end: r.templateOffset(l.end),
          message:
            `rule '${r.pattern.text}' looks up mapping table '${l.table}', which the mappings file does not define: the lookup fails on the server, so the rule never applies and addresses fall through to the next rule; ` +
            (near.length ? `did you mean ${quoteList(near)}?` : `define the table in mappings (or correct its name)`),
        });
      }
    }
  },
});

export default rule;
