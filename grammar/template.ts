// Lexer for rewrite-rule TEMPLATES (the right-hand side of an imta.cnf rewrite rule).
//
// A template is split into pieces; concatenating the piece texts gives back the template
// exactly (lossless), and every piece carries start/end offsets into the template. Bad
// input never throws: an unknown `$x` or an unclosed `$(`, `${`, `$[`, `$]` becomes an
// `invalid` piece plus a diagnostic.
//
// Lexical shape (rewrite-rules.md §5):
//   `$` [digits] code            substitutions and simple controls ($U $0U $1D $E $1M $1~ ...)
//   `$&n $!n $*n $#n`             label substitutions
//   `$(..)` `${..}` `$[..]` `$]..[`  lookups (up to the first closing character)
//   `$M $N $Q $C $T` + text       text runs up to `@`, `%`, white space or the next `$`
//   `$V $Z` + argument            argument (may contain substitutions such as `$H`) runs up to
//                                 `@`, `%` or the start of `$N $M $Q $C $T $? $V $Z $1~`
//   `$?text`, `$n?text?`          error text; `$?text` runs up to the start of
//                                 `$N $M $Q $C $T $? $V $Z $n?` or the end of the template
//                                 (`@`/`%` inside it are kept as text, with a warning; see
//                                 src/rewrite/README.md), `$n?text?` up to the next `?`
//   `%`, `@`                      routing separators; the routing host follows the last
//                                 top-level `@`
// Letter codes are case-insensitive (`$u` appears in documented general-database entries).

import { createToken, Lexer, type IToken, type TokenType } from 'chevrotain';
import { LEXER_CONFIG } from './lexing.js';

export interface Span {
  start: number;
  end: number;
}

interface PieceBase extends Span {
  /** The exact source text of the piece. */
  text: string;
}

/** Plain text copied to the output. */
export interface LiteralPiece extends PieceBase {
  kind: 'literal';
}
/** A literal `%` or `@` of the template: a routing separator. */
export interface SeparatorPiece extends PieceBase {
  kind: 'separator';
  char: '%' | '@';
  /** true for the last top-level `@` (the routing host follows it). */
  routing: boolean;
}
/** `$$`, `$%`, `$@`: a literal character that is never a separator. */
export interface EscapePiece extends PieceBase {
  kind: 'escape';
  value: '$' | '%' | '@';
}
/** `$\` `$^` `$_` (case of following material) and `$=` (LDAP-filter quoting). */
export interface CasePiece extends PieceBase {
  kind: 'case';
  mode: 'lower' | 'upper' | 'original' | 'ldap-quote';
}
/** `$U $0U $1U $D $nD $H $nH $L $W $nA $nX`. */
export interface SubstitutionPiece extends PieceBase {
  kind: 'substitution';
  code: 'U' | 'D' | 'H' | 'L' | 'W' | 'A' | 'X';
  /** The digits written before the code, if any. */
  n?: number;
}
/** `$&n $!n $*n $#n`. */
export interface LabelPiece extends PieceBase {
  kind: 'label';
  op: '&' | '!' | '*' | '#';
  n: number;
}
/** `$E $B $F $R` (address kind) and `$A $P $S $X` (where the host came from). */
export interface ControlPiece extends PieceBase {
  kind: 'control';
  code: 'E' | 'B' | 'F' | 'R' | 'A' | 'P' | 'S' | 'X';
}
/** `$Mchannel $Nchannel $Qchannel $Cchannel`. */
export interface ChannelCheckPiece extends PieceBase {
  kind: 'channel-check';
  code: 'M' | 'N' | 'Q' | 'C';
  channel: string;
}
/** `$1M` / `$1N`: the rewriting channel is / is not an internal reprocessing channel. */
export interface ReprocessCheckPiece extends PieceBase {
  kind: 'reprocess-check';
  code: 'M' | 'N';
}
/** `$1~`: evaluate pending checks now. */
export interface CheckNowPiece extends PieceBase {
  kind: 'check-now';
}
/** `$Ttag`. */
export interface TagPiece extends PieceBase {
  kind: 'tag';
  tag: string;
}
/** `$?text` or `$number?text?`. */
export interface ErrorTextPiece extends PieceBase {
  kind: 'error-text';
  message: string;
  /** For `$number?`: the number as written. */
  statusCode?: number;
  /** For `$number?`: the extended SMTP status a.b.c (number = a*10^6 + b*10^3 + c). */
  status?: string;
}
/** `$Vdomain` / `$Zdomain`. */
export interface DomainCheckPiece extends PieceBase {
  kind: 'domain-check';
  code: 'V' | 'Z';
  argument: string;
  argumentStart: number;
  argumentPieces: TemplatePiece[];
}
/** `$(text)`, `${mapping,argument}`, `$[image,routine,argument]`, `$]ldap-url[`. */
export interface LookupPiece extends PieceBase {
  kind: 'lookup';
  lookup: 'general' | 'mapping' | 'library' | 'ldap';
  /** The text between the brackets. */
  argument: string;
  argumentStart: number;
  /** The argument split into pieces (not for `$]…[`, which has its own substitution set). */
  argumentPieces?: TemplatePiece[];
}
/** Anything that could not be understood (unknown `$x`, unclosed lookup, lone `$`). */
export interface InvalidPiece extends PieceBase {
  kind: 'invalid';
  message: string;
}

