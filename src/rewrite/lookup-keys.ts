// Lookup keys as cnftest's answers are written (--assume, -assume in a routes file, an
// answers file): `$(…)`, `${…}`, `$[…]`, `$]…[` end at their closer, `$V…`, `$Z…` and `*`
// at a given stop character.

const CLOSERS: Record<string, string> = { '(': ')', '{': '}', '[': ']', ']': '[' };

/**
 * Where the lookup key at the start of `s` ends: after the matching closer for `$(…)`,
 * `${…}`, `$[…]`, `$]…[`; otherwise at the first character `stop` matches. A string when
 * `s` does not start with a lookup (what is wrong).
 */
export function lookupKeyEnd(s: string, stop: RegExp): number | string {
  if (!s.startsWith('$') && !s.startsWith('*')) return `'${s.slice(0, 40)}' is not a lookup: a lookup starts with '$' ($(…), \${…}, $[…], $]…[, $V…, $Z…) or is '*'`;
  const open = s[1] ?? '';
  if (s.startsWith('$') && CLOSERS[open] !== undefined) {
    const close = s.indexOf(CLOSERS[open]!, 2);
    if (close < 0) return `unclosed lookup '${s.slice(0, 40)}': missing '${CLOSERS[open]}'`;
    return close + 1;
  }
  const m = stop.exec(s);
  return m ? m.index : s.length;
}

/**
 * `LOOKUP=ANSWER` of an assume option (`option`: how it is spelt where it was written); the
 * answer may be empty (a lookup that succeeds with no text). A string says what is wrong.
 */
export function parseAssume(v: string, option = '--assume'): [string, string] | string {
  const end = lookupKeyEnd(v, /=/);
  if (typeof end === 'string') return `${option} ${end}`;
  if (v[end] !== '=') {
    // Each spelling's own quoting: a shell argument, or a routes file's -assume="…".
    const eg = (a: string) => (option === '--assume' ? `--assume '${a}'` : `${option}="${a}"`);
    return `${option} needs LOOKUP=ANSWER, e.g. ${eg('$(siroe)=$U%eng.siroe.com@siroenet')} or ${eg('${INTERNAL_IP}=<fail>')} (got '${v}')`;
  }
  if (end === 0) return `${option} '${v}': the lookup before '=' is empty`;
  return [v.slice(0, end), v.slice(end + 1)];
}
