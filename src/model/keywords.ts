/**
 * The channel keyword table for imta.cnf, as data.
 *
 * One entry per keyword of §2 of the channel keyword reference (channel-keywords.md);
 * every name of an "a / b / c" row becomes its own entry sharing the row's group. Also
 * included: the §2.10 `imsimta test -rewrite` flag names and the extra spellings of the
 * §2.11 version table.
 * Arity follows the spec's §3 quick arity list exactly; everything else is a flag.
 *
 * This module feeds the parser (how many tokens a keyword consumes, §1 rules 6 and 10),
 * the lint rules (unknown keyword, conflicting members of one exclusive group) and the
 * hover documentation (meaning, version notes).
 */

import { isIP } from 'node:net';

export type ArgKind = 'int' | 'name' | 'chan' | 'host' | 'addr' | 'ip' | 'url' | 'tmpl' | 'str' | 'list';

export type Arity =
  | { kind: 'flag' } // 0
  | { kind: 'flag?' } // 0? unconfirmed arity: accepted as flag, never unknown
  | { kind: 'one'; arg: ArgKind } // exactly one token
  | { kind: 'host2' } // defaulthost: host [host2 containing a '.' and not a keyword]
  | { kind: 'intList' } // int*: tokens made of digits and commas (e.g. "1", "2,4,6", "3,")
  | { kind: 'durList' } // dur*: tokens starting with a double quote (ASCII " or curly)
  | { kind: 'ipList' } // ip*: IPv4/IPv6 literal tokens
  | { kind: 'description' }; // 'description': flag, but consumes the next token iff it is double-quoted

export interface KeywordInfo {
  /** Lower case. Family entries use a `<N>` placeholder, e.g. `sourcespamfilter<N>optin`. */
  name: string;
  arity: Arity;
  /** Exclusive group id from the table, e.g. 'ENV-STYLE', 'FILECOPY', 'MX'. */
  group?: string;
  /** The group's default member. */
  isDefault?: boolean;
  /** One or two sentences, paraphrased. */
  meaning: string;
  /** Version / notes, short. */
  version?: string;
  /** Superseded spelling or keyword (e.g. SIMS `queue`). */
  obsolete?: boolean;
  /** True for a family entry matched by regex (the spamfilter<N> families). */
  pattern?: boolean;
  /**
   * Accepted, but never offered as a "did you mean" suggestion: the §2.10 flag names
   * seen only in `imsimta test -rewrite` output (and their PMDF counterparts).
   */
  noSuggest?: boolean;
}

/** Only this many leading characters of a keyword are significant (§1 rule 2). */
export const KEYWORD_SIGNIFICANT_CHARS = 32;

// ---------------------------------------------------------------------------------------
// Arity shorthands

const FLAG: Arity = { kind: 'flag' };
const FLAG_Q: Arity = { kind: 'flag?' };
const DESCRIPTION: Arity = { kind: 'description' };
const HOST2: Arity = { kind: 'host2' };
const INT_LIST: Arity = { kind: 'intList' };
const DUR_LIST: Arity = { kind: 'durList' };
const IP_LIST: Arity = { kind: 'ipList' };
const one = (arg: ArgKind): Arity => ({ kind: 'one', arg });
const INT = one('int');
const NAME = one('name');
const CHAN = one('chan');
const HOST = one('host');
const ADDR = one('addr');
const IP = one('ip');
const URL = one('url');
const TMPL = one('tmpl');
const STR = one('str');
const LIST = one('list');

type Extra = Omit<KeywordInfo, 'name' | 'arity' | 'meaning'>;

function k(name: string, arity: Arity, meaning: string, extra: Extra = {}): KeywordInfo {
  return { name, arity, meaning, ...extra };
}

/**
 * Puts `members` into exclusive group `id`. `defaults` names the documented default
 * member(s); an empty list means the table states no default.
 */
function group(id: string, defaults: readonly string[], members: KeywordInfo[]): KeywordInfo[] {
  for (const d of defaults) {
    if (!members.some((m) => m.name === d)) throw new Error(`keywords: default ${d} not in group ${id}`);
  }
  return members.map((m) => {
    const out: KeywordInfo = { ...m, group: id };
    if (defaults.includes(m.name)) out.isDefault = true;
    return out;
  });
}

const TEST_REWRITE_ONLY =
  'Internal flag name printed in the "channel flags" of imsimta test -rewrite; accepted as a keyword (probably PMDF heritage) but not documented for 6.x.';
const PMDF_COUNTERPART =
  'PMDF keyword, counterpart of a flag name printed by imsimta test -rewrite; accepted but not documented for 6.x.';

// ---------------------------------------------------------------------------------------
// §2.1 Address conventions and rewriting

