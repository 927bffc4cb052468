// The example configurations with the real rule catalogue: siroe must lint clean, and
// broken must report exactly the seven defects its README lists.
import * as path from 'node:path';
import { lintDirectory } from '../../src/lint/engine.js';

const EXAMPLES = path.resolve(process.cwd(), 'examples');

test('examples/siroe has no errors or warnings', () => {
  const results = lintDirectory(path.join(EXAMPLES, 'siroe'), { configFile: false });
  expect(results.flatMap((r) => r.messages.filter((m) => m.severity !== 'info').map((m) => `${r.relPath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`))).toEqual([]);
});

test('examples/broken reports exactly the defects of its README', () => {
  const results = lintDirectory(path.join(EXAMPLES, 'broken'), { configFile: false });
  const got = results
    .flatMap((r) =>
      r.messages
        .filter((m) => m.severity !== 'info')
        .map((m) => `${m.ruleId} ${r.relPath}:${m.line}`),
    )
    .sort();
  expect(got).toEqual(
    [
      'blank-line-in-rewrite-rules imta.cnf:38', // 1: blank line inside the rewrite rules
      'channel-block-separation imta.cnf:88', // 2: no blank line between tcp_auth and tcp_submit (reported at the lost channel's line)
      'undefined-pool imta.cnf:85', // 3: pool SMPT_POOL
      'sync-time-minimum job_controller.cnf:9', // 4: sync_time=00:15
      'unknown-routing-host imta.cnf:22', // 5: routes to tcp_siroe-daemon, a host of no channel
      'unknown-keyword imta.cnf:74', // 6: identnonenumerc
      'unknown-keyword imta.cnf:81', // 7: maxjobs 7 SMTP_POOL
    ].sort(),
  );
});

test("the README's tour shows what cnflint prints for examples/broken (code frames left out, '…' shortening a message)", async () => {
  const fs = await import('node:fs');
  const { main } = await import('../../src/cli/cnflint.js');
  const readme = fs.readFileSync(path.resolve(process.cwd(), 'README.md'), 'utf8');
  const tour = readme.slice(readme.indexOf('$ node bin/cnflint.js examples/broken\n'));
  const withoutFrames = (lines: string[]) => lines.filter((l) => !/^\s+\d* \| /.test(l));
  const shown = withoutFrames(tour.slice(tour.indexOf('\n') + 1, tour.indexOf('\n```')).split('\n'));
  let stdout = '';
  const code = await main(['examples/broken', '--no-color'], {
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: () => true, isTTY: false },
    readStdin: async () => '',
    cwd: process.cwd(),
    env: {},
  });
  expect(code).toBe(1);
  // The report without its code frames (the lines with a ' | ' gutter).
  const printed = withoutFrames(stdout.split('\n'));
  const pattern = (l: string) => new RegExp(`^${l.split('…').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  expect(printed.slice(1, shown.length + 1).map((l, i) => [l, pattern(shown[i]).test(l)])).toEqual(printed.slice(1, shown.length + 1).map((l) => [l, true]));
});
