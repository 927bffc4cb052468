import { extractHost, formatAddress, parseAddress, type Address, type RouteMode } from '../../src/rewrite/address.js';

function first(address: string, mode: RouteMode = {}): string {
  const p = parseAddress(address);
  if (!p.ok) throw new Error(p.error);
  const e = extractHost(p.address, mode);
  if (!e || 'error' in e) throw new Error('no host');
  return e.host;
}

describe('extraction order (rewrite-rules.md §4.1 documented table)', () => {
  const table: [string, string, string][] = [
    ['user@a', 'a', 'a'],
    ['user@[0.1.2.3]', '[0.1.2.3]', '[0.1.2.3]'],
    ['@a,@b,@c:user@d.e.f', 'a', 'a'],
    ['user%A@B', 'B', 'B'],
    ['user%A', 'A', 'A'],
    ['user%A%B', 'B', 'B'],
    ['user%%A%B', 'B', 'B'],
    ['A!user', 'A', 'A'],
    ['A!user@B', 'B', 'B'],
    ['A!user%B@C', 'C', 'C'],
    ['A!user%B', 'B', 'A'],
  ];
  it.each(table)('%s', (address, host, withBang) => {
    expect(first(address)).toBe(host);
    expect(first(address, { bangOverPercent: true })).toBe(withBang);
  });
  it('percentonly ignores bang paths', () => {
    expect(first('A!user%B', { percentOnly: true })).toBe('B');
    const p = parseAddress('A!user');
    expect(p.ok && extractHost(p.address, { percentOnly: true })).toBeNull();
  });
  it('reports where the host came from and what $U is', () => {
    const p = parseAddress('A!user%B@C');
    if (!p.ok) throw new Error();
    expect(extractHost(p.address)).toEqual({ host: 'C', source: 'A', user: 'A!user%B', rest: { route: [], local: 'A!user%B' } });
    const q = parseAddress('A!user%B');
    if (!q.ok) throw new Error();
    expect(extractHost(q.address)).toMatchObject({ host: 'B', source: 'P', user: 'A!user' });
    expect(extractHost(q.address, { bangOverPercent: true })).toMatchObject({ host: 'A', source: 'X', user: 'user%B' });
    const r = parseAddress('@a,@b:u@c');
    if (!r.ok) throw new Error();
    expect(extractHost(r.address)).toEqual({ host: 'a', source: 'S', user: 'u', rest: { route: ['b'], local: 'u', domain: 'c' } });
  });
  it('does not split quoted local parts', () => {
    expect(first('"a%b"@c')).toBe('c');
    const p = parseAddress('"a%b!c"');
    expect(p.ok && extractHost(p.address)).toBeNull();
  });
});

describe('parseAddress', () => {
  it('accepts the usual forms', () => {
    expect(parseAddress('<joe@example.org>')).toEqual({ ok: true, address: { route: [], local: 'joe', domain: 'example.org' } });
    expect(parseAddress('joe.blue')).toEqual({ ok: true, address: { route: [], local: 'joe.blue' } });
    expect(parseAddress('"john doe"@x.org')).toEqual({ ok: true, address: { route: [], local: '"john doe"', domain: 'x.org' } });
    expect(parseAddress('@a,@[1.2.3.4]:u@c')).toEqual({ ok: true, address: { route: ['a', '[1.2.3.4]'], local: 'u', domain: 'c' } });
  });
  const bad: [string, RegExp][] = [
    ['', /empty address/],
    ['<>', /empty address/],
    ['@example.org', /source route without ':'/],
    ['@a:@b', /empty local part/],
    ['"@x', /unbalanced quote/],
    ['a@b@c', /more than one '@'/],
    ['joe@', /empty domain/],
    ['joe@a..b', /empty label/],
    ['joe@.a', /empty label/],
    ['joe@[1.2.3.4', /unbalanced \[/],
    ['joe@1.2.3.4]', /unbalanced \]/],
    ['joe@[]', /empty domain literal/],
    ['jo e@x', /space/],
    ['joe@x y', /space/],
    ['joe\u0000@x', /control character/],
    ['a(b)@x', /invalid character/],
    ['@a,b:u@c', /must start with '@'/],
    ['@a:u', /without a final @domain/],
    ['x'.repeat(10240) + '@example.org', /longer than 1024/],
  ];
  it.each(bad)('rejects %j', (a, msg) => {
    const r = parseAddress(a);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatch(/^malformed address: /);
      expect(r.error).toMatch(msg);
    }
  });
  it('reports empty parts around % and !', () => {
    for (const a of ['user%', '%host', 'a!', '!a', 'user%a..b']) {
      const p = parseAddress(a);
      if (!p.ok) continue;
      const e = extractHost(p.address);
      expect(e && 'error' in e).toBe(true);
    }
  });
});

describe('formatAddress', () => {
  const a: Address = { route: ['r1', 'r2'], local: 'u', domain: 'd' };
  it('formats source routes (822), percents (733) and bang paths (uucp)', () => {
    expect(formatAddress(a)).toBe('@r1,@r2:u@d');
    expect(formatAddress(a, 'percent')).toBe('u%d%r2@r1');
    expect(formatAddress(a, 'bang')).toBe('r1!r2!d!u');
    expect(formatAddress({ route: [], local: 'u', domain: 'd' }, 'percent')).toBe('u@d');
  });
});
