// The rule catalogue: every rule module, in the order their ids sort.
import type { Rule } from '../src/lint/types.js';
import blankLineInRewriteRules from './blank-line-in-rewrite-rules.js';
import brokenContinuation from './broken-continuation.js';
import channelBlockSeparation from './channel-block-separation.js';
import commentedSectionHeader from './commented-section-header.js';
import conflictingKeywords from './conflicting-keywords.js';
import crlfLineEndings from './crlf-line-endings.js';
import debugKeywords from './debug-keywords.js';
import defaultsHostLine from './defaults-host-line.js';
import dispatcherProcs from './dispatcher-procs.js';
import dispatcherUnknownChannel from './dispatcher-unknown-channel.js';
import duplicateChannel from './duplicate-channel.js';
import duplicateHost from './duplicate-host.js';
import duplicatePool from './duplicate-pool.js';
import duplicateRewriteRule from './duplicate-rewrite-rule.js';
import includeDepth from './include-depth.js';
import jobControllerSettings from './job-controller-settings.js';
import keywordArguments from './keyword-arguments.js';
import keywordPlacement from './keyword-placement.js';
import lineLength from './line-length.js';
import localChannelFirst from './local-channel-first.js';
import misplacedComment from './misplaced-comment.js';
import missingChannelTable from './missing-channel-table.js';
import missingInclude from './missing-include.js';
import missingOfficialHost from './missing-official-host.js';
import multipleBlankLines from './multiple-blank-lines.js';
import optionSyntax from './option-syntax.js';
import poolBlankLines from './pool-blank-lines.js';
import ruleWithoutTemplate from './rule-without-template.js';
import spamfilterLibrary from './spamfilter-library.js';
import syncTimeMinimum from './sync-time-minimum.js';
import undefinedMapping from './undefined-mapping.js';
import undefinedPool from './undefined-pool.js';
import unknownChannelSection from './unknown-channel-section.js';
import unknownKeyword from './unknown-keyword.js';
import unknownRoutingHost from './unknown-routing-host.js';
import unresolvedInclude from './unresolved-include.js';
import unusedChannel from './unused-channel.js';
import unusedPool from './unused-pool.js';
import whitespaceOnlyLine from './whitespace-only-line.js';
import wrappedKeywordLine from './wrapped-keyword-line.js';

export const RULES: Rule[] = [
  blankLineInRewriteRules,
  brokenContinuation,
  channelBlockSeparation,
  commentedSectionHeader,
  conflictingKeywords,
  crlfLineEndings,
  debugKeywords,
  defaultsHostLine,
  dispatcherProcs,
  dispatcherUnknownChannel,
  duplicateChannel,
  duplicateHost,
  duplicatePool,
  duplicateRewriteRule,
  includeDepth,
  jobControllerSettings,
  keywordArguments,
  keywordPlacement,
  lineLength,
  localChannelFirst,
  misplacedComment,
  missingChannelTable,
  missingInclude,
  missingOfficialHost,
  multipleBlankLines,
  optionSyntax,
  poolBlankLines,
  ruleWithoutTemplate,
  spamfilterLibrary,
  syncTimeMinimum,
  undefinedMapping,
  undefinedPool,
  unknownChannelSection,
  unknownKeyword,
  unknownRoutingHost,
  unresolvedInclude,
  unusedChannel,
  unusedPool,
  whitespaceOnlyLine,
  wrappedKeywordLine,
];
