/** Small HTML helpers for the documents of `recevable outcomes`: escaping, dates, page shell. */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** What a template may interpolate: text and numbers (escaped), markup, lists of markup. */
type Value = Raw | string | number | boolean | null | undefined | readonly Value[];

/** Tagged template: interpolated values are escaped unless they are `Raw` markup. */
export function markup(strings: TemplateStringsArray, ...values: Value[]): Raw {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += renderValue(value) + (strings[i + 1] ?? '');
  });
  return new Raw(out);
}

/** Markup that is already safe. */
export class Raw {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

function renderValue(value: Value): string {
  if (value instanceof Raw) return value.value;
  if (typeof value === 'object' && value !== null) return value.map(renderValue).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

const FRENCH_MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/**
 * A day written the French way, `3 octobre 2023` (`1er` for the first). Spelled out here
 * rather than with Intl so the output does not depend on the ICU data of the runtime.
 */
export function frenchDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${FRENCH_MONTHS[m - 1] ?? '?'} ${y}`;
}

/** A complete HTML document. */
export function page(options: {
  lang: 'fr' | 'en';
  title: string;
  css: string;
  body: Raw;
}): string {
  const document = markup`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${options.title}</title>
<style>${new Raw(options.css)}</style>
</head>
<body>
${options.body}
</body>
</html>
`;
  return document.value;
}
