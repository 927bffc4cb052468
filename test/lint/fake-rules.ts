// A tiny rule set for engine tests, independent of the real rules' wording.
import type { Rule } from '../../src/lint/types.js';
import type { SourceFile } from '../../src/model/types.js';

function each(file: SourceFile, re: RegExp, fn: (m: RegExpExecArray) => void): void {
  const g = new RegExp(re.source, 'g');
  for (let m = g.exec(file.text); m; m = g.exec(file.text)) fn(m);
}

/** Reports every `FOO` in any file, fixable to `foo`. Default: warning. */
export const noFoo: Rule = {
  meta: { id: 'no-foo', description: 'no FOO', severity: 'warning', fixable: true },
  create(ctx) {
    for (const file of ctx.model.files)
      each(file, /FOO/, (m) =>
        ctx.report({ file, start: m.index, end: m.index + 3, message: 'FOO is shouting', fix: { description: 'lower', edits: [{ path: file.path, start: m.index, end: m.index + 3, text: 'foo' }] } }),
      );
  },
};

/** Reports `A` runs longer than one; the fix removes one `A`, so a run of n needs n-1 passes. */
export const shrink: Rule = {
  meta: { id: 'shrink', description: 'one A', severity: 'error', fixable: true },
  create(ctx) {
    for (const file of ctx.model.files)
      each(file, /AA+/, (m) =>
        ctx.report({ file, start: m.index, end: m.index + m[0].length, message: `run of ${m[0].length}`, fix: { description: 'drop one', edits: [{ path: file.path, start: m.index, end: m.index + 1, text: '' }] } }),
      );
  },
};

/** Reports its options at the start of every file that contains `OPT`. */
export const optEcho: Rule = {
  meta: { id: 'opt-echo', description: 'echo options', severity: 'info', fixable: false, defaultOptions: { level: 1, keep: true } },
  create(ctx) {
    for (const file of ctx.model.files) each(file, /OPT/, (m) => ctx.report({ file, start: m.index, end: m.index + 3, message: JSON.stringify(ctx.options) }));
  },
};

/** A whole-configuration rule: reports the scope it ran with. */
export const crossCheck: Rule = {
  meta: { id: 'cross-check', description: 'cross', severity: 'error', fixable: false, crossFile: true },
  create(ctx) {
    const imta = ctx.model.imta;
    if (imta && imta.text.includes('CROSS')) ctx.report({ file: imta, start: 0, end: 1, message: 'cross-file rule ran' });
  },
};

/** Reports the scope it ran with, at offset 0 of the first file, when the text has SCOPE. */
export const scopeEcho: Rule = {
  meta: { id: 'scope-echo', description: 'scope', severity: 'warning', fixable: false },
  create(ctx) {
    const f = ctx.model.files[0];
    if (f && f.text.includes('SCOPE'))
      ctx.report({ file: f, start: 0, end: 0, message: `directory=${ctx.scope.directory} complete=${ctx.scope.complete} fragment=${ctx.scope.fragment ?? '-'} kinds=${[...ctx.scope.kinds].sort().join('+')}` });
  },
};

/** Reports the model's missing-include diagnostics itself (as rule modules do for their codes). */
export const missingInclude: Rule = {
  meta: { id: 'missing-include', description: 'missing include', severity: 'warning', fixable: false },
  create(ctx) {
    for (const d of ctx.model.diagnostics) if (d.code === 'missing-include') ctx.report({ file: d.file, start: d.start, end: d.end, message: `rule says: ${d.message}` });
  },
};

/** Throws when the text contains CRASH. */
export const crashy: Rule = {
  meta: { id: 'crashy', description: 'crashes', severity: 'error', fixable: false },
  create(ctx) {
    if (ctx.model.files.some((f) => f.text.includes('CRASH'))) throw new Error('boom');
  },
};

/** Reports LESS as a lesser finding (its own severity, info) of an error rule. */
export const lesser: Rule = {
  meta: { id: 'lesser', description: 'lesser findings', severity: 'error', fixable: false },
  create(ctx) {
    for (const file of ctx.model.files) each(file, /LESS|MORE/, (m) => ctx.report({ file, start: m.index, end: m.index + 4, message: m[0], severity: m[0] === 'LESS' ? 'info' : undefined }));
  },
};

/** Offers a fix that changes nothing (counts its runs, to show the fix loop stops). */
export const noop: Rule & { runs: number } = {
  runs: 0,
  meta: { id: 'noop', description: 'no-op fix', severity: 'warning', fixable: true },
  create(ctx) {
    noop.runs++;
    for (const file of ctx.model.files) each(file, /NOOP/, (m) => ctx.report({ file, start: m.index, end: m.index + 4, message: 'noop', fix: { description: 'same', edits: [{ path: file.path, start: m.index, end: m.index + 4, text: 'NOOP' }] } }));
  },
};

export const FAKE_RULES: Rule[] = [noFoo, shrink, optEcho, crossCheck, scopeEcho, crashy, lesser, noop];
