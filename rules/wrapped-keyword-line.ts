// wrapped-keyword-line: a channel's keyword list goes on on the next line without a `\`
// at the end of the line before. The MTA reads that line as the official host line (or an
// extra host line): its first word becomes a host name, the rest is ignored
// (imta-cnf.md §7.1; the 2005Q4 guide's "typical channel entry" is printed this way).
import { insertAt } from '../src/edit/edits.js';
import { defineRule } from '../src/lint/define-rule.js';
import { blockLines, hostLineWords } from './util/block-lines.js';
import { contentEndOf, continuationSuffix, lastWordEndOf } from './util/physical-lines.js';
import { quoteShort } from './util/where.js';

const rule = defineRule({
  meta: {
    id: 'wrapped-keyword-line',
    description: "A channel's keyword list continued on the next line without a '\\': the keywords there become the channel's host names.",
    severity: 'error',
    fixable: true,
  },
  create(context) {
    for (const w of blockLines(context.model).wrapped) {
      if (w.afterBrokenContinuation) continue; // broken-continuation reports the `\ `
      const h = w.host;
      const official = h === w.channel.officialHost;
      const parts = [`'${h.host.text}' as ${official ? "the channel's official host name" : 'an extra host name of the channel'}`];
      if (h.alias) parts.push(`'${h.alias.text}' as its ${official ? 'local host alias' : 'proper name'}`);
      let reading = parts.join(' and ');
      if (h.extra.length) reading = `${parts.join(', ')} and ignores ${quoteShort(h.extra.map((x) => x.text).join(' '), 60)}`;
      const words = hostLineWords(h)
        .map((x) => x.text)
        .join(' ');
      const message =
        `the keyword list of channel '${w.channel.name}' goes on on this line without a '\\' at the end of the line before: ` +
        `the MTA reads ${reading}, so ${quoteShort(words, 60)} never take effect as keywords; end the line before with ' \\'`;
      const file = h.file;
      const at = contentEndOf(w.previous);
      context.report({
        file,
        start: h.host.start,
        end: lastWordEndOf(h.line),
        message,
        ...(w.fixable ? { fix: { description: "end the line before with ' \\'", edits: [insertAt(file, at, continuationSuffix(file.text, at))] } } : {}),
      });
    }
  },
});

export default rule;
