// Every file of the vendor-manual corpus parses, prints back byte for byte, and loads
// into a model without a crash.
import * as fs from 'node:fs';
import { parse, print } from '../../grammar/index.js';
import { buildModel, decode, encode } from '../../src/model/load.js';
import { corpusEntries, startOf } from '../helpers/corpus.js';

const entries = corpusEntries();

test('the corpus is there', () => {
  expect(entries.length).toBeGreaterThanOrEqual(30);
});

describe.each(entries.map((e) => [e.name, e]))('%s', (_name, entry) => {
  test('round-trips byte for byte', () => {
    const { text, encoding } = decode(entry.bytes);
    const { tree, diagnostics } = parse(text, entry.kind, { start: startOf(entry) });
    expect(diagnostics).toEqual([]);
    expect(encode(print(tree), encoding).equals(entry.bytes)).toBe(true);
  });

  test('loads into a model without a crash', () => {
    const model = buildModel({ files: [{ relPath: entry.name, kind: entry.kind, text: entry.text, start: startOf(entry) }] });
    expect(model.files[0].text).toBe(fs.readFileSync(entry.path, 'utf8'));
    expect(model.diagnostics.filter((d) => d.code === 'internal-parse-error')).toEqual([]);
  });
});
