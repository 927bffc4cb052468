// GitHub Actions workflow commands: each message becomes an annotation on the pull
// request's diff (`::error`, `::warning`, `::notice` for info messages).
// Escaping follows GitHub's toolkit (command.ts): in the message `%`, CR and LF; in
// properties also `:` and `,`.
import { displayPath } from './paths.js';
import type { Reporter } from './types.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

export const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Reporter = (results, ctx) => {
  let out = '';
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, ctx.cwd));
    for (const m of r.messages) {
      const props = `file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}`;
      out += `::${COMMAND[m.severity]} ${props}::${escapeData(m.message)}\n`;
    }
  }
  return out;
};
