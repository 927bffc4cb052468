// Every corpus file and every example file: formatting is idempotent and keeps the
// meaning (the model loaded from the result equals the model of the original), or the
// file is refused, and only the files listed here are refused.
import { FormatRefusal, formatText, type FormatOptions } from '../../src/format/core.js';
import { corpusSamples, exampleSamples, meaning, type Sample } from './meaning.js';

/** Files the formatter refuses, with the reason: the damage is in the file as printed. */
const EXPECTED_REFUSALS: Record<string, string> = {
  // Its last line ends with a backslash followed by blanks (corpus index: "defects").
  'ms63-doc/new-channel-damaged-fragment.imta.cnf': 'broken-continuation',
};

const OPTION_SETS: [string, FormatOptions][] = [
  ['defaults', {}],
  ['narrow, no indent, no alignment', { printWidth: 40, cnfIndent: 0, cnfAlignTemplates: false }],
  ['wide, indent 4, small cap', { printWidth: 120, cnfIndent: 4, cnfAlignCap: 8 }],
];

const samples: Sample[] = [...corpusSamples(), ...exampleSamples()];

test('the corpus and the examples are all here', () => {
  expect(samples.filter((s) => !s.name.startsWith('examples/')).length).toBeGreaterThanOrEqual(20);
  expect(samples.filter((s) => s.name.startsWith('examples/')).length).toBe(10);
  for (const name of Object.keys(EXPECTED_REFUSALS)) expect(samples.map((s) => s.name)).toContain(name);
});

describe.each(OPTION_SETS)('corpus and examples, options: %s', (_label, opts) => {
  test.each(samples.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    const options: FormatOptions = { ...opts, start: s.start };
    let out: string;
    try {
      out = formatText(s.text, s.kind, options);
    } catch (e) {
      expect(e).toBeInstanceOf(FormatRefusal);
      expect((e as FormatRefusal).code).toBe(EXPECTED_REFUSALS[s.name]);
      return;
    }
    expect(EXPECTED_REFUSALS[s.name]).toBeUndefined();
    expect(formatText(out, s.kind, options)).toBe(out);
    expect(meaning(out, s.kind, s.start)).toEqual(meaning(s.text, s.kind, s.start));
    for (const line of out.split('\n')) {
      // Trailing blanks survive only after a backslash (in a comment line).
      if (/[ \t]$/.test(line)) expect(line).toMatch(/^[!#;].*\\[ \t]+$/);
    }
  });
});

test('the clean example keeps its shape: only blanks move (no line added or lost outside the wrapped keyword lines)', () => {
  const siroe = exampleSamples().find((s) => s.name === 'examples/siroe/imta.cnf')!;
  const out = formatText(siroe.text, 'imta.cnf');
  const squash = (t: string) => t.replace(/\\\n/g, ' ').replace(/[ \t]+/g, ' ');
  expect(squash(out)).toBe(squash(siroe.text));
  // The blank line that ends the rules is at the same place.
  const firstBlank = (t: string) => t.split('\n').indexOf('');
  expect(firstBlank(out)).toBe(firstBlank(siroe.text));
});
