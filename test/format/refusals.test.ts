// Files the formatter will not touch: a FormatRefusal with the position Prettier prints.
import { FormatRefusal, formatText, meaningKey, planText, verifyMeaning, type FormatOptions, type FormattableKind, type RefusalCode } from '../../src/format/core.js';
import { meaning } from './meaning.js';

interface Case {
  about: string;
  text: string;
  kind: FormattableKind;
  options?: FormatOptions;
  code: RefusalCode;
  line: number;
  column: number;
}

const CH: FormatOptions = { start: 'channels' };

const CASES: Case[] = [
  { about: '`\\ ` at the end of a keyword line', text: 'l smtp \\ \nhost\n', kind: 'imta.cnf', options: CH, code: 'broken-continuation', line: 1, column: 8 },
  { about: '`\\` plus a tab at the end of a rule', text: 'a $U@a\\\t\n\nl\nh\n', kind: 'imta.cnf', code: 'broken-continuation', line: 1, column: 7 },
  { about: '`\\` as the last character of the file (a final newline would make it a continuation)', text: 'l\nhost smtp\\', kind: 'imta.cnf', options: CH, code: 'broken-continuation', line: 2, column: 10 },
  { about: '`\\ ` at the end of an option value', text: 'A=1\nPATH=C:\\dir\\  \n', kind: 'option.dat', code: 'broken-continuation', line: 2, column: 12 },
  { about: 'continuation into an empty line', text: 'l smtp \\\n\nhost\n', kind: 'imta.cnf', options: CH, code: 'dangling-continuation', line: 1, column: 8 },
  { about: 'continuation into the end of the file', text: 'a $U@a \\\n', kind: 'imta.cnf', code: 'dangling-continuation', line: 1, column: 8 },
  { about: 'continued line ending in a comment line', text: 'l smtp \\\n! comment\n', kind: 'imta.cnf', options: CH, code: 'dangling-continuation', line: 1, column: 8 },
  { about: 'continued option value into a blank line', text: 'A=1 \\\n\nB=2\n', kind: 'job_controller.cnf', code: 'dangling-continuation', line: 1, column: 5 },
  { about: 'indented `!` in the rule section', text: 'a $U@a\n  ! not a comment\n', kind: 'imta.cnf', code: 'misplaced-comment', line: 2, column: 3 },
  { about: '`!` inside a keyword line (no trailing comments)', text: 'tcp_local smtp ! outbound\ntcp-daemon\n', kind: 'imta.cnf', options: CH, code: 'misplaced-comment', line: 1, column: 16 },
  { about: '`!` word on a host line', text: 'l\nhost !alias\n', kind: 'imta.cnf', options: CH, code: 'misplaced-comment', line: 2, column: 6 },
  { about: '`!` word inside a rule', text: 'a $U@a !route\n', kind: 'imta.cnf', code: 'misplaced-comment', line: 1, column: 8 },
  { about: 'indented `<` (would become an include)', text: 'a $U@a\n <IMTA_TABLE:x.rules\n', kind: 'imta.cnf', code: 'misplaced-include', line: 2, column: 2 },
  { about: 'indented comment character in an option file', text: 'A=1\n #B=2\n', kind: 'option.dat', code: 'misplaced-comment', line: 2, column: 2 },
  { about: 'indented section header', text: 'A=1\n  [POOL=X]\n', kind: 'job_controller.cnf', code: 'option-syntax', line: 2, column: 3 },
  { about: 'continuation gluing two words of a keyword line', text: 'tcp_local sm\\\ntp mx\ntcp-daemon\n', kind: 'imta.cnf', options: CH, code: 'fused-word', line: 1, column: 11 },
  { about: 'continuation gluing a rule pattern', text: 'siroe\\\n.com $U@x\n', kind: 'imta.cnf', code: 'fused-word', line: 1, column: 1 },
  { about: 'option line without `=`', text: 'A=1\njob_limit 10\n', kind: 'job_controller.cnf', code: 'option-syntax', line: 2, column: 1 },
  { about: 'section header without `]`', text: '[POOL=DEFAULT\njob_limit=1\n', kind: 'job_controller.cnf', code: 'option-syntax', line: 1, column: 1 },
  { about: 'section header without `=`', text: '[POOL]\n', kind: 'job_controller.cnf', code: 'option-syntax', line: 1, column: 1 },
  { about: 'text after a section header', text: 'A=1\n[POOL=X] job_limit=2\n', kind: 'job_controller.cnf', code: 'option-syntax', line: 2, column: 1 },
];

