// Table tests for each imta.cnf construct of ../shared/spec/imta-cnf.md: exact tree shapes.
import { parse, print, textOf } from '../../grammar/index.js';
import { isRunItem, rawItemsOf } from '../../grammar/imta.js';
import { buildModel } from '../../src/model/load.js';
import { shape, type Shape } from '../helpers/shape.js';

function tree(text: string, start: 'rules' | 'channels' = 'rules'): Shape {
  const r = parse(text, 'imta.cnf', { start });
  expect(print(r.tree)).toBe(text);
  expect(r.diagnostics).toEqual([]);
  return shape(r.tree.root);
}

const cases: [string, string, Shape, ('rules' | 'channels')?][] = [
  ['empty file', '', { ImtaFile: [] }],
  [
    'rule, comment (column 1 only) and include in the rule section',
    'a.com $U@a\n! note\n<IMTA_TABLE:x.rules\n',
    {
      ImtaFile: [
        {
          RuleSection: [
            { RewriteRule: ['Word:a.com', 'Ws: ', 'Word:$U@a', 'Newline:\\n'] },
            { CommentLine: ['Comment:! note', 'Newline:\\n'] },
            { IncludeLine: ['Include:<IMTA_TABLE:x.rules', 'Newline:\\n'] },
          ],
        },
      ],
    },
  ],
  [
    'the first blank line ends the rule section; blocks are separated by blank lines',
    'a $U@a\n\nl\nhost\n\ntcp_local smtp\ntcp-daemon\n',
    {
      ImtaFile: [
        { RuleSection: [{ RewriteRule: ['Word:a', 'Ws: ', 'Word:$U@a', 'Newline:\\n'] }] },
        {
          ChannelTable: [
            { BlankLines: ['BlankLine:\\n'] },
            { ChannelBlock: [{ KeywordLine: ['Word:l', 'Newline:\\n'] }, { HostLine: ['Word:host', 'Newline:\\n'] }] },
            { BlankLines: ['BlankLine:\\n'] },
            {
              ChannelBlock: [
                { KeywordLine: ['Word:tcp_local', 'Ws: ', 'Word:smtp', 'Newline:\\n'] },
                { HostLine: ['Word:tcp-daemon', 'Newline:\\n'] },
              ],
            },
          ],
        },
      ],
    },
  ],
  [
    'a blank first line: no rules at all',
    '\nl\nhost',
    {
      ImtaFile: [
        {
          ChannelTable: [
            { BlankLines: ['BlankLine:\\n'] },
            { ChannelBlock: [{ KeywordLine: ['Word:l', 'Newline:\\n'] }, { HostLine: ['Word:host'] }] },
          ],
        },
      ],
    },
  ],
  [
    'continuation joins physical lines into one logical line, also between keyword and argument',
    'tcp_local smtp saslswitchchannel \\\ntcp_auth\nTCP-DAEMON\n',
    {
      ImtaFile: [
        {
          ChannelTable: [
            {
              ChannelBlock: [
                {
                  KeywordLine: [
                    'Word:tcp_local',
                    'Ws: ',
                    'Word:smtp',
                    'Ws: ',
                    'Word:saslswitchchannel',
                    'Ws: ',
                    'Continuation:\\\\n',
                    'Word:tcp_auth',
                    'Newline:\\n',
                  ],
                },
                { HostLine: ['Word:TCP-DAEMON', 'Newline:\\n'] },
              ],
            },
          ],
        },
      ],
    },
    'channels',
  ],
  [
    'a comment line inside a continued line is dropped and the line goes on',
    'ims-ms a \\\n! why\n b\nims-ms-daemon\n',
    {
      ImtaFile: [
        {
          ChannelTable: [
            {
              ChannelBlock: [
                {
                  KeywordLine: [
                    'Word:ims-ms',
                    'Ws: ',
                    'Word:a',
                    'Ws: ',
                    'Continuation:\\\\n',
                    'ContinuedComment:! why\\n',
                    'Ws: ',
                    'Word:b',
                    'Newline:\\n',
                  ],
                },
                { HostLine: ['Word:ims-ms-daemon', 'Newline:\\n'] },
              ],
            },
          ],
        },
      ],
    },
    'channels',
  ],
  [
    'a backslash followed by blanks is not a continuation',
    'x a \\  \nhost\n',
    {
      ImtaFile: [
        {
          ChannelTable: [
            {
              ChannelBlock: [
                { KeywordLine: ['Word:x', 'Ws: ', 'Word:a', 'Ws: ', 'Word:\\', 'Ws:  ', 'Newline:\\n'] },
                { HostLine: ['Word:host', 'Newline:\\n'] },
              ],
            },
          ],
        },
      ],
    },
    'channels',
  ],
  [
    'an indented ! is not a comment; whitespace-only lines are blank; CRLF and quoted strings',
    'l "pt5m" x\r\n  ! not a comment\r\n \t\r\nz\r\n',
    {
      ImtaFile: [
        {
          ChannelTable: [
            {
              ChannelBlock: [
                { KeywordLine: ['Word:l', 'Ws: ', 'Quoted:"pt5m"', 'Ws: ', 'Word:x', 'Newline:\\r\\n'] },
                { HostLine: ['Ws:  ', 'Word:!', 'Ws: ', 'Word:not', 'Ws: ', 'Word:a', 'Ws: ', 'Word:comment', 'Newline:\\r\\n'] },
              ],
            },
            { BlankLines: ['BlankLine: \\t\\r\\n'] },
            { ChannelBlock: [{ KeywordLine: ['Word:z', 'Newline:\\r\\n'] }] },
          ],
        },
      ],
    },
    'channels',
  ],
  [
    'comments and includes between and inside blocks',
    '\n! about l\nl\n! tag next\nhost\n\n<IMTA_TABLE:more.cnf\n',
    {
      ImtaFile: [
        {
          ChannelTable: [
            { BlankLines: ['BlankLine:\\n'] },
            { CommentLine: ['Comment:! about l', 'Newline:\\n'] },
            {
              ChannelBlock: [
                { KeywordLine: ['Word:l', 'Newline:\\n'] },
                { CommentLine: ['Comment:! tag next', 'Newline:\\n'] },
                { HostLine: ['Word:host', 'Newline:\\n'] },
              ],
            },
            { BlankLines: ['BlankLine:\\n'] },
            { IncludeLine: ['Include:<IMTA_TABLE:more.cnf', 'Newline:\\n'] },
          ],
        },
      ],
    },
  ],
  [
    'a lone CR and odd bytes are word characters',
    'a\rb \u0000\u00ff',
    { ImtaFile: [{ RuleSection: [{ RewriteRule: ['Word:a\\rb', 'Ws: ', 'Word:\u0000\u00ff'] }] }] },
  ],
];

