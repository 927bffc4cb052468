// `cnflint explain <rule>`: the rule's documentation page, as written in docs/rules/.
import * as fs from 'node:fs';
import { closest, distance } from 'fastest-levenshtein';
import { ruleDocPath } from '../../lint/package-info.js';
import { UsageError, type CliIO } from '../io.js';

export async function run(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const id = String(args.id ?? '');
  const { ruleMetas } = await import('../../lint/engine.js');
  const metas = ruleMetas();
  const meta = metas.get(id);
  if (!meta) {
    const ids = [...metas.keys()];
    const best = ids.length ? closest(id, ids) : undefined;
    const hint = best && distance(id, best) <= Math.max(3, Math.floor(id.length / 2)) ? `; did you mean '${best}'?` : '';
    throw new UsageError(`unknown rule '${id}'${hint} ('cnflint --list-rules' lists them)`);
  }
  let doc: string;
  try {
    doc = fs.readFileSync(ruleDocPath(id), 'utf8');
  } catch {
    // Every rule should have a page; until it does, say what is known.
    doc = `# ${id}\n\n${meta.description}\n\n(No documentation page yet: ${ruleDocPath(id)}.)\n`;
  }
  io.stdout.write(doc.endsWith('\n') ? doc : `${doc}\n`);
  return 0;
}
