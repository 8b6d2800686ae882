/**
 * French typography of the visible text of a page: a no-break space (U+00A0, or the narrow
 * U+202F) before « : ; ! ? » and inside « », and a space before an opening parenthesis that
 * follows a letter. Code, URLs, clock times (08:30) and attributes are not text to check.
 */
import type { Page } from './site.ts';

/** One fault: the rule broken and the text around it. */
export interface TypographyFault {
  readonly rule: string;
  readonly excerpt: string;
}

const NO_BREAK = /[\u00a0\u202f]/;
/** URLs, e-mail addresses and paths with a query: their punctuation is not prose. */
const NOT_PROSE = /\b(?:https?|webcal|mailto|file):\S+|[\w.+-]+@[\w-]+\.[\w.]+/g;

/** The text around `index`, with no-break spaces shown as `⍽` so faults are readable. */
function excerpt(text: string, index: number): string {
  return text
    .slice(Math.max(0, index - 25), index + 25)
    .replace(/[\u00a0\u202f]/g, '⍽')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every typography fault of `text` (visible text, code already left out). */
export function typographyFaults(text: string): TypographyFault[] {
  const prose = text.replace(NOT_PROSE, (url) => ' '.repeat(url.length));
  const faults: TypographyFault[] = [];
  const fault = (rule: string, index: number) =>
    faults.push({ rule, excerpt: excerpt(prose, index) });
  for (let i = 0; i < prose.length; i++) {
    const c = prose[i]!;
    const before = prose[i - 1] ?? '\n';
    const after = prose[i + 1] ?? '\n';
    if (':;!?'.includes(c)) {
      if (c === ':' && /\d/.test(before) && /\d/.test(after)) continue; // 08:30
      if ('!?'.includes(before) && '!?'.includes(c)) continue; // « ?! »
      if (before === '\n') continue; // a line that starts with it is not prose
      if (!NO_BREAK.test(before)) fault(`no-break space before « ${c} »`, i);
    } else if (c === '«') {
      if (!NO_BREAK.test(after)) fault('no-break space after « « »', i);
    } else if (c === '»') {
      if (!NO_BREAK.test(before)) fault('no-break space before « » »', i);
    } else if (c === '(' && /\p{L}/u.test(before)) {
      fault('space before « ( »', i);
    }
  }
  return faults;
}

/**
 * The visible text of the open page: its title and what the body renders (`innerText`, so
 * hidden elements are left out), without code, preformatted text, keyboard input or samples.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    for (const code of document.body.querySelectorAll('code, pre, kbd, samp, script, style'))
      code.textContent = '';
    return `${document.title}\n${document.body.innerText}`;
  });
}
