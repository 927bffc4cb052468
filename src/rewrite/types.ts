// Input and output types of the address-rewriting engine (the offline `imsimta test -rewrite`).
// The engine does not depend on the imta.cnf parser: the configuration model is adapted to
// these small interfaces.

export interface RewriteRuleInput {
  pattern: string;
  template: string;
  file?: string;
  line?: number;
}

export interface ChannelInput {
  name: string;
  officialHost: string;
  localAlias?: string;
  hosts: { name: string; properName?: string }[];
  /** Lower-cased keyword names in force, e.g. 'bangoverpercent', '733'. */
  keywords: string[];
}

export interface RewriteConfigInput {
  /** Rewrite rules in file order. */
  rules: RewriteRuleInput[];
  channels: ChannelInput[];
  /** Official host of channel l (defaults to the official host of the channel named `l`). */
  localHost?: string;
}

export interface RewriteOptions {
  /** Envelope From (only used for the backward rewrite shown in `from`). */
  from?: string;
  /** The channel the address is deemed to come from (default `l`, like `imsimta test -rewrite`). */
  sourceChannel?: string;
  /** The destination channel; only when it is given are `$C`/`$Q` checks honoured. */
  destinationChannel?: string;
  /** Rewrite as a header address (default: envelope). */
  header?: boolean;
  /** Rewrite as a backward-pointing (From-like) address (default: forward). */
  backward?: boolean;
  /** Record every probe and rule step in `trace`. */
  debug?: boolean;
  /**
   * Answers for lookups that need a live server. Keys, most specific first: the lookup
   * after substitution (`$(siroe)`, `${INTERNAL_IP,10.1.2.3}`, `$Vexample.com`), the lookup
   * as written in the rule (`$($H)`, `$V$H`), the mapping table alone (`${INTERNAL_IP}`),
   * the kind alone (`$()`, `${}`, `$[]`, `$][`, `$V`, `$Z`, `$X`), then `*`. Values: the
   * lookup result (re-scanned as template text), or `<fail>` for a miss. For `$V`/`$Z` the
   * value says whether the domain is local: `local`/`yes`/`true`/`1` or
   * `remote`/`no`/`false`/`0`/`<fail>`.
   */
  assume?: Record<string, string>;
}

export type TraceStep =
  | 'address'
  | 'extract'
  | 'probe'
  | 'rule'
  | 'lookup'
  | 'channel-table'
  | 'result'
  | 'strip'
  | 'again'
  | 'fallback'
  | 'channel'
  | 'error';

export interface TraceEntry {
  step: TraceStep;
  /** One human-readable line, in the spirit of `imsimta test -rewrite -debug`. */
  message: string;
  /** For probes: the pattern looked up (tag included). */
  pattern?: string;
  /** For probes: whether any rule with that pattern exists. */
  found?: boolean;
  /** For rule steps: the rule evaluated. */
  rule?: RewriteRuleInput;
  /** For rule steps: whether the rule succeeded. */
  succeeded?: boolean;
  /** For rule steps: the expansion (or the reason it failed). */
  expansion?: string;
}

export interface RewriteResult {
  /** The address as given. */
  input: string;
  /** Destination channel. */
  channel?: string;
  /** Official host name of the destination channel. */
  officialHost?: string;
  /** The rewritten address (what the rules produced), formatted for the channel's address style. */
  address?: string;
  /**
   * The envelope To: form: like `address`, but an additional host name of the destination
   * channel used as the domain is replaced by its proper name (or the official host name).
   * Only for envelope (not header) rewrites.
   */
  envelopeTo?: string;
  /** The routing host (channel host name) the address was routed to or failed on. */
  routingHost?: string;
  /** Set when the address cannot be routed (e.g. `illegal host/domain specified`). */
  error?: string;
  /** Extended SMTP status from a `$number?text?` sequence, e.g. `4.0.0`. */
  status?: string;
  /** Lookups that need a live server and were not answered by `assume`. */
  needs?: string[];
  /** Non-fatal remarks (unknown source channel, undocumented behaviour used, …). */
  warnings?: string[];
  /** The rewrite tag in force at the end. */
  tag?: string;
  /** With `from`: the backward rewrite of the envelope From. */
  from?: { address?: string; channel?: string; error?: string };
  /** With `debug`. */
  trace?: TraceEntry[];
}
