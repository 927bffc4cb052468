// line-length: a physical line longer than the MTA reads. The 5.x/6.x references limit a
// physical line "in most files" to 252 characters (imta-cnf.md §2; other-files.md §0),
// and a longer logical line must be continued with `\`. Applies to every file kind.
// One pass over each file's text.
import { defineRule } from '../src/lint/define-rule.js';
import { commentCharsOf, type FileKind } from '../grammar/index.js';

const DEFAULT_MAX = 252;

function limit(options: Record<string, unknown>, kind: FileKind): number {
  const byKind = options.maxByKind as Record<string, unknown> | undefined;
  const k = byKind && typeof byKind === 'object' ? byKind[kind] : undefined;
  if (typeof k === 'number' && k > 0) return k;
  const m = options.max;
  return typeof m === 'number' && m > 0 ? m : DEFAULT_MAX;
}

const rule = defineRule({
  meta: {
    id: 'line-length',
    description: 'A physical line longer than the MTA reads (252 characters in most configuration files).',
    severity: 'warning',
    fixable: false,
    defaultOptions: { max: DEFAULT_MAX },
  },
  create(context) {
    for (const file of context.model.files) {
      const max = limit(context.options, file.kind);
      const text = file.text;
      const enc = file.encoding === 'latin1' ? 'latin1' : 'utf8';
      let start = 0;
      while (start < text.length) {
        let nl = text.indexOf('\n', start);
        if (nl === -1) nl = text.length;
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (end - start > max || (enc === 'utf8' && end - start > max / 4 && Buffer.byteLength(text.slice(start, end), enc) > max)) {
          const line = text.slice(start, end);
          const bytes = Buffer.byteLength(line, enc);
          if (bytes > max) {
            // First character past the limit.
            let at = 0;
            let used = 0;
            while (at < line.length) {
              const cp = line.codePointAt(at)!;
              const size = enc === 'latin1' || cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
              if (used + size > max) break;
              used += size;
              at += cp >= 0x10000 ? 2 : 1;
            }
            const unit = bytes === line.length ? 'characters' : 'bytes';
            const how = commentCharsOf(file.kind).includes(line[0])
              ? 'split the comment into several comment lines'
              : "end it with '\\' at a blank and continue on the next line";
            context.report({
              file,
              start: start + at,
              end,
              message: `line is ${bytes} ${unit} long; the MTA reads at most ${max} characters of a physical line in most configuration files and cuts or rejects the rest: ${how}`,
            });
          }
        }
        start = nl + 1;
      }
    }
  },
});

export default rule;