const ADDRESSING: KeywordInfo[] = [
  ...group('ENV-STYLE', ['822'], [
    k('822', FLAG, 'Envelope addresses are routed with RFC 822 source routes.', { version: 'synonym sourceroute' }),
    k('sourceroute', FLAG, 'Synonym of 822: source routes in envelope addresses.'),
    k('733', FLAG, 'Envelope addresses are routed with "%" instead of source routes; this can break RFC 821 on SMTP channels.', { version: 'synonym percents' }),
    k('percents', FLAG, 'Synonym of 733: "%" routing in envelope addresses.'),
    k('uucp', FLAG, 'Envelope addresses use "!" bang-path routing.', { version: 'synonym bangstyle' }),
    k('bangstyle', FLAG, 'Synonym of uucp: bang-path routing in envelope addresses.'),
  ]),
  ...group('HDR-STYLE', ['header_822'], [
    k('header_822', FLAG, 'Header addresses use source routes.'),
    k('header_733', FLAG, 'Header addresses use "%" routing.'),
    k('header_uucp', FLAG, 'Header addresses use bang paths.'),
  ]),
  ...group('BANGPCT', ['nobangoverpercent'], [
    k('bangoverpercent', FLAG, 'Interpret A!B%C as A!(B%C): "!" binds less tightly, which changes the host extracted first.'),
    k('nobangoverpercent', FLAG, 'Interpret A!B%C as (A!B)%C.'),
    k('percentonly', FLAG, 'Ignore "!" bang paths for routing while still treating "%" as a routing separator.', { version: '2005Q4, 6.3 (not SIMS); group membership inferred' }),
  ]),
  ...group('EXPROUTE', ['noexproute'], [
    k('exproute', FLAG, 'Add explicit source routes via this host to addresses handed to remote systems.'),
    k('noexproute', FLAG, 'Do not add explicit routes.'),
  ]),
  ...group('IMPROUTE', ['noimproute'], [
    k('improute', FLAG, 'Treat addresses as implicitly routed through this channel\'s host.'),
    k('noimproute', FLAG, 'No implicit routing through this channel\'s host.'),
  ]),
  ...group('DEFHOST', ['nodefaulthost'], [
    k('defaulthost', HOST2, 'Domain added to bare user names arriving on this channel (envelope From and headers; envelope To on submit channels). An optional second domain, which must contain a ".", is used for envelope To.'),
    k('nodefaulthost', FLAG, 'No channel-specific domain for bare user names.'),
  ]),
  ...group('REMOTEHOST', ['noremotehost'], [
    k('remotehost', FLAG, 'Complete bare addresses with the host name the remote client announced.'),
    k('noremotehost', FLAG, 'Complete bare addresses with the local host name.'),
  ]),
  ...group('RESTRICT', ['unrestricted'], [
    k('restricted', FLAG, 'Apply RFC 1137 restricted mailbox encoding.'),
    k('unrestricted', FLAG, 'No RFC 1137 restricted mailbox encoding.'),
    k('norestricted', FLAG, 'Synonym of unrestricted.'),
  ]),
  ...group('REVERSE', ['reverse'], [
    k('reverse', FLAG, 'Apply address reversal (reverse database / REVERSE mapping) to messages enqueued to this channel.'),
    k('noreverse', FLAG, 'Exempt this channel from address reversal.'),
  ]),
  ...group('RULES', ['rules'], [
    k('rules', FLAG, 'Enforce channel-specific rewrite-rule checks ($M, $N, $C, $Q) for this channel.'),
    k('norules', FLAG, 'Skip channel-specific rewrite-rule checks for this channel.'),
  ]),
  ...group('CONNECT', ['connectalias'], [
    k('connectalias', FLAG, 'Leave addresses unchanged on dequeue.', { version: 'default inferred' }),
    k('connectcanonical', FLAG, 'Rewrite addresses to the canonical host name on dequeue.'),
  ]),
  k('dequeue_removeroute', FLAG, 'Strip source routes from envelope To addresses on dequeue, for receivers that mishandle them. Only implemented for tcp_* channels.', { version: '7.x unified name dequeueremoveroute' }),
  k('enqueue_removeroute', FLAG_Q, 'Presumably the enqueue-time counterpart of dequeue_removeroute; no description found, arity unconfirmed.', { version: '2005Q4/6.3 aliasdetourhost example only' }),
  k('routelocal', FLAG, 'Collapse explicit routing (!, %, source routes) in addresses rewritten to this channel, as is done for the local channel. Meant for internal channels.', { version: '2005Q4, 6.3' }),
  k('aliaslocal', FLAG, 'Also look up addresses rewritten to this channel in the alias file/database (normally only done for the local channel).'),
  k('aliaspostmaster', FLAG, 'Redirect mail for postmaster at this channel\'s official host to the local postmaster.'),
  k('aliasdetourhost', HOST, 'On a source channel: stop LDAP alias expansion just before mailHost is checked and route to this host (or domain, IP literal, channel tag) instead.', { version: 'iMS 5.2p2 / MS 6.1' }),
  k('aliasoptindetourhost', LIST, 'Like aliasdetourhost, but only for users who opted in via the LDAP attribute named by LDAP_DETOURHOST_OPTIN; the argument is a comma-separated list of candidate detour hosts.', { version: '6.3' }),
  ...group('VIAALIAS', ['viaaliasoptional'], [
    k('viaaliasoptional', FLAG, 'Final recipient addresses matching this channel need not come from alias expansion.'),
    k('viaaliasrequired', FLAG, 'Final recipient addresses matching this channel must result from alias or directory expansion (e.g. on l, so native accounts cannot be addressed directly).'),
  ]),
  ...group('SUBADDR', ['subaddressrelaxed'], [
    k('subaddressexact', FLAG, 'Alias/directory matching tries only the complete mailbox including its +subaddress.'),
    k('subaddresswild', FLAG, 'Try the complete mailbox, then a name+* entry.'),
    k('subaddressrelaxed', FLAG, 'Try the complete mailbox, then name+*, then the bare name without subaddress.', { version: 'only matters on l, the directory channel and aliaslocal channels' }),
  ]),
  ...group('SRS-ADDR', ['noaddresssrs'], [
    k('addresssrs', FLAG, 'A rewritten MAIL FROM matching this channel is eligible for the Sender Rewriting Scheme.', { version: '6.3p1' }),
    k('noaddresssrs', FLAG, 'MAIL FROM addresses matching this channel are not eligible for SRS.', { version: '6.3p1' }),
  ]),
  ...group('SRS-DEST', ['nodestinationsrs'], [
    k('destinationsrs', FLAG, 'Apply SRS to messages sent to this destination channel.', { version: '6.3p1' }),
    k('nodestinationsrs', FLAG, 'No SRS for messages sent to this channel.', { version: '6.3p1' }),
  ]),
  ...group('SRS-SRC', ['nosourcesrs'], [
    k('sourcesrs', FLAG, 'Apply SRS to messages arriving from this source channel.', { version: '6.3p1' }),
    k('nosourcesrs', FLAG, 'No SRS for messages arriving from this channel.', { version: '6.3p1' }),
  ]),
  ...group('RETADDR', ['noreturnaddress'], [
    k('returnaddress', ADDR, 'Postmaster address used as the sender of notifications generated for this channel.', { version: 'default from RETURN_ADDRESS option' }),
    k('noreturnaddress', FLAG, 'Use the global RETURN_ADDRESS for notifications.'),
  ]),
  ...group('RETPERS', ['noreturnpersonal'], [
    k('returnpersonal', STR, 'Personal name shown with that postmaster address; quote it if it contains spaces.', { version: 'default from RETURN_PERSONAL option' }),
    k('noreturnpersonal', FLAG, 'Use the global RETURN_PERSONAL for notifications.'),
  ]),
  k('returnenvelope', INT, 'Bit mask for envelope From handling: 1 notices use the postmaster address instead of an empty From, 2 replace empty From with postmaster, 4 refuse syntactically invalid return addresses, 8 same as mailfromdnsverify.'),
  k('missingrecipientpolicy', INT, 'What to do with messages lacking To/Cc/Bcc: 0 best practice, 1 pass unchanged (default), 2 add To: from envelope, 3 one Bcc: with all recipients, 4 add empty group To:, 5 add empty Bcc:, 6 reject.', { version: 'global default MISSING_RECIPIENT_POLICY' }),
  k('authrewrite', INT, 'On a source channel: carry the SMTP AUTH identity into headers (0 none, 1 Sender:/Resent-Sender:, 2 Sender:, 3/4 AUTH_REWRITE mapping, 5/6 From:). Bits 16 and 32 (6.2) apply it without AUTH / prefix the probe with the source channel.'),
  k('holdlimit', INT, 'Messages with more than N envelope recipients are marked .HELD and queued to reprocess (or expandchannel).', { version: '6.x; not in SIMS' }),
  k('expandlimit', INT, 'With more than N recipients, defer address expansion to the reprocessing channel (0 = always defer). Not for l or reprocess.'),
  k('expandchannel', CHAN, 'Channel used for deferred expansion (default reprocess); should be a reprocess/process-type channel.', { version: '5.x+' }),
];

// ---------------------------------------------------------------------------------------
// §2.2 Header handling

