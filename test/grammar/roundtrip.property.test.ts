// Property tests: whatever the input, parsing never throws and printing gives it back.
import fc from 'fast-check';
import { FILE_KINDS, parse, print } from '../../grammar/index.js';
import { buildModel } from '../../src/model/load.js';
import { corpusEntries } from '../helpers/corpus.js';

const kinds = fc.constantFrom(...FILE_KINDS);
const starts = fc.constantFrom<'rules' | 'channels'>('rules', 'channels');

/** Strings over every byte value (as decoded byte for byte), biased to the characters that matter here. */
const byteText = fc
  .array(
    fc.oneof(
      fc.constantFrom('\n', '\r', '\r\n', ' ', '\t', '\\', '\\\n', '!', '<', '[', ']', '=', '"', '$', '@', '%', '\u201c', '#', ';'),
      fc.integer({ min: 0, max: 255 }).map((b) => String.fromCharCode(b)),
      fc.string({ maxLength: 8 }),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

test('random bytes round-trip in every kind and never throw', () => {
  fc.assert(
    fc.property(byteText, kinds, starts, (text, kind, start) => {
      const { tree } = parse(text, kind, { start });
      expect(print(tree)).toBe(text);
      buildModel({ files: [{ relPath: 'x', kind, text, start }] });
    }),
    { numRuns: 2000 },
  );
});

const corpus = corpusEntries();

type Edit = { op: 'delete' | 'duplicate' | 'insert' | 'backslash' | 'blank' | 'cr' | 'tab'; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom<Edit['op']>('delete', 'duplicate', 'insert', 'backslash', 'blank', 'cr', 'tab'),
  at: fc.nat(),
  text: fc.string({ maxLength: 30 }),
});

function applyLineEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const i = lines.length ? e.at % lines.length : 0;
  switch (e.op) {
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'duplicate':
      lines.splice(i, 0, lines[i] ?? '');
      break;
    case 'insert':
      lines.splice(i, 0, e.text);
      break;
    case 'backslash':
      lines[i] = (lines[i] ?? '') + (e.at % 2 ? ' \\' : '\\');
      break;
    case 'blank':
      lines.splice(i, 0, e.at % 3 === 0 ? '  ' : '');
      break;
    case 'cr':
      lines[i] = (lines[i] ?? '') + '\r';
      break;
    case 'tab':
      lines[i] = '\t' + (lines[i] ?? '');
      break;
  }
  return lines.join('\n');
}

test('random line edits of corpus files round-trip and never throw', () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(edit, { minLength: 1, maxLength: 6 }), (entry, edits) => {
      const text = edits.reduce(applyLineEdit, entry.text);
      for (const start of ['rules', 'channels'] as const) {
        const { tree } = parse(text, entry.kind, { start });
        expect(print(tree)).toBe(text);
        buildModel({ files: [{ relPath: entry.name, kind: entry.kind, text, start }] });
      }
    }),
    { numRuns: 1000 },
  );
});

test('edge inputs: empty, no final newline, only CRs, NUL bytes, a 1 MB line', () => {
  const big = 'x'.repeat(1 << 20);
  for (const text of ['', 'l', '\r\r\r', '\u0000\n\u0000', big, `${big}\n${big} \\\n${big}`, '\\', '\\\n', '\n\n\n', '<', '!', '[']) {
    for (const kind of FILE_KINDS) {
      const { tree } = parse(text, kind);
      expect(print(tree) === text).toBe(true);
    }
  }
});
