/**
 * A policy document as written, with the line of every value: JSON, or the document inside
 * Terraform's `jsonencode({ … })`, read as JSON with the HCL object syntax translated in place
 * (every newline kept, so a line number is the file's). jsonc-parser reads it tolerantly:
 * comments, trailing commas and the commas HCL leaves out.
 */

import { findNodeAtLocation, getNodeValue, parseTree, type Node } from 'jsonc-parser';

export type { Node } from 'jsonc-parser';

export interface PolicySource {
  /** The document's root (an object), one per document in the file. */
  root: Node;
  form: 'json' | 'terraform';
  lineOf(node: Node): number;
}

/** Blanks everything but newlines, so offsets and lines stay the file's. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');

/** The balanced `( … )` that starts at `open`, skipping strings and comments; -1 when unbalanced. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return c === ')' ? i : -1;
    }
  }
  return -1;
}

/**
 * HCL object syntax as JSON, in place: `Key = value` → `"Key": value`, `"a:b" = v` → `"a:b": v`,
 * references (`var.region`, `aws_iam_role.app.arn`) as strings, `#` comments dropped.
 */
function hclToJson(expression: string): string {
  let out = '';
  for (let i = 0; i < expression.length; ) {
    const rest = expression.slice(i);
    const string = /^"(?:[^"\\]|\\.)*"/.exec(rest);
    if (string) {
      out += string[0];
      i += string[0].length;
      continue;
    }
    const comment = /^(#|\/\/)[^\n]*/.exec(rest) ?? /^\/\*[\s\S]*?\*\//.exec(rest);
    if (comment) {
      out += blank(comment[0]);
      i += comment[0].length;
      continue;
    }
    const assign = /^=(?!=)/.exec(rest);
    if (assign) {
      out += ':';
      i += 1;
      continue;
    }
    const word = /^[A-Za-z_][\w.\-[\]*]*/.exec(rest);
    if (word) {
      const literal = /^(true|false|null)$/.test(word[0]);
      const isKey = /^\s*=(?!=)/.test(expression.slice(i + word[0].length));
      out += literal && !isKey ? word[0] : JSON.stringify(isKey ? word[0] : `\${${word[0]}}`);
      i += word[0].length;
      continue;
    }
    out += expression[i];
    i += 1;
  }
  return out;
}

/** Each document in the text: the whole text as JSON, or each `jsonencode(…)` of a Terraform file. */
export function readPolicySources(text: string): PolicySource[] {
  const read = (source: string, form: PolicySource['form']): PolicySource | undefined => {
    const root = parseTree(source, [], { allowTrailingComma: true, disallowComments: false });
    return root?.type === 'object' ? { root, form, lineOf: lineIndex(source) } : undefined;
  };
  const json = /^\s*\{/.test(text) ? read(text, 'json') : undefined;
  if (json) return [json];
  const sources: PolicySource[] = [];
  for (const match of text.matchAll(/jsonencode\s*\(/g)) {
    const open = match.index + match[0].length - 1;
    const close = closingParen(text, open);
    if (close < 0) continue;
    // The translation lengthens lines, never adds or drops one: lines stay the file's.
    const source = read(blank(text.slice(0, open + 1)) + hclToJson(text.slice(open + 1, close)) + blank(text.slice(close)), 'terraform');
    if (source) sources.push(source);
  }
  return sources;
}

/** Line numbers (1-based) of offsets in a text. */
function lineIndex(text: string): (node: Node) => number {
  const newlines: number[] = [];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') newlines.push(i);
  return (node) => {
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (newlines[mid]! < node.offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

/** The node at a path under `node`, and its plain value. */
export function at(node: Node, path: (string | number)[]): Node | undefined {
  return findNodeAtLocation(node, path);
}

export function valueOf(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}
