// keyword-arguments: a keyword's argument is missing or cannot be what the keyword needs
// (channel-keywords.md §1 rules 4, 5, 9 and the Args column of §2/§3).
import { edit } from '../src/edit/edits.js';
import { isIpLiteral, lookupKeyword, TYPOGRAPHIC_QUOTES, type ArgKind, type Arity } from '../src/model/keywords.js';
import type { KeywordUse, SourceFile, Word } from '../src/model/types.js';
import type { Report } from '../src/lint/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import { channelKnown, channelNameList } from './util/channel-names.js';
import { didYouMean, nearest } from './util/did-you-mean.js';
import { isMisplacedCommentWord, isUnquotedDuration, keywordLines, lineFile, lineOwner, type KeywordLine } from './util/keyword-lines.js';
import { parseMtaInteger } from './util/mta-integer.js';
import { hasRealChannels } from './util/bogus-channels.js';

/**
 * Pool names: the English 2005Q4/6.3 guides allow 12 characters (the Japanese edition 12
 * bytes), the Korean editions 11; the 2005Q4 guide's own example uses the 12-character
 * `hotmail_pool`, so 12 is taken as the limit.
 */
const POOL_NAME_MAX = 12;

/**
 * Keywords whose argument may be long ("special" keywords of §1 rule 5; the manuals do not
 * list them): URL, template, address and list arguments, and these by name.
 */
const LONG_ARGUMENT_KEYWORDS = new Set(['returnpersonal', 'daemon', 'defaulthost', 'nameservers']);
const LONG_ARGUMENT_KINDS = new Set<ArgKind>(['url', 'tmpl', 'addr', 'list']);

/** Channel keywords whose unknown channel only makes the MTA fall back to `process`. */
const FALLBACK_CHANNEL_KEYWORDS = new Set(['notificationchannel', 'dispositionchannel']);

const ISO_DURATION = /^p(?=\d|t\d)(?:\d+y)?(?:\d+m)?(?:\d+w)?(?:\d+d)?(?:t(?=\d)(?:\d+h)?(?:\d+m)?(?:\d+(?:[.,]\d+)?s)?)?$/i;
/** `pt10`, `p3`: a number without its unit letter (the 2005Q4 spam-filter example). */
const UNITLESS_DURATION = /^p(?:\d+[ymwd])*(?:t(?:\d+[hms])*)?\d+$/i;

const CURLY = new RegExp(`[${[...TYPOGRAPHIC_QUOTES].join('')}]`, 'g');

function wanted(arity: Arity): string {
  switch (arity.kind) {
    case 'one':
      return {
        int: 'an integer',
        name: 'a name',
        chan: 'a channel name',
        host: 'a host name',
        addr: 'an address',
        ip: 'an IP address',
        url: 'a URL',
        tmpl: 'a template',
        str: 'a value',
        list: 'a comma-separated list',
      }[arity.arg];
    case 'host2':
      return 'a host name';
    case 'intList':
      return 'one or more numbers';
    case 'durList':
      return 'one or more durations in double quotes ("pt30m")';
    case 'ipList':
      return 'one or more IP addresses';
    default:
      return 'an argument';
  }
}

export interface KeywordArgumentsOptions {
  /** Longest keyword argument the MTA accepts (7.x wiki: 40). */
  maxArgumentLength: number;
  /** Longest argument of the "special" keywords (256; 252 in iMS 5.2 and earlier). */
  maxLongArgumentLength: number;
}

