// What a file means to the MTA, positions aside: the model built from it (channels,
// defaults, rules, includes, settings, pools) plus the text of every comment line. Two
// texts with equal `meaning` are the same configuration; the formatter must keep it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusEntries, startOf } from '../helpers/corpus.js';
import { parse, tokenKind, tokensOf, type FileKind } from '../../grammar/index.js';
import { buildModel } from '../../src/model/load.js';
import type { KeywordUse, OptionFileModel, Word } from '../../src/model/types.js';
import type { FormattableKind } from '../../src/format/core.js';

const words = (ws: Word[]) => ws.map((w) => w.text);
const kw = (k: KeywordUse) => [k.word.text, ...words(k.args)];

function settings(m: OptionFileModel | undefined) {
  if (!m) return undefined;
  return {
    globals: m.globals.map((s) => [s.key, s.value]),
    sections: m.sections.map((s) => ({ type: s.type, value: s.value, settings: s.settings.map((x) => [x.key, x.value]) })),
    errorLines: m.errorLines.length,
  };
}

export function meaning(text: string, kind: FileKind, start: 'rules' | 'channels' = 'rules') {
  const model = buildModel({ files: [{ relPath: `meaning-check/${kind}`, kind, text, start: kind === 'imta.cnf' ? start : undefined }] });
  const comments = tokensOf(parse(text, kind, { start }).tree.root)
    .filter((t) => tokenKind(t) === 'Comment' || tokenKind(t) === 'ContinuedComment')
    .map((t) => t.image.replace(/\r?\n$/, '').replace(/[ \t]+$/, ''));
  return {
    comments,
    rules: model.rules.map((r) => [r.pattern.text, r.template]),
    channels: model.channels.map((c) => ({
      name: c.name,
      keywords: c.keywords.map(kw),
      defaults: c.defaults.map(kw),
      hosts: [c.officialHost, ...c.extraHosts].map((h) => (h ? [h.host.text, h.alias?.text, ...words(h.extra)] : null)),
    })),
    defaults: model.defaults.map((d) => ({ kind: d.kind, keywords: d.keywords.map(kw), ignored: d.ignoredLines.length })),
    includes: model.includes.map((i) => [i.target, i.section]),
    hasChannelTable: model.hasChannelTable,
    options: settings(model.options),
    jobController: settings(model.jobController),
    pools: model.jobController?.pools.map((p) => [p.name, p.jobLimit?.value]),
    dispatcher: settings(model.dispatcher),
    services: model.dispatcher?.services.map((s) => [s.name, s.channel?.name]),
    diagnostics: model.diagnostics.map((d) => d.code),
  };
}

// ---------------------------------------------------------------------------------------
// The shared corpus and the example configurations.

export interface Sample {
  name: string;
  kind: FormattableKind;
  start: 'rules' | 'channels';
  text: string;
}

const FORMATTABLE = new Set<string>(['imta.cnf', 'job_controller.cnf', 'dispatcher.cnf', 'option.dat']);

export function corpusSamples(): Sample[] {
  return corpusEntries()
    .filter((e) => FORMATTABLE.has(e.kind))
    .map((e) => ({ name: e.name, kind: e.kind as FormattableKind, start: startOf(e), text: e.text }));
}

export function exampleSamples(): Sample[] {
  const out: Sample[] = [];
  for (const dir of ['siroe', 'broken']) {
    for (const [file, kind] of [
      ['imta.cnf', 'imta.cnf'],
      ['internet.rules', 'imta.cnf'],
      ['job_controller.cnf', 'job_controller.cnf'],
      ['dispatcher.cnf', 'dispatcher.cnf'],
      ['option.dat', 'option.dat'],
    ] as const) {
      const p = path.resolve(process.cwd(), 'examples', dir, file);
      out.push({ name: `examples/${dir}/${file}`, kind, start: 'rules', text: readFileSync(p, 'utf8') });
    }
  }
  return out;
}
