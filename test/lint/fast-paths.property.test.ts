// The linter's end-to-end guard on the parse and model fast paths (content runs, rules and
// channel blocks read from a run's text, nodes made on demand): on random configurations,
// every rule reports exactly the same things (id, severity, message, range, fixes and
// suggestions) as on the model read line by line.
import fc from 'fast-check';
import { lintModel, resolveLintConfig } from '../../src/lint/engine.js';
import type { Fix } from '../../src/lint/types.js';
import { buildModel, loadConfig } from '../../src/model/load.js';

const config = resolveLintConfig('/', { configFile: false });

function lint(imta: string, jc: string, lineByLine: boolean) {
  const model = buildModel({
    lineByLine,
    files: [
      { relPath: 'imta.cnf', kind: 'imta.cnf', text: imta },
      { relPath: 'job_controller.cnf', kind: 'job_controller.cnf', text: jc },
    ],
  });
  const scope = { directory: true, complete: true, kinds: new Set(model.files.map((f) => f.kind)) };
  const fix = (f: Fix | undefined) => f && [f.description, f.edits.map((e) => [e.path, e.start, e.end, e.text])];
  return lintModel(model, scope, config).messages.map((m) => [m.ruleId, m.severity, m.message, m.file.relPath, m.start, m.end, fix(m.fix), (m.suggestions ?? []).map(fix)]);
}

const ruleLine = fc.constantFrom(
  'siroe.com $U%$D@tcp_local-daemon',
  '.siroe.com $U%$H$D@tcp_intranet-daemon',
  'Tag|a.example $U@a-daemon',
  'x.example $U%$D@\\\n  tcp-daemon',
  'x.example $U%$D@tcp-daemon',
  'lonely',
  '! a comment',
  '  ! not a comment',
  'bad.example $U@nowhere-daemon \\  ',
  '"quoted pattern" $U@tcp-daemon',
  '[] $U%[$L]@tcp-daemon',
);
const keyword = fc.constantFrom('smtp', 'mx', 'nomx', 'pool SMTP_POOL', 'pool NOPOOL', 'maxjobs 7', 'maxjobs', 'frobnicate', 'SMTP_POOL', 'notices 1 2', 'saslswitchchannel tcp_auth', 'master_debug', '! note');
const channelName = fc.constantFrom('l', 'tcp_local', 'tcp_intranet', 'tcp_auth', 'tcp_local', 'defaults', 'bitbucket');
const hostLine = fc.constantFrom('tcp-daemon', 'tcp_local-daemon', 'tcp_intranet-daemon', 'mail.siroe.com fw', 'maytlsserver allowswitchchannel', 'tcp_x smtp mx', '! c');
const block = fc
  .tuple(channelName, fc.array(fc.tuple(keyword, fc.boolean()), { maxLength: 5 }), fc.constantFrom('', ' \\  '), fc.array(hostLine, { maxLength: 3 }))
  .map(([name, ks, tail, hosts]) => [name + ks.map(([k, wrap]) => (wrap ? ' \\\n  ' : ' ') + k).join('') + tail, ...hosts].join('\n'));
const imta = fc
  .tuple(fc.array(ruleLine, { maxLength: 8 }), fc.array(block, { minLength: 1, maxLength: 5 }), fc.boolean())
  .map(([rules, blocks, crlf]) => {
    const t = `${rules.join('\n')}\n\n${blocks.join('\n\n')}\n`;
    return crlf ? t.replace(/\n/g, '\r\n') : t;
  });
const JC = '[POOL=DEFAULT]\njob_limit=10\n[POOL=SMTP_POOL]\njob_limit=5\n[CHANNEL=tcp_*]\nmaster_command=x\n';

test('every rule reports the same on the fast model as on the model read line by line', () => {
  let reports = 0;
  fc.assert(
    fc.property(imta, (text) => {
      const fast = lint(text, JC, false);
      expect(fast).toEqual(lint(text, JC, true));
      reports += fast.length;
    }),
    { numRuns: 300 },
  );
  // (the texts are made to trip the rules: the comparison is not of empty lists)
  expect(reports).toBeGreaterThan(1000);
});

test.each(['examples/siroe', 'examples/broken'])('%s: the same reports either way', (dir) => {
  const run = (lineByLine: boolean) => {
    const model = loadConfig(dir, { lineByLine });
    const scope = { directory: true, complete: true, kinds: new Set(model.files.map((f) => f.kind)) };
    return lintModel(model, scope, config).messages.map((m) => [m.ruleId, m.message, m.file.relPath, m.start, m.end]);
  };
  expect(run(false)).toEqual(run(true));
});