const HEADERS: KeywordInfo[] = [
  ...group('COMMENT', ['commentinc'], [
    k('commentinc', FLAG, 'Keep ( … ) comments in address headers.'),
    k('commentmap', FLAG, 'Pass comments through the COMMENT_STRINGS mapping (acts like commentstrip without one).', { version: 'not in SIMS' }),
    k('commentomit', FLAG, 'Remove comments from address headers.'),
    k('commentstrip', FLAG, 'Remove non-atomic characters from comments.'),
    k('commenttotal', FLAG, 'Remove comments from every header except Received:.'),
  ]),
  ...group('SRCCOMMENT', ['sourcecommentinc'], [
    k('sourcecommentinc', FLAG, 'Source-channel version of commentinc: keep comments.'),
    k('sourcecommentmap', FLAG, 'Source-channel version of commentmap: map comments through COMMENT_STRINGS.'),
    k('sourcecommentomit', FLAG, 'Source-channel version of commentomit: drop comments.'),
    k('sourcecommentstrip', FLAG, 'Source-channel version of commentstrip: strip non-atomic characters.'),
    k('sourcecommenttotal', FLAG, 'Source-channel version of commenttotal: drop comments everywhere but Received:.'),
  ]),
  ...group('PERSONAL', ['personalinc'], [
    k('personalinc', FLAG, 'Keep personal names ("Name" <addr>) in address headers.'),
    k('personalmap', FLAG, 'Pass personal names through the PERSONAL_NAMES mapping.'),
    k('personalomit', FLAG, 'Remove personal names.'),
    k('personalstrip', FLAG, 'Remove problematic characters from personal names.'),
  ]),
  ...group('SRCPERSONAL', ['sourcepersonalinc'], [
    k('sourcepersonalinc', FLAG, 'Source-channel version of personalinc.'),
    k('sourcepersonalmap', FLAG, 'Source-channel version of personalmap.'),
    k('sourcepersonalomit', FLAG, 'Source-channel version of personalomit.'),
    k('sourcepersonalstrip', FLAG, 'Source-channel version of personalstrip.'),
  ]),
  ...group('DATE', ['datefour'], [
    k('datefour', FLAG, 'Expand two-digit years in dates to four digits.'),
    k('datetwo', FLAG, 'Keep or produce two-digit years.'),
  ]),
  ...group('DOW', ['dayofweek'], [
    k('dayofweek', FLAG, 'Keep or add the day of the week in dates.'),
    k('nodayofweek', FLAG, 'Remove the day of the week from dates.'),
  ]),
  k('headerlabelalign', INT, 'Column at which header contents are aligned; 0 (default) means no alignment.'),
  k('headerlinelength', INT, 'Fold header lines longer than N characters.'),
  ...group('HTRIM', ['noheadertrim'], [
    k('headertrim', FLAG, 'Apply the channel\'s header trimming option file (<channel>_headers.opt) on dequeue.'),
    k('noheadertrim', FLAG, 'No header trimming on dequeue.'),
  ]),
  ...group('HREAD', ['noheaderread'], [
    k('headerread', FLAG, 'Apply the channel\'s header option file on enqueue.'),
    k('noheaderread', FLAG, 'No header option file on enqueue.'),
  ]),
  ...group('ITRIM', ['noinnertrim'], [
    k('innertrim', FLAG, 'Apply header trimming to embedded message/rfc822 parts as well.'),
    k('noinnertrim', FLAG, 'Header trimming only for the outer header.'),
  ]),
  ...group('HEADERPOS', ['headerinc'], [
    k('headerinc', FLAG, 'Deliver the message header in its usual place, before the body.', { version: 'PMDF heritage; test -rewrite prints HEADERINC' }),
    k('headerbottom', FLAG, 'Deliver the message header after the body. Only for special end-user delivery channels, never for MTA relays.', { version: 'mentioned in 2005Q4/6.3; PMDF, 7.x wiki' }),
    k('headeromit', FLAG, 'Drop the message header entirely on delivery. Only for special end-user delivery channels, never for MTA relays.', { version: 'mentioned in 2005Q4/6.3; PMDF, 7.x wiki' }),
  ]),
  ...group('INNER', ['noinner'], [
    k('inner', FLAG, 'Also rewrite the headers of embedded messages.', { version: 'tcp_local carries it in 6.x/7.x defaults' }),
    k('noinner', FLAG, 'Rewrite only the outer message header.'),
  ]),
  k('maxheaderaddrs', INT, 'Split address headers so that no header line carries more than N addresses (default unlimited).'),
  k('maxheaderchars', INT, 'Split address headers so that no header line exceeds N characters.'),
  k('headerlimit', INT, 'Maximum size of the outermost header; longer headers are silently truncated (HEADER_LIMIT option overrides).', { version: '6.3' }),
  k('maxprocchars', INT, 'Longest header line the MTA will parse and rewrite; longer ones pass through untouched (default unlimited).'),
  ...group('DROPBLANK', ['nodropblank'], [
    k('dropblank', FLAG, 'Remove header lines whose contents are empty.'),
    k('nodropblank', FLAG, 'Keep empty header lines.'),
  ]),
  ...group('XENVTO', ['nox_env_to'], [
    k('x_env_to', FLAG, 'Add an X-Envelope-to: header (together with single).'),
    k('nox_env_to', FLAG, 'Do not add X-Envelope-to: headers.'),
  ]),
  ...group('RETPATH', ['noaddreturnpath'], [
    k('addreturnpath', FLAG, 'Add a Return-path: header on enqueue.', { version: 'built-in default for ims-ms/LMTP per 7.x wiki' }),
    k('noaddreturnpath', FLAG, 'Do not add Return-path: on enqueue.'),
  ]),
  ...group('RCVDFOR', ['receivedfor'], [
    k('receivedfor', FLAG, 'Name the single envelope recipient in the "for" clause of Received:.'),
    k('noreceivedfor', FLAG, 'Omit the "for" clause from Received:.'),
  ]),
  ...group('RCVDFROM', ['receivedfrom'], [
    k('receivedfrom', FLAG, 'Include the original envelope From in Received:.'),
    k('noreceivedfrom', FLAG, 'Omit the original envelope From from Received:.'),
  ]),
  ...group('POSTHEAD', ['postheadbody'], [
    k('postheadbody', FLAG, 'Postmaster copies of bounces contain the whole message.'),
    k('postheadonly', FLAG, 'Postmaster copies of bounces contain only the headers.'),
  ]),
  k('language', NAME, 'Language assumed for encoded words in headers that do not carry their own language tag.', { version: '2005Q4, 6.3' }),
  ...group('SENSITIVITY', ['sensitivitycompanyconfidential'], [
    k('sensitivitynormal', FLAG, 'Accept only messages whose Sensitivity: is at most Normal; more sensitive messages are refused.', { version: '2005Q4, 6.3; also PMDF' }),
    k('sensitivitypersonal', FLAG, 'Accept messages up to Sensitivity: Personal.', { version: '2005Q4, 6.3; also PMDF' }),
    k('sensitivityprivate', FLAG, 'Accept messages up to Sensitivity: Private.', { version: '2005Q4, 6.3; also PMDF' }),
    k('sensitivitycompanyconfidential', FLAG, 'Accept messages up to Sensitivity: Company-Confidential, i.e. all.', { version: '2005Q4, 6.3; also PMDF' }),
  ]),
  ...group('ENCODING', ['interpretencoding'], [
    k('ignoreencoding', FLAG, 'Ignore the non-standard RFC 1154 Encoding: header.', { version: 'AG index misspells it ignorencoding' }),
    k('interpretencoding', FLAG, 'Honour the non-standard RFC 1154 Encoding: header.'),
  ]),
  k('ignoremessageencoding', FLAG_Q, 'Listed next to ignoreencoding; no description found, arity and group unconfirmed.', { version: '6.3 AG index only' }),
  k('ignoremultipartencoding', FLAG_Q, 'Listed next to ignoreencoding; no description found, arity and group unconfirmed.', { version: '6.3 AG index only' }),
  ...group('MSGHASH', ['deletemessagehash'], [
    k('generatemessagehash', FLAG, 'On a destination channel: add a Message-hash: header (algorithm and fields from MESSAGE_HASH_ALGORITHM / MESSAGE_HASH_FIELDS).', { version: '6.3' }),
    k('keepmessagehash', FLAG, 'Leave an existing Message-hash: header in place.', { version: '6.3' }),
    k('deletemessagehash', FLAG, 'Remove any existing Message-hash: header.', { version: '6.3' }),
  ]),
  k('parameterlengthlimit', INT, 'Truncate MIME Content-Type/Content-Disposition parameters longer than N.', { version: '6.x' }),
  k('nameparameterlengthlimit', INT, 'Truncate MIME name/filename parameters longer than N.', { version: '6.3 (AR index spells it nameparamterlengthlimit)' }),
];

