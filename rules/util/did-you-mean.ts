// "Did you mean …?" for names a rule could not find: the closest candidates by edit
// distance, only when they are close enough to be a plausible typo.
import { distance } from 'fastest-levenshtein';
import { edit, type Fix } from '../../src/edit/edits.js';
import type { SourceFile } from '../../src/model/types.js';

/** How many edits a word of this length may be away from a candidate (typo-sized). */
export function typoDistance(length: number): number {
  if (length <= 3) return 0;
  if (length <= 5) return 1;
  if (length <= 10) return 2;
  return 3;
}

/**
 * The candidates closest to `word` (case-insensitive), all at the same smallest distance,
 * in the order given; empty when none is within {@link typoDistance} or when `word`
 * itself is a candidate.
 */
export function nearest(word: string, candidates: Iterable<string>, max = typoDistance(word.length)): string[] {
  const w = word.toLowerCase();
  let best = max + 1;
  let out: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (seen.has(lc)) continue;
    seen.add(lc);
    if (lc === w) return [];
    if (Math.abs(lc.length - w.length) > best) continue;
    const d = distance(w, lc);
    if (d < best) {
      best = d;
      out = [c];
    } else if (d === best) out.push(c);
  }
  return best <= max ? out : [];
}

/** `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`. */
export function quoteList(names: readonly string[]): string {
  const q = names.map((n) => `'${n}'`);
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/**
 * The end of a "not found" message and its suggestions: `; did you mean 'a' or 'b'?` with
 * one suggestion per name that replaces [start, end) of `file` by it, or `; ${otherwise}`
 * and no suggestion when no name is close. Spread `suggestions` into the report.
 */
export function didYouMean(
  near: readonly string[],
  otherwise: string,
  file: SourceFile,
  start: number,
  end: number,
  describe: (name: string) => string,
): { hint: string; suggestions?: Fix[] } {
  if (!near.length) return { hint: `; ${otherwise}` };
  return {
    hint: `; did you mean ${quoteList(near)}?`,
    suggestions: near.map((n) => ({ description: describe(n), edits: [edit(file, start, end, n)] })),
  };
}
