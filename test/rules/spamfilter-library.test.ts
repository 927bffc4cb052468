import rule from '../../rules/spamfilter-library.js';
import { ruleTester } from '../helpers/rule-tester.js';

const cfg = (keywords: string, option: string | null) => ({
  'imta.cnf': `a.example $U@a.example\n\ndefaults ${keywords.split('|')[0]}\n\nl\na.example\n\ntcp_local smtp ${keywords.split('|')[1] ?? ''}\ntcp-daemon\n`,
  ...(option === null ? {} : { 'option.dat': option }),
});

ruleTester(rule, {
  valid: [
    {
      name: 'packages configured in option.dat; disable keywords need no library',
      files: cfg('logging|destinationspamfilter1optin spam,virus sourcespamfilter2 disabledestinationspamfilter7', 'SPAMFILTER1_LIBRARY=/opt/lib/libbmiclient.so\nspamfilter2_library = /opt/lib/libsieve.so\n'),
    },
    { name: 'no option.dat in the model: nothing can be said', files: cfg('logging|destinationspamfilter1optin spam', null) },
  ],
  invalid: [
    {
      name: 'a package with no library, on a channel and on a defaults line; an empty library value',
      files: cfg('sourcespamfilter3|destinationspamfilter2optin spam', 'SPAMFILTER1_LIBRARY=/opt/lib/libbmiclient.so\nSPAMFILTER2_LIBRARY=\n'),
      errors: [
        {
          message:
            "'sourcespamfilter3' on the channels after this defaults line runs spam filter package 3, but option.dat defines no SPAMFILTER3_LIBRARY: the MTA has no package 3 to load, so this mail is not filtered as intended; set SPAMFILTER3_LIBRARY (and its other SPAMFILTER3_ options) in option.dat, or use the number of a package that is configured (SPAMFILTER1_LIBRARY is set)",
          line: 3,
          column: 10,
          endColumn: 27,
        },
        { message: "'destinationspamfilter2optin' on channel 'tcp_local' runs spam filter package 2, but option.dat defines no SPAMFILTER2_LIBRARY: the MTA has no package 2 to load, so this mail is not filtered as intended; set SPAMFILTER2_LIBRARY (and its other SPAMFILTER2_ options) in option.dat, or use the number of a package that is configured (SPAMFILTER1_LIBRARY is set)", line: 8, column: 16, endColumn: 43 },
      ],
    },
  ],
});
