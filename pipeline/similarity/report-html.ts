/**
 * Staff-only HTML pages of the similarity report: per candidate, each source side by side
 * with the dossier, shared passages highlighted and linked, passages set aside greyed with
 * their reason. Static, self-contained, deterministic (no date of the run).
 */
import type { TrickFound } from '../manipulation/tricks.ts';
import type { Analysis, Match } from './analyse.ts';

const escape = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.25rem .5rem;text-align:left}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1rem}.text{white-space:pre-wrap;border:1px solid #ccc;padding:.5rem;max-height:80vh;overflow:auto;font-size:13px}
mark{background:#ffd54f}mark.aside{background:#e0e0e0;color:#555}mark:target{outline:3px solid #d32f2f}
.reason{font-size:11px;background:#616161;color:#fff;border-radius:3px;padding:0 .3rem;margin-left:.2rem}
.fail{color:#b71c1c}.review{color:#8d5a00}.pass{color:#1b5e20}`;

const page = (title: string, body: string): string =>
  `<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n<title>${escape(title)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

interface Mark {
  from: number;
  to: number;
  id: string;
  href: string;
  reason: string | undefined;
}

/** The text with its marks, clipped so that they never overlap. */
function marked(text: string, marks: Mark[]): string {
  const sorted = [...marks].sort((x, y) => x.from - y.from || x.to - y.to);
  let out = '';
  let at = 0;
  for (const m of sorted) {
    const from = Math.max(m.from, at);
    if (m.to <= from) continue;
    out += escape(text.slice(at, from));
    const tag = m.reason ? `<span class="reason">${escape(m.reason)}</span>` : '';
    out += `<mark id="${m.id}"${m.reason ? ` class="aside" title="set aside: ${escape(m.reason)}"` : ''}><a href="#${m.href}">${escape(text.slice(from, m.to))}</a></mark>${tag}`;
    at = m.to;
  }
  return out + escape(text.slice(at));
}

/** One source compared with the dossier, both texts in full. */
export function sourceSection(
  code: string,
  sourceId: string,
  sourceKind: string,
  own: string,
  other: string,
  matches: readonly Match[],
  open: boolean,
): string {
  const slug = sourceId.replace(/[^A-Za-z0-9_-]/g, '_');
  const left: Mark[] = [];
  const right: Mark[] = [];
  matches.forEach((m, i) => {
    const a = `${slug}-a${i + 1}`;
    const b = `${slug}-b${i + 1}`;
    left.push({ from: m.aFrom, to: m.aTo, id: a, href: b, reason: m.excluded });
    right.push({ from: m.bFrom, to: m.bTo, id: b, href: a, reason: m.excluded });
  });
  const counted = matches.filter((m) => !m.excluded).length;
  return `<details${open ? ' open' : ''}>
<summary><strong>${escape(sourceId)}</strong> (${escape(sourceKind)}): ${counted} passage(s) counted, ${matches.length - counted} set aside</summary>
<div class="pair">
<section><h3>${escape(code)}</h3><div class="text">${marked(own, left)}</div></section>
<section><h3>${escape(sourceId)}</h3><div class="text">${marked(other, right)}</div></section>
</div>
</details>`;
}

/** The page of one candidate. */
export function candidatePage(
  code: string,
  status: string,
  analysis: Analysis,
  sections: readonly string[],
  tricks: readonly TrickFound[] = [],
): string {
  const rows = analysis.sources
    .map(
      (s) =>
        `<tr><td>${escape(s.id)}</td><td>${s.kind}</td><td>${s.passages}</td><td>${s.words}</td><td>${pct(analysis.ownWords ? s.words / analysis.ownWords : 0)}</td></tr>`,
    )
    .join('\n');
  const reasons = (record: Partial<Record<string, number>>): string =>
    Object.entries(record)
      .map(([r, n]) => `${escape(r)}: ${n ?? 0}`)
      .join(', ') || 'none';
  return page(
    `Similarity ${code}`,
    `<p><a href="index.html">All candidates</a></p>
<h1>${escape(code)}: <span class="${status}">${pct(analysis.share)} (${status})</span></h1>
<p>${analysis.coveredWords} of ${analysis.ownWords} words of own prose are found elsewhere. Words not counted as own prose — ${reasons(analysis.excludedWords)}. Passages set aside — ${reasons(analysis.excludedPassages)}.</p>
<table><thead><tr><th>source</th><th>kind</th><th>passages</th><th>words</th><th>share</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="5">no source</td></tr>'}
</tbody></table>
${tricksSection(tricks)}
${sections.join('\n') || '<p>No passage shared with another document.</p>'}`,
  );
}

/** The text-manipulation tricks found in the dossier, each with its pages, count and samples. */
function tricksSection(tricks: readonly TrickFound[]): string {
  if (tricks.length === 0) return '';
  const rows = tricks
    .map(
      (t) =>
        `<tr><td>${escape(t.trick)}</td><td>${t.count} ${t.unit}</td><td>${t.pages.map((p) => `${p.page} (${p.count})`).join(', ')}${t.pagesEstimated ? ' (estimated)' : ''}</td><td>${t.samples.map((s) => `<code>${escape(s)}</code>`).join('<br>')}</td></tr>`,
    )
    .join('\n');
  return `<h2>Text manipulation</h2>
<p>Look-alike letters and invisible characters are folded before comparing; hidden text is not counted as prose.</p>
<table><thead><tr><th>trick</th><th>count</th><th>pages (count)</th><th>samples</th></tr></thead>
<tbody>
${rows}
</tbody></table>`;
}

/** The index page: one line per candidate. */
export function indexPage(
  session: string,
  lines: readonly { code: string; status: string; share: number; passages: number; top: string }[],
): string {
  const rows = lines
    .map(
      (l) =>
        `<tr><td><a href="${encodeURIComponent(l.code)}.html">${escape(l.code)}</a></td><td class="${l.status}">${l.status}</td><td>${pct(l.share)}</td><td>${l.passages}</td><td>${escape(l.top)}</td></tr>`,
    )
    .join('\n');
  return page(
    `Similarity report ${session}`,
    `<h1>Similarity report — ${escape(session)}</h1>
<p>Staff only: this report names sources and shows dossier texts. Do not publish it.</p>
<table><thead><tr><th>candidate</th><th>status</th><th>share</th><th>passages</th><th>main source</th></tr></thead>
<tbody>
${rows}
</tbody></table>`,
  );
}
