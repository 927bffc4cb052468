// The keyword, pool, job controller, dispatcher and routing rules over the reference
// corpus (files printed in vendor manuals, each linted alone): every rule reports exactly
// the corpus' listed defects that belong to it, on the words the index names
// (test/lint/corpus.test.ts checks the rule ids with the whole catalogue,
// test/lint/examples.test.ts the examples).
import type { Rule } from '../../src/lint/types.js';
import { corpusEntries } from '../helpers/corpus.js';
import { lintCorpusWith } from '../helpers/corpus-rules.js';
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

const ENTRIES = new Map(corpusEntries().map((e) => [e.name, e]));

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
  for (const [rel, entry] of ENTRIES) {
    test(rel, () => {
      const ids = [...new Set(lintCorpusWith(RULES, entry).map((r) => r.id))].sort();
      expect(ids).toEqual(EXPECTED[rel] ?? []);
    });
  }

  test('the corpus defects are reported on the words the index names', () => {
    const words = (rel: string) =>
      lintCorpusWith(RULES, ENTRIES.get(rel)!)
        .filter((r) => r.id === 'unknown-keyword')
        .map((r) => r.text);
    expect(words('pmdf-doc/test.cnf')).toEqual(['network']);
    expect(words('ms2005q4-doc/extra-pools-fragment.imta.cnf')).toEqual(Array(9).fill('keyword'));
    expect(words('ms2005q4-doc/tcp_intranet-typical-entry-fragment.imta.cnf')).toEqual(['SMTP_POOL']);
    expect(words('ms63-doc/new-channel-damaged-fragment.imta.cnf')).toEqual(['dentnonenumeric']);
  });
});