// ---------------------------------------------------------------------------------------
// §2.3 Message processing, delivery, jobs and queues

const PROCESSING: KeywordInfo[] = [
  ...group('DIRECTION', ['bidirectional'], [
    k('bidirectional', FLAG, 'The channel has both a master (outbound) and a slave (inbound) program.'),
    k('master', FLAG, 'The channel has only a master (outbound) program.'),
    k('slave', FLAG, 'The channel has only a slave (inbound) program.'),
  ]),
  // The IMM group's documented default (immnormal) is PMDF-only, so no member is the default here.
  ...group('IMM', [], [
    k('immnonurgent', FLAG, 'Start delivery immediately for messages of every priority, including non-urgent.', { version: 'immnormal/immurgent/periodic are PMDF-only' }),
  ]),
  ...group('DEFERRED', ['nodeferred'], [
    k('deferred', FLAG, 'Honour Deferred-delivery: headers.'),
    k('nodeferred', FLAG, 'Ignore Deferred-delivery: headers.'),
  ]),
  k('maxjobs', INT, 'Maximum number of simultaneous delivery jobs for this channel; the effective limit is also capped by the pool\'s JOB_LIMIT.'),
  k('pool', NAME, 'Job-controller pool for this channel\'s jobs; must match a [POOL=name] in job_controller.cnf (otherwise the first pool is used). At most 12 characters (11 in some editions).', { version: '5.0+; SIMS used queue' }),
  k('queue', NAME, 'SIMS 3.5/4.0 predecessor of pool, matching a [QUEUE=name] section.', { version: 'SIMS; obsolete, use pool', obsolete: true }),
  k('threaddepth', INT, 'Messages backlogged per thread before the job controller starts another thread or process (default 10).'),
  k('addrsperjob', INT, 'Start an additional delivery job for every N queued recipients (0 or less: one job).'),
  k('filesperjob', INT, 'Start an additional delivery job for every N queue files.'),
  k('addrsperfile', INT, 'Maximum number of recipients per queue file (message copy).'),
  ...group('FILECOPY', ['multiple'], [
    k('single', FLAG, 'One queue-file copy per envelope recipient.'),
    k('single_sys', FLAG, 'One queue-file copy per destination system.'),
    k('multiple', FLAG, 'Any number of recipients per queue-file copy.'),
  ]),
  k('subdirs', INT, 'Spread this channel\'s queue over N subdirectories (1-999).', { version: '7.x default 20' }),
  k('daemon', HOST, 'For SMTP: connect to this host (smart host / firewall) instead of the envelope host; ignored unless fully qualified. Other channel types interpret it differently.'),
  ...group('MULTIGATE', ['nomultigate'], [
    k('multigate', FLAG, 'Deliver to the daemon target on the system named in the recipient address instead of the channel\'s official host; today used on LMTP channels.', { version: '2005Q4/6.3 LMTP setup; PMDF, 7.x wiki' }),
    k('nomultigate', FLAG, 'Route to the channel\'s official host as usual.'),
  ]),
  k('lastresort', HOST, 'For SMTP: host to try when every MX/A connection attempt has failed temporarily.'),
  k('backoff', DUR_LIST, 'Retry intervals for all priorities as quoted ISO 8601 durations ("pt5m" "pt30m" "p1d"); the last repeats until the notices period ends.', { version: '5.x+' }),
  k('nonurgentbackoff', DUR_LIST, 'Retry intervals for non-urgent messages, overriding backoff.'),
  k('normalbackoff', DUR_LIST, 'Retry intervals for normal-priority messages, overriding backoff.'),
  k('urgentbackoff', DUR_LIST, 'Retry intervals for urgent messages, overriding backoff.'),
  k('notices', INT_LIST, 'Days (hours if RETURN_UNITS=1) after which delay warnings are sent; the last value is the bounce time. Space- or comma-separated.'),
  k('nonurgentnotices', INT_LIST, 'notices for non-urgent messages.'),
  k('normalnotices', INT_LIST, 'notices for normal-priority messages.'),
  k('urgentnotices', INT_LIST, 'notices for urgent messages.'),
  k('urgentblocklimit', INT, 'Urgent messages larger than N blocks are downgraded to normal priority.'),
  k('normalblocklimit', INT, 'Normal messages larger than N blocks are downgraded to non-urgent priority.'),
  k('nonurgentblocklimit', INT, 'Non-urgent messages larger than N blocks are downgraded further.'),
  k('after', STR, 'Delay (delta time) before the channel\'s master program runs; one token, quote it if it has spaces.', { version: 'SIMS/PMDF; still in 2005Q4/6.3 tables' }),
  ...group('EXQUOTA', [], [
    k('holdexquota', FLAG, 'Native (Berkeley mailbox) delivery: keep over-quota messages queued until deliverable or timed out.'),
    k('exquota', FLAG, 'Native delivery: presumably deliver over-quota messages anyway.', { version: 'AR index only; test -rewrite shows EXQUOTA' }),
    k('noexquota', FLAG, 'Native delivery: return over-quota messages to the sender.'),
  ]),
  ...group('DEFRAG', ['nodefragment'], [
    k('defragment', FLAG, 'Queue message/partial parts to the defragment channel for reassembly.'),
    k('nodefragment', FLAG, 'Do not reassemble message/partial parts.'),
  ]),
  k('maxblocks', INT, 'Fragment messages larger than N blocks into message/partial parts.'),
  k('maxlines', INT, 'Fragment messages longer than N lines into message/partial parts.'),
  k('caption', STR, 'Display name of the channel for the Monitoring Framework.', { version: '6.3' }),
  k('description', DESCRIPTION, 'Listed in the 6.3 AG index without a description; probably a display string like caption, so a following quoted token is consumed.', { version: '6.3 index; arity unconfirmed' }),
  k('service', FLAG_Q, 'Listed in the 6.3 AR index next to the sensitivity keywords; no description found, arity unconfirmed.', { version: '6.3 index' }),
  k('user', NAME, 'Pipe channel: account the program runs under; lower-cased unless quoted.'),
  k('submit', FLAG, 'Marks a submit-only channel (RFC 2476 message submission), usually an SMTP server on port 587.', { version: '2005Q4, 6.3' }),
];