export type TemplatePiece =
  | LiteralPiece
  | SeparatorPiece
  | EscapePiece
  | CasePiece
  | SubstitutionPiece
  | LabelPiece
  | ControlPiece
  | ChannelCheckPiece
  | ReprocessCheckPiece
  | CheckNowPiece
  | TagPiece
  | ErrorTextPiece
  | DomainCheckPiece
  | LookupPiece
  | InvalidPiece;

export type TemplatePieceKind = TemplatePiece['kind'];

export interface TemplateDiagnostic extends Span {
  message: string;
  severity?: 'error' | 'warning';
}

export interface RoutingHost extends Span {
  /** The routing host as written (controls such as `$Nverify` after it are left out). */
  text: string;
  /** true when it contains substitutions or lookups, i.e. is only known at run time. */
  dynamic: boolean;
}

export interface ParsedTemplate {
  pieces: TemplatePiece[];
  routingHost?: RoutingHost;
  diagnostics: TemplateDiagnostic[];
}

// ---------------------------------------------------------------------------------------
// Tokens

function sticky(re: RegExp): (text: string, offset: number) => [string] | null {
  const y = new RegExp(re.source, re.flags.includes('y') ? re.flags : re.flags + 'y');
  return (text: string, offset: number) => {
    y.lastIndex = offset;
    const m = y.exec(text);
    return m ? [m[0]] : null;
  };
}

