// `cnflint --list-rules`: every rule with its default severity, whether --fix can fix
// it, and what it catches.
import type { CliIO } from '../io.js';

export async function listRules(io: CliIO): Promise<number> {
  const { ruleMetas } = await import('../../lint/engine.js');
  const metas = [...ruleMetas().values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const idWidth = Math.max(4, ...metas.map((m) => m.id.length));
  const rows = [`${'rule'.padEnd(idWidth)}  severity  fixable  description`];
  for (const m of metas) rows.push(`${m.id.padEnd(idWidth)}  ${m.severity.padEnd(8)}  ${(m.fixable ? 'yes' : 'no').padEnd(7)}  ${m.description}`);
  io.stdout.write(`${rows.join('\n')}\n`);
  return 0;
}
