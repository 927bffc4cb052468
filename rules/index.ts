// The rule catalogue: every rule module, in the order their ids sort.
import type { Rule } from '../src/lint/types.js';
import commentedSectionHeader from './commented-section-header.js';
import conflictingKeywords from './conflicting-keywords.js';
import debugKeywords from './debug-keywords.js';
import dispatcherProcs from './dispatcher-procs.js';
import dispatcherUnknownChannel from './dispatcher-unknown-channel.js';
import duplicatePool from './duplicate-pool.js';
import keywordArguments from './keyword-arguments.js';
import optionSyntax from './option-syntax.js';
import poolBlankLines from './pool-blank-lines.js';
import syncTimeMinimum from './sync-time-minimum.js';
import undefinedPool from './undefined-pool.js';
import unknownChannelSection from './unknown-channel-section.js';
import unknownKeyword from './unknown-keyword.js';
import unknownRoutingHost from './unknown-routing-host.js';
import unusedChannel from './unused-channel.js';
import unusedPool from './unused-pool.js';

export const RULES: Rule[] = [
  commentedSectionHeader,
  conflictingKeywords,
  debugKeywords,
  dispatcherProcs,
  dispatcherUnknownChannel,
  duplicatePool,
  keywordArguments,
  optionSyntax,
  poolBlankLines,
  syncTimeMinimum,
  undefinedPool,
  unknownChannelSection,
  unknownKeyword,
  unknownRoutingHost,
  unusedChannel,
  unusedPool,
];
