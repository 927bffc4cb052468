// Input/output fixtures, one per behaviour of the formatter (test/format/fixtures/*.in
// and *.out). Every output is also checked to be stable and to mean what its input means.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatText, type FormatOptions, type FormattableKind } from '../../src/format/core.js';
import { meaning } from './meaning.js';

const DIR = path.resolve(process.cwd(), 'test/format/fixtures');
const read = (name: string) => readFileSync(path.join(DIR, name), 'utf8');

interface Fixture {
  about: string;
  input: string;
  output: string;
  kind: FormattableKind;
  options?: FormatOptions;
}

const FIXTURES: Fixture[] = [
  {
    about: 'rule templates align per run of rules between comments; cap, print width, continued templates',
    input: 'rules-align.in',
    output: 'rules-align.out',
    kind: 'imta.cnf',
  },
  {
    about: 'cnfAlignTemplates: false puts one blank between pattern and template',
    input: 'rules-align.in',
    output: 'rules-align.no-align.out',
    kind: 'imta.cnf',
    options: { cnfAlignTemplates: false },
  },
  {
    about: 'cnfAlignCap: a smaller cap leaves more patterns unaligned',
    input: 'rules-align.in',
    output: 'rules-align.cap10.out',
    kind: 'imta.cnf',
    options: { cnfAlignCap: 10 },
  },
  {
    about: 'a template continued onto the line after its pattern: joined when it fits',
    input: 'rules-split.in',
    output: 'rules-split.out',
    kind: 'imta.cnf',
  },
  {
    about: 'the blank line that ends the rule section stays (several become one)',
    input: 'rule-section-end.in',
    output: 'rule-section-end.out',
    kind: 'imta.cnf',
  },
  {
    about: 'a rule file keeps one trailing blank line (it ends the rule section where it is included)',
    input: 'tld-rules.in',
    output: 'tld-rules.out',
    kind: 'imta.cnf',
  },
  {
    about: 'channel table: exactly one blank line between blocks, at the start and at the end',
    input: 'channel-blank-lines.in',
    output: 'channel-blank-lines.out',
    kind: 'imta.cnf',
    options: { start: 'channels' },
  },
  {
    about: 'keyword lines wrap at printWidth with a two-blank indent, keywords keep their arguments',
    input: 'wrap-keywords.in',
    output: 'wrap-keywords.out',
    kind: 'imta.cnf',
    options: { start: 'channels' },
  },
  {
    about: 'cnfIndent and printWidth',
    input: 'wrap-keywords.in',
    output: 'wrap-keywords.indent4-width50.out',
    kind: 'imta.cnf',
    options: { start: 'channels', cnfIndent: 4, printWidth: 50 },
  },
  {
    about: 'option files: name=value, values as the reader sees them, blank lines collapsed',
    input: 'options.in',
    output: 'options.out',
    kind: 'option.dat',
  },
];

describe('formatter fixtures', () => {
  for (const f of FIXTURES) {
    test(`${f.output}: ${f.about}`, () => {
      const input = read(f.input);
      const expected = read(f.output);
      const out = formatText(input, f.kind, f.options);
      expect(out).toBe(expected);
      expect(formatText(out, f.kind, f.options)).toBe(out);
      const start = f.options?.start ?? 'rules';
      expect(meaning(out, f.kind, start)).toEqual(meaning(input, f.kind, start));
    });
  }
});
