// Option-family trees (job_controller.cnf, dispatcher.cnf, option.dat) to settings and
// sections; aliases and mappings trees to entries.
import { endOf, startOf, tokenKind, type SyntaxNode, type Token } from '../../grammar/index.js';
import type {
  AliasEntry,
  DispatcherModel,
  JobControllerModel,
  MappingTable,
  ModelDiagnostic,
  OptionFileModel,
  OptionSection,
  Setting,
  SourceFile,
} from './types.js';
import { lineWords, makeWord } from './words.js';

export function buildOptionFile(file: SourceFile, diagnostics: ModelDiagnostic[]): OptionFileModel {
  const model: OptionFileModel = { file, globals: [], sections: [], settings: [], errorLines: [] };
  let section: OptionSection | undefined;
  for (const item of file.tree.root.children as SyntaxNode[]) {
    if (item.kind === 'SectionHeader') {
      section = readSection(item, file);
      model.sections.push(section);
      if (section.malformed)
        diagnostics.push({
          file,
          start: section.headerRange.start,
          end: section.headerRange.end,
          code: 'option-syntax',
          severity: 'error',
          message: `section header ${section.malformed}; write it as [TYPE=name] alone on its line`,
        });
    } else if (item.kind === 'Setting') {
      const s = readSetting(item, file, section);
      model.settings.push(s);
      (section ? section.settings : model.globals).push(s);
    } else if (item.kind === 'ErrorLine') {
      model.errorLines.push(item);
      diagnostics.push({
        file,
        start: startOf(item),
        end: lineEnd(item),
        code: 'option-syntax',
        severity: 'error',
        message: 'this line is not a NAME=value setting, a [TYPE=name] section header or a comment; the reader ignores it (start comments with ! in column 1)',
      });
    }
  }
  return model;
}

/** End of a line node without its line break. */
function lineEnd(n: SyntaxNode): number {
  const toks = n.children as Token[];
  for (let i = toks.length - 1; i >= 0; i--) {
    const k = tokenKind(toks[i]);
    if (k !== 'Newline' && k !== 'Ws') return toks[i].startOffset + toks[i].image.length;
  }
  return endOf(n);
}

function readSection(node: SyntaxNode, file: SourceFile): OptionSection {
  const toks = node.children as Token[];
  const head = toks[0];
  const img = head.image;
  const closed = img.endsWith(']');
  const inner = img.slice(1, closed ? -1 : undefined);
  const eq = inner.indexOf('=');
  const type = (eq >= 0 ? inner.slice(0, eq) : inner).trim().toUpperCase();
  const rawValue = eq >= 0 ? inner.slice(eq + 1) : '';
  const value = rawValue.trim();
  const valueStart = head.startOffset + 1 + (eq >= 0 ? eq + 1 : inner.length) + (rawValue.length - rawValue.trimStart().length);
  let malformed: string | undefined;
  if (!closed) malformed = "has no closing ']'";
  else if (eq < 0) malformed = "has no '=' between type and name";
  else if (toks.slice(1).some((t) => tokenKind(t) !== 'Ws' && tokenKind(t) !== 'Newline'))
    malformed = "is followed by more text on its line";
  return {
    type,
    value,
    header: node,
    headerRange: { start: head.startOffset, end: head.startOffset + img.length },
    valueRange: { start: valueStart, end: valueStart + value.length },
    malformed,
    settings: [],
    file,
  };
}

function readSetting(node: SyntaxNode, file: SourceFile, section: OptionSection | undefined): Setting {
  const toks = node.children as Token[];
  const eqIndex = toks.findIndex((t) => tokenKind(t) === 'Equals');
  const nameToks = toks.slice(0, eqIndex).filter((t) => tokenKind(t) === 'Name');
  const nameText = nameToks.map((t) => t.image).join(' ');
  const nameStart = nameToks.length ? nameToks[0].startOffset : toks[eqIndex].startOffset;
  const nameEnd = nameToks.length ? nameToks[nameToks.length - 1].startOffset + nameToks[nameToks.length - 1].image.length : nameStart;
  const parts: string[] = [];
  let vStart = -1;
  let vEnd = -1;
  for (const t of toks.slice(eqIndex + 1)) {
    const k = tokenKind(t);
    if (k === 'Value' || k === 'Equals' || k === 'Name') {
      if (vStart < 0) vStart = t.startOffset;
      vEnd = t.startOffset + t.image.length;
      parts.push(t.image);
    }
  }
  const raw = parts.join('');
  const value = raw.replace(/[ \t]+$/, '');
  if (vStart < 0) vStart = vEnd = toks[eqIndex].startOffset + 1;
  return {
    key: nameText.toUpperCase(),
    nameWord: makeWord(nameText, nameStart, nameEnd),
    value,
    valueRange: { start: vStart, end: vEnd - (raw.length - value.length) },
    node,
    file,
    section,
  };
}

export function buildJobController(file: SourceFile, diagnostics: ModelDiagnostic[]): JobControllerModel {
  const base = buildOptionFile(file, diagnostics);
  return {
    ...base,
    // SIMS 3.5/4.0 called pools queues ([QUEUE=...], channel keyword `queue`).
    pools: base.sections
      .filter((s) => s.type === 'POOL' || s.type === 'QUEUE')
      .map((s) => ({ name: s.value, section: s, jobLimit: s.settings.find((x) => x.key === 'JOB_LIMIT') })),
    channelSections: base.sections.filter((s) => s.type === 'CHANNEL'),
  };
}

export function buildDispatcher(file: SourceFile, diagnostics: ModelDiagnostic[]): DispatcherModel {
  const base = buildOptionFile(file, diagnostics);
  return {
    ...base,
    services: base.sections
      .filter((s) => s.type === 'SERVICE')
      .map((s) => {
        const p = s.settings.find((x) => x.key === 'PARAMETER' && /^CHANNEL=/i.test(x.value));
        return {
          name: s.value,
          section: s,
          channel: p ? { name: p.value.slice('CHANNEL='.length).trim(), setting: p } : undefined,
        };
      }),
  };
}

/** mappings: a table name in column 1, a blank line, indented `pattern template` entries. */
export function buildMappings(file: SourceFile): MappingTable[] {
  const tables: MappingTable[] = [];
  let current: MappingTable | undefined;
  for (const item of file.tree.root.children as SyntaxNode[]) {
    if (item.kind !== 'Entry') continue;
    const { words } = lineWords(item);
    if (!words.length) continue;
    const indented = tokenKind(item.children[0] as Token) === 'Ws';
    if (!indented) {
      current = { name: words[0], entries: [], file, node: item };
      tables.push(current);
    } else if (current) {
      const tmpl = words.slice(1).map((w) => w.text).join(' ');
      current.entries.push({ pattern: words[0], template: tmpl, node: item });
    }
  }
  return tables;
}

/** aliases: `name: address [address …]` (commas also separate addresses). */
export function buildAliases(file: SourceFile): AliasEntry[] {
  const out: AliasEntry[] = [];
  for (const item of file.tree.root.children as SyntaxNode[]) {
    if (item.kind !== 'Entry') continue;
    const { words } = lineWords(item);
    if (!words.length) continue;
    const name = words[0];
    const clean = name.text.endsWith(':') ? makeWord(name.text.slice(0, -1), name.start, name.end - 1) : name;
    const addresses = words
      .slice(1)
      .flatMap((w) => w.text.split(',').filter(Boolean).map((t) => ({ ...w, text: t, value: t })));
    out.push({ name: clean, addresses, node: item, file });
  }
  return out;
}