// `$?text`: up to `$N $M $Q $C $T $? $V $Z`, `$digits?` or end.
const ERROR_TEXT_RE = /\$\?(?:[^$]|\$(?![NMQCTVZnmqctvz?]|[0-9]+\?))*/;
// `$V`/`$Z` argument: literal characters and `$` sequences, up to `@`, `%` or a
// terminating sequence.
const DOMAIN_CHECK_RE =
  /\$[VZvz](?:[^$@%]|\$(?:\([^)]*\)|\{[^}]*\}|\[[^\]]*\]|\][^[]*\[)|\$(?![NMQCTVZnmqctvz?]|1~|[0-9]+\?|[([{\]])[0-9]*[\s\S]?)*/;

const T = {
  Escape: createToken({ name: 'Escape', pattern: /\$[$%@]/, start_chars_hint: ['$'], line_breaks: false }),
  Case: createToken({ name: 'Case', pattern: /\$[\\^_=]/, start_chars_hint: ['$'], line_breaks: false }),
  Label: createToken({ name: 'Label', pattern: /\$[&!*#][0-9]/, start_chars_hint: ['$'], line_breaks: false }),
  StatusText: createToken({ name: 'StatusText', pattern: /\$[0-9]+\?[^?]*\??/, start_chars_hint: ['$'], line_breaks: true }),
  ErrorText: createToken({
    name: 'ErrorText',
    pattern: { exec: sticky(ERROR_TEXT_RE) },
    start_chars_hint: ['$'],
    line_breaks: true,
  }),
  CheckNow: createToken({ name: 'CheckNow', pattern: /\$1~/, start_chars_hint: ['$'], line_breaks: false }),
  Reprocess: createToken({ name: 'Reprocess', pattern: /\$1[MNmn]/, start_chars_hint: ['$'], line_breaks: false }),
  General: createToken({ name: 'General', pattern: /\$\([^)]*\)/, start_chars_hint: ['$'], line_breaks: true }),
  Mapping: createToken({ name: 'Mapping', pattern: /\$\{[^}]*\}/, start_chars_hint: ['$'], line_breaks: true }),
  Library: createToken({ name: 'Library', pattern: /\$\[[^\]]*\]/, start_chars_hint: ['$'], line_breaks: true }),
  Ldap: createToken({ name: 'Ldap', pattern: /\$\][^[]*\[/, start_chars_hint: ['$'], line_breaks: true }),
  // An opener whose closer never comes (the lookups above did not match): only the two
  // characters are the bad piece, and lexing goes on after them.
  Unclosed: createToken({ name: 'Unclosed', pattern: /\$[({[\]]/, start_chars_hint: ['$'], line_breaks: false }),
  ChannelCheck: createToken({ name: 'ChannelCheck', pattern: /\$[MNQCmnqc][^@%$\s]*/, start_chars_hint: ['$'], line_breaks: false }),
  Tag: createToken({ name: 'Tag', pattern: /\$[Tt][^@%$\s]*/, start_chars_hint: ['$'], line_breaks: false }),
  DomainCheck: createToken({
    name: 'DomainCheck',
    pattern: { exec: sticky(DOMAIN_CHECK_RE) },
    start_chars_hint: ['$'],
    line_breaks: true,
  }),
  Control: createToken({ name: 'Control', pattern: /\$[EBFRAPSXebfrapsx]/, start_chars_hint: ['$'], line_breaks: false }),
  Subst: createToken({ name: 'Subst', pattern: /\$[0-9]*[A-Za-z]/, start_chars_hint: ['$'], line_breaks: false }),
  Dollar: createToken({ name: 'Dollar', pattern: /\$[0-9]*[^%@$]?/, start_chars_hint: ['$'], line_breaks: true }),
  Percent: createToken({ name: 'Percent', pattern: /%/, start_chars_hint: ['%'], line_breaks: false }),
  At: createToken({ name: 'At', pattern: /@/, start_chars_hint: ['@'], line_breaks: false }),
  Literal: createToken({ name: 'Literal', pattern: /[^$%@]+/, line_breaks: true }),
};

const ALL_TOKENS: TokenType[] = [
  T.Escape,
  T.Case,
  T.Label,
  T.StatusText,
  T.ErrorText,
  T.CheckNow,
  T.Reprocess,
  T.General,
  T.Mapping,
  T.Library,
  T.Ldap,
  T.Unclosed,
  T.ChannelCheck,
  T.Tag,
  T.DomainCheck,
  T.Control,
  T.Subst,
  T.Dollar,
  T.Percent,
  T.At,
  T.Literal,
];

// Every `$`, `%` and `@` token names its first character, so chevrotain need not analyse
// the regular expressions at start-up (about 10 ms); validations are covered by the tests.
const templateLexer = new Lexer(ALL_TOKENS, { ...LEXER_CONFIG, ensureOptimizations: false });

// ---------------------------------------------------------------------------------------
// Pieces

const CASE_MODES: Record<string, CasePiece['mode']> = {
  '\\': 'lower',
  '^': 'upper',
  _: 'original',
  '=': 'ldap-quote',
};

const LOOKUP_CLOSERS: Record<string, string> = { '(': ')', '{': '}', '[': ']', ']': '[' };

function statusOf(code: number): string {
  const a = Math.floor(code / 1_000_000);
  const b = Math.floor((code % 1_000_000) / 1000);
  const c = code % 1000;
  return `${a}.${b}.${c}`;
}

function toPiece(tok: IToken, base: number, diags: TemplateDiagnostic[]): TemplatePiece {
  const text = tok.image;
  const start = base + tok.startOffset;
  const end = start + text.length;
  const span = { text, start, end };
  const bad = (message: string, severity: 'error' | 'warning' = 'error'): InvalidPiece => {
    diags.push({ start, end, message, severity });
    return { kind: 'invalid', message, ...span };
  };
  switch (tok.tokenType) {
    case T.Literal:
      return { kind: 'literal', ...span };
    case T.Percent:
      return { kind: 'separator', char: '%', routing: false, ...span };
    case T.At:
      return { kind: 'separator', char: '@', routing: false, ...span };
    case T.Escape:
      return { kind: 'escape', value: text[1] as EscapePiece['value'], ...span };
    case T.Case:
      return { kind: 'case', mode: CASE_MODES[text[1]!]!, ...span };
    case T.Label:
      return { kind: 'label', op: text[1] as LabelPiece['op'], n: Number(text[2]), ...span };
    case T.Control:
      return { kind: 'control', code: text[1]!.toUpperCase() as ControlPiece['code'], ...span };
    case T.CheckNow:
      return { kind: 'check-now', ...span };
    case T.Reprocess:
      return { kind: 'reprocess-check', code: text[2]!.toUpperCase() as 'M' | 'N', ...span };
    case T.ChannelCheck: {
      const code = text[1]!.toUpperCase() as ChannelCheckPiece['code'];
      const channel = text.slice(2);
      if (channel === '') diags.push({ start, end, message: `$${code} without a channel name`, severity: 'error' });
      return { kind: 'channel-check', code, channel, ...span };
    }
    case T.Tag: {
      const tag = text.slice(2);
      if (tag === '') diags.push({ start, end, message: '$T without a tag', severity: 'warning' });
      return { kind: 'tag', tag, ...span };
    }
    case T.ErrorText: {
      const message = text.slice(2);
      if (/[@%]/.test(message)) {
        diags.push({
          start,
          end,
          severity: 'warning',
          message:
            '`@` or `%` inside $? error text: taken as part of the message here, but the MTA may end the text there and start a route',
        });
      }
      return { kind: 'error-text', message, ...span };
    }
    case T.StatusText: {
      const q = text.indexOf('?');
      const digits = text.slice(1, q);
      const closed = text.length > q + 1 && text.endsWith('?');
      const message = closed ? text.slice(q + 1, -1) : text.slice(q + 1);
      const statusCode = Number(digits);
      return { kind: 'error-text', message, statusCode, status: statusOf(statusCode), ...span };
    }
    case T.General:
    case T.Mapping:
    case T.Library:
    case T.Ldap: {
      const lookup =
        tok.tokenType === T.General
          ? 'general'
          : tok.tokenType === T.Mapping
            ? 'mapping'
            : tok.tokenType === T.Library
              ? 'library'
              : 'ldap';
      const argument = text.slice(2, -1);
      const argumentStart = start + 2;
      const piece: LookupPiece = { kind: 'lookup', lookup, argument, argumentStart, ...span };
      if (lookup !== 'ldap') piece.argumentPieces = lexPieces(argument, argumentStart, diags);
      if (argument.trim() === '') diags.push({ start, end, message: `empty ${text[1]}${LOOKUP_CLOSERS[text[1]!]} lookup`, severity: 'error' });
      return piece;
    }
    case T.Unclosed: {
      const open = text[1]!;
      return bad(`unclosed $${open}: missing ${LOOKUP_CLOSERS[open]}`);
    }
    case T.DomainCheck: {
      const code = text[1]!.toUpperCase() as 'V' | 'Z';
      const argument = text.slice(2);
      const argumentStart = start + 2;
      if (argument === '') diags.push({ start, end, message: `$${code} without a domain`, severity: 'error' });
      return {
        kind: 'domain-check',
        code,
        argument,
        argumentStart,
        argumentPieces: lexPieces(argument, argumentStart, diags),
        ...span,
      };
    }
    case T.Subst: {
      const digits = text.slice(1, -1);
      const code = text[text.length - 1]!.toUpperCase();
      const n = digits === '' ? undefined : Number(digits);
      const ok =
        (code === 'U' && (n === undefined || n === 0 || n === 1)) ||
        code === 'D' ||
        code === 'H' ||
        (code === 'L' && n === undefined) ||
        (code === 'W' && n === undefined) ||
        ((code === 'A' || code === 'X') && n !== undefined);
      if (!ok) return bad(`unknown substitution ${text}`);
      const piece: SubstitutionPiece = { kind: 'substitution', code: code as SubstitutionPiece['code'], ...span };
      if (n !== undefined) piece.n = n;
      return piece;
    }
    default:
      return bad(text === '$' ? 'lone $ at the end of the template' : `unknown $ sequence ${text}`);
  }
}

function lexPieces(text: string, base: number, diags: TemplateDiagnostic[]): TemplatePiece[] {
  return templateLexer.tokenize(text).tokens.map((tok) => toPiece(tok, base, diags));
}

const OUTPUT_KINDS: ReadonlySet<TemplatePieceKind> = new Set<TemplatePieceKind>([
  'literal',
  'escape',
  'substitution',
  'label',
  'lookup',
  'invalid',
]);

/** Split a template into pieces; never throws. */
export function parseTemplate(text: string): ParsedTemplate {
  const diagnostics: TemplateDiagnostic[] = [];
  const pieces = lexPieces(String(text), 0, diagnostics);
  let lastAt = -1;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if (p.kind === 'separator' && p.char === '@') lastAt = i;
  }
  let routingHost: RoutingHost | undefined;
  if (lastAt >= 0) {
    const at = pieces[lastAt] as SeparatorPiece;
    at.routing = true;
    let hostText = '';
    let hs = -1;
    let he = -1;
    let dynamic = false;
    for (let i = lastAt + 1; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (p.kind === 'separator') {
        diagnostics.push({ start: p.start, end: p.end, severity: 'warning', message: `'${p.char}' after the routing '@'` });
        continue;
      }
      if (!OUTPUT_KINDS.has(p.kind)) continue;
      hostText += p.kind === 'escape' ? p.value : p.text;
      if (hs < 0) hs = p.start;
      he = p.end;
      if (p.kind !== 'literal' && p.kind !== 'escape') dynamic = true;
    }
    if (hs < 0) {
      diagnostics.push({ start: at.start, end: at.end, severity: 'error', message: "nothing after the routing '@'" });
    } else {
      routingHost = { text: hostText, start: hs, end: he, dynamic };
    }
  }
  diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
  return routingHost ? { pieces, routingHost, diagnostics } : { pieces, diagnostics };
}

// ---------------------------------------------------------------------------------------
// Explanations (hover text)

const CONTROL_TEXT: Record<ControlPiece['code'], string> = {
  E: 'rule applies only to envelope addresses',
  B: 'rule applies only to header/body addresses',
  F: 'rule applies only to forward-pointing addresses (To:, Cc:, envelope To:)',
  R: 'rule applies only to backward-pointing addresses (From:, Sender:, envelope From:)',
  A: 'rule applies if the host came from the right of @ (with $P $S $X: any of them)',
  P: 'rule applies if the host came from the right of % (with $A $S $X: any of them)',
  S: 'rule applies if the host came from a source route (with $A $P $X: any of them)',
  X: 'rule applies if the host came from the left of ! (with $A $P $S: any of them)',
};

/** A short human explanation of one template piece (for hovers and lint messages). */
export function explainPiece(piece: TemplatePiece): string {
  switch (piece.kind) {
    case 'literal':
      return `literal text "${piece.text}"`;
    case 'separator':
      if (piece.char === '%') return '% separator: the part before it is the new user name, the part after it the new domain';
      return piece.routing
        ? '@ separator: the text after it is the routing host (official host name of the destination channel)'
        : '@ separator: splits user, domain and source route (A@B@C@D)';
    case 'escape':
      return `literal "${piece.value}" (never a separator)`;
    case 'case':
      switch (piece.mode) {
        case 'lower':
          return '$\\: force the following material to lower case';
        case 'upper':
          return '$^: force the following material to upper case';
        case 'original':
          return '$_: keep the original case of the following material';
        default:
          return '$=: quote the following substitutions for safe use in an LDAP filter (6.3)';
      }
    case 'substitution': {
      const n = piece.n;
      switch (piece.code) {
        case 'U':
          return n === 0
            ? '$0U: user name without the +sub-address'
            : n === 1
              ? '$1U: the +sub-address (with its +), empty if none'
              : '$U: user name (local part) of the address being rewritten';
        case 'D':
          return n ? `$${n}D: the part of the host that matched the pattern, without its first ${n} label(s)` : '$D: the part of the host that matched the pattern';
        case 'H':
          return n ? `$${n}H: the part of the host that did not match the pattern, without its first ${n} label(s)` : '$H: the part of the host that did not match the pattern';
        case 'L':
          return '$L: the unmatched part of a domain literal';
        case 'W':
          return '$W: a random unique string';
        case 'A':
          return `$${n}A: character ${n} of the current address (6.3)`;
        default:
          return `$${n}X: component ${n} of the mail host (6.3; needs the directory)`;
      }
    }
    case 'label': {
      const where = piece.op === '&' || piece.op === '!' ? 'unmatched (wildcarded) part' : 'part that matched literal pattern text';
      const from = piece.op === '&' || piece.op === '*' ? 'left' : 'right';
      return `$${piece.op}${piece.n}: label ${piece.n} (counting from the ${from}, 0 first) of the ${where} of the host; the rule fails if there is none`;
    }
    case 'control':
      return `$${piece.code}: ${CONTROL_TEXT[piece.code]}`;
    case 'channel-check':
      switch (piece.code) {
        case 'M':
          return `$M${piece.channel}: rule applies only if ${piece.channel} is the channel doing the rewriting (source channel); several $M: any one`;
        case 'N':
          return `$N${piece.channel}: rule fails if ${piece.channel} is the channel doing the rewriting`;
        case 'Q':
          return `$Q${piece.channel}: rule applies only if ${piece.channel} is the destination channel; several $Q: any one`;
        default:
          return `$C${piece.channel}: rule fails if ${piece.channel} is the destination channel`;
      }
    case 'reprocess-check':
      return piece.code === 'M'
        ? '$1M: rule applies only if the rewriting channel is an internal reprocessing channel'
        : '$1N: rule applies only if the rewriting channel is not an internal reprocessing channel';
    case 'check-now':
      return '$1~: evaluate the pending channel/domain checks now; if they fail, stop here and keep what was built so far';
    case 'tag':
      return `$T: set the rewrite tag to "${piece.tag}" (prepended to every pattern looked up afterwards for this address)`;
    case 'error-text':
      return piece.status
        ? `$${piece.statusCode}?: if the address cannot be routed, report "${piece.message}" with status ${piece.status}`
        : `$?: if the address cannot be routed, report "${piece.message}" instead of "illegal host/domain specified"`;
    case 'domain-check':
      return piece.code === 'V'
        ? `$V: rule applies only if "${piece.argument}" is a local (hosted) domain (directory lookup)`
        : `$Z: rule applies only if "${piece.argument}" is not a local domain (directory lookup)`;
    case 'lookup':
      switch (piece.lookup) {
        case 'general':
          return `$(…): look "${piece.argument}" up in the general database; the result replaces the sequence; a miss makes the rule fail`;
        case 'mapping':
          return `\${…}: run mapping table "${piece.argument.split(',')[0]}" on the argument; the result must set $Y, otherwise the rule fails`;
        case 'library':
          return `$[…]: call routine "${piece.argument.split(',')[1] ?? ''}" from shared library "${piece.argument.split(',')[0]}"; returning 0 makes the rule fail`;
        default:
          return `$]…[: LDAP search "${piece.argument}"; the result replaces the sequence`;
      }
    case 'invalid':
      return piece.message;
  }
}