// ---------------------------------------------------------------------------------------
// §2.4 Size, recipient and session limits

const LIMITS: KeywordInfo[] = [
  ...group('BLOCKLIMIT', ['noblocklimit'], [
    k('blocklimit', INT, 'Reject messages larger than N blocks (BLOCK_SIZE bytes each, default 1024).'),
    k('noblocklimit', FLAG, 'No channel size limit in blocks.'),
  ]),
  ...group('LINELIMIT', ['nolinelimit'], [
    k('linelimit', INT, 'Reject messages longer than N lines.'),
    k('nolinelimit', FLAG, 'No channel limit on message lines.'),
  ]),
  k('sourceblocklimit', INT, 'Size limit in blocks for messages submitted by this channel.'),
  k('alternatechannel', CHAN, 'Destination channel for messages that exceed the alternate* limits.', { version: '6.0+' }),
  k('alternateblocklimit', INT, 'Messages larger than N blocks are diverted to alternatechannel.', { version: '6.0+' }),
  k('alternatelinelimit', INT, 'Messages longer than N lines are diverted to alternatechannel.', { version: '6.0+' }),
  k('alternaterecipientlimit', INT, 'Messages with more than N recipients are diverted to alternatechannel.', { version: '6.0+' }),
  k('recipientlimit', INT, 'Source channel: accept at most N recipients per message; the rest get 452.', { version: '6.1' }),
  k('recipientcutoff', INT, 'Source channel: refuse the whole message when more than N recipients were offered.', { version: '6.1' }),
  k('deferralrejectlimit', INT, 'After N bad RCPT TO addresses, answer further RCPTs with temporary errors.', { version: '6.2' }),
  k('transactionlimit', INT, 'Maximum number of messages (MAIL FROM) per SMTP session.', { version: '6.1' }),
  k('disconnectrecipientlimit', INT, 'Disconnect once the session\'s recipient count exceeds N.', { version: '6.2/6.3' }),
  k('disconnectrejectlimit', INT, 'Disconnect after N rejected recipients.', { version: '6.2/6.3' }),
  k('disconnecttransactionlimit', INT, 'Disconnect after N transactions.', { version: '6.2' }),
  k('disconnectbadcommandlimit', INT, 'Disconnect after N bad commands.', { version: '6.3' }),
  k('disconnectbadauthlimit', INT, 'Disconnect after N failed AUTH attempts (default 3).', { version: '6.x' }),
];

// ---------------------------------------------------------------------------------------
// §2.5 SMTP protocol

const SMTP: KeywordInfo[] = [
  ...group('SMTP', ['nosmtp'], [
    k('smtp', FLAG, 'The channel speaks SMTP (required in some form on every SMTP channel); line terminators as smtp_crlf per the corrected 6.3 guide.'),
    k('nosmtp', FLAG, 'The channel does not speak SMTP.'),
    k('smtp_cr', FLAG, 'SMTP, also accepting a bare CR as line terminator.'),
    k('smtp_crlf', FLAG, 'SMTP, accepting only CRLF as line terminator.'),
    k('smtp_lf', FLAG, 'SMTP, also accepting a bare LF as line terminator.'),
    k('smtp_crorlf', FLAG, 'SMTP, accepting CR, LF or CRLF as line terminator.'),
  ]),
  ...group('EHLO', ['checkehlo'], [
    k('ehlo', FLAG, 'Always try EHLO.'),
    k('noehlo', FLAG, 'Never use EHLO.'),
    k('checkehlo', FLAG, 'Use EHLO only when the server banner mentions ESMTP.'),
  ]),
  ...group('ETRN', ['allowetrn'], [
    k('allowetrn', FLAG, 'Honour ETRN commands from clients.'),
    k('blocketrn', FLAG, 'Refuse ETRN commands.'),
    k('domainetrn', FLAG, 'Honour only ETRN naming a domain, without echoing the channel name.'),
    k('silentetrn', FLAG, 'Honour all ETRN commands without echoing the channel name.'),
    k('disableetrn', FLAG, 'Neither advertise nor accept ETRN.'),
  ]),
  ...group('SENDETRN', ['nosendetrn'], [
    k('sendetrn', HOST, 'As a client, send ETRN with this host to servers that advertise it.'),
    k('nosendetrn', FLAG, 'Do not send ETRN.'),
  ]),
  ...group('VRFY-CLIENT', ['novrfy'], [
    k('domainvrfy', FLAG, 'As a client, VRFY the full address.'),
    k('localvrfy', FLAG, 'As a client, VRFY only the local part.'),
    k('novrfy', FLAG, 'As a client, never use VRFY.', { version: 'default inferred' }),
  ]),
  ...group('VRFY-SERVER', ['vrfydefault'], [
    k('vrfyallow', FLAG, 'Answer VRFY with full information.'),
    k('vrfydefault', FLAG, 'Answer VRFY according to the default server policy.'),
    k('vrfyhide', FLAG, 'Answer VRFY without revealing information.'),
  ]),
  ...group('EXPN', ['expndefault'], [
    k('expnallow', FLAG, 'Answer EXPN requests.'),
    k('expndefault', FLAG, 'Answer EXPN according to the default server policy.'),
    k('expndisable', FLAG, 'Refuse EXPN requests.'),
  ]),
  ...group('MFDNS', ['nomailfromdnsverify'], [
    k('mailfromdnsverify', FLAG, 'Require the MAIL FROM domain to exist in DNS.'),
    k('nomailfromdnsverify', FLAG, 'Do not check the MAIL FROM domain in DNS.'),
  ]),
  ...group('LONGLINES', ['truncatesmtplonglines'], [
    k('rejectsmtplonglines', FLAG, 'Reject messages with SMTP lines over 1000 octets.', { version: '6.x' }),
    k('truncatesmtplonglines', FLAG, 'Truncate SMTP lines over 1000 octets.', { version: '6.x' }),
    k('wrapsmtplonglines', FLAG, 'Wrap SMTP lines over 1000 octets.', { version: '6.x' }),
  ]),
  k('streaming', INT, 'Degree of SMTP command streaming (0-3) when pipelining is not negotiated; default 0.'),
  ...group('CHUNK-C', [], [
    k('chunkingclient', FLAG, 'Use BDAT/CHUNKING as an SMTP client.', { version: '6.3' }),
    k('nochunkingclient', FLAG, 'Do not use CHUNKING as a client.', { version: '6.3' }),
  ]),
  ...group('CHUNK-S', [], [
    k('chunkingserver', FLAG, 'Offer CHUNKING as an SMTP server.', { version: '6.3' }),
    k('nochunkingserver', FLAG, 'Do not offer CHUNKING as a server.', { version: '6.3' }),
  ]),
  ...group('8BIT', ['eightnegotiate'], [
    k('eightbit', FLAG, 'The channel carries 8-bit data.'),
    k('eightnegotiate', FLAG, 'Negotiate 8-bit transport (8BITMIME) with the peer.'),
    k('eightstrict', FLAG, 'Negotiate 8-bit transport and refuse unnegotiated 8-bit data.'),
    k('sevenbit', FLAG, 'The channel carries only 7-bit data; 8-bit content is encoded.'),
  ]),
  k('charset7', NAME, 'Charset label applied to unlabeled 7-bit text.'),
  k('charset8', NAME, 'Charset label applied to unlabeled 8-bit text.'),
  k('charsetesc', NAME, 'Charset label applied to unlabeled text containing ESC.'),
  ...group('LOOPCHECK', ['noloopcheck'], [
    k('loopcheck', FLAG, 'Put a tag in the SMTP banner/EHLO and refuse connections to ourselves.', { version: '6.x' }),
    k('noloopcheck', FLAG, 'No SMTP loop check.'),
  ]),
  ...group('MSX', ['nomsexchange'], [
    k('msexchange', FLAG, 'Work around MS Exchange clients\' broken AUTH/TLS handling.'),
    k('nomsexchange', FLAG, 'No MS Exchange workarounds.'),
  ]),
  k('sourcenosolicit', LIST, 'Comma-separated NO-SOLICIT values refused in mail from this channel.'),
  k('destinationnosolicit', LIST, 'Comma-separated NO-SOLICIT values refused in mail to this channel.'),
];

