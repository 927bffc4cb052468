// Checks the keyword table in src/model/keywords.ts against the reference text
// ../shared/spec/channel-keywords.md, read at test time: §3's arity list, every keyword of
// the §2 tables (with their Args and Group columns) and the §2.10 flag names.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  KEYWORDS,
  acceptsArgument,
  groupMembers,
  keywordNames,
  lookupKeyword,
  requiredArguments,
  type Arity,
} from '../../src/model/keywords.js';

const SPEC = readFileSync(path.resolve(process.cwd(), '../shared/spec/channel-keywords.md'), 'utf8');

/** Text from the heading matching `start` up to the next heading of the same level. */
function section(heading: string): string {
  const level = heading.match(/^#+/)![0];
  const begin = SPEC.indexOf(`\n${heading}`);
  if (begin < 0) throw new Error(`spec heading not found: ${heading}`);
  const bodyStart = SPEC.indexOf('\n', begin + 1);
  const next = SPEC.slice(bodyStart).search(new RegExp(`\\n${level} `));
  return next < 0 ? SPEC.slice(bodyStart) : SPEC.slice(bodyStart, bodyStart + next);
}

// ---------------------------------------------------------------------------------------
// §3 quick arity list

function arityFromCode(code: string, name: string): Arity {
  switch (code) {
    case '0':
      return { kind: 'flag' };
    case '0?':
      return name === 'description' ? { kind: 'description' } : { kind: 'flag?' };
    case 'host [host2]':
      return { kind: 'host2' };
    case 'int*':
      return { kind: 'intList' };
    case 'dur*':
      return { kind: 'durList' };
    case 'ip*':
      return { kind: 'ipList' };
    case 'int':
    case 'name':
    case 'chan':
    case 'host':
    case 'addr':
    case 'ip':
    case 'url':
    case 'tmpl':
    case 'str':
    case 'list':
      return { kind: 'one', arg: code };
    default:
      throw new Error(`unknown Args code ${JSON.stringify(code)} for ${name}`);
  }
}

/** [code, keyword] pairs of the fenced block in §3; parenthesised notes are dropped. */
function parseArityList(): Array<[string, string]> {
  const text = section('## 3.');
  const fence = text.match(/```\n([\s\S]*?)```/);
  if (!fence) throw new Error('no fenced block in §3');
  const out: Array<[string, string]> = [];
  let code = '';
  for (const raw of fence[1]!.split('\n')) {
    if (!raw.trim()) continue;
    let rest = raw;
    const label = raw.match(/^(\S.*?)\s*:\s(.*)$/);
    if (label) {
      code = label[1]!.trim();
      rest = label[2]!;
    }
    for (const word of rest.replace(/\([^)]*\)/g, ' ').split(/\s+/)) {
      if (word) out.push([code, word]);
    }
  }
  return out;
}

const ARITY_LIST = parseArityList();
const concreteOf = (name: string): string => name.replace('<N>', '1');

describe('§3 quick arity list', () => {
  it('was parsed', () => {
    expect(ARITY_LIST.length).toBeGreaterThan(80);
    expect(new Set(ARITY_LIST.map(([c]) => c))).toEqual(
      new Set(['int', 'chan', 'name', 'host', 'host [host2]', 'addr', 'str', 'ip', 'ip*', 'url', 'tmpl', 'list', 'dur*', 'int*', '0?']),
    );
  });

  it.each(ARITY_LIST)('%s: %s', (code, name) => {
    const expected = arityFromCode(code, name);
    expect(KEYWORDS.get(name)?.arity).toEqual(expected);
    // ... and the same through the lookup a parser uses (families by example).
    expect(lookupKeyword(concreteOf(name))?.arity).toEqual(expected);
    if (code === '0?') expect(['flag?', 'description']).toContain(expected.kind);
  });

  it('everything not in the list is a plain flag', () => {
    const listed = new Set(ARITY_LIST.map(([, name]) => name));
    const others = [...KEYWORDS.values()].filter((info) => !listed.has(info.name));
    expect(others.length).toBeGreaterThan(150);
    for (const info of others) expect([info.name, info.arity]).toEqual([info.name, { kind: 'flag' }]);
  });
});

// ---------------------------------------------------------------------------------------
// §2 tables

