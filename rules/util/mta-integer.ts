// The MTA's integer syntax (other-files.md §0): decimal with an optional sign, or `b%v`
// (base b written in decimal, value v written in base b: `16%FF` = 255).

export interface MtaInteger {
  value: number;
  /** Written in the `b%v` form. */
  based: boolean;
}

/** Parses an MTA integer; undefined when the text is not one. */
export function parseMtaInteger(text: string): MtaInteger | undefined {
  const t = text.trim();
  if (/^[-+]?[0-9]+$/.test(t)) return { value: Number.parseInt(t, 10), based: false };
  const m = /^([0-9]+)%([0-9A-Za-z]+)$/.exec(t);
  if (!m) return undefined;
  const base = Number.parseInt(m[1], 10);
  if (base < 2 || base > 36) return undefined;
  let value = 0;
  for (const ch of m[2].toLowerCase()) {
    const digit = Number.parseInt(ch, 36);
    if (digit >= base) return undefined;
    value = value * base + digit;
  }
  return { value, based: true };
}
