// The rule catalogue: every rule module, in the order their ids sort.
import type { Rule } from '../src/lint/types.js';

export const RULES: Rule[] = [
];
