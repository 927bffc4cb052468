// A channel block that is one content run is read straight from the run's text (its line
// nodes are made only when asked). It must give exactly the channel that reading the
// block's line nodes gives: the same words, keywords, hosts, ranges and broken
// continuations, and, when asked, the very line nodes of the block.
import fc from 'fast-check';
import { rawItemsOf, isRunItem } from '../../grammar/imta.js';
import { isToken, textOf, type SyntaxElement, type SyntaxNode } from '../../grammar/index.js';
import { buildImta } from '../../src/model/imta.js';
import { sourceFile } from '../../src/model/load.js';
import type { Channel, HostName, Include, Word } from '../../src/model/types.js';

const noIncludes = (): Include => {
  throw new Error('no includes in these texts');
};

/** The channels of `text` read from runs (as loadConfig does), or line by line (no runs in the tree). */
function channels(text: string, lineByLine: boolean): Channel[] {
  return buildImta(sourceFile(text, 'imta.cnf', '/x/imta.cnf', 'imta.cnf', { start: 'channels', lineByLine }), noIncludes).channels;
}

const word = (w: Word | undefined) => w && [w.text, w.start, w.end, w.quoted, w.value, !!w.fused];
const flat = (e: SyntaxElement): unknown => (isToken(e) ? [e.tokenType.name, e.image, e.startOffset] : [e.kind, e.children.map(flat)]);
const host = (h: HostName | undefined) => h && [word(h.host), word(h.alias), h.extra.map(word), flat(h.line), h.file.path];
const view = (c: Channel) => ({
  name: c.name,
  nameWord: word(c.nameWord),
  range: c.range,
  keywords: c.keywords.map((k) => [k.key, word(k.word), k.args.map(word), k.range, k.missingArgument, k.info?.name]),
  defaults: c.defaults.map((k) => [k.key, k.range]),
  officialHost: host(c.officialHost),
  extraHosts: c.extraHosts.map(host),
  keywordLine: flat(c.keywordLine),
  index: c.index,
  broken: c.brokenContinuations,
  text: textOf(c.block),
});

const name = fc.constantFrom('tcp_local', 'l', 'tcp_c1', 'defaults', 'nodefaults', 'bitbucket', 'TCP_X');
const keyword = fc.constantFrom('smtp', 'mx', 'pool SMTP_POOL', 'maxjobs 7', 'notices 1 2 4', 'description "a b"', 'backoff "pt5m" "pt1h"', 'frobnicate', 'daemon', 'MX', '“curly”', 'x\\y');
const hostLine = fc.constantFrom('tcp-daemon', 'mail.example.com fw.example.com', 'old.example.com new.example.com more', '"quoted host"', 'a\\b');
const tail = fc.constantFrom(' \\', ' \\  ', '', '', '\t');
const keywordLine = fc
  .tuple(name, fc.array(fc.tuple(keyword, fc.boolean()), { maxLength: 6 }), tail)
  .map(([n, ks, t]) => n + ks.map(([k, wrap]) => (wrap ? ' \\\n  ' : ' ') + k).join('') + t);
const block = fc.tuple(keywordLine, fc.array(fc.tuple(hostLine, tail), { maxLength: 3 }), fc.boolean()).map(([kl, hs, comment]) => {
  const lines = [kl, ...hs.map(([h, t]) => h + t)];
  if (comment && lines.length > 1) lines.splice(1, 0, '! a comment line inside the block');
  return lines.join('\n');
});
const table = fc.tuple(fc.array(block, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([bs, crlf]) => {
  const t = bs.join('\n\n') + '\n';
  return crlf ? t.replace(/\n/g, '\r\n') : t;
});

test('a block read from its run is the block read from its lines', () => {
  let runs = 0;
  fc.assert(
    fc.property(table, (text) => {
      const fast = channels(text, false);
      const slow = channels(text, true);
      expect(fast.map(view)).toEqual(slow.map(view));
      for (const c of fast) {
        const items = rawItemsOf(c.block);
        if (items.length === 1 && isRunItem(items[0])) runs++;
        // Asked for, the line nodes are the block's own.
        const lines = c.block.children as SyntaxNode[];
        expect(c.keywordLine).toBe(lines[0]);
        for (const h of [c.officialHost, ...c.extraHosts]) if (h) expect(lines).toContain(h.line);
      }
    }),
    { numRuns: 600 },
  );
  // The generator must reach the fast path, not only the line-by-line one.
  expect(runs).toBeGreaterThan(300);
});
