// "imta.cnf:12": where something is, for messages that point at another line.
import type { SourceFile } from '../../src/model/types.js';

export function lineOf(file: SourceFile, offset: number): number {
  return file.lines.position(offset).line;
}

export function where(file: SourceFile, offset: number): string {
  return `${file.relPath}:${lineOf(file, offset)}`;
}

/** `'text'`, shortened to about `max` characters. */
export function quoteShort(text: string, max = 40): string {
  return `'${text.length > max ? `${text.slice(0, max - 1)}…` : text}'`;
}
