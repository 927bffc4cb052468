// Table tests for the option-file family (job_controller.cnf, dispatcher.cnf, option.dat).
import { parse, print } from '../../grammar/index.js';
import { shape, type Shape } from '../helpers/shape.js';

const cases: [string, string, Shape][] = [
  [
    'comments with ! # ;, blank lines, sections, settings with blanks around =',
    '! c\n# c\n; c\n\n[POOL=SMTP_POOL]\njob_limit = 12\n',
    {
      OptionFile: [
        { CommentLine: ['Comment:! c', 'Newline:\\n'] },
        { CommentLine: ['Comment:# c', 'Newline:\\n'] },
        { CommentLine: ['Comment:; c', 'Newline:\\n'] },
        { BlankLines: ['BlankLine:\\n'] },
        { SectionHeader: ['SectionHeader:[POOL=SMTP_POOL]', 'Newline:\\n'] },
        { Setting: ['Name:job_limit', 'Ws: ', 'Equals:=', 'Ws: ', 'Value:12', 'Newline:\\n'] },
      ],
    },
  ],
  [
    'a value may contain = and blanks',
    'PARAMETER=CHANNEL=tcp_lmtpss\nsecret=never mind\n',
    {
      OptionFile: [
        { Setting: ['Name:PARAMETER', 'Equals:=', 'Value:CHANNEL=tcp_lmtpss', 'Newline:\\n'] },
        { Setting: ['Name:secret', 'Equals:=', 'Value:never mind', 'Newline:\\n'] },
      ],
    },
  ],
  [
    'continued values; a column-1 comment after a continuation is still a comment',
    'DELIVERY_OPTIONS=\\\n    #*mailbox=@x,\\\n!dropped\n    #forward=**\n',
    {
      OptionFile: [
        {
          Setting: [
            'Name:DELIVERY_OPTIONS',
            'Equals:=',
            'Continuation:\\\\n',
            'Ws:    ',
            'Value:#*mailbox=@x,',
            'Continuation:\\\\n',
            'ContinuedComment:!dropped\\n',
            'Ws:    ',
            'Value:#forward=**',
            'Newline:\\n',
          ],
        },
      ],
    },
  ],
  [
    'a line that is no setting is an error line, and parsing goes on',
    'what is this\nb%v=16%FF\n',
    {
      OptionFile: [
        { ErrorLine: ['Name:what', 'Ws: ', 'Name:is', 'Ws: ', 'Name:this', 'Newline:\\n'] },
        { Setting: ['Name:b%v', 'Equals:=', 'Value:16%FF', 'Newline:\\n'] },
      ],
    },
  ],
  [
    'a commented-out section header is a comment; an unclosed header is still a header',
    '![SERVICE=LMTPSS]\n[SERVICE=SMTP\n',
    {
      OptionFile: [
        { CommentLine: ['Comment:![SERVICE=LMTPSS]', 'Newline:\\n'] },
        { SectionHeader: ['SectionHeader:[SERVICE=SMTP', 'Newline:\\n'] },
      ],
    },
  ],
];

test.each(cases)('%s', (_name, text, expected) => {
  for (const kind of ['job_controller.cnf', 'dispatcher.cnf', 'option.dat'] as const) {
    const r = parse(text, kind);
    expect(print(r.tree)).toBe(text);
    expect(shape(r.tree.root)).toEqual(expected);
  }
});