interface Row {
  table: string;
  cells: string[];
  names: string[];
  family: boolean;
}

/** Backticked names of a first cell, without family placeholders (`*N*`, `<N>`, `*`, `N`). */
function namesOf(cell: string): { names: string[]; family: boolean } {
  const family = /\*N\*|<N>/.test(cell);
  const names = [...cell.matchAll(/`([^`]+)`/g)]
    .map((m) => m[1]!)
    .filter((name) => !/[*<>]|N/.test(name));
  return { names: family ? [] : names, family };
}

function parseTables(): Row[] {
  const rows: Row[] = [];
  let header: string[] | null = null;
  for (const line of section('## 2.').split('\n')) {
    if (!line.startsWith('|')) {
      header = null;
      continue;
    }
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (!header) {
      header = cells;
      continue;
    }
    if (/^-+$/.test(cells[0]!)) continue;
    if (!/^Keyword/.test(header[0]!)) continue;
    if (cells.length !== header.length) throw new Error(`ragged table row: ${line}`);
    rows.push({ table: header.join('|'), cells, ...namesOf(cells[0]!) });
  }
  return rows;
}

const ROWS = parseTables();
const KEYWORD_ROWS = ROWS.filter((r) => r.cells.length === 6); // §2.1–§2.9 (not the §2.11 version table)
const TABLE_NAMES = [...new Set(ROWS.flatMap((r) => r.names))];

/** Expected group / default per keyword from a row's Group column. */
function expectedGroup(row: Row, name: string): { group: string | undefined; isDefault: boolean } {
  const col = row.cells[2]!;
  if (col === '—' || /membership not known/.test(col)) return { group: undefined, isDefault: false };
  const id = col.match(/^[A-Z0-9][A-Z0-9-]*/);
  if (!id) throw new Error(`unparsed group column: ${col}`);
  if (col.includes('**default**')) return { group: id[0], isDefault: true };
  const named = col.match(/default `([^`]+)`/);
  let isDefault = false;
  if (named) {
    const d = named[1]!;
    if (d.startsWith('…')) isDefault = name.endsWith(d.slice(1));
    else if (d.endsWith('…')) isDefault = name.startsWith(d.slice(0, -1));
    else isDefault = name === d;
    // "…inc"/"no…" must pick exactly one member of the row
    if (d.includes('…')) {
      const matches = row.names.filter((n) => (d.startsWith('…') ? n.endsWith(d.slice(1)) : n.startsWith(d.slice(0, -1))));
      expect(matches).toHaveLength(1);
    }
  }
  return { group: id[0], isDefault };
}

describe('§2 keyword tables', () => {
  it('were parsed', () => {
    expect(KEYWORD_ROWS.length).toBeGreaterThan(200);
    expect(TABLE_NAMES.length).toBeGreaterThan(250);
    expect(ROWS.filter((r) => r.family)).toHaveLength(4);
  });

  it.each(TABLE_NAMES)('lookupKeyword finds %s', (name) => {
    const info = lookupKeyword(name);
    expect(info).toBeDefined();
    expect(info!.name).toBe(name);
    expect(info!.pattern).toBeFalsy();
  });

  const perName = KEYWORD_ROWS.flatMap((row) => row.names.map((name) => [name, row] as const));

  it.each(perName)('%s: Args column', (name, row) => {
    const code = row.cells[1]!.replace(/\s*\(.*\)$/, '');
    expect(KEYWORDS.get(name)!.arity).toEqual(arityFromCode(code, name));
  });

  it.each(perName)('%s: Group column', (name, row) => {
    // `authrewrite` is listed twice; the §2.6 row is only a cross-reference ("see 2.1").
    if (row.cells[3] === 'see 2.1') return;
    const info = KEYWORDS.get(name)!;
    const want = expectedGroup(row, name);
    expect({ group: info.group, isDefault: !!info.isDefault }).toEqual(want);
  });

  it('every entry has a meaning', () => {
    for (const info of KEYWORDS.values()) {
      expect(info.meaning.length).toBeGreaterThan(10);
      const bare = info.name.replace('<N>', '');
      expect(bare).toBe(bare.toLowerCase());
    }
  });
});

// ---------------------------------------------------------------------------------------
// §2.10 flags and provenance

const TEST_REWRITE_NAMES = [...section('### 2.10').matchAll(/`([A-Za-z0-9_]+)`/g)].map((m) => m[1]!);

describe('§2.10 test -rewrite flags', () => {
  it('were parsed', () => {
    expect(TEST_REWRITE_NAMES).toEqual(expect.arrayContaining(['NOSERVICEALL', 'HEADERINC', 'NOTHURMAN', 'EXQUOTA', 'grey']));
  });

  it.each(TEST_REWRITE_NAMES)('%s is accepted as a flag', (name) => {
    expect(lookupKeyword(name)?.arity).toEqual({ kind: 'flag' });
  });

  it('those without a documented keyword are accepted but not suggested', () => {
    const suggest = new Set(keywordNames());
    const all = new Set(keywordNames({ all: true }));
    for (const name of ['noserviceall', 'nogrey', 'localuser', 'receiptheader', 'noconvert_octet_stream', 'nothurman', 'serviceall', 'thurman']) {
      expect(lookupKeyword(name)?.noSuggest).toBe(true);
      expect(suggest.has(name)).toBe(false);
      expect(all.has(name)).toBe(true);
    }
    // documented keywords that test -rewrite also prints stay suggestible
    expect(suggest.has('headerinc')).toBe(true);
    expect(suggest.has('exquota')).toBe(true);
  });

  it('every concrete entry comes from a §2 table or §2.10', () => {
    const known = new Set([...TABLE_NAMES, ...TEST_REWRITE_NAMES.map((n) => n.toLowerCase())]);
    const invented = [...KEYWORDS.values()].filter((i) => !i.pattern && !known.has(i.name)).map((i) => i.name);
    expect(invented).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// lookupKeyword

describe('lookupKeyword', () => {
  it('gives the same answers after its memo of tokens has filled up and been cleared', () => {
    const probe = ['Pool', 'nosuchkeyword', 'destinationspamfilter3optin', 'MAXJOBS'];
    const first = probe.map((t) => lookupKeyword(t)?.name);
    for (let i = 0; i < 10_000; i++) lookupKeyword(`token${i}`);
    expect(probe.map((t) => lookupKeyword(t)?.name)).toEqual(first);
    expect(first).toEqual(['pool', undefined, 'destinationspamfilter<N>optin', 'maxjobs']);
  });

  it.each([
    ['pool', 'pool'],
    ['POOL', 'pool'],
    ['MaxJobs', 'maxjobs'],
    ['Aliasdetourhost', 'aliasdetourhost'],
    ['SMTP_CRLF', 'smtp_crlf'],
    ['identnonenumeric', 'identnonenumeric'],
    ['IDENTNONENUMERIC', 'identnonenumeric'],
    ['822', '822'],
    ['sensitivitycompanyconfidential', 'sensitivitycompanyconfidential'],
    ['x_env_to', 'x_env_to'],
    ['queue', 'queue'],
    ['description', 'description'],
  ])('%s → %s', (token, name) => {
    expect(lookupKeyword(token)?.name).toBe(name);
  });

  it.each([
    'dentnonenumeric',
    'SMTP_POOL',
    'IMS_POOL',
    'smtp_pool',
    'identtnonnumeric', // misprint in the 6.3 guide
    'ignorencoding', // misprint in the AG index
    'nameparamterlengthlimit', // misprint in the AR index
    'immnormal', // PMDF only
    'periodic', // PMDF only
    'destinationspamfilterXoptin', // manuals' literal placeholder
    'destinationspamfilter<N>optin', // placeholder names are not tokens
    'destinationspamfilteroptin',
    'spamfilter1',
    'lmtp',
    '"pool"',
    '',
    ' pool',
    'pool ',
  ])('%j is not a keyword', (token) => {
    expect(lookupKeyword(token)).toBeUndefined();
  });

  describe('spamfilter<N> families', () => {
    it.each([
      ['destinationspamfilter1optin', 'destinationspamfilter<N>optin', 'list'],
      ['DestinationSpamFilter2OptIn', 'destinationspamfilter<N>optin', 'list'],
      ['sourcespamfilter2optin', 'sourcespamfilter<N>optin', 'list'],
      ['sourcespamfilter12optin', 'sourcespamfilter<N>optin', 'list'],
      ['destinationspamfilter1', 'destinationspamfilter<N>', 'flag'],
      ['sourcespamfilter8', 'sourcespamfilter<N>', 'flag'],
      ['disabledestinationspamfilter3', 'disabledestinationspamfilter<N>', 'flag'],
      ['DISABLESOURCESPAMFILTER1', 'disablesourcespamfilter<N>', 'flag'],
    ])('%s → %s', (token, family, kind) => {
      const info = lookupKeyword(token);
      expect(info?.name).toBe(family);
      expect(info?.pattern).toBe(true);
      expect(info?.arity.kind === 'one' ? info.arity.arg : info?.arity.kind).toBe(kind);
    });

    it('family placeholders are in KEYWORDS but not in keywordNames()', () => {
      const families = [...KEYWORDS.values()].filter((i) => i.pattern).map((i) => i.name);
      expect(families.sort()).toEqual(
        [
          'destinationspamfilter<N>',
          'destinationspamfilter<N>optin',
          'disabledestinationspamfilter<N>',
          'disablesourcespamfilter<N>',
          'sourcespamfilter<N>',
          'sourcespamfilter<N>optin',
        ].sort(),
      );
      expect(keywordNames({ all: true }).some((n) => n.includes('<'))).toBe(false);
    });
  });

  describe('only the first 32 characters are significant', () => {
    it('every keyword is shorter than 32 characters', () => {
      for (const name of keywordNames({ all: true })) expect(name.length).toBeLessThanOrEqual(32);
    });

    it.each([
      // 21 + 11 digits = 32: "optin" falls off, leaving the flag form of the family
      ['destinationspamfilter12345678901optin', 'destinationspamfilter<N>'],
      ['DISABLEDESTINATIONSPAMFILTER1234567', 'disabledestinationspamfilter<N>'],
      ['disablesourcespamfilter123456789XYZ', 'disablesourcespamfilter<N>'],
    ])('%s → %s', (token, name) => {
      expect(token.length).toBeGreaterThan(32);
      expect(lookupKeyword(token)?.name).toBe(name);
    });

    it.each([
      'sensitivitycompanyconfidentialxx', // exactly 32, not a keyword
      'sensitivitycompanyconfidentialxxx',
      'destinationspamfilter1234567890optin', // truncated to "...0o"
    ])('%s is not a keyword', (token) => {
      expect(lookupKeyword(token)).toBeUndefined();
    });
  });
});

// ---------------------------------------------------------------------------------------
// Groups

describe('exclusive groups', () => {
  it.each([
    ['mx', 'nomx', 'MX'],
    ['nodns', 'randommx', 'MX'],
    ['single', 'single_sys', 'FILECOPY'],
    ['822', 'percents', 'ENV-STYLE'],
    ['addresssrs', 'noaddresssrs', 'SRS-ADDR'],
    ['smtp', 'smtp_crlf', 'SMTP'],
    ['channelfilter', 'nodestinationfilter', 'DFILTER'],
    ['maytls', 'notls', 'TLS'],
    ['headeromit', 'headerinc', 'HEADERPOS'],
    ['blocklimit', 'noblocklimit', 'BLOCKLIMIT'],
    ['cachesuccess', 'cachesuccesses', 'CACHE'],
    ['identtcp', 'identnonenumeric', 'IDENT'],
    ['sourcecommentomit', 'sourcecommentinc', 'SRCCOMMENT'],
  ])('%s and %s conflict (%s)', (a, b, group) => {
    expect(lookupKeyword(a)?.group).toBe(group);
    expect(lookupKeyword(b)?.group).toBe(group);
  });

  it.each([
    ['maytls', 'maytlsclient'],
    ['nosasl', 'nosaslclient'],
    ['commentinc', 'sourcecommentinc'],
    ['header_822', '822'],
  ])('%s and %s do not conflict', (a, b) => {
    expect(lookupKeyword(a)?.group).not.toBe(lookupKeyword(b)?.group);
  });

  it.each([
    ['MX', ['defaultmx']],
    ['FILECOPY', ['multiple']],
    ['ENV-STYLE', ['822']],
    ['SMTP', ['nosmtp']],
    ['DFILTER', ['nodestinationfilter', 'nochannelfilter']],
    ['SENSITIVITY', ['sensitivitycompanyconfidential']],
    ['IMM', []],
    ['SENDPOST', []],
    ['LOGGING', []],
  ])('%s defaults: %j', (group, defaults) => {
    const members = groupMembers(group);
    expect(members.length).toBeGreaterThan(0);
    expect(members.filter((m) => m.isDefault).map((m) => m.name)).toEqual(defaults);
  });

  it('no group has two defaults except the DFILTER synonyms', () => {
    const groups = new Set([...KEYWORDS.values()].flatMap((i) => (i.group ? [i.group] : [])));
    for (const g of groups) {
      const n = groupMembers(g).filter((m) => m.isDefault).length;
      expect([g, n <= (g === 'DFILTER' ? 2 : 1)]).toEqual([g, true]);
    }
  });

  it('keywords without a group', () => {
    for (const name of ['pool', 'maxjobs', 'ignoremessageencoding', 'enqueue_removeroute', 'authrewrite']) {
      expect(lookupKeyword(name)?.group).toBeUndefined();
    }
  });

  it('obsolete spellings are marked', () => {
    expect(lookupKeyword('queue')?.obsolete).toBe(true);
    expect(lookupKeyword('cachesuccess')?.obsolete).toBe(true);
    expect(lookupKeyword('pool')?.obsolete).toBeFalsy();
  });
});

// ---------------------------------------------------------------------------------------
// Variable-length arguments (§1 rules 6 and 10)

describe('acceptsArgument', () => {
  const arity = (name: string): Arity => lookupKeyword(name)!.arity;

  it.each([
    ['notices', '1', true],
    ['notices', '2,4,6', true],
    ['notices', '3,', true],
    ['notices', ',', false],
    ['notices', 'pool', false],
    ['notices', '"1"', false],
    ['backoff', '"pt5m"', true],
    ['backoff', '"pt10"', true],
    ['backoff', '\u201Cpt30m\u201D', true],
    ['backoff', '\u201Ep2d\u201D', true],
    ['backoff', 'pt5m', false],
    ['nameservers', '192.0.2.1', true],
    ['nameservers', '2001:db8::1', true],
    ['nameservers', '[192.0.2.1]', true],
    ['nameservers', 'ns.example.com', false],
    ['nameservers', 'mx', false],
    ['description', '"Outbound relay"', true],
    ['description', 'mx', false],
    ['service', '"x"', false],
    ['mx', 'x', false],
  ])('%s accepts %j: %s', (name, token, ok) => {
    expect(acceptsArgument(arity(name), token, 0)).toBe(ok);
  });

  it('description consumes at most one quoted token', () => {
    expect(acceptsArgument(arity('description'), '"more"', 1)).toBe(false);
  });

  it('lists continue at later positions', () => {
    expect(acceptsArgument(arity('backoff'), '"p1d"', 5)).toBe(true);
    expect(acceptsArgument(arity('notices'), '12', 3)).toBe(true);
  });

  it('single-argument keywords take exactly one token', () => {
    expect(acceptsArgument(arity('maxjobs'), '7', 0)).toBe(true);
    expect(acceptsArgument(arity('maxjobs'), 'SMTP_POOL', 1)).toBe(false);
    expect(requiredArguments(arity('maxjobs'))).toBe(1);
    expect(requiredArguments(arity('mx'))).toBe(0);
    expect(requiredArguments(arity('description'))).toBe(0);
    expect(requiredArguments(arity('backoff'))).toBe(1);
  });

  it.each([
    ['example.com', true],
    ['mail.example.com', true],
    ['localhost', false], // no period
    ['mx', false],
    ['single_sys', false],
  ])('defaulthost second token %j: %s', (token, ok) => {
    expect(acceptsArgument(arity('defaulthost'), 'siroe.com', 0)).toBe(true);
    expect(acceptsArgument(arity('defaulthost'), token, 1)).toBe(ok);
    expect(acceptsArgument(arity('defaulthost'), 'x.y', 2)).toBe(false);
  });
});

describe('keywordNames', () => {
  it('lists each concrete name once', () => {
    const names = keywordNames({ all: true });
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('identnonenumeric');
    expect(names).not.toContain('SMTP_POOL');
    expect(names.length).toBe([...KEYWORDS.values()].filter((i) => !i.pattern).length);
  });
});
