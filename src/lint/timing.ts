// `TIMING=1 cnflint …`: the time each rule took, as ESLint's TIMING environment variable
// shows it (a Markdown table, slowest first; 1 or any non-number: the ten slowest,
// `all`: every rule, a number N: the N slowest). Reading the files (parse + model) is
// its own row, so that a slow rule and a slow configuration can be told apart.

/** How many rows TIMING asks for: undefined when it is unset or empty. */
export function timingRows(value: string | undefined): number | undefined {
  if (value === undefined || value === '' || value === '0') return undefined;
  if (value.toLowerCase() === 'all') return Number.POSITIVE_INFINITY;
  const n = Number.parseInt(value, 10);
  return Number.isInteger(n) && n > 1 ? n : 10;
}

/** The table: rule, milliseconds (3 decimals) and share of the total, slowest first. */
export function formatTimings(timings: ReadonlyMap<string, number>, rows: number): string {
  const entries = [...timings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, rows);
  const total = [...timings.values()].reduce((a, b) => a + b, 0);
  const header = ['Rule', 'Time (ms)', 'Relative'];
  const body = entries.map(([id, ms]) => [id, ms.toFixed(3), `${(total > 0 ? (ms * 100) / total : 0).toFixed(1)}%`]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
  // Markdown alignment row, column for column under ' | ' separated cells.
  const align = `:${'-'.repeat(widths[0])}|${'-'.repeat(widths[1] + 1)}:|${'-'.repeat(widths[2])}:`;
  return [line(header), align, ...body.map(line)].join('\n') + '\n';
}
