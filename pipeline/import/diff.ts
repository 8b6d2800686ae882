/** A unified diff of two texts, line by line, for `recevable import --dry-run`. */

/** `--- a` / `+++ b` and hunks with `context` lines around each change; empty when equal. */
export function unifiedDiff(before: string, after: string, name: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Common prefix and suffix first: imports change a few lines of long files.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  // Longest common subsequence of the middle.
  const lcs = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      lcs[i]![j] =
        x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = a
    .slice(0, head)
    .map((line) => ({ op: ' ', line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ op: ' ', line: x[i++]! });
      j++;
    } else if (i < x.length && (j === y.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ op: '-', line: x[i++]! });
    else ops.push({ op: '+', line: y[j++]! });
  }
  for (const line of a.slice(a.length - tail)) ops.push({ op: ' ', line });
  const out = [`--- ${name}`, `+++ ${name} (imported)`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k]!.op === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end]!.op !== ' ') end++;
      else {
        let run = end;
        while (run < ops.length && ops[run]!.op === ' ') run++;
        if (run - end > 2 * context || run === ops.length) {
          end = Math.min(ops.length, end + context);
          break;
        }
        end = run;
      }
    }
    const lineA = ops.slice(0, start).filter((o) => o.op !== '+').length + 1;
    const lineB = ops.slice(0, start).filter((o) => o.op !== '-').length + 1;
    const hunk = ops.slice(start, end);
    const countA = hunk.filter((o) => o.op !== '+').length;
    const countB = hunk.filter((o) => o.op !== '-').length;
    out.push(
      `@@ -${lineA},${countA} +${lineB},${countB} @@`,
      ...hunk.map((o) => `${o.op}${o.line}`),
    );
    k = end;
  }
  return `${out.join('\n')}\n`;
}
