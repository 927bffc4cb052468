// Which job-controller pool a channel's jobs run in. One answer for every tool (codemods,
// the language server's hovers): the last `pool`/`queue` keyword in force wins (a channel's
// own over its defaults, later over earlier: channel-keywords.md §1), and a channel with
// none runs in the first pool job_controller.cnf defines (other-files.md, the default pool).
import type { Channel, ConfigModel, KeywordUse } from './types.js';

/** The `pool X` / `queue X` keyword in force on a channel (undefined: none). */
export function poolKeyword(model: ConfigModel, channel: Channel): KeywordUse | undefined {
  let found: KeywordUse | undefined;
  for (const k of model.effectiveKeywords(channel)) if ((k.key === 'pool' || k.key === 'queue') && k.args[0]) found = k;
  return found;
}

/** The pool a channel names, as written (undefined: it names none and runs in the default pool). */
export function namedPool(model: ConfigModel, channel: Channel): string | undefined {
  return poolKeyword(model, channel)?.args[0].value;
}

/** The name of the default pool: the first one job_controller.cnf defines. */
export function defaultPoolName(model: ConfigModel): string | undefined {
  return model.jobController?.pools[0]?.name;
}

/** Whether `pool` (case-insensitive) is the default pool. */
export function isDefaultPool(model: ConfigModel, pool: string): boolean {
  return defaultPoolName(model)?.toLowerCase() === pool.toLowerCase();
}

/** Channels whose jobs run in `pool` (case-insensitive), those in it by default included. */
export function poolUsers(model: ConfigModel, pool: string): Channel[] {
  const lower = pool.toLowerCase();
  const isDefault = isDefaultPool(model, pool);
  return model.channels.filter((c) => {
    const p = namedPool(model, c);
    return p === undefined ? isDefault : p.toLowerCase() === lower;
  });
}
