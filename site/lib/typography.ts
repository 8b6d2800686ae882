/**
 * French spacing for text that staff and the pipeline write with ordinary spaces: session
 * titles, check messages, Markdown pages. Only spaces already there change, so clock times
 * (08:30) and URLs are left as they are.
 */

const NBSP = '\u00a0';

/** « Date : 1 » → « Date\u00a0: 1 »; « « x » » gets its no-break spaces inside. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ +(?=[:;!?»])/g, NBSP)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/«(?!\s)/g, `«${NBSP}`)
    .replace(/(?<!\s)»/g, `${NBSP}»`);
}
