// Property: add-channel then remove-channel --prune-pool gives back the original bytes of
// every file, over generated domain names and over configurations shaped like the corpus
// and the examples (CRLF or LF, with or without a final line break, the --like block in the
// middle or last, pools separated by `!` lines, blank lines or nothing, rules aligned with
// spaces or tabs, the --like channel with or without a pool keyword or continuation lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { addChannel } from '../../src/codemod/add-channel.js';
import { removeChannel } from '../../src/codemod/remove-channel.js';
import { isRefusal } from '../../src/codemod/types.js';
import { applied, modelOf, SIROE, type Files } from './helpers.js';

const CORPUS = path.resolve(process.cwd(), '../shared/corpus');

const label = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'), minLength: 1, maxLength: 10 });
// The first label becomes tcp_<label> and SMTP_<LABEL> (at most 12 characters); a `z`
// start keeps it clear of the channels the configurations already have.
const firstLabel = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'), maxLength: 5 }).map((s) => `z${s.replace(/-+$/, '')}`);
const domainArb = fc.tuple(firstLabel, fc.array(label, { minLength: 1, maxLength: 3 })).map(([a, rest]) => [a, ...rest].join('.'));

interface Shape {
  crlf: boolean;
  imtaFinalBreak: boolean;
  jcFinalBreak: boolean;
  likeLast: boolean;
  likeHasPool: boolean;
  likeContinued: boolean;
  poolSeparator: string | null;
  tabs: boolean;
  domainRule: boolean;
  blankLines: number;
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  crlf: fc.boolean(),
  imtaFinalBreak: fc.boolean(),
  jcFinalBreak: fc.boolean(),
  likeLast: fc.boolean(),
  likeHasPool: fc.boolean(),
  likeContinued: fc.boolean(),
  poolSeparator: fc.constantFrom('!', '!!!!!!!!', '', null),
  tabs: fc.boolean(),
  domainRule: fc.boolean(),
  blankLines: fc.integer({ min: 1, max: 2 }),
});

function generated(s: Shape): Files {
  const gap = s.tabs ? '\t\t' : '                ';
  const rules = ['! rules', `example.com${gap}$U%$D@mail.example.com`];
  if (s.domainRule) rules.push(`.example.com${s.tabs ? '\t' : '       '}$U%$H$D@tcp_intranet-daemon`);
  rules.push(`.${s.tabs ? '\t\t' : '                      '}$U%$H@tcp-daemon`);
  const like = [
    s.likeContinued ? `tcp_local smtp mx${s.likeHasPool ? ' pool SMTP_POOL' : ''} \\` : `tcp_local smtp mx${s.likeHasPool ? ' pool SMTP_POOL' : ''} maytlsserver`,
    ...(s.likeContinued ? ['  maytlsserver saslswitchchannel tcp_intranet'] : []),
    'tcp-daemon',
  ];
  const intranet = ['tcp_intranet smtp pool SMTP_POOL', 'tcp_intranet-daemon', 'intranet.example.com'];
  const blocks = [['l', 'mail.example.com'], ...(s.likeLast ? [intranet, like] : [like, intranet])];
  const sepBlank = Array(s.blankLines).fill('');
  const imta = [...rules, '', ...blocks.flatMap((b, i) => (i ? [...sepBlank, ...b] : b))];
  const pools = ['DEFAULT', 'SMTP_POOL'].flatMap((p, i) => [...(i && s.poolSeparator !== null ? [s.poolSeparator] : []), `[POOL=${p}]`, 'job_limit=10']);
  const jc = ['tcp_port=27442', '!', ...pools, '!', '[CHANNEL=tcp_*]', 'master_command=/lib/tcp_smtp_client'];
  const lb = s.crlf ? '\r\n' : '\n';
  return {
    'imta.cnf': imta.join(lb) + (s.imtaFinalBreak ? lb : ''),
    'job_controller.cnf': jc.join(lb) + (s.jcFinalBreak ? lb : ''),
  };
}

function roundTrip(files: Files, domain: string, like?: string): void {
  const m1 = modelOf(files);
  const added = addChannel(m1, { domain, like });
  if (isRefusal(added)) throw new Error(`add-channel ${domain} refused: ${added.refused}`);
  const after = applied(files, m1, added);
  expect(after).not.toEqual(files);
  const name = `tcp_${domain.split('.')[0]}`;
  const m2 = modelOf(after);
  expect(m2.channel(name)).toBeDefined();
  const again = addChannel(m2, { domain, like });
  expect(!isRefusal(again) && again.nothingToDo).toBe(true);
  const back = applied(after, m2, removeChannel(m2, { name, prunePool: true }));
  expect(back).toEqual(files);
}

describe('add-channel then remove-channel --prune-pool gives back the original bytes', () => {
  test('generated configurations and domain names', () => {
    fc.assert(
      fc.property(shapeArb, domainArb, (shape, domain) => roundTrip(generated(shape), domain)),
      { numRuns: 300 },
    );
  });

  const read = (p: string) => fs.readFileSync(p, 'utf8');
  const imtas: [string, string, string][] = [
    ['examples/siroe/imta.cnf', read(path.join(SIROE, 'imta.cnf')), 'tcp_local'],
    ['corpus pmdf-doc/test.cnf', read(path.join(CORPUS, 'pmdf-doc/test.cnf')), 'b_channel'],
    ['corpus sasl-switch fragment after an l channel', 'x $U@tcp-daemon\n\nl\nlocal-host\n\n' + read(path.join(CORPUS, 'ms2005q4-doc/sasl-switch-fragment.imta.cnf')), 'tcp_local'],
  ];
  const jcs: [string, string][] = [
    ['examples/siroe/job_controller.cnf', read(path.join(SIROE, 'job_controller.cnf'))],
    ['corpus ms63-doc/job_controller.cnf', read(path.join(CORPUS, 'ms63-doc/job_controller.cnf'))],
    ['corpus ms2005q4-doc/job_controller.cnf', read(path.join(CORPUS, 'ms2005q4-doc/job_controller.cnf'))],
    ['corpus extra-pools fragment (blank lines between pools)', read(path.join(CORPUS, 'ms2005q4-doc/extra-pools-fragment.job_controller.cnf'))],
  ];
  const cases = imtas.flatMap(([iname, imta, like]) => jcs.map(([jname, jc]) => [`${iname} + ${jname}`, imta, jc, like] as const));

  test.each(cases)('%s', (_name, imta, jc, like) => {
    fc.assert(
      fc.property(domainArb, fc.boolean(), (domain, crlf) => {
        const conv = (t: string) => (crlf ? t.replace(/\r?\n/g, '\r\n') : t);
        roundTrip({ 'imta.cnf': conv(imta), 'job_controller.cnf': conv(jc) }, domain, like);
      }),
      { numRuns: 40 },
    );
  });
});
