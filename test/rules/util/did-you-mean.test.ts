// "Did you mean …?": which names are close enough, and the hint and suggestions a rule reports.
import { didYouMean, nearest, quoteList, typoDistance } from '../../../rules/util/did-you-mean.js';
import type { SourceFile } from '../../../src/model/types.js';

test.each([
  ['SMTP_POOL', ['LOCAL_POOL', 'SMTP_POOL2', 'smtp_pol', 'IMS_POOL'], ['SMTP_POOL2', 'smtp_pol']],
  ['tcp_locl', ['tcp_local', 'tcp_intranet'], ['tcp_local']],
  ['l', ['ims-ms', 'm'], []], // three letters or fewer: no guessing
  ['tcp_local', ['TCP_LOCAL', 'tcp_locals'], []], // the name itself exists (case-insensitively)
  ['completely_different', ['tcp_local'], []],
])('nearest(%s)', (word, candidates, want) => {
  expect(nearest(word, candidates)).toEqual(want);
});

test('typo distance grows with the length of the word', () => {
  expect([3, 5, 10, 11].map(typoDistance)).toEqual([0, 1, 2, 3]);
});

test('quoteList', () => {
  expect([[], ['a'], ['a', 'b'], ['a', 'b', 'c']].map(quoteList)).toEqual(['', "'a'", "'a' or 'b'", "'a', 'b' or 'c'"]);
});

test('didYouMean: the hint, and one suggestion per name replacing the range', () => {
  const file = { path: '/cfg/imta.cnf' } as SourceFile;
  expect(didYouMean(['tcp_local', 'tcp_locals'], 'define it', file, 10, 18, (n) => `use '${n}'`)).toEqual({
    hint: "; did you mean 'tcp_local' or 'tcp_locals'?",
    suggestions: [
      { description: "use 'tcp_local'", edits: [{ path: '/cfg/imta.cnf', start: 10, end: 18, text: 'tcp_local' }] },
      { description: "use 'tcp_locals'", edits: [{ path: '/cfg/imta.cnf', start: 10, end: 18, text: 'tcp_locals' }] },
    ],
  });
  expect(didYouMean([], 'define it', file, 10, 18, (n) => n)).toEqual({ hint: '; define it' });
});
