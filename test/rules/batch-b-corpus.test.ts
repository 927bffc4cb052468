// The keyword, pool, job controller, dispatcher and routing rules over the reference
// corpus (files printed in vendor manuals, each linted alone) and the two example
// configuration directories: every rule must report exactly the corpus' listed defects
// that belong to it, and nothing on the clean example.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel, loadConfig } from '../../src/model/load.js';
import type { FileKind } from '../../grammar/index.js';
import type { ConfigModel } from '../../src/model/types.js';
import type { LintScope, Report, Rule } from '../../src/lint/types.js';
import conflictingKeywords from '../../rules/conflicting-keywords.js';
import keywordArguments from '../../rules/keyword-arguments.js';
import unknownKeyword from '../../rules/unknown-keyword.js';

const RULES: Rule[] = [unknownKeyword, keywordArguments, conflictingKeywords];

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');
const EXAMPLES = path.resolve(process.cwd(), 'examples');

interface CorpusEntry {
  kind: FileKind;
  fragment?: string;
}
const INDEX = JSON.parse(readFileSync(path.join(CORPUS, 'index.json'), 'utf8')) as { files: Record<string, CorpusEntry> };

function run(model: ConfigModel, scope: LintScope): { id: string; file: string; line: number; text: string; message: string }[] {
  const out: { id: string; file: string; line: number; text: string; message: string }[] = [];
  for (const rule of RULES) {
    if (rule.meta.crossFile && !scope.directory) continue;
    rule.create({
      model,
      scope,
      options: { ...(rule.meta.defaultOptions ?? {}) },
      report(r: Report) {
        out.push({ id: rule.meta.id, file: r.file.relPath, line: r.file.lines.position(r.start).line, text: r.file.text.slice(r.start, r.end), message: r.message });
      },
    });
  }
  return out;
}

/** Which of these rules each corpus file must trigger (index.json's defects that are theirs). */
const EXPECTED: Record<string, string[]> = {
  'pmdf-doc/test.cnf': ['unknown-keyword'],
  'ms2005q4-doc/extra-pools-fragment.imta.cnf': ['unknown-keyword'],
  'ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf': ['unknown-keyword'],
  'ms63-doc/new-channel-damaged-fragment.imta.cnf': ['unknown-keyword'],
};

describe('batch B rules over the corpus', () => {
  for (const [rel, entry] of Object.entries(INDEX.files)) {
    test(rel, () => {
      const text = readFileSync(path.join(CORPUS, rel), 'utf8');
      const start = entry.kind === 'imta.cnf' && entry.fragment === 'channels' ? 'channels' : undefined;
      const model = buildModel({ dir: path.dirname(path.join(CORPUS, rel)), files: [{ relPath: path.basename(rel), kind: entry.kind, text, start }] });
      // A whole imta.cnf only when the file is one: ims52-doc's "direct-ldap-fragment" has
      // both sections but is two excerpts combined (SOURCES.md), without its l channel.
      const complete = entry.kind === 'imta.cnf' && !entry.fragment && !/-fragment\./.test(rel);
      const scope: LintScope = { directory: false, complete, kinds: new Set([entry.kind]), ...(start ? { fragment: start } : {}) };
      const ids = [...new Set(run(model, scope).map((r) => r.id))].sort();
      expect(ids).toEqual((EXPECTED[rel] ?? []).filter((id) => RULES.some((r) => r.meta.id === id)));
    });
  }

  test('the corpus defects are reported on the words the index names', () => {
    const words = (rel: string, fragment?: 'channels') => {
      const text = readFileSync(path.join(CORPUS, rel), 'utf8');
      const model = buildModel({ files: [{ relPath: rel, kind: 'imta.cnf', text, start: fragment }] });
      return run(model, { directory: false, complete: !fragment, kinds: new Set(['imta.cnf']), fragment })
        .filter((r) => r.id === 'unknown-keyword')
        .map((r) => r.text);
    };
    expect(words('pmdf-doc/test.cnf')).toEqual(['network']);
    expect(words('ms2005q4-doc/extra-pools-fragment.imta.cnf', 'channels')).toEqual(Array(9).fill('keyword'));
    expect(words('ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf', 'channels')).toEqual(['SMTP_POOL']);
    expect(words('ms63-doc/new-channel-damaged-fragment.imta.cnf', 'channels')).toEqual(['dentnonenumeric']);
  });
});

describe('batch B rules over the examples', () => {
  const scope = (model: ConfigModel): LintScope => ({ directory: true, complete: true, kinds: new Set(model.files.map((f) => f.kind)) });

  test('siroe (clean): nothing', () => {
    const model = loadConfig(path.join(EXAMPLES, 'siroe'));
    expect(run(model, scope(model))).toEqual([]);
  });

  test('broken: exactly the README defects that belong to these rules', () => {
    const model = loadConfig(path.join(EXAMPLES, 'broken'));
    const got = run(model, scope(model)).map((r) => `${r.id} ${r.file}:${r.line} ${r.text}`);
    const expected = [
      'unknown-keyword imta.cnf:74 identnonenumerc',
      'unknown-keyword imta.cnf:81 SMTP_POOL',
    ].filter((e) => RULES.some((r) => e.startsWith(`${r.meta.id} `)));
    expect(got.sort()).toEqual(expected.sort());
  });
});
