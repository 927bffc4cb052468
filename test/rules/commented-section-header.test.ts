import rule from '../../rules/commented-section-header.js';
import { ruleTester, runRule } from '../helpers/rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'the 6.3 LMTP additions (real header; commented INTERFACE_ADDRESS)',
      files: { 'dispatcher.cnf': '! rfc 2033 LMTP server - store\n[SERVICE=LMTPSS]\nPORT=225\n!INTERFACE_ADDRESS=\n! INTERFACE_ADDRESS=!\n' },
    },
    { name: 'a commented-out section with its settings commented too', files: { 'dispatcher.cnf': '[SERVICE=SMTP]\nPORT=25\n![SERVICE=OLD]\n!PORT=26\n!\n[SERVICE=X]\nPORT=27\n' } },
    { name: 'a bracket in ordinary comment text', files: { 'job_controller.cnf': '! see [POOL=...] below, e.g. [POOL=SMTP_POOL] x\njob_limit=1\n' } },
  ],
  invalid: [
    {
      name: 'the 2005Q4 LMTP back-end additions',
      files: {
        'dispatcher.cnf':
          'MIN_PROCS=0\n[SERVICE=SMTP]\nPORT=25\n! rfc 2033 LMTP server - store\n![SERVICE=LMTPSS]\nPORT=225\nIMAGE=IMTA_BIN:tcp_lmtp_server\nLOGFILE=x\nPARAMETER=CHANNEL=tcp_lmtpss\n!\n[SERVICE=LMTPSN]\nPORT=226\n',
      },
      errors: [
        {
          message:
            "'![SERVICE=LMTPSS]' is a comment, not a section header: the settings after it (PORT, IMAGE, LOGFILE, …) belong to the section [SERVICE=SMTP] above it, where they add to or replace that section's own settings; remove '!' to start the section, or comment out its settings too",
          line: 5,
          column: 1,
          endColumn: 18,
        },
      ],
    },
    {
      name: 'before any section: into the global defaults; blanks after the !',
      files: { 'job_controller.cnf': '!  [POOL=BULK]\n\njob_limit=2\n[POOL=DEFAULT]\njob_limit=10\n' },
      errors: [
        {
          message:
            "'!  [POOL=BULK]' is a comment, not a section header: the settings after it (job_limit) belong to the global defaults, where they apply to every pool and channel; remove '!' to start the section, or comment out its settings too",
          line: 1,
          column: 1,
          endColumn: 15,
        },
      ],
    },
  ],
});

test('commented-section-header suggests uncommenting, without applying it', () => {
  const { reports } = runRule(rule, { files: { 'dispatcher.cnf': '![SERVICE=LMTPSS]\nPORT=225\n' } });
  expect(reports[0].fix).toBeUndefined();
  expect(reports[0].suggestions?.[0].edits[0]).toMatchObject({ start: 0, end: 1, text: '' });
});
