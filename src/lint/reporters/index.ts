// The report formats, by the name given to --format.
import { compact } from './compact.js';
import { github } from './github.js';
import { json } from './json.js';
import { sarif } from './sarif.js';
import { stylish } from './stylish.js';
import type { Reporter } from './types.js';

export type { Reporter, ReporterContext } from './types.js';

export const REPORTERS: Readonly<Record<string, Reporter>> = { stylish, compact, json, sarif, github };
export const FORMAT_NAMES = Object.keys(REPORTERS);
