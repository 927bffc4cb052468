// One line per message, ESLint's "compact" format: easy to grep, and understood by
// editors' "file: line N, col M" problem matchers.
import { plural } from './paths.js';
import type { Reporter } from './types.js';

const TYPE = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

export const compact: Reporter = (results) => {
  let out = '';
  let problems = 0;
  let infos = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.severity === 'info') infos++;
      else problems++;
      out += `${r.filePath}: line ${m.line}, col ${m.column}, ${TYPE[m.severity]} - ${m.message.replace(/\s*\n\s*/g, ' ')} (${m.ruleId})\n`;
    }
  }
  if (problems > 0) out += `\n${plural(problems, 'problem')}`;
  if (infos > 0) out += `${problems ? ', ' : '\n'}${plural(infos, 'info message')}`;
  return problems || infos ? `${out}\n` : out;
};