describe('refused files', () => {
  for (const c of CASES) {
    test(`${c.code}: ${c.about}`, () => {
      let caught: unknown;
      try {
        formatText(c.text, c.kind, c.options);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(FormatRefusal);
      const r = caught as FormatRefusal;
      expect(r).toBeInstanceOf(SyntaxError);
      expect(r.code).toBe(c.code);
      expect(r.loc.start).toEqual({ line: c.line, column: c.column });
      expect(r.message.endsWith(` (${c.line}:${c.column})`)).toBe(true);
    });
  }
});

describe('what is not refused', () => {
  test('`\\` plus blanks at the end of a comment line is kept as written', () => {
    const text = '! see below \\  \na  $U@a\n';
    expect(formatText(text, 'imta.cnf')).toBe(text);
  });

  test('`!` inside a template word, and `<` inside a keyword line, are ordinary text', () => {
    const text = 'a $U!b@x\n\nl smtp <odd\nhost\n';
    expect(formatText(text, 'imta.cnf')).toBe('a  $U!b@x\n\nl smtp <odd\nhost\n');
  });

  test('a continuation glued inside a continued template is kept (the template is kept as written)', () => {
    const text = 'x $]ldap:///o=a?mail?sub?\\\n(uid=$U)[\n';
    expect(formatText(text, 'imta.cnf')).toBe(text.replace('x ', 'x  '));
  });

  test('a quoted word glued to the next word stays glued when the line is refilled', () => {
    const text = 'c description "mail"relay smtp\nc-daemon\n';
    const out = formatText(text, 'imta.cnf', { start: 'channels', printWidth: 20 });
    expect(out).toBe('c \\\n  description "mail"relay \\\n  smtp\nc-daemon\n');
    expect(meaning(out, 'imta.cnf', 'channels')).toEqual(meaning(text, 'imta.cnf', 'channels'));
  });

  test('aliases and mappings are not formatted at all', () => {
    expect(() => planText('a: b\n', 'aliases')).toThrow(TypeError);
    expect(() => planText('T\n\n  a b\n', 'mappings')).toThrow(/does not format mappings/);
  });

  test('line endings: CRLF input gives CRLF output unless endOfLine says otherwise', () => {
    const text = 'a $U@a \r\nbb $U@b\r\n\r\n\r\nl\r\nh\r\n';
    expect(formatText(text, 'imta.cnf')).toBe('a   $U@a\r\nbb  $U@b\r\n\r\nl\r\nh\r\n');
    expect(formatText(text, 'imta.cnf', { endOfLine: 'lf' })).toBe('a   $U@a\nbb  $U@b\n\nl\nh\n');
  });

  test('a missing final line break is added; an empty file stays empty', () => {
    expect(formatText('l\nh', 'imta.cnf', CH)).toBe('l\nh\n');
    expect(formatText('', 'imta.cnf')).toBe('');
    expect(formatText('\n\n', 'job_controller.cnf')).toBe('');
  });
});

describe('the meaning check used by the tests sees real changes', () => {
  // Guards the guard: each of these edits changes what the MTA reads, and `meaning` must
  // tell, or the idempotence/meaning properties elsewhere would prove nothing.
  const base = 'a $U@a\nb $U@b\n\nl smtp mx\nhost\n';
  test.each([
    ['blank line inside the rules', 'a $U@a\n\nb $U@b\n\nl smtp mx\nhost\n'],
    ['keyword order', 'a $U@a\nb $U@b\n\nl mx smtp\nhost\n'],
    ['template text', 'a $U@a\nb $U@c\n\nl smtp mx\nhost\n'],
    ['comment text', '! x\na $U@a\nb $U@b\n\nl smtp mx\nhost\n'],
    ['host line', 'a $U@a\nb $U@b\n\nl smtp mx\nhost alias\n'],
    ['keyword case', 'a $U@a\nb $U@b\n\nl SMTP mx\nhost\n'],
  ])('%s', (_about, changed) => {
    expect(meaning(changed, 'imta.cnf')).not.toEqual(meaning(base, 'imta.cnf'));
  });
  test('option value', () => {
    expect(meaning('A=1 2\n', 'option.dat')).not.toEqual(meaning('A=1  2\n', 'option.dat'));
    expect(meaning('A = 1\n', 'option.dat')).toEqual(meaning('A=1\n', 'option.dat'));
  });
});

describe('the meaning key and the guard in formatText', () => {
  test('layout does not count, words, rules, settings and comments do', () => {
    const a = 'a $U@a\n\nl smtp \\\n  mx\nhost\n\n\n! c\nb\nh\n';
    const b = 'a    $U@a\n\nl smtp mx\nhost\n\n! c   \nb\nh\n';
    expect(meaningKey(a, 'imta.cnf')).toEqual(meaningKey(b, 'imta.cnf'));
    expect(meaningKey(a, 'imta.cnf')).not.toEqual(meaningKey(b.replace('smtp mx', 'mx smtp'), 'imta.cnf'));
    expect(meaningKey(a, 'imta.cnf')).not.toEqual(meaningKey(b.replace('$U@a', '$U@ a'), 'imta.cnf'));
    expect(meaningKey(a, 'imta.cnf')).not.toEqual(meaningKey(b.replace('$U@a\n\n', '$U@a\n'), 'imta.cnf'));
    expect(meaningKey('A = 1\n\n\n[POOL=X]\n', 'job_controller.cnf')).toEqual(meaningKey('A=1\n[POOL=X]\n', 'job_controller.cnf'));
    expect(meaningKey('A=1 \\\n  2\n', 'option.dat')).toEqual(meaningKey('A=1 2\n', 'option.dat'));
    // The plan carries the input's key from its own parse (the input is parsed once).
    expect(planText(a, 'imta.cnf').meaning).toEqual(meaningKey(a, 'imta.cnf'));
    expect(planText('A = 1\n[POOL=X]\n', 'job_controller.cnf').meaning).toEqual(meaningKey('A = 1\n[POOL=X]\n', 'job_controller.cnf'));
    expect(meaningKey('A=1 2\n', 'option.dat')).not.toEqual(meaningKey('A=12\n', 'option.dat'));
  });

  test('verifyMeaning refuses a result that reads differently', () => {
    const before = meaningKey('a $U@a\nb $U@b\n', 'imta.cnf');
    expect(() => verifyMeaning(before, 'a $U@a\nb $U@b\n', 'imta.cnf')).not.toThrow();
    let caught: unknown;
    try {
      verifyMeaning(before, 'a $U@a\n\nb $U@b\n', 'imta.cnf');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FormatRefusal);
    expect((caught as FormatRefusal).code).toBe('unsafe-result');
  });
});
