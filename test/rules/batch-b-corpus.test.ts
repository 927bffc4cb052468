// The keyword, pool, job controller, dispatcher and routing rules over the reference
// corpus (files printed in vendor manuals, each linted alone): every rule reports exactly
// the corpus' listed defects that belong to it, on the words the index names
// (test/lint/corpus.test.ts checks the rule ids with the whole catalogue,
// test/lint/examples.test.ts the examples).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildModel } from '../../src/model/load.js';
import type { FileKind } from '../../grammar/index.js';
import type { ConfigModel } from '../../src/model/types.js';
import type { LintScope, Report, Rule } from '../../src/lint/types.js';
import commentedSectionHeader from '../../rules/commented-section-header.js';
import conflictingKeywords from '../../rules/conflicting-keywords.js';
import debugKeywords from '../../rules/debug-keywords.js';
import dispatcherProcs from '../../rules/dispatcher-procs.js';
import dispatcherUnknownChannel from '../../rules/dispatcher-unknown-channel.js';
import duplicatePool from '../../rules/duplicate-pool.js';
import keywordArguments from '../../rules/keyword-arguments.js';
import optionSyntax from '../../rules/option-syntax.js';
import poolBlankLines from '../../rules/pool-blank-lines.js';
import syncTimeMinimum from '../../rules/sync-time-minimum.js';
import undefinedPool from '../../rules/undefined-pool.js';
import unknownChannelSection from '../../rules/unknown-channel-section.js';
import unknownKeyword from '../../rules/unknown-keyword.js';
import unknownRoutingHost from '../../rules/unknown-routing-host.js';
import unusedChannel from '../../rules/unused-channel.js';
import unusedPool from '../../rules/unused-pool.js';

const RULES: Rule[] = [
  unknownKeyword,
  keywordArguments,
  conflictingKeywords,
  undefinedPool,
  unusedPool,
  duplicatePool,
  poolBlankLines,
  syncTimeMinimum,
  debugKeywords,
  unknownRoutingHost,
  unusedChannel,
  unknownChannelSection,
  dispatcherUnknownChannel,
  dispatcherProcs,
  commentedSectionHeader,
  optionSyntax,
];

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

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
  'sims35-doc/job_controller.cnf': ['debug-keywords'],
  'ms2005q4-doc/extra-pools-fragment.job_controller.cnf': ['pool-blank-lines'],
  'ms2005q4-lmtp-backend/dispatcher-additions-fragment.cnf': ['commented-section-header'],
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
