/**
 * Maps a path into parsed YAML (`['keyDates', 2, 'at']`, as zod reports it) to the line and
 * column where it is written. When the path goes further than the file (a missing key), the
 * deepest node that exists is used.
 */
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** What to point at: the value (default) or the key naming it. */
export type Target = 'value' | 'key';

/** A path as zod and the cross-file rules give it. */
export type YamlPath = readonly PropertyKey[];

/** The 1-based line and column of `path` in the document. */
export function locate(
  doc: Document.Parsed,
  lines: LineCounter,
  path: YamlPath,
  target: Target = 'value',
): { line: number; column: number } {
  const offset = offsetOf(doc, path, target);
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function offsetOf(doc: Document.Parsed, path: YamlPath, target: Target): number {
  let node: Node | null = doc.contents;
  let fallback = start(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) return fallback;
      const keyStart = start(pair.key as Node | null) ?? fallback;
      if (last && target === 'key') return keyStart;
      const valueNode = pair.value as Node | null;
      // `key:` with nothing after it has a null value without a range: point at the key.
      node = valueNode;
      fallback = start(valueNode) ?? keyStart;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | null | undefined;
      if (item === undefined) return fallback;
      node = item;
      fallback = start(item) ?? fallback;
    } else {
      return fallback;
    }
  }
  return fallback;
}

function start(node: Node | null | undefined): number | undefined {
  return node?.range?.[0];
}

/** The text of the scalar at `path` as written (`001`, not `1`), when there is one. */
export function sourceAt(doc: Document.Parsed, path: YamlPath): string | undefined {
  let node: Node | null | undefined = doc.contents;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc) ?? null;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isScalar(p.key) && String(p.key.value) === String(segment),
      );
      node = pair?.value as Node | null | undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | null | undefined;
    } else {
      return undefined;
    }
  }
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
