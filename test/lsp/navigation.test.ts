// The language server's model-level answers (src/lsp/navigation.ts, src/lsp/disable.ts),
// on small in-memory configurations: what is under the cursor, definitions and references
// that the stdio test does not reach, and the disable-directive edit.
import { applyEdits } from '../../src/edit/edits.js';
import { lintModel } from '../../src/lint/engine.js';
import { resolveConfig } from '../../src/lint/config.js';
import { RULES } from '../../rules/index.js';
import { buildModel } from '../../src/model/load.js';
import type { ConfigModel, SourceFile } from '../../src/model/types.js';
import { disableEdit, logicalLineStart } from '../../src/lsp/disable.js';
import { definition, hover, outline, references, targetAt, type Place } from '../../src/lsp/navigation.js';

const IMTA = [
  '! Partner domains',
  'partner.example      $U@tcp_partner-daemon$Mtcp_local',
  'other.example        $U%$D@tcp_partner-daemon',
  '<IMTA_TABLE:extra.rules',
  '',
  'l pool LOCAL_POOL',
  'mail.example',
  '',
  'tcp_local smtp pool SMTP_POOL \\',
  '  saslswitchchannel tcp_partner',
  'tcp-daemon',
  '',
  'tcp_partner smtp pool SMTP_POOL',
  'tcp_partner-daemon',
  'partner-alias.example',
  '',
].join('\n');
const JC = '[POOL=LOCAL_POOL]\njob_limit=3\n[POOL=SMTP_POOL]\njob_limit=7\n[CHANNEL=tcp_partner]\nmaster_command=x\n';
const DISP = '[SERVICE=SMTP]\nPORT=25\nPARAMETER=CHANNEL=tcp_partner\n';
const EXTRA = 'more.example  $U@partner-alias.example\n';

function model(): ConfigModel {
  return buildModel({
    dir: '/cfg',
    files: [
      { relPath: 'imta.cnf', kind: 'imta.cnf', text: IMTA },
      { relPath: 'job_controller.cnf', kind: 'job_controller.cnf', text: JC },
      { relPath: 'dispatcher.cnf', kind: 'dispatcher.cnf', text: DISP },
    ],
    overrides: { 'extra.rules': EXTRA },
  });
}

const fileOf = (m: ConfigModel, rel: string) => m.files.find((f) => f.relPath === rel)!;
const at = (f: SourceFile, needle: string, delta = 0) => {
  const i = f.text.indexOf(needle);
  if (i < 0) throw new Error(`'${needle}' not in ${f.relPath}`);
  return i + delta;
};
const show = (places: Place[]) => places.map((p) => `${p.file.relPath}:${p.file.lines.position(p.start).line}:${p.file.text.slice(p.start, p.end)}`).sort();

