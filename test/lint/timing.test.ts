// TIMING=…: which rows, and the table's exact layout (ESLint's).
import { formatTimings, timingRows } from '../../src/lint/timing.js';

test.each([
  [undefined, undefined],
  ['', undefined],
  ['0', undefined],
  ['1', 10],
  ['yes', 10],
  ['all', Number.POSITIVE_INFINITY],
  ['ALL', Number.POSITIVE_INFINITY],
  ['3', 3],
  ['25', 25],
])('TIMING=%j asks for %s rows', (value, rows) => {
  expect(timingRows(value)).toBe(rows);
});

test('slowest first, milliseconds with three decimals, share of the total, columns aligned', () => {
  const timings = new Map([
    ['line-length', 1],
    ['(parse + model)', 6.5],
    ['duplicate-rewrite-rule', 2.5],
  ]);
  expect(formatTimings(timings, 10)).toBe(
    [
      'Rule                   | Time (ms) | Relative',
      ':----------------------|----------:|--------:',
      '(parse + model)        |     6.500 |    65.0%',
      'duplicate-rewrite-rule |     2.500 |    25.0%',
      'line-length            |     1.000 |    10.0%',
      '',
    ].join('\n'),
  );
  expect(formatTimings(timings, 1).split('\n')).toHaveLength(4);
});

test('no time measured: 0.0% rather than NaN', () => {
  expect(formatTimings(new Map([['a', 0]]), 10)).toContain('|     0.000 |     0.0%');
});