// ---------------------------------------------------------------------------------------
// §2.6 TCP/IP connections, DNS, channel switching, SASL, TLS

const TCPIP: KeywordInfo[] = [
  ...group('MX', ['defaultmx'], [
    k('mx', FLAG, 'Use MX records (currently the same as nonrandommx).'),
    k('nomx', FLAG, 'Do not use MX records.'),
    k('nodns', FLAG, 'No DNS lookups at all.', { version: 'PMDF/7.x wiki; not among the 6.x MX keywords' }),
    k('defaultmx', FLAG, 'Use MX records if the network says they are supported.'),
    k('randommx', FLAG, 'Try equal-preference MX hosts in random order.'),
    k('nonrandommx', FLAG, 'Try equal-preference MX hosts in the order received.'),
  ]),
  ...group('NS', ['defaultnameservers'], [
    k('nameservers', IP_LIST, 'Query these name servers (IP addresses) instead of the system resolver list.'),
    k('defaultnameservers', FLAG, 'Use the system resolver\'s name servers.'),
  ]),
  k('port', INT, 'TCP port for outbound connections (default 25).'),
  k('interfaceaddress', IP, 'Local IP address outgoing connections bind to.'),
  ...group('CACHE', ['cacheeverything'], [
    k('cacheeverything', FLAG, 'Cache both connection successes and failures.'),
    k('cachefailures', FLAG, 'Cache only connection failures.'),
    k('cachesuccesses', FLAG, 'Cache only connection successes.'),
    k('nocache', FLAG, 'Do not cache connection results.'),
    k('cachesuccess', FLAG, 'SIMS 3.5 spelling of cachesuccesses.', { version: 'SIMS 3.5; became cachesuccesses', obsolete: true }),
  ]),
  ...group('IDENT', ['identnone'], [
    k('identnone', FLAG, 'No IDENT query; do reverse DNS and show host name and IP in Received:.', { version: 'default inferred' }),
    k('identnonelimited', FLAG, 'No IDENT query; limited Received: information.'),
    k('identnonenumeric', FLAG, 'No IDENT query and no reverse DNS; show only the IP address.', { version: '6.3 doc misspells it identtnonnumeric' }),
    k('identnonesymbolic', FLAG, 'No IDENT query; show only the host name.'),
    k('identtcp', FLAG, 'Do RFC 1413 IDENT lookups; show host name and IP.'),
    k('identtcplimited', FLAG, 'Do IDENT lookups; limited Received: information.'),
    k('identtcpnumeric', FLAG, 'Do IDENT lookups without reverse DNS; show only the IP address.'),
    k('identtcpsymbolic', FLAG, 'Do IDENT lookups; show only the host name.'),
  ]),
  ...group('FWDCHK', ['forwardchecknone'], [
    k('forwardchecknone', FLAG, 'No forward DNS check of the reverse-resolved host name.'),
    k('forwardchecktag', FLAG, 'Mark the name in Received: with "*" when the forward lookup does not match.'),
    k('forwardcheckdelete', FLAG, 'Drop a reverse-resolved name that the forward lookup does not confirm.'),
  ]),
  ...group('SWITCH', ['allowswitchchannel'], [
    k('switchchannel', FLAG, 'Server: switch an incoming connection to the channel whose host matches the client\'s IP address or name.'),
    k('allowswitchchannel', FLAG, 'Connections may be switched to this channel.'),
    k('noswitchchannel', FLAG, 'Never switch from or to this channel.'),
  ]),
  k('userswitchchannel', FLAG, 'On the initial source channel: allow per-user or per-domain switching to the channel named by an LDAP attribute (LDAP_SOURCE_CHANNEL / LDAP_DOMAIN_ATTR_SOURCE_CHANNEL).', { version: '6.3' }),
  ...group('SASLSW', ['nosaslswitchchannel'], [
    k('saslswitchchannel', CHAN, 'After successful SMTP AUTH, treat the session as coming from this channel.'),
    k('nosaslswitchchannel', FLAG, 'No channel switch after AUTH.'),
  ]),
  ...group('TLSSW', ['notlsswitchchannel'], [
    k('tlsswitchchannel', CHAN, 'After successful STARTTLS, switch the session to this channel.'),
    k('notlsswitchchannel', FLAG, 'No channel switch after STARTTLS.', { version: 'default inferred' }),
  ]),
  ...group('SASL-S', ['nosasl'], [
    k('maysaslserver', FLAG, 'Offer SMTP AUTH to clients.'),
    k('mustsaslserver', FLAG, 'Require SMTP AUTH before accepting mail.'),
    k('nosaslserver', FLAG, 'Do not offer SMTP AUTH.'),
    k('nosasl', FLAG, 'No SASL at all (includes nosaslserver).'),
  ]),
  ...group('SASL-C', [], [
    k('maysaslclient', FLAG, 'Use SMTP AUTH as a client when offered.', { version: 'later 6.x (inferred)' }),
    k('mustsaslclient', FLAG, 'Require SMTP AUTH as a client.', { version: 'later 6.x (inferred)' }),
    k('nosaslclient', FLAG, 'Do not use SMTP AUTH as a client.', { version: 'later 6.x (inferred)' }),
  ]),
  ...group('TLS', ['notls'], [
    k('maytls', FLAG, 'Use TLS in both directions when possible.'),
    k('musttls', FLAG, 'Require TLS in both directions.'),
    k('notls', FLAG, 'No TLS in either direction.'),
  ]),
  ...group('TLS-C', [], [
    k('maytlsclient', FLAG, 'Use STARTTLS as a client when offered.'),
    k('musttlsclient', FLAG, 'Require STARTTLS as a client.'),
    k('notlsclient', FLAG, 'Do not use STARTTLS as a client.'),
  ]),
  ...group('TLS-S', [], [
    k('maytlsserver', FLAG, 'Offer STARTTLS as a server.'),
    k('musttlsserver', FLAG, 'Require STARTTLS before accepting mail.'),
    k('notlsserver', FLAG, 'Do not offer STARTTLS.'),
  ]),
];

// ---------------------------------------------------------------------------------------
// §2.7 Filters, Sieve, spam/virus

