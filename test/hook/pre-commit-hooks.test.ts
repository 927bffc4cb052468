// .pre-commit-hooks.yaml: the ids, the files it selects, and entries the CLI accepts.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { main } from '../../src/cli/cnflint.js';
import type { CliIO } from '../../src/cli/io.js';
import { PACKAGE_ROOT } from './cli-bundle.js';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial: boolean;
}
const hooks = yaml.load(fs.readFileSync(path.join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

test('two node hooks, cnflint and cnflint-fix, running `cnflint staged` serially with the file names', () => {
  expect(hooks.map((h) => h.id)).toEqual(['cnflint', 'cnflint-fix']);
  expect(hooks.map((h) => h.entry)).toEqual(['cnflint staged', 'cnflint staged --fix']);
  for (const h of hooks) expect(h).toMatchObject({ language: 'node', pass_filenames: true, require_serial: true });
});

test('`files` selects the configuration files by name, in any directory', () => {
  for (const h of hooks) {
    const re = new RegExp(h.files);
    for (const p of ['imta.cnf', 'mta/imta.cnf', 'a/b/job_controller.cnf', 'dispatcher.cnf', 'config/option.dat', 'mappings', 'config/aliases', 'config/internet.rules'])
      expect([p, re.test(p)]).toEqual([p, true]);
    for (const p of ['README.md', 'imta.cnf.orig', 'old_mappings', 'docs/aliases.md', '.rules', 'rules/x.txt']) expect([p, re.test(p)]).toEqual([p, false]);
  }
});

test('each entry is a command line the CLI accepts', async () => {
  for (const h of hooks) {
    let out = '';
    const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (out += s) }, readStdin: async () => '', cwd: PACKAGE_ROOT, env: {} };
    const [bin, ...args] = h.entry.split(' ');
    expect(bin).toBe('cnflint');
    expect(await main([...args, '--help'], io)).toBe(0);
    expect(out).toContain('cnflint staged [files..]');
  }
});
