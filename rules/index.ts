// The rule catalogue: every rule module, in the order their ids sort.
import type { Rule } from '../src/lint/types.js';
import unknownKeyword from './unknown-keyword.js';
import keywordArguments from './keyword-arguments.js';
import conflictingKeywords from './conflicting-keywords.js';

export const RULES: Rule[] = [
  keywordArguments,
  unknownKeyword,
  conflictingKeywords,
];
