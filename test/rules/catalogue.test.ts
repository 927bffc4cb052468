// Every rule of the catalogue, ESLint style: registered once, one module, one doc page
// (headed by its id, stating its severity and whether it is fixable), one table test.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../../rules/index.js';
import { BUILTIN_RULES } from '../../src/lint/engine.js';
import { ruleDocUrl } from '../../src/lint/package-info.js';

const root = process.cwd();

test('every id is registered once', () => {
  const ids = RULES.map((r) => r.meta.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

describe.each(RULES.map((r) => [r.meta.id, r] as const))('%s', (id, rule) => {
  test('has its module, doc page and table test, named by its id', () => {
    expect([existsSync(path.join(root, 'rules', `${id}.ts`)), existsSync(path.join(root, 'test/rules', `${id}.test.ts`))]).toEqual([true, true]);
    const page = readFileSync(path.join(root, 'docs/rules', `${id}.md`), 'utf8');
    expect(page.split('\n')[0]).toBe(`# ${id}`);
    expect(page).toContain(`**Severity:** ${rule.meta.severity}`);
    expect(page).toMatch(rule.meta.fixable ? /\*\*Fixable:\*\* (yes|partly)/ : /\*\*Fixable:\*\* no/);
    // A bad and a good example, each with code, as ShellCheck's wiki pages have.
    const section = (title: string) => page.split(/^## /m).find((s) => s.startsWith(`${title}\n`)) ?? '';
    expect([section('Problematic code').includes('```'), section('Correct code').includes('```')]).toEqual([true, true]);
  });
});

test.each([...RULES.map((r) => r.meta), ...BUILTIN_RULES].map((m) => [m.id, m] as const))('%s: meta.docs links its own doc page', (id, meta) => {
  expect(meta.docs).toEqual({ url: ruleDocUrl(id), path: path.join(root, 'docs', 'rules', `${id}.md`) });
  expect(existsSync(meta.docs!.path)).toBe(true);
  // Listed with the rest of the meta, as ESLint's meta.docs is.
  expect(Object.keys(meta)).toContain('docs');
});
