// Address parsing, host-spec extraction (rewrite-rules.md §4.1) and formatting.

/** An address split into its source route, local part and domain. */
export interface Address {
  /** Source-route hosts, first hop first (`@a,@b:u@c` → ['a', 'b']). */
  route: string[];
  /** Local part, verbatim (may contain `%` and `!` routes and quoted strings). */
  local: string;
  /** Domain right of `@` (absent for a bare local part). */
  domain?: string;
}

/** Where an extracted host came from: source route, right of `@`, right of `%`, left of `!`. */
export type HostSource = 'S' | 'A' | 'P' | 'X';

export interface Extraction {
  host: string;
  source: HostSource;
  /** The local part as `$U` sees it (the address minus this host spec). */
  user: string;
  /** The address with this host spec removed. */
  rest: Address;
}

export interface RouteMode {
  /** Source channel carries `bangoverpercent`: the first `!` beats the last `%`. */
  bangOverPercent?: boolean;
  /** Source channel carries `percentonly`: `!` is never a route separator. */
  percentOnly?: boolean;
}

export const MAX_ADDRESS_LENGTH = 1024;

const HOST_BAD = /[\s()<>@,;:\\"%!\[\]]/;

/** Check a host/domain specification; returns an error message or undefined. */
export function hostProblem(host: string): string | undefined {
  if (host === '') return 'empty domain';
  if (host[0] === '[') {
    if (host[host.length - 1] !== ']') return `unbalanced [ in domain literal '${host}'`;
    const inner = host.slice(1, -1);
    if (inner === '') return 'empty domain literal []';
    if (/[\s\[\]\\]/.test(inner)) return `invalid character in domain literal '${host}'`;
    return undefined;
  }
  if (host.includes(']')) return `unbalanced ] in domain '${host}'`;
  const m = HOST_BAD.exec(host);
  if (m) return `invalid character '${m[0] === ' ' ? 'space' : m[0]}' in domain '${host}'`;
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return `empty label in domain '${host}'`;
  return undefined;
}

function hasControl(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return true;
  }
  return false;
}

/**
 * Calls `each(c, i)` for every character of a local part that stands outside double
 * quotes (a backslash escapes the next character inside quotes); stops when `each`
 * returns true. Returns whether a quote was left open.
 */
function scanUnquoted(local: string, each: (c: string, i: number) => boolean | void): boolean {
  let inQuote = false;
  for (let i = 0; i < local.length; i++) {
    const c = local[i]!;
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (each(c, i)) return false;
  }
  return inQuote;
}

/** Check a local part (top level: quotes balanced, no specials outside quotes). */
function localProblem(local: string): string | undefined {
  if (local === '') return 'empty local part';
  let problem: string | undefined;
  const open = scanUnquoted(local, (c) => {
    if (!/[\s()<>,;:\\\[\]@]/.test(c)) return false;
    problem = `invalid character '${/\s/.test(c) ? 'space' : c}' in local part '${local}'`;
    return true;
  });
  return problem ?? (open ? `unbalanced quote in local part '${local}'` : undefined);
}

const SIMPLE = /^([A-Za-z0-9_+=.'&#~^{}|/*?$-]+)@([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)$/;

export type ParseAddressResult = { ok: true; address: Address } | { ok: false; error: string };

/** Parse an address (optionally in `<…>`); never throws. Errors start with "malformed address:". */
export function parseAddress(input: string): ParseAddressResult {
  const fail = (why: string): ParseAddressResult => ({ ok: false, error: `malformed address: ${why}` });
  if (typeof input !== 'string') return fail('not a string');
  let s = input.trim();
  if (s.length > MAX_ADDRESS_LENGTH + 2) return fail(`longer than ${MAX_ADDRESS_LENGTH} characters`);
  if (s.startsWith('<') && s.endsWith('>')) s = s.slice(1, -1).trim();
  if (s === '') return fail('empty address');
  if (s.length > MAX_ADDRESS_LENGTH) return fail(`longer than ${MAX_ADDRESS_LENGTH} characters`);
  // Fast path for the everyday user@host.domain form.
  const simple = SIMPLE.exec(s);
  if (simple) return { ok: true, address: { route: [], local: simple[1]!, domain: simple[2]! } };
  if (hasControl(s)) return fail('control character');

  const route: string[] = [];
  let pos = 0;
  if (s[0] === '@') {
    // Source route: @a,@b:rest
    for (;;) {
      if (s[pos] !== '@') return fail(`source route hop must start with '@' at position ${pos}`);
      pos++;
      let end = pos;
      if (s[end] === '[') {
        const close = s.indexOf(']', end);
        if (close < 0) return fail(`unbalanced [ in source route`);
        end = close + 1;
      } else {
        while (end < s.length && s[end] !== ',' && s[end] !== ':') end++;
      }
      const hop = s.slice(pos, end);
      const bad = hostProblem(hop);
      if (bad) return fail(`${bad} (in source route)`);
      route.push(hop);
      if (s[end] === ',') {
        pos = end + 1;
        continue;
      }
      if (s[end] === ':') {
        pos = end + 1;
        break;
      }
      return fail("source route without ':'");
    }
  }
  const rest = s.slice(pos);
  // Find top-level '@' (outside quoted strings and domain literals).
  let at = -1;
  let inQuote = false;
  let inLit = false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i]!;
    if (inQuote) {
      if (c === '\\') i++;
      else if (c === '"') inQuote = false;
      continue;
    }
    if (inLit) {
      if (c === ']') inLit = false;
      continue;
    }
    if (c === '"') inQuote = true;
    else if (c === '[' && at >= 0) inLit = true;
    else if (c === '@') {
      if (at >= 0) return fail("more than one '@'");
      at = i;
    }
  }
  if (inQuote) return fail('unbalanced quote');
  const local = at < 0 ? rest : rest.slice(0, at);
  const lp = localProblem(local);
  if (lp) return fail(lp);
  if (at < 0) {
    if (route.length > 0) return fail('source route without a final @domain');
    return { ok: true, address: { route, local } };
  }
  const domain = rest.slice(at + 1);
  const hp = hostProblem(domain);
  if (hp) return fail(hp);
  return { ok: true, address: { route, local, domain } };
}

