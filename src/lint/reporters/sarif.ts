// SARIF 2.1.0 for code-scanning services (GitHub code scanning, Azure DevOps, IDE viewers).
//
// partialFingerprints["cnflint/v1"] identifies a result across commits: a hash of the
// rule id, the file, the text of the reported line (trimmed) and the occurrence of that
// same triple in the file. It deliberately leaves out the line number, so a result keeps
// its identity when unrelated lines are added above it, and the message wording, so that
// rephrasing a message does not reopen every alert.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageInfo, ruleDocUrl } from '../package-info.js';
import type { LintResult, ResultMessage } from '../engine.js';
import type { Reporter } from './types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function artifactUri(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(filePath)) {
    const rel = path.relative(cwd, filePath);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel))
      return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
    return { uri: pathToFileURL(filePath).href };
  }
  return { uri: filePath.split(/[\\/]/).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

export function fingerprint(ruleId: string, uri: string, lineText: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${uri}\0${lineText.trim()}\0${occurrence}`).digest('hex').slice(0, 32);
}

export const sarif: Reporter = (results, ctx) => {
  const info = packageInfo();
  const ruleIndex = new Map<string, number>();
  const rules: Record<string, unknown>[] = [];
  const indexOf = (id: string): number => {
    let i = ruleIndex.get(id);
    if (i === undefined) {
      const meta = ctx.rules.get(id);
      i = rules.length;
      ruleIndex.set(id, i);
      rules.push({
        id,
        shortDescription: { text: meta?.description ?? id },
        helpUri: meta?.docs?.url ?? ruleDocUrl(id),
        defaultConfiguration: { level: LEVEL[meta?.severity ?? 'warning'] },
        properties: { fixable: meta?.fixable ?? false },
      });
    }
    return i;
  };
  const out: Record<string, unknown>[] = [];
  for (const r of results as LintResult[]) {
    const location = artifactUri(r.filePath, ctx.cwd);
    const seen = new Map<string, number>();
    const all: [ResultMessage, { kind: string; justification: string }[] | undefined][] = [
      ...r.messages.map((m) => [m, undefined] as [ResultMessage, undefined]),
      ...r.suppressedMessages.map((m) => [m, m.suppressions.map((s) => ({ kind: 'inSource', justification: s.justification }))] as [ResultMessage, { kind: string; justification: string }[]]),
    ];
    for (const [m, suppressions] of all) {
      const lineText = m.file.lines.lineText(m.line);
      const key = `${m.ruleId}\0${lineText.trim()}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const result: Record<string, unknown> = {
        ruleId: m.ruleId,
        ruleIndex: indexOf(m.ruleId),
        level: LEVEL[m.severity],
        message: { text: m.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
            },
          },
        ],
        partialFingerprints: { 'cnflint/v1': fingerprint(m.ruleId, location.uri, lineText, occurrence) },
      };
      if (suppressions) result.suppressions = suppressions;
      out.push(result);
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cnflint',
            version: info.version,
            ...(info.repositoryUrl ? { informationUri: info.repositoryUrl } : {}),
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd).href.replace(/\/?$/, '/') } },
        results: out,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