const FILTERS: KeywordInfo[] = [
  ...group('FILTER', ['nofilter'], [
    k('filter', URL, 'Location of per-user Sieve filter files for this (local-type) channel, e.g. file:///…/$U.filter.'),
    k('nofilter', FLAG, 'No per-user Sieve filters.'),
  ]),
  ...group('DFILTER', ['nodestinationfilter', 'nochannelfilter'], [
    k('channelfilter', URL, 'Synonym of destinationfilter.'),
    k('destinationfilter', URL, 'Channel-level Sieve filter applied to mail queued to this channel.'),
    k('nodestinationfilter', FLAG, 'No channel-level destination Sieve filter.'),
    k('nochannelfilter', FLAG, 'Synonym of nodestinationfilter.'),
  ]),
  ...group('SFILTER', ['nosourcefilter'], [
    k('sourcefilter', URL, 'Channel-level Sieve filter applied to mail arriving from this channel.', { version: 'argument up to 1024 chars from 7.0.5' }),
    k('nosourcefilter', FLAG, 'No channel-level source Sieve filter.'),
  ]),
  ...group('FILEINTO', ['nofileinto'], [
    k('fileinto', TMPL, 'How a Sieve fileinto folder is encoded in the address, e.g. $U+$S@$D ($S is the folder).'),
    k('nofileinto', FLAG, 'No fileinto address template.'),
  ]),
  k('destinationbrightmail', FLAG, 'Older Brightmail-specific equivalent of destinationspamfilter<N>.', { version: '6.0-6.2 (inferred)' }),
  k('sourcebrightmail', FLAG, 'Older Brightmail-specific equivalent of sourcespamfilter<N>.', { version: '6.0-6.2 (inferred)' }),
];

/** The spamfilter<N> families: N is a decimal package number (spamfilterN_library in option.dat). */
const FAMILIES: ReadonlyArray<readonly [RegExp, KeywordInfo]> = [
  [/^destinationspamfilter[0-9]+optin$/, k('destinationspamfilter<N>optin', LIST, 'Run spam filter package N on all mail to this channel with these comma-separated opt-in parameters (e.g. spam,virus).', { version: '6.x (manuals write a literal X for N)', pattern: true })],
  [/^sourcespamfilter[0-9]+optin$/, k('sourcespamfilter<N>optin', LIST, 'Run spam filter package N on all mail from this channel with these opt-in parameters; put it on the switched-to channel when switching.', { version: '6.x', pattern: true })],
  [/^destinationspamfilter[0-9]+$/, k('destinationspamfilter<N>', FLAG, 'Run spam filter package N on all mail to this channel, without opt-in parameters.', { version: '6.3', pattern: true })],
  [/^sourcespamfilter[0-9]+$/, k('sourcespamfilter<N>', FLAG, 'Run spam filter package N on all mail from this channel, without opt-in parameters.', { version: '6.3', pattern: true })],
  [/^disabledestinationspamfilter[0-9]+$/, k('disabledestinationspamfilter<N>', FLAG, 'Disable spam filter package N for mail to this channel.', { version: '6.3', pattern: true })],
  [/^disablesourcespamfilter[0-9]+$/, k('disablesourcespamfilter<N>', FLAG, 'Disable spam filter package N for mail from this channel.', { version: '6.3', pattern: true })],
];

// ---------------------------------------------------------------------------------------
// §2.8 Notifications, postmaster copies, DSN

const NOTIFICATIONS: KeywordInfo[] = [
  // No member is the default: with none set, failures are copied unless returns are suppressed.
  ...group('SENDPOST', [], [
    k('sendpost', FLAG, 'Always copy failure notices to the postmaster.'),
    k('copysendpost', FLAG, 'Copy failure notices to the postmaster unless the failed message\'s originator is blank.'),
    k('errsendpost', FLAG, 'Copy failure notices to the postmaster only when the notice cannot be returned.'),
    k('nosendpost', FLAG, 'Never copy failure notices to the postmaster.'),
  ]),
  ...group('WARNPOST', [], [
    k('warnpost', FLAG, 'Always copy delay warnings to the postmaster.'),
    k('copywarnpost', FLAG, 'Copy delay warnings to the postmaster unless the originator is blank.'),
    k('errwarnpost', FLAG, 'Copy delay warnings to the postmaster only when they cannot be returned.'),
    k('nowarnpost', FLAG, 'Never copy delay warnings to the postmaster.'),
  ]),
  ...group('FINALRCPT', ['includefinal'], [
    k('includefinal', FLAG, 'Notifications show the final (possibly rewritten) recipient address besides the original one.'),
    k('suppressfinal', FLAG, 'Leave out the final recipient form when an original form exists, hiding internal mailbox names.'),
    k('useintermediate', FLAG, 'Show the intermediate recipient form (after list expansion, before the mailbox name was generated), else the final form.', { version: '2005Q4, 6.3' }),
  ]),
  ...group('REPORT', [], [
    k('reportboth', FLAG, 'Put delivery-report information both in the header and in the NOTARY body.'),
    k('reportheader', FLAG, 'Put delivery-report information in the header.'),
    k('reportnotary', FLAG, 'Put delivery-report information in the NOTARY body.'),
    k('reportsuppress', FLAG, 'Suppress delivery-report information.'),
  ]),
  k('notificationchannel', CHAN, 'Channel where delivery status notifications are first queued instead of process; an unknown channel silently falls back to process.', { version: '2005Q4, 6.3' }),
  k('dispositionchannel', CHAN, 'Channel where message disposition notifications are first queued instead of process; same fallback.', { version: '2005Q4, 6.3' }),
];

// ---------------------------------------------------------------------------------------
// §2.9 Logging and debugging

const LOGGING: KeywordInfo[] = [
  // Keyword-level default not stated (the initial configuration enables logging everywhere).
  ...group('LOGGING', [], [
    k('logging', FLAG, 'Log message enqueues and dequeues for this channel in mail.log (global LOG_* options also apply).'),
    k('nologging', FLAG, 'Do not log this channel\'s message traffic.'),
  ]),
  k('logheader', INT, 'Per-channel override of LOG_HEADER: whether and which header lines are written to the log (0, the default, logs none).', { version: '2005Q4, 6.3' }),
  ...group('MDEBUG', ['nomaster_debug'], [
    k('master_debug', FLAG, 'Write debug output of the master (outbound) program to the channel log.'),
    k('nomaster_debug', FLAG, 'No master program debug output.'),
  ]),
  ...group('SDEBUG', ['noslave_debug'], [
    k('slave_debug', FLAG, 'Write debug output of the slave (inbound) program to the channel log.'),
    k('noslave_debug', FLAG, 'No slave program debug output.'),
  ]),
];

// ---------------------------------------------------------------------------------------
// §2.10 flags seen only in `imsimta test -rewrite` output (HEADERINC and EXQUOTA are
// ordinary keywords above). Accepted, never suggested. Their PMDF counterparts named in
// the same paragraph are accepted the same way.