/** Positions of top-level (unquoted) occurrences of `ch` in a local part. */
function topLevel(local: string, ch: string): number[] {
  const out: number[] = [];
  scanUnquoted(local, (c, i) => {
    if (c === ch) out.push(i);
  });
  return out;
}

/** Index of the last single (not doubled) top-level `%`, or -1. */
function lastSinglePercent(local: string): number {
  const ps = topLevel(local, '%');
  for (let k = ps.length - 1; k >= 0; k--) {
    const i = ps[k]!;
    if (local[i - 1] !== '%' && local[i + 1] !== '%') return i;
  }
  return -1;
}

function firstBang(local: string): number {
  const bs = topLevel(local, '!');
  return bs.length > 0 ? bs[0]! : -1;
}

/** Does the address still contain a host specification? */
export function hasHostSpec(addr: Address, mode: RouteMode = {}): boolean {
  if (addr.route.length > 0 || addr.domain !== undefined) return true;
  if (lastSinglePercent(addr.local) >= 0) return true;
  return !mode.percentOnly && firstBang(addr.local) >= 0;
}

/**
 * Extract the first host specification to rewrite (rewrite-rules.md §4.1): source route,
 * then `@`, then the last single `%`, then the first `!` (the last two swapped with
 * `bangoverpercent`; `!` ignored with `percentonly`). Returns null when there is none, or an
 * error string for an empty user/host around a `%`/`!`.
 */
export function extractHost(addr: Address, mode: RouteMode = {}): Extraction | null | { error: string } {
  if (addr.route.length > 0) {
    return {
      host: addr.route[0]!,
      source: 'S',
      user: addr.local,
      rest: { route: addr.route.slice(1), local: addr.local, ...(addr.domain !== undefined ? { domain: addr.domain } : {}) },
    };
  }
  if (addr.domain !== undefined) {
    return { host: addr.domain, source: 'A', user: addr.local, rest: { route: [], local: addr.local } };
  }
  const local = addr.local;
  const pct = lastSinglePercent(local);
  const bang = mode.percentOnly ? -1 : firstBang(local);
  const usePercent = pct >= 0 && (bang < 0 || !mode.bangOverPercent);
  if (usePercent) {
    const user = local.slice(0, pct);
    const host = local.slice(pct + 1);
    if (user === '') return { error: `malformed address: empty local part before '%' in '${local}'` };
    const hp = hostProblem(host);
    if (hp) return { error: `malformed address: ${hp} (right of '%' in '${local}')` };
    return { host, source: 'P', user, rest: { route: [], local: user } };
  }
  if (bang >= 0) {
    const host = local.slice(0, bang);
    const user = local.slice(bang + 1);
    if (user === '') return { error: `malformed address: empty local part after '!' in '${local}'` };
    const hp = hostProblem(host);
    if (hp) return { error: `malformed address: ${hp} (left of '!' in '${local}')` };
    return { host, source: 'X', user, rest: { route: [], local: user } };
  }
  return null;
}

export type AddressStyle = 'sourceroute' | 'percent' | 'bang';

/** Format an address in a channel's address style (`822` source routes, `733` percents, `uucp` bangs). */
export function formatAddress(addr: Address, style: AddressStyle = 'sourceroute'): string {
  const { route, local, domain } = addr;
  if (domain === undefined) return local;
  if (style === 'percent' && route.length > 0) {
    return [local, domain, ...route.slice(1).reverse()].join('%') + '@' + route[0];
  }
  if (style === 'bang') {
    return [...route, domain, local].join('!');
  }
  const r = route.length > 0 ? '@' + route.join(',@') + ':' : '';
  return `${r}${local}@${domain}`;
}

/** The `+sub-address` split of a local part: [without, with-plus]. */
export function splitSubaddress(local: string): [string, string] {
  const plus = topLevel(local, '+');
  if (plus.length === 0) return [local, ''];
  return [local.slice(0, plus[0]), local.slice(plus[0])];
}
