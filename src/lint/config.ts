// cnflint's own configuration: which rules run, at what severity, with what options,
// per file glob. Read from `cnflint.config.json` (found upward from the linted path, or
// named with --config) and from the command line (--rule, --root). A bad configuration
// is a usage error (LintConfigError), never silently ignored: a typo in a rule id would
// otherwise turn a check off without anyone noticing.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Minimatch } from 'minimatch';
import { closest, distance } from 'fastest-levenshtein';
import type { SeveritySetting } from './types.js';

export const CONFIG_FILE_NAME = 'cnflint.config.json';

/** How a severity may be written: ESLint's words and numbers, plus 'info'. */
export type SeverityInput = 'off' | 'info' | 'warn' | 'warning' | 'error' | 0 | 1 | 2;
export type RuleSettingInput = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];

/** The contents of cnflint.config.json. */
export interface LintConfigInput {
  $schema?: string;
  rules?: Record<string, RuleSettingInput>;
  overrides?: { files: string | string[]; rules?: Record<string, RuleSettingInput> }[];
  /** Where the server's file system is, for absolute include paths; relative to the config file. */
  root?: string;
}

export interface RuleSetting {
  severity: SeveritySetting;
  options?: Record<string, unknown>;
}

interface Override {
  files: string[];
  matchers: Minimatch[];
  rules: Record<string, RuleSetting>;
}

/** A validated configuration, ready to answer "what is rule X's setting for file F". */
export interface ResolvedConfig {
  /** The cnflint.config.json used, if any. */
  file?: string;
  /** Directory that override globs are relative to (the config file's, else the working directory). */
  baseDir: string;
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  /** --rule settings: they win over the file's, for every file. */
  cliRules: Record<string, RuleSetting>;
  /** Absolute. */
  root?: string;
}

/** The effective setting of one rule for one file. */
export interface EffectiveSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
  /** Whether any configuration level set the severity (otherwise it is the rule's default). */
  explicit: boolean;
}

export class LintConfigError extends Error {
  constructor(
    message: string,
    public readonly file?: string,
  ) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'LintConfigError';
  }
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = {
  off: 'off',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  error: 'error',
  0: 'off',
  1: 'warning',
  2: 'error',
};

function parseSeverity(v: unknown, where: string, file?: string): SeveritySetting {
  if ((typeof v === 'string' || typeof v === 'number') && Object.prototype.hasOwnProperty.call(SEVERITY_WORDS, String(v)))
    return SEVERITY_WORDS[String(v)];
  throw new LintConfigError(`${where}: bad severity ${JSON.stringify(v)}; use one of "off", "info", "warn", "error"`, file);
}

function didYouMean(id: string, known: readonly string[]): string {
  if (!known.length) return '';
  const best = closest(id, known as string[]);
  return distance(id, best) <= Math.max(2, Math.floor(id.length / 3)) ? ` (did you mean '${best}'?)` : '';
}

/** Checks one `rules` object against the known rule ids. */
export function parseRuleSettings(
  rules: unknown,
  knownIds: readonly string[],
  where: string,
  file?: string,
): Record<string, RuleSetting> {
  if (rules === undefined) return {};
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules))
    throw new LintConfigError(`${where} must be an object mapping rule ids to severities`, file);
  const out: Record<string, RuleSetting> = {};
  for (const [id, value] of Object.entries(rules)) {
    if (!knownIds.includes(id)) throw new LintConfigError(`${where}: unknown rule '${id}'${didYouMean(id, knownIds)}; 'cnflint --list-rules' lists them`, file);
    out[id] = parseRuleSetting(value, `${where}.${id}`, file);
  }
  return out;
}

export function parseRuleSetting(value: unknown, where: string, file?: string): RuleSetting {
  if (Array.isArray(value)) {
    if (value.length < 1 || value.length > 2) throw new LintConfigError(`${where}: write a severity, or [severity, {options}]`, file);
    const severity = parseSeverity(value[0], where, file);
    const options = value[1];
    if (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))
      throw new LintConfigError(`${where}: rule options must be an object`, file);
    return options === undefined ? { severity } : { severity, options: options as Record<string, unknown> };
  }
  return { severity: parseSeverity(value, where, file) };
}