const rule = defineRule({
  meta: {
    id: 'keyword-arguments',
    description: 'A channel keyword whose argument is missing, of the wrong type, badly quoted or too long.',
    severity: 'error',
    fixable: true,
    defaultOptions: { maxArgumentLength: 40, maxLongArgumentLength: 256 } satisfies KeywordArgumentsOptions,
  },
  create(context) {
    const opts = context.options as unknown as KeywordArgumentsOptions;
    const { model, scope } = context;
    const checkChannels = scope.complete && hasRealChannels(model);
    let channelNames: string[] | undefined;

    for (const line of keywordLines(model)) {
      const file = lineFile(line);
      const report = (r: Omit<Report, 'file'>) => context.report({ file, ...r });
      line.uses.forEach((use, i) => {
        if (isMisplacedCommentWord(model, use.word)) return;
        if (!use.info) {
          if (isUnquotedDuration(line.uses, i)) unquotedDuration(use, file, report);
          return;
        }
        const kw = use.word.text;
        const { arity } = use.info;
        if (use.missingArgument) {
          // `backoff pt5m`: reported on the durations themselves (they need quotes).
          if (arity.kind === 'durList' && i + 1 < line.uses.length && isUnquotedDuration(line.uses, i + 1)) return;
          report({
            start: use.word.start,
            end: use.word.end,
            message: `'${kw}' needs ${wanted(arity)} after it, but nothing follows on the line: the MTA has no value for it; add the ${arity.kind === 'one' && arity.arg === 'name' && isPoolKeyword(use) ? 'pool name' : 'argument'} or remove the keyword`,
          });
          return;
        }
        // Arguments whose quoting is broken get no further checks (rare: no Set unless one is).
        let broken: Set<Word> | undefined;
        for (const arg of use.args) if (!checkQuotes(use, arg, file, report)) (broken ??= new Set()).add(arg);
        if (arity.kind === 'one') {
          if (broken) return;
          const arg = use.args[0];
          if (arity.arg === 'int') checkInteger(use, arg, report);
          else if ((arity.arg === 'chan' || arity.arg === 'host' || arity.arg === 'name' || arity.arg === 'ip') && swallowedKeyword(use, arg, line, report)) return;
          else if (arity.arg === 'ip') checkIp(use, arg, report);
          else if (isPoolKeyword(use)) checkPool(arg, report);
          else {
            if (arity.arg === 'chan' && checkChannels) checkChannel(use, arg, line, report);
            checkLength(use, arg, report);
          }
        } else if (arity.kind === 'durList') {
          for (const arg of use.args) if (!broken?.has(arg)) checkDuration(use, arg, report);
        } else if (arity.kind === 'host2') {
          for (const arg of use.args) if (!broken?.has(arg)) checkLength(use, arg, report);
        }
      });
    }

    function isPoolKeyword(use: KeywordUse): boolean {
      return use.info?.name === 'pool' || use.info?.name === 'queue';
    }

    /** The next keyword was taken as the argument: `pool maytlsserver`. */
    function swallowedKeyword(use: KeywordUse, arg: Word, line: KeywordLine, report: (r: Omit<Report, 'file'>) => void): boolean {
      if (arg.quoted || !lookupKeyword(arg.text)) return false;
      if (use.info?.arity.kind === 'one' && use.info.arity.arg === 'chan' && channelKnown(model, arg.text)) return false;
      report({
        start: arg.start,
        end: arg.end,
        message: `'${use.word.text}' takes the keyword '${arg.text}' as its ${wanted(use.info!.arity).replace(/^an? /, '')}: its own argument is missing on ${lineOwner(line)}, and '${arg.text}' does not take effect; write the argument after '${use.word.text}'`,
      });
      return true;
    }

    function checkInteger(use: KeywordUse, arg: Word, report: (r: Omit<Report, 'file'>) => void): void {
      const n = parseMtaInteger(arg.value);
      const kw = use.word.text;
      if (!n) {
        const isKeyword = !arg.quoted && lookupKeyword(arg.text) !== undefined;
        report({
          start: arg.start,
          end: arg.end,
          message: isKeyword
            ? `'${kw}' needs an integer, but the keyword '${arg.text}' follows it: the number is missing and '${arg.text}' is taken as the value of '${kw}'; write the number after '${kw}'`
            : `'${kw}' needs an integer, but '${arg.text}' is not one: the MTA cannot use this value; write a whole number`,
        });
      } else if (n.based) {
        report({
          start: arg.start,
          end: arg.end,
          severity: 'warning',
          message: `'${arg.text}' is an integer in the b%v form (= ${n.value}), which is documented for option files, not for channel keywords; write ${n.value}`,
          fix: { description: `write ${n.value}`, edits: [edit(use.file, arg.start, arg.end, String(n.value))] },
        });
      }
    }

    /** `interfaceaddress`: the local address outgoing connections bind to, an IP address (channel-keywords.md §3). */
    function checkIp(use: KeywordUse, arg: Word, report: (r: Omit<Report, 'file'>) => void): void {
      if (isIpLiteral(arg.value)) return;
      report({
        start: arg.start,
        end: arg.end,
        message: `'${use.word.text}' needs an IP address (such as 192.0.2.25), but '${arg.text}' is not one: the channel's outgoing connections cannot bind to it; write the local IP address to send from`,
      });
    }

    function checkPool(arg: Word, report: (r: Omit<Report, 'file'>) => void): void {
      const bytes = Buffer.byteLength(arg.value, 'utf8');
      if (bytes <= POOL_NAME_MAX) return;
      report({
        start: arg.start,
        end: arg.end,
        message: `pool name '${arg.value}' is ${bytes} ${bytes === arg.value.length ? 'characters' : 'bytes'} long; the Job Controller allows at most ${POOL_NAME_MAX}: shorten it here and in its [POOL=…] section`,
      });
    }

    function checkChannel(use: KeywordUse, arg: Word, line: KeywordLine, report: (r: Omit<Report, 'file'>) => void): void {
      if (channelKnown(model, arg.value)) return;
      const kw = use.word.text;
      const { hint, suggestions } = didYouMean(
        nearest(arg.value, (channelNames ??= channelNameList(model))),
        'define the channel or correct the name',
        use.file,
        arg.start,
        arg.end,
        (n) => `replace '${arg.value}' with '${n}'`,
      );
      const fallback = FALLBACK_CHANNEL_KEYWORDS.has(use.info!.name);
      report({
        start: arg.start,
        end: arg.end,
        ...(fallback ? { severity: 'warning' as const } : {}),
        message: fallback
          ? `'${kw}' names channel '${arg.value}', which imta.cnf does not define: the MTA silently queues these notifications to the process channel instead${hint}`
          : `'${kw}' names channel '${arg.value}', which imta.cnf does not define: ${lineOwner(line)} cannot use a channel that does not exist${hint}`,
        suggestions,
      });
    }

    function checkLength(use: KeywordUse, arg: Word, report: (r: Omit<Report, 'file'>) => void): void {
      const info = use.info!;
      const long = LONG_ARGUMENT_KEYWORDS.has(info.name) || (info.arity.kind === 'one' && LONG_ARGUMENT_KINDS.has(info.arity.arg));
      const max = long ? opts.maxLongArgumentLength : opts.maxArgumentLength;
      if (arg.value.length <= max) return;
      report({
        start: arg.start,
        end: arg.end,
        message: `the argument of '${use.word.text}' is ${arg.value.length} characters long; the MTA accepts at most ${max} for this keyword: shorten it`,
      });
    }

    function checkDuration(use: KeywordUse, arg: Word, report: (r: Omit<Report, 'file'>) => void): void {
      if (ISO_DURATION.test(arg.value)) return;
      if (UNITLESS_DURATION.test(arg.value)) {
        report({
          start: arg.start,
          end: arg.end,
          severity: 'warning',
          message: `duration '${arg.value}' of '${use.word.text}' has no unit after its last number: it is not an ISO 8601 duration and the MTA may not read it as meant; write e.g. "pt10m" (minutes) or "pt10h" (hours)`,
        });
        return;
      }
      report({
        start: arg.start,
        end: arg.end,
        message: `'${arg.value}' is not an ISO 8601 duration: '${use.word.text}' cannot use it as a retry interval; write e.g. "pt30m", "pt2h" or "p1d"`,
      });
    }

    /** False when the argument's quoting is broken (no further checks on it). */
    function checkQuotes(use: KeywordUse, arg: Word, file: SourceFile, report: (r: Omit<Report, 'file'>) => void): boolean {
      if (arg.unterminatedQuote) {
        report({
          start: arg.start,
          end: arg.end,
          message: `argument ${arg.text} of '${use.word.text}' has no closing quote: the MTA may take the rest of the line as part of it and lose the keywords that follow; add the closing '"'`,
        });
        return false;
      }
      if (arg.curlyQuotes) {
        const fixed = arg.text.replace(CURLY, '"');
        report({
          start: arg.start,
          end: arg.end,
          severity: 'warning',
          message: `argument ${arg.text} of '${use.word.text}' uses typographic quotes; the MTA only knows the ASCII double quote '"' (pasted from a manual?): write ${fixed}`,
          fix: { description: 'use ASCII double quotes', edits: [edit(file, arg.start, arg.end, fixed)] },
        });
      }
      return true;
    }

    function unquotedDuration(use: KeywordUse, file: SourceFile, report: (r: Omit<Report, 'file'>) => void): void {
      report({
        start: use.word.start,
        end: use.word.end,
        message: `duration ${use.word.text} needs double quotes: without them the MTA does not read it as a retry interval but as an unknown keyword (a UNIX group id); write "${use.word.text}"`,
        fix: { description: 'quote the duration', edits: [edit(file, use.word.start, use.word.end, `"${use.word.text}"`)] },
      });
    }
  },
});

export default rule;