describe('targets, definitions and references', () => {
  const m = model();
  const imta = fileOf(m, 'imta.cnf');
  const jc = fileOf(m, 'job_controller.cnf');
  const disp = fileOf(m, 'dispatcher.cnf');

  test('a $M channel check, dispatcher.cnf and [CHANNEL=…] lead to the channel', () => {
    const check = targetAt(m, imta, at(imta, '$Mtcp_local', 4))!;
    expect(check).toMatchObject({ kind: 'channel', name: 'tcp_local' });
    expect(show(definition(m, check))).toEqual(['imta.cnf:9:tcp_local']);
    const d = targetAt(m, disp, at(disp, 'tcp_partner', 2))!;
    expect(show(definition(m, d))).toEqual(['imta.cnf:13:tcp_partner']);
    const s = targetAt(m, jc, at(jc, 'tcp_partner', 1))!;
    expect(show(definition(m, s))).toEqual(['imta.cnf:13:tcp_partner']);
  });

  test('references of a channel: its block, keyword arguments, routing hosts (also via an extra host name, in an included file), dispatcher, [CHANNEL=…]', () => {
    const t = targetAt(m, imta, at(imta, 'tcp_partner smtp'))!;
    expect(t).toMatchObject({ kind: 'channel', definition: true });
    expect(show(references(m, t, true))).toEqual(
      [
        'imta.cnf:13:tcp_partner',
        'imta.cnf:10:tcp_partner',
        'imta.cnf:2:tcp_partner-daemon',
        'imta.cnf:3:tcp_partner-daemon',
        'extra.rules:1:partner-alias.example',
        'dispatcher.cnf:3:tcp_partner',
        'job_controller.cnf:5:tcp_partner',
      ].sort(),
    );
    expect(show(references(m, t, false))).not.toContain('imta.cnf:13:tcp_partner');
    // From a routing host, the same set.
    const r = targetAt(m, imta, at(imta, '@tcp_partner-daemon', 3))!;
    expect(r.kind).toBe('routing-host');
    expect(show(references(m, r, true))).toEqual(show(references(m, t, true)));
  });

  test('references of a host name: the rules routing to that name only', () => {
    const h = targetAt(m, imta, at(imta, 'partner-alias.example'))!;
    expect(h).toMatchObject({ kind: 'host', name: 'partner-alias.example' });
    expect(show(references(m, h, true))).toEqual(['extra.rules:1:partner-alias.example', 'imta.cnf:15:partner-alias.example']);
    expect(hover(m, h)).toContain('extra host name of channel `tcp_partner`');
  });

  test('pools: from `pool X` and from [POOL=X]', () => {
    const use = targetAt(m, imta, at(imta, 'SMTP_POOL', 1))!;
    expect(use).toMatchObject({ kind: 'pool', name: 'SMTP_POOL', definition: false });
    expect(show(definition(m, use))).toEqual(['job_controller.cnf:3:SMTP_POOL']);
    const def = targetAt(m, jc, at(jc, 'SMTP_POOL'))!;
    expect(show(references(m, def, true))).toEqual(['imta.cnf:13:SMTP_POOL', 'imta.cnf:9:SMTP_POOL', 'job_controller.cnf:3:SMTP_POOL']);
    expect(hover(m, def)).toContain('job_limit=7; used by `tcp_local`, `tcp_partner`');
  });

  test('the default pool (the first defined) counts the channels without a pool keyword, as the codemods do', () => {
    const m2 = buildModel({
      dir: '/cfg',
      files: [
        { relPath: 'imta.cnf', kind: 'imta.cnf', text: 'a $U@b\n\nl\nb\n\ntcp_local smtp pool SMTP_POOL\ntcp-daemon\n\ntcp_x smtp queue DEFAULT\nx-daemon\n' },
        { relPath: 'job_controller.cnf', kind: 'job_controller.cnf', text: '[POOL=DEFAULT]\njob_limit=10\n[POOL=SMTP_POOL]\njob_limit=7\n' },
      ],
    });
    const jc2 = fileOf(m2, 'job_controller.cnf');
    const im = fileOf(m2, 'imta.cnf');
    expect(hover(m2, targetAt(m2, jc2, at(jc2, 'DEFAULT'))!)).toContain(
      'job_limit=10; the default pool (the first defined): channels without a pool keyword run here; used by `l`, `tcp_x`',
    );
    expect(hover(m2, targetAt(m2, jc2, at(jc2, 'SMTP_POOL'))!)).toContain('job_limit=7; used by `tcp_local`');
    // A channel's hover names its pool: written (pool or queue), or the default it runs in.
    expect(hover(m2, targetAt(m2, im, at(im, 'l\n', 0))!)).toContain('default pool `DEFAULT`');
    expect(hover(m2, targetAt(m2, im, at(im, 'tcp_x'))!)).toContain('queue `DEFAULT`');
  });

  test('an include line leads to the included file', () => {
    const inc = targetAt(m, imta, at(imta, '<IMTA_TABLE', 2))!;
    expect(inc.kind).toBe('include');
    expect(definition(m, inc).map((p) => [p.file.relPath, p.start])).toEqual([['extra.rules', 0]]);
    expect(hover(m, inc)).toBe('include: `IMTA_TABLE:extra.rules` → extra.rules');
  });

  test('unknown words and unknown pools say what the MTA does with them', () => {
    const m2 = buildModel({ dir: '/cfg', files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: 'a $U@b\n\nl pool NOPE frobnicate\nb\n' }, { relPath: 'job_controller.cnf', kind: 'job_controller.cnf', text: '[POOL=DEFAULT]\n' }] });
    const f = fileOf(m2, 'imta.cnf');
    expect(hover(m2, targetAt(m2, f, at(f, 'frobnicate'))!)).toContain('UNIX group id');
    expect(hover(m2, targetAt(m2, f, at(f, 'NOPE'))!)).toContain('no `[POOL=NOPE]` section in job_controller.cnf');
    expect(targetAt(m2, f, at(f, 'a $U', 0))).toBeUndefined();
  });
});