const TEST_REWRITE_FLAGS: KeywordInfo[] = [
  ...group('SERVICEALL', [], [
    k('noserviceall', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite NOSERVICEALL; PMDF', noSuggest: true }),
    k('serviceall', FLAG, PMDF_COUNTERPART, { version: 'PMDF', noSuggest: true }),
  ]),
  ...group('GREY', [], [
    k('nogrey', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite NOGREY; PMDF', noSuggest: true }),
    k('grey', FLAG, PMDF_COUNTERPART, { version: 'PMDF', noSuggest: true }),
  ]),
  k('localuser', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite LOCALUSER', noSuggest: true }),
  k('receiptheader', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite RECEIPTHEADER', noSuggest: true }),
  ...group('CONVOCTET', [], [
    k('noconvert_octet_stream', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite NOCONVERT_OCTET_STREAM', noSuggest: true }),
    k('convert_octet_stream', FLAG, PMDF_COUNTERPART, { version: 'PMDF', noSuggest: true }),
  ]),
  ...group('THURMAN', [], [
    k('nothurman', FLAG, TEST_REWRITE_ONLY, { version: 'test -rewrite NOTHURMAN; PMDF', noSuggest: true }),
    k('thurman', FLAG, PMDF_COUNTERPART, { version: 'PMDF', noSuggest: true }),
  ]),
];

// ---------------------------------------------------------------------------------------
// §2.11 spellings that appear only in the version table (cachesuccess is in CACHE above).

const UNIFIED_CONFIG: KeywordInfo[] = [
  k('dequeueremoveroute', FLAG, '7.x/8.x unified-configuration name of dequeue_removeroute.', { version: '7.x/8.x; warn in a 6.x profile' }),
  k('sourcetransitplugin', FLAG, '7.x/8.x unified-configuration channel option; not a 6.x keyword.', { version: '7.x/8.x; warn in a 6.x profile' }),
];

// ---------------------------------------------------------------------------------------
// Assembly

function build(): Map<string, KeywordInfo> {
  const all = [
    ...ADDRESSING,
    ...HEADERS,
    ...PROCESSING,
    ...LIMITS,
    ...SMTP,
    ...TCPIP,
    ...FILTERS,
    ...NOTIFICATIONS,
    ...LOGGING,
    ...TEST_REWRITE_FLAGS,
    ...UNIFIED_CONFIG,
    ...FAMILIES.map(([, info]) => info),
  ];
  const map = new Map<string, KeywordInfo>();
  for (const info of all) {
    const bare = info.name.replace('<N>', '');
    if (bare !== bare.toLowerCase()) throw new Error(`keywords: ${info.name} is not lower case`);
    if (map.has(info.name)) throw new Error(`keywords: duplicate entry ${info.name}`);
    Object.freeze(info.arity);
    map.set(info.name, Object.freeze(info));
  }
  return map;
}

/**
 * Every keyword, keyed by its lower-case name. The spamfilter families are included
 * under their placeholder names (`sourcespamfilter<N>optin` …) with `pattern: true`;
 * use {@link lookupKeyword} to resolve tokens from a configuration.
 */
export const KEYWORDS: ReadonlyMap<string, KeywordInfo> = build();

const CONCRETE: ReadonlyMap<string, KeywordInfo> = new Map(
  [...KEYWORDS].filter(([, info]) => !info.pattern),
);

/** Lower-cases and truncates a token the way the MTA compares keyword names (§1 rule 2). */
export function normalizeKeyword(token: string): string {
  return token.slice(0, KEYWORD_SIGNIFICANT_CHARS).toLowerCase();
}

/**
 * Finds the keyword a channel-line token names: case-insensitive, only the first 32
 * characters significant, and the spamfilter<N> families matched by regex (the family
 * entry is returned). `undefined` means the MTA would treat the token as a group id.
 */
export function lookupKeyword(token: string): KeywordInfo | undefined {
  return keywordEntry(token).info;
}

/** What the MTA compares of a token (lower case, first 32 characters) and the keyword it names. */
export function keywordEntry(token: string): { key: string; info: KeywordInfo | undefined } {
  // Channel tables repeat a small vocabulary thousands of times: remember the answer per
  // token as written, bounded so that odd inputs cannot grow it for ever.
  const known = lookupMemo.get(token);
  if (known !== undefined) return known;
  const key = normalizeKeyword(token);
  let info = CONCRETE.get(key);
  if (!info) {
    for (const [re, family] of FAMILIES) {
      if (re.test(key)) {
        info = family;
        break;
      }
    }
  }
  if (lookupMemo.size >= LOOKUP_MEMO_SIZE) lookupMemo.clear();
  const entry = { key, info };
  lookupMemo.set(token, entry);
  return entry;
}

const LOOKUP_MEMO_SIZE = 4096;
const lookupMemo = new Map<string, { key: string; info: KeywordInfo | undefined }>();

/**
 * Concrete keyword names for "did you mean" suggestions. Family placeholders are never
 * included; the §2.10 test -rewrite-only flags (`noSuggest`) only with `{ all: true }`.
 */
export function keywordNames(options: { all?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const info of CONCRETE.values()) {
    if (info.noSuggest && !options.all) continue;
    out.push(info.name);
  }
  return out;
}

/** All members of an exclusive group, in table order. */
export function groupMembers(group: string): KeywordInfo[] {
  return [...KEYWORDS.values()].filter((info) => info.group === group);
}

// ---------------------------------------------------------------------------------------
// Variable-length arguments (§1 rules 6 and 10), shared by the parser

/**
 * Typographic quotes (U+201C, U+201D, U+201E, U+2018, U+2019) that word processors put
 * where `"` was meant; the MTA does not read them as quotes (§1 rule 9).
 */
export const TYPOGRAPHIC_QUOTES: ReadonlySet<string> = new Set(['\u201C', '\u201D', '\u201E', '\u2018', '\u2019']);

/** True if the token starts with an ASCII or typographic quote character. */
export function startsWithQuote(token: string): boolean {
  return token.length > 0 && (token[0] === '"' || TYPOGRAPHIC_QUOTES.has(token[0]!));
}

/** True for an IPv4/IPv6 literal, optionally in [brackets]. */
export function isIpLiteral(token: string): boolean {
  const bare = token.startsWith('[') && token.endsWith(']') ? token.slice(1, -1) : token;
  return isIP(bare) !== 0;
}

/**
 * Whether a keyword with this arity consumes `token` as a further (optional) argument,
 * after its required argument if it has one. `index` is the 0-based position of the
 * argument (0 = the token directly after the keyword). Implements §1 rule 6 (lists stop
 * at the first token that does not fit) and rule 10 (`description`).
 */
export function acceptsArgument(arity: Arity, token: string, index: number): boolean {
  switch (arity.kind) {
    case 'flag':
    case 'flag?':
      return false;
    case 'description':
      return index === 0 && startsWithQuote(token);
    case 'one':
      return index === 0;
    case 'host2':
      if (index === 0) return true;
      return index === 1 && token.includes('.') && lookupKeyword(token) === undefined;
    case 'intList':
      return /^[0-9,]+$/.test(token) && /[0-9]/.test(token);
    case 'durList':
      return startsWithQuote(token);
    case 'ipList':
      return isIpLiteral(token);
  }
}

/** Minimum number of argument tokens the arity requires (lists need at least one). */
export function requiredArguments(arity: Arity): number {
  switch (arity.kind) {
    case 'flag':
    case 'flag?':
    case 'description':
      return 0;
    default:
      return 1;
  }
}
