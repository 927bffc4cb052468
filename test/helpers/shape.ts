// A compact, readable rendering of a syntax tree for exact-shape assertions:
// nodes as { Kind: [children] }, tokens as 'Type:text' (line breaks shown as \n).
import { isToken, tokenKind, type SyntaxElement } from '../../grammar/index.js';

export type Shape = string | { [kind: string]: Shape[] };

export function shape(e: SyntaxElement): Shape {
  if (isToken(e)) return `${tokenKind(e)}:${e.image.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}`;
  return { [e.kind]: e.children.map(shape) };
}