describe('outline', () => {
  test('rule groups take their name from the comment above; channels; pool sections', () => {
    const m = model();
    const o = outline(m, fileOf(m, 'imta.cnf'));
    expect(o.map((s) => [s.kind, s.name, s.children.map((c) => c.name)])).toEqual([
      ['rules', 'Partner domains', ['partner.example', 'other.example', '<IMTA_TABLE:extra.rules']],
      ['channel', 'l', []],
      ['channel', 'tcp_local', []],
      ['channel', 'tcp_partner', []],
    ]);
    expect(outline(m, fileOf(m, 'job_controller.cnf')).map((s) => [s.kind, s.name, s.detail])).toEqual([
      ['pool', '[POOL=LOCAL_POOL]', 'job_limit 3'],
      ['pool', '[POOL=SMTP_POOL]', 'job_limit 7'],
      ['section', '[CHANNEL=tcp_partner]', undefined],
    ]);
  });
});

describe('disable for this line', () => {
  const text = ['l', 'mail.example', '', 'tcp_local smtp frob \\', '! a comment inside the continued line', '  frab', 'tcp-daemon', ''].join('\n');
  const m = buildModel({ dir: '/cfg', files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
  const f = m.files[0];

  test('the logical line starts above continuations, across comment lines', () => {
    expect(logicalLineStart(f, 6)).toBe(4);
    expect(logicalLineStart(f, 4)).toBe(4);
    expect(logicalLineStart(f, 7)).toBe(7);
  });

  test('a new directive above the logical line; a second rule joins the existing directive; the directive then suppresses both', () => {
    const e1 = disableEdit(f, 'unknown-keyword', at(f, 'frab'))!;
    const once = applyEdits(text, [e1]);
    expect(once.split('\n')[3]).toBe('! cnflint-disable-next-line unknown-keyword');
    const m1 = buildModel({ dir: '/cfg', files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: once }] });
    const e2 = disableEdit(m1.files[0], 'conflicting-keywords', m1.files[0].text.indexOf('frob'))!;
    const twice = applyEdits(once, [e2]);
    expect(twice.split('\n')[3]).toBe('! cnflint-disable-next-line unknown-keyword, conflicting-keywords');
    expect(disableEdit(m1.files[0], 'unknown-keyword', m1.files[0].text.indexOf('frob'))).toBeUndefined();

    const lint = (t: string) => {
      const mm = buildModel({ dir: '/cfg', files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: t }] });
      return lintModel(mm, { directory: false, complete: true, kinds: new Set(['imta.cnf']) }, resolveConfig({}, { knownIds: RULES.map((r) => r.meta.id), baseDir: '/cfg' }), RULES).messages.filter((x) => x.ruleId === 'unknown-keyword');
    };
    expect(lint(text)).toHaveLength(2);
    expect(lint(once)).toHaveLength(0);
  });

  test('not offered on comment lines nor for unused-disable', () => {
    const c = buildModel({ dir: '/cfg', files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text: '! cnflint-disable-next-line nothing\na $U@b\n' }] }).files[0];
    expect(disableEdit(c, 'unused-disable', 2)).toBeUndefined();
    expect(disableEdit(c, 'unknown-keyword', 2)).toBeUndefined();
  });
});
