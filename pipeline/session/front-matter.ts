/**
 * Splits a Markdown page into its YAML front matter and its text. The YAML keeps the opening
 * `---` line, which YAML reads as the start of a document, so its lines and columns are those
 * of the file.
 */

/** A page split in two. */
export interface FrontMatter {
  /** The file up to the closing `---` line, excluded. */
  readonly yaml: string;
  /** The Markdown after the closing `---` line. */
  readonly body: string;
  /** 1-based line of the file where `body` starts. */
  readonly bodyLine: number;
}

const FENCE = /^---[ \t]*\r?$/;

/** The front matter and text of `text`, or why it has no front matter. */
export function splitFrontMatter(text: string): FrontMatter | 'missing' | 'unclosed' {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) return 'missing';
  const close = lines.findIndex((line, i) => i > 0 && FENCE.test(line));
  if (close === -1) return 'unclosed';
  return {
    yaml: `${lines.slice(0, close).join('\n')}\n`,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
