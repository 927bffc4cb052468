// keyword-placement: a keyword written on a channel where the MTA ignores it or where the
// manual says it must not stand (channel-keywords.md §2.1, §2.2):
//   * dequeue_removeroute is implemented only for tcp_* channels (warning);
//   * expandlimit must not be put on l or reprocess (warning): they are the channels that
//     do the deferred expansion;
//   * headerbottom / headeromit on a tcp_* channel move or drop the header of mail handed to
//     other MTAs (warning);
//   * the subaddress keywords only matter on l and on channels with aliaslocal (info).
// Only keywords written on the channel itself: a `defaults` line applies to every channel
// by design, and the MTA ignores what does not apply.
import type { Severity } from '../src/lint/types.js';
import { defineRule } from '../src/lint/define-rule.js';
import type { Channel, KeywordUse } from '../src/model/types.js';
import { isMisplacedCommentWord, realChannels, removeUseFix } from './util/keyword-lines.js';

const isTcp = (c: Channel) => c.name.toLowerCase().startsWith('tcp_');

interface Placement {
  /** Whether `use` is out of place on `channel` (the channel's keys given for aliaslocal). */
  wrong(channel: Channel, keys: ReadonlySet<string>): boolean;
  severity: Severity;
  message(use: KeywordUse, channel: Channel): string;
}

const PLACEMENTS: Record<string, Placement> = {
  dequeue_removeroute: {
    wrong: (c) => !isTcp(c),
    severity: 'warning',
    message: (u, c) =>
      `'${u.word.text}' is implemented only for tcp_* (SMTP) channels: on channel '${c.name}' it does nothing, and source routes in envelope To addresses stay; remove it, or put it on the SMTP channel that needs it`,
  },
  expandlimit: {
    wrong: (c) => ['l', 'reprocess'].includes(c.name.toLowerCase()),
    severity: 'warning',
    message: (u, c) =>
      `'${u.word.text}' must not be put on channel '${c.name}' (the manual's rule): '${c.name}' is where deferred address expansion happens, so deferring it from there sends the messages back to be expanded again; put expandlimit on the channels messages arrive on (e.g. tcp_local)`,
  },
  headerbottom: {
    wrong: isTcp,
    severity: 'warning',
    message: (u, c) =>
      `'${u.word.text}' on SMTP channel '${c.name}' puts the message header after the body of mail handed to other MTAs, which then see no header at all; it is meant for special end-user delivery channels: remove it here`,
  },
  headeromit: {
    wrong: isTcp,
    severity: 'warning',
    message: (u, c) =>
      `'${u.word.text}' on SMTP channel '${c.name}' drops the message header of mail handed to other MTAs; it is meant for special end-user delivery channels: remove it here`,
  },
};

const SUBADDRESS: Placement = {
  wrong: (c, keys) => c.name.toLowerCase() !== 'l' && !keys.has('aliaslocal'),
  severity: 'info',
  message: (u, c) =>
    `'${u.word.text}' only matters where addresses are looked up in the alias file or directory (channel l, and channels with aliaslocal): on channel '${c.name}' it has no effect`,
};
for (const k of ['subaddressexact', 'subaddresswild', 'subaddressrelaxed']) PLACEMENTS[k] = SUBADDRESS;

const rule = defineRule({
  meta: {
    id: 'keyword-placement',
    description:
      "A keyword on a channel where the MTA ignores it or the manual forbids it: dequeue_removeroute off tcp_*, expandlimit on l/reprocess, headerbottom/headeromit on tcp_*, subaddress keywords where no alias lookup happens.",
    severity: 'warning',
    fixable: false,
  },
  create(context) {
    const { model } = context;
    for (const channel of realChannels(model)) {
      // The keywords in force, gathered only for a channel that has a placed keyword at all.
      let keys: ReadonlySet<string> | undefined;
      for (const use of channel.keywords) {
        const p = use.info && PLACEMENTS[use.info.name];
        if (!p) continue;
        keys ??= new Set(model.effectiveKeywords(channel).map((k) => k.info?.name ?? k.key));
        if (!p.wrong(channel, keys) || isMisplacedCommentWord(model, use.word)) continue;
        context.report({
          file: channel.file,
          start: use.word.start,
          end: use.word.end,
          severity: p.severity,
          message: p.message(use, channel),
          suggestions: [removeUseFix(use)],
        });
      }
    }
  },
});

export default rule;
