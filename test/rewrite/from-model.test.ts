// The adapter from the configuration model to the rewrite engine's input.
import * as fs from 'node:fs';
import { buildModel, loadConfig } from '../../src/model/load.js';
import { channelInput, rewriteInputFromModel, ruleInput } from '../../src/rewrite/from-model.js';
import { compileRewriteConfig, rewriteAddress } from '../../src/rewrite/index.js';

function model(text: string) {
  return buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
}

/** 1-based number of the first line of `text` starting with `prefix`. */
function lineOf(text: string, prefix: string): number {
  const i = text.split('\n').findIndex((l) => l.startsWith(prefix));
  if (i < 0) throw new Error(`no line starting with ${prefix}`);
  return i + 1;
}

describe('rewriteInputFromModel on examples/siroe', () => {
  const m = loadConfig('examples/siroe');
  const input = rewriteInputFromModel(m);
  const imta = fs.readFileSync('examples/siroe/imta.cnf', 'utf8');
  const internet = fs.readFileSync('examples/siroe/internet.rules', 'utf8');

  test('every rule in reading order, with the file it is in and its 1-based line', () => {
    expect(input.rules).toHaveLength(m.rules.length);
    expect(input.rules[0]).toEqual({ pattern: 'mail.siroe.com', template: '$U%mail.siroe.com@mail.siroe.com', file: 'imta.cnf', line: lineOf(imta, 'mail.siroe.com ') });
    const com = input.rules.find((r) => r.pattern === '.com');
    expect(com).toEqual({ pattern: '.com', template: '$U%$H$D@tcp-daemon', file: 'internet.rules', line: lineOf(internet, '.com ') });
    // The rules after the include line come after the included ones.
    const dot = input.rules.findIndex((r) => r.pattern === '.');
    expect(dot).toBeGreaterThan(input.rules.indexOf(com!));
    expect(input.rules[dot]).toMatchObject({ file: 'imta.cnf', line: lineOf(imta, '.   ') });
    expect(input.rules.filter((r) => r.pattern === '[]').map((r) => r.line)).toEqual([lineOf(imta, '[]'), lineOf(imta, '[]') + 1]);
  });

  test('every channel in table order with its official host and the keywords in force (defaults included)', () => {
    expect(input.channels.map((c) => c.name)).toEqual(m.channels.map((c) => c.name));
    const tcp = input.channels.find((c) => c.name === 'tcp_local')!;
    expect(tcp.officialHost).toBe('tcp-daemon');
    expect(tcp.hosts).toEqual([]);
    expect(tcp.localAlias).toBeUndefined();
    expect(tcp.keywords).toEqual(expect.arrayContaining(['logging', 'notices', 'smtp', 'mx', 'saslswitchchannel']));
    // Arguments are not keywords.
    expect(tcp.keywords).not.toContain('tcp_auth');
    expect(tcp.keywords).not.toContain('smtp_pool');
    expect(input.localHost).toBe('mail.siroe.com');
  });
});

describe('rewriteInputFromModel on edge cases', () => {
  test('local alias, extra hosts with and without proper names, keywords lower-cased, nodefaults', () => {
    const m = model(
      [
        'a.test $U@a.test',
        '',
        'defaults logging 733',
        '',
        'l',
        'mail.example.org mailhub',
        '',
        'nodefaults',
        '',
        'bigcorp SMTP Header_733',
        'bigcorp-daemon',
        'legacy.bigcorp.com proper.bigcorp.com',
        'old.bigcorp.com',
        '',
      ].join('\n'),
    );
    const input = rewriteInputFromModel(m);
    expect(input.localHost).toBe('mail.example.org');
    expect(input.channels).toEqual([
      { name: 'l', officialHost: 'mail.example.org', localAlias: 'mailhub', hosts: [], keywords: expect.arrayContaining(['logging', '733']) },
      {
        name: 'bigcorp',
        officialHost: 'bigcorp-daemon',
        hosts: [{ name: 'legacy.bigcorp.com', properName: 'proper.bigcorp.com' }, { name: 'old.bigcorp.com' }],
        keywords: ['smtp', 'header_733'],
      },
    ]);
    expect(input.channels[0]!.keywords).toHaveLength(2);
  });

  test('a channel of its own overrides a default of the same group (effectiveKeywords)', () => {
    const m = model('a.test $U@a.test\n\ndefaults 733\n\nl\nmail.example.org\n\nuu uucp\nuu-daemon\n');
    const uu = channelInput(m, m.channel('uu')!);
    expect(uu.keywords).toContain('uucp');
    expect(uu.keywords).not.toContain('733');
  });

  test('a tagged pattern keeps its tag; a continued template is joined and keeps the pattern line', () => {
    const m = model(['! c', 'internet $U@internet$Tmtcp-force|', 'mtcp-force|. $U%$H@tcp-\\', 'daemon', '', 'l', 'mail.example.org', ''].join('\n'));
    expect(m.rules.map(ruleInput)).toEqual([
      { pattern: 'internet', template: '$U@internet$Tmtcp-force|', file: 'imta.cnf', line: 2 },
      { pattern: 'mtcp-force|.', template: '$U%$H@tcp-daemon', file: 'imta.cnf', line: 3 },
    ]);
  });

  test('a channel without a host line gets no host; no channel l means no local host', () => {
    const m = model('a.test $U@x-daemon\n\nx\n\ny\ny-daemon\n');
    const input = rewriteInputFromModel(m);
    expect(input.localHost).toBeUndefined();
    expect(input.channels.map((c) => [c.name, c.officialHost])).toEqual([
      ['x', ''],
      ['y', 'y-daemon'],
    ]);
    // Nothing can route to x: its would-be host is not in the channel table.
    expect(rewriteAddress(compileRewriteConfig(input), 'joe@a.test').error).toBe('illegal host/domain specified');
  });

  test('end to end: a proper name replaces an additional host in the envelope To, a 733 channel gets % routes', () => {
    const m = model(
      [
        '.bigcorp.com $U%$H$D@bigcorp-daemon',
        'route.test $U%route.test@mail.example.org',
        '',
        'l',
        'mail.example.org',
        '',
        'bigcorp 733',
        'bigcorp-daemon',
        'legacy.bigcorp.com proper.bigcorp.com',
        '',
      ].join('\n'),
    );
    const t = compileRewriteConfig(rewriteInputFromModel(m));
    expect(rewriteAddress(t, 'joe@legacy.bigcorp.com')).toMatchObject({ channel: 'bigcorp', address: 'joe@legacy.bigcorp.com', envelopeTo: 'joe@proper.bigcorp.com' });
    expect(rewriteAddress(t, 'joe')).toMatchObject({ channel: 'l', address: 'joe@mail.example.org' });
    expect(rewriteAddress(t, '@a.bigcorp.com:joe@far.example')).toMatchObject({ channel: 'bigcorp', address: 'joe%far.example@a.bigcorp.com' });
    const r = rewriteAddress(t, 'joe@x.bigcorp.com', { debug: true });
    expect(r.trace!.some((e) => e.rule?.file === 'imta.cnf' && e.rule.line === 1)).toBe(true);
  });
});