// Rows are objects: with arrays of uneven length jest passes its `done` callback as `start`.
test.each(cases.map(([name, text, expected, start]) => ({ name, text, expected, start })))('$name', ({ text, expected, start }) => {
  expect(tree(text, start)).toEqual(expected);
});

test('aliases and mappings share the physical layer', () => {
  const text = 'PORT_ACCESS\n\n  TCP|*|25|*|* $Y\n! c\n';
  const r = parse(text, 'mappings');
  expect(print(r.tree)).toBe(text);
  expect(shape(r.tree.root)).toEqual({
    LineFile: [
      { Entry: ['Word:PORT_ACCESS', 'Newline:\\n'] },
      { BlankLines: ['BlankLine:\\n'] },
      { Entry: ['Ws:  ', 'Word:TCP|*|25|*|*', 'Ws: ', 'Word:$Y', 'Newline:\\n'] },
      { CommentLine: ['Comment:! c', 'Newline:\\n'] },
    ],
  });
});

describe('content runs (what the parser sees)', () => {
  const rawShape = (text: string) => {
    const { tree } = parse(text, 'imta.cnf');
    const section = tree.root.children[0] as import('../../grammar/index.js').SyntaxNode;
    return rawItemsOf(section).map((i) => (isRunItem(i) ? `run(${i.kind}):${JSON.stringify(i.run.image)}` : i.kind));
  };

  test('plain content lines form one run, whole continued lines included; comments and includes break it', () => {
    expect(rawShape('a $U@a\nb $U@b\n! c\nd $U@d \\\n  more\ne $U@e\r\nf $U@f')).toEqual([
      'run(RewriteRule):"a $U@a\\nb $U@b\\n"',
      'CommentLine',
      'run(RewriteRule):"d $U@d \\\\\\n  more\\ne $U@e\\r\\nf $U@f"',
    ]);
  });

  test('a continued line cut short by a comment line is parsed line by line', () => {
    expect(rawShape('a $U@a\nd $U@d \\\n! dropped\n  more\ne $U@e\n')).toEqual(['run(RewriteRule):"a $U@a\\n"', 'RewriteRule', 'run(RewriteRule):"e $U@e\\n"']);
  });

  test('a run becomes the same line nodes as lexing line by line, and rules find their line', () => {
    const text = 'a $U@a\nb $U@b\n! c\n';
    const model = buildModel({ files: [{ relPath: 'imta.cnf', kind: 'imta.cnf', text }] });
    expect(model.rules.map((r) => [r.key, textOf(r.node), r.node.kind])).toEqual([
      ['a', 'a $U@a\n', 'RewriteRule'],
      ['b', 'b $U@b\n', 'RewriteRule'],
    ]);
    expect(model.rules[1].node).toBe((model.imta!.tree.root.children[0] as import('../../grammar/index.js').SyntaxNode).children[1]);
  });

  test('in the channel table a run is a block: its first line the keyword line, the rest host lines', () => {
    const { tree } = parse('tcp_local smtp\ntcp-daemon\nextra.example\n', 'imta.cnf', { start: 'channels' });
    const block = (tree.root.children[0] as import('../../grammar/index.js').SyntaxNode).children[0] as import('../../grammar/index.js').SyntaxNode;
    expect(rawItemsOf(block).map((i) => (isRunItem(i) ? i.kind : i.kind))).toEqual(['KeywordLine']);
    expect(block.children.map((c) => (c as import('../../grammar/index.js').SyntaxNode).kind)).toEqual(['KeywordLine', 'HostLine', 'HostLine']);
  });
});
