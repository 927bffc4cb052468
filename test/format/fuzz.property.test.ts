// Random edits of the corpus and example files (duplicated and deleted lines, extra blanks
// and tabs, blank and comment lines, new continuations, long keyword lines), formatted
// with random options: the result is stable and means what the edited text means, or the
// text is refused with a FormatRefusal that points into it.
import fc from 'fast-check';
import { FormatRefusal, formatText, type FormatOptions } from '../../src/format/core.js';
import { corpusSamples, exampleSamples, meaning, type Sample } from './meaning.js';

const samples: Sample[] = [...corpusSamples(), ...exampleSamples()];

type Edit =
  | { op: 'duplicate' | 'delete' | 'blank' | 'comment' | 'indent' | 'trailing'; line: number; ws: string }
  | { op: 'spaces' | 'continue'; line: number; at: number; ws: string }
  | { op: 'keywords'; line: number; words: string[] };

const blanks = fc.constantFrom(' ', '  ', '\t', ' \t ', '    ');
const KEYWORDS = ['smtp', 'mx', 'single_sys', 'maxjobs 7', 'pool SMTP_POOL', 'notices 1 2 3', 'backoff "pt5m" "pt10m"', 'subdirs 20', 'maytlsserver', 'saslswitchchannel tcp_auth', 'identnonenumeric', 'logging'];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('duplicate', 'delete', 'blank', 'comment', 'indent', 'trailing'), line: fc.nat(), ws: blanks }) as fc.Arbitrary<Edit>,
  fc.record({ op: fc.constantFrom('spaces', 'continue'), line: fc.nat(), at: fc.nat(), ws: blanks }) as fc.Arbitrary<Edit>,
  fc.record({ op: fc.constant('keywords'), line: fc.nat(), words: fc.array(fc.constantFrom(...KEYWORDS), { minLength: 3, maxLength: 14 }) }) as fc.Arbitrary<Edit>,
);

function applyEdit(text: string, e: Edit): string {
  const lines = text.split('\n');
  const i = e.line % lines.length;
  const line = lines[i];
  switch (e.op) {
    case 'duplicate':
      lines.splice(i, 0, line);
      break;
    case 'delete':
      lines.splice(i, 1);
      break;
    case 'blank':
      lines.splice(i, 0, e.ws.length % 2 ? '' : e.ws);
      break;
    case 'comment':
      lines.splice(i, 0, `! fuzz comment${e.ws}`);
      break;
    case 'indent':
      lines[i] = e.ws + line;
      break;
    case 'trailing':
      lines[i] = line + e.ws;
      break;
    case 'spaces': {
      // Only where a blank already is, so that words stay words.
      const gaps = [...line.matchAll(/[ \t]+/g)].map((m) => m.index!);
      if (gaps.length) {
        const at = gaps[e.at % gaps.length];
        lines[i] = line.slice(0, at) + e.ws + line.slice(at);
      }
      break;
    }
    case 'continue': {
      const gaps = [...line.matchAll(/[ \t]+/g)].map((m) => m.index!);
      if (gaps.length && !/^[!<]/.test(line)) {
        const at = gaps[e.at % gaps.length];
        lines[i] = line.slice(0, at) + ' \\\n' + e.ws + line.slice(at).trimStart();
      }
      break;
    }
    case 'keywords':
      if (line && !/^[!<\s]/.test(line)) lines[i] = `${line} ${e.words.join(' ')}`;
      break;
  }
  return lines.join('\n');
}

const options: fc.Arbitrary<FormatOptions> = fc.record({
  printWidth: fc.integer({ min: 20, max: 140 }),
  cnfIndent: fc.integer({ min: 0, max: 6 }),
  cnfAlignTemplates: fc.boolean(),
  cnfAlignCap: fc.integer({ min: 1, max: 48 }),
});

test('random edits of corpus files: idempotent and meaning-preserving, or refused', () => {
  let formatted = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 6 }), options, (s, edits, opts) => {
      const text = edits.reduce(applyEdit, s.text);
      const o: FormatOptions = { ...opts, start: s.start };
      let out: string;
      try {
        out = formatText(text, s.kind, o);
      } catch (e) {
        // 'unsafe-result' is the formatter's own guard tripping: a bug, never an acceptable refusal.
        if (!(e instanceof FormatRefusal) || e.code === 'unsafe-result') throw e;
        expect(e.offset).toBeGreaterThanOrEqual(0);
        expect(e.offset).toBeLessThanOrEqual(text.length);
        refused++;
        return;
      }
      formatted++;
      expect(formatText(out, s.kind, o)).toBe(out);
      expect(meaning(out, s.kind, s.start)).toEqual(meaning(text, s.kind, s.start));
    }),
    { numRuns: 400 },
  );
  // The properties must have been exercised on formatted output, not only on refusals.
  expect(formatted).toBeGreaterThan(refused);
});

test('long keyword lines built at random always come back within the width when every unit fits', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...KEYWORDS), { minLength: 1, maxLength: 30 }),
      fc.integer({ min: 40, max: 100 }),
      fc.integer({ min: 0, max: 4 }),
      (words, printWidth, cnfIndent) => {
        const text = `tcp_x ${words.join(' ')}\ntcp_x-daemon\n`;
        const out = formatText(text, 'imta.cnf', { start: 'channels', printWidth, cnfIndent });
        for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(printWidth);
        expect(meaning(out, 'imta.cnf', 'channels')).toEqual(meaning(text, 'imta.cnf', 'channels'));
        // Each keyword keeps its arguments on its line.
        for (const kw of words) if (kw.includes(' ')) expect(out.replace(/ \\\n */g, '\n')).toContain(kw);
      },
    ),
    { numRuns: 200 },
  );
});
