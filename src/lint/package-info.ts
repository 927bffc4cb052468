// Where cnflint is installed: its package.json (name, version, repository) and docs/.
// Found by walking up from this module, so it works from src/ (tests) and dist/src/ (built).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface PackageInfo {
  root: string;
  name: string;
  version: string;
  /** https URL of the repository's web page, when package.json names one on GitHub/GitLab. */
  repositoryUrl?: string;
}

let cached: PackageInfo | undefined;

export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        const json = JSON.parse(fs.readFileSync(pj, 'utf8')) as { name?: string; version?: string; repository?: string | { url?: string } };
        if (json.name === 'cnflint') {
          const repo = typeof json.repository === 'string' ? json.repository : json.repository?.url;
          const m = repo ? /(?:github|gitlab)\.com[/:]([^/]+\/[^/.#]+)/.exec(repo) : null;
          const host = repo?.includes('gitlab') ? 'gitlab.com' : 'github.com';
          cached = { root: dir, name: json.name, version: json.version ?? '0.0.0', repositoryUrl: m ? `https://${host}/${m[1]}` : undefined };
          return cached;
        }
      } catch {
        /* not ours: keep looking */
      }
    }
    const up = path.dirname(dir);
    if (up === dir) {
      cached = { root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'), name: 'cnflint', version: '0.0.0' };
      return cached;
    }
    dir = up;
  }
}

/** The doc page of a rule on disk. */
export function ruleDocPath(id: string): string {
  return path.join(packageInfo().root, 'docs', 'rules', `${id}.md`);
}

/**
 * An absolute URL for a rule's doc page: on the repository's web site when package.json
 * names one, else the installed file (SARIF viewers need an absolute URI).
 */
export function ruleDocUrl(id: string): string {
  const info = packageInfo();
  if (info.repositoryUrl) return `${info.repositoryUrl}/blob/main/docs/rules/${id}.md`;
  return pathToFileURL(ruleDocPath(id)).href;
}