/** Validates the parsed JSON of a configuration file (or an object given by an API user). */
export function resolveConfig(
  input: unknown,
  opts: { knownIds: readonly string[]; file?: string; baseDir: string; cliRules?: Record<string, RuleSetting>; root?: string },
): ResolvedConfig {
  const file = opts.file;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new LintConfigError('the configuration must be a JSON object', file);
  const obj = input as Record<string, unknown>;
  for (const key of Object.keys(obj))
    if (!['$schema', 'rules', 'overrides', 'root'].includes(key))
      throw new LintConfigError(`unknown key '${key}'; a configuration has "rules", "overrides" and "root"`, file);
  const rules = parseRuleSettings(obj.rules, opts.knownIds, 'rules', file);
  const overrides: Override[] = [];
  if (obj.overrides !== undefined) {
    if (!Array.isArray(obj.overrides)) throw new LintConfigError('"overrides" must be an array of { "files": [...], "rules": {...} }', file);
    obj.overrides.forEach((o: unknown, i: number) => {
      const where = `overrides[${i}]`;
      if (typeof o !== 'object' || o === null || Array.isArray(o)) throw new LintConfigError(`${where} must be an object`, file);
      const ov = o as Record<string, unknown>;
      for (const key of Object.keys(ov))
        if (key !== 'files' && key !== 'rules') throw new LintConfigError(`${where}: unknown key '${key}'; an override has "files" and "rules"`, file);
      const files = typeof ov.files === 'string' ? [ov.files] : ov.files;
      if (!Array.isArray(files) || !files.length || files.some((f) => typeof f !== 'string' || !f))
        throw new LintConfigError(`${where}.files must be a glob or a non-empty array of globs`, file);
      overrides.push({
        files: files as string[],
        matchers: (files as string[]).map((g) => new Minimatch(g, { dot: true })),
        rules: parseRuleSettings(ov.rules, opts.knownIds, `${where}.rules`, file),
      });
    });
  }
  let root = opts.root;
  if (root === undefined && obj.root !== undefined) {
    if (typeof obj.root !== 'string' || !obj.root) throw new LintConfigError('"root" must be a directory path', file);
    root = path.resolve(opts.baseDir, obj.root);
  }
  return { file, baseDir: opts.baseDir, rules, overrides, cliRules: opts.cliRules ?? {}, root: root === undefined ? undefined : path.resolve(root) };
}

/** Reads and validates a cnflint.config.json. */
export function loadConfigFile(
  file: string,
  opts: { knownIds: readonly string[]; cliRules?: Record<string, RuleSetting>; root?: string },
): ResolvedConfig {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LintConfigError(code === 'ENOENT' ? 'configuration file not found' : `cannot read the configuration file: ${(e as Error).message}`, file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new LintConfigError(`not valid JSON: ${(e as Error).message}`, file);
  }
  return resolveConfig(json, { ...opts, file: abs, baseDir: path.dirname(abs) });
}

/** The nearest cnflint.config.json in `startDir` or a directory above it. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Parses `id:severity` (the --rule flag). */
export function parseCliRule(spec: string, knownIds: readonly string[]): [string, RuleSetting] {
  const i = spec.lastIndexOf(':');
  if (i <= 0) throw new LintConfigError(`--rule '${spec}': write <rule-id>:<severity>, e.g. --rule unknown-keyword:warn`);
  const id = spec.slice(0, i).trim();
  if (!knownIds.includes(id)) throw new LintConfigError(`--rule: unknown rule '${id}'${didYouMean(id, knownIds)}; 'cnflint --list-rules' lists them`);
  return [id, { severity: parseSeverity(spec.slice(i + 1).trim(), `--rule ${id}`) }];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * The setting of a rule for a file: the rule's default, then the file's `rules`, then
 * every matching override in order, then --rule. A severity-only setting keeps the
 * options set before it (as ESLint does). Override globs are matched against the path
 * relative to the configuration file's directory and, for files of an MTA configuration
 * directory, against the path relative to that directory, so `"*.rules"` works both when
 * cnflint.config.json sits beside imta.cnf and when it sits at the top of a repository.
 */
export function settingFor(
  config: ResolvedConfig,
  ruleId: string,
  defaults: { severity: SeveritySetting; options?: Record<string, unknown> },
  file: { path: string; relPath?: string },
): EffectiveSetting {
  const eff: EffectiveSetting = { severity: defaults.severity, options: { ...(defaults.options ?? {}) }, explicit: false };
  const apply = (s: RuleSetting | undefined) => {
    if (!s) return;
    eff.severity = s.severity;
    eff.explicit = true;
    if (s.options) eff.options = { ...(defaults.options ?? {}), ...s.options };
  };
  apply(config.rules[ruleId]);
  if (config.overrides.length) {
    const candidates = [toPosix(path.relative(config.baseDir, path.resolve(config.baseDir, file.path)))];
    if (file.relPath && !candidates.includes(file.relPath)) candidates.push(file.relPath);
    for (const o of config.overrides) if (o.matchers.some((m) => candidates.some((c) => m.match(c)))) apply(o.rules[ruleId]);
  }
  apply(config.cliRules[ruleId]);
  return eff;
}
