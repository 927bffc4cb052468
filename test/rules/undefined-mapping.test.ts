import rule from '../../rules/undefined-mapping.js';
import { ruleTester } from '../helpers/rule-tester.js';

const MAPPINGS = 'INTERNAL_IP\n\n  127.0.0.1 $Y\n  * $N\n\nPORT_ACCESS\n\n  TCP|*|25|*|* $Y\n';
const cfg = (rules: string, mappings: string | null = MAPPINGS) => ({
  'imta.cnf': `${rules}\n\nl\nmail.example.com\n\ntcp_intranet smtp\ntcp_intranet-daemon\n`,
  ...(mappings === null ? {} : { mappings }),
});

ruleTester(rule, {
  valid: [
    { name: 'the table exists (names compare case-insensitively)', files: cfg('[] $E$R${internal_ip,$L}$U%[$L]@tcp_intranet-daemon') },
    { name: 'no mappings file in the model: nothing can be said', files: cfg('[] $E$R${NOPE,$L}$U%[$L]@tcp_intranet-daemon', null) },
    { name: 'a table name computed at run time is not checked', files: cfg('x $U@${$D,a}') },
    { name: 'other lookups are not mapping lookups', files: cfg('x $U%$(siroe)@tcp_intranet-daemon') },
  ],
  invalid: [
    {
      name: 'a misspelt table, two lookups in one template, a lookup inside a lookup argument, a continued rule',
      files: cfg('[] $E$R${INTERNAL-IP,$L}$U%[$L]@tcp_intranet-daemon\ny $U%${A,b}${PORT_ACCES,$(x)}@tcp_intranet-daemon\nz $U%${NOTHING_\\\nLIKE_IT,$H}@tcp_intranet-daemon'),
      errors: [
        {
          message:
            "rule '[]' looks up mapping table 'INTERNAL-IP', which the mappings file does not define: the lookup fails on the server, so the rule never applies and addresses fall through to the next rule; did you mean 'INTERNAL_IP'?",
          line: 1,
          column: 10,
          endColumn: 21,
        },
        { message: "rule 'y' looks up mapping table 'A', which the mappings file does not define: the lookup fails on the server, so the rule never applies and addresses fall through to the next rule; define the table in mappings (or correct its name)", line: 2, column: 8, endColumn: 9 },
        { message: "rule 'y' looks up mapping table 'PORT_ACCES', which the mappings file does not define: the lookup fails on the server, so the rule never applies and addresses fall through to the next rule; did you mean 'PORT_ACCESS'?", line: 2, column: 14, endColumn: 24 },
        { message: "rule 'z' looks up mapping table 'NOTHING_LIKE_IT', which the mappings file does not define: the lookup fails on the server, so the rule never applies and addresses fall through to the next rule; define the table in mappings (or correct its name)", line: 3, column: 8, endLine: 4, endColumn: 8 },
      ],
    },
  ],
});
