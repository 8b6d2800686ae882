/**
 * Edits a YAML list in place, by text: only the entries that change are rewritten, each in
 * its own style (a one-line `{ … }` stays one line; a block entry keeps its comments through
 * the `yaml` Document API), new entries are appended after the last one in the same style,
 * and every other byte of the file — comments, blank lines, other entries — is kept.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, stringify, type YAMLMap } from 'yaml';

type Entry = Record<string, unknown>;

/** A value in flow style, as the demo files write them: `{ a: b, c: [d, e] }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  // Quoted as a flow collection needs (commas, brackets), by the yaml library itself.
  const options = { collectionStyle: 'flow', flowCollectionPadding: false, lineWidth: 0 } as const;
  return stringify([value], options).trim().slice(1, -1);
}

const columnOf = (src: string, at: number) => at - (src.lastIndexOf('\n', at - 1) + 1);
const indent = (text: string, by: number) => text.replaceAll('\n', `\n${' '.repeat(by)}`);

/** A block entry's node with the new values set, scalars keeping their quoting style. */
function blockText(doc: Document, node: YAMLMap, entry: Entry): string {
  const before = node.toJSON() as Entry;
  for (const [key, value] of Object.entries(entry)) {
    if (JSON.stringify(before[key]) === JSON.stringify(value)) continue; // keeps its comments
    const current = node.get(key, true);
    if (isScalar(current) && (value === null || typeof value !== 'object')) current.value = value;
    else node.set(key, doc.createNode(value));
  }
  const alone = new Document();
  alone.contents = node;
  return alone.toString({ lineWidth: 0 }).trimEnd();
}

/** The text of a new entry: block style when the list's last entry is, else one flow line. */
function newText(entry: Entry, blockStyle: boolean, column: number): string {
  if (!blockStyle) return flow(entry);
  return indent(stringify(entry, { lineWidth: 0 }).trimEnd(), column);
}

/**
 * `src` with `updates` (by index in the list at key `list`) rewritten and `additions` appended.
 * A missing file (`src` empty) or list is created.
 */
export function editList(
  src: string,
  list: string,
  updates: ReadonlyMap<number, Entry>,
  additions: readonly Entry[],
): string {
  const doc = parseDocument(src);
  const seq = doc.get(list, true);
  // A file saved on Windows keeps its CRLF line ends in what is added.
  const eol = (text: string) => (src.includes('\r\n') ? text.replaceAll('\n', '\r\n') : text);
  const edits: { from: number; to: number; text: string }[] = [];
  if (isSeq(seq) && seq.items.length > 0 && seq.range) {
    for (const [index, entry] of updates) {
      const node = seq.items[index];
      if (!isMap(node) || !node.range) continue;
      const [start, end] = node.range;
      const to = start + src.slice(start, end).trimEnd().length;
      const column = columnOf(src, start);
      const text = node.flow ? flow(entry) : indent(blockText(doc, node, entry), column);
      edits.push({ from: start, to, text });
    }
    if (additions.length > 0) {
      const last = seq.items.at(-1) as YAMLMap;
      const [start, end] = last.range ?? [0, 0];
      const at = start + src.slice(start, end).trimEnd().length;
      const column = columnOf(src, start);
      const dash = ' '.repeat(Math.max(0, column - 2));
      const text = additions
        .map((e) => `\n${dash}- ${newText(e, last.flow !== true, column)}`)
        .join('');
      edits.push({ from: at, to: at, text });
    }
  } else if (additions.length > 0) {
    const lines = additions.map((e) => `\n  - ${flow(e)}`).join('');
    if (isSeq(seq) && seq.range) {
      // `list: []`: the empty flow list becomes a block list.
      const [start, end] = seq.range;
      const from = src.slice(0, start).trimEnd().length;
      edits.push({ from, to: end, text: lines });
    } else {
      const base = src === '' || src.endsWith('\n') ? src : src + eol('\n');
      return base + eol(`${list}:${lines}\n`);
    }
  }
  let out = src;
  for (const edit of edits.sort((a, b) => b.from - a.from))
    out = out.slice(0, edit.from) + eol(edit.text) + out.slice(edit.to);
  return out;
}
