/**
 * DOCX files whose true page count LibreOffice gives: generated dossiers in several layouts,
 * typographies and paragraph lengths, the same files re-saved by LibreOffice, and real files.
 * Used by `eval:docx-pages` and by the reader's tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { openPdf } from '../../pipeline/read/pdf-load.ts';
import { makeDocx, planDossier, type DossierSpec } from '../fixtures/dossier/generate.ts';

/** Where page breaks are: before every page (as generated), before chapters only, nowhere. */
export type Layout = 'breaks' | 'chapters' | 'flow';
/** The generator's 10 pt single spacing, Word's defaults (Calibri 11, 1.08), a school's Times 12 at 1.5. */
export type Typography = 'plain' | 'word' | 'school';
/** Paragraphs as generated, one sentence each, or three merged into one. */
export type Lengths = 'prose' | 'short' | 'long';

export interface Variant {
  layout: Layout;
  typography: Typography;
  lengths: Lengths;
}

const DEFAULTS: Record<Typography, string> = {
  plain: '<w:rPrDefault/><w:pPrDefault/>',
  word:
    '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>' +
    '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
  school:
    '<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>' +
    '<w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>',
};

const textOf = (p: string): string =>
  [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

const BREAK = '<w:pageBreakBefore/>';
const JUSTIFIED = '<w:jc w:val="both"/>';

/** A body paragraph of the generator, one run of justified text. */
const bodyParagraph = (pPr: string, text: string): string =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

function relayout(xml: string, variant: Variant, chapters: Set<string>): string {
  let paragraphs: string[] = xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
  const head = xml.slice(0, xml.indexOf(paragraphs[0] ?? '<w:sectPr'));
  const tail = xml.slice(xml.lastIndexOf('</w:p>') + '</w:p>'.length);
  paragraphs = paragraphs.map((p) => {
    if (!p.includes(BREAK)) return p;
    const keep =
      variant.layout === 'breaks' || (variant.layout === 'chapters' && chapters.has(textOf(p)));
    return keep ? p : p.replace(BREAK, '');
  });
  if (variant.lengths === 'short') {
    paragraphs = paragraphs.flatMap((p) => {
      if (!p.includes(JUSTIFIED)) return [p];
      const sentences = textOf(p).split(/(?<=\.) /);
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? JUSTIFIED;
      return sentences.map((s, i) => bodyParagraph(i === 0 ? pPr : JUSTIFIED, s));
    });
  } else if (variant.lengths === 'long') {
    const merged: string[] = [];
    let run: string[] = [];
    const flush = (): void => {
      if (run.length === 0) return;
      const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(run[0] ?? '')?.[1] ?? JUSTIFIED;
      merged.push(bodyParagraph(pPr, run.map(textOf).join(' ')));
      run = [];
    };
    for (const p of paragraphs) {
      if (!p.includes(JUSTIFIED) || (run.length > 0 && p.includes(BREAK))) flush();
      if (!p.includes(JUSTIFIED)) merged.push(p);
      else {
        run.push(p);
        if (run.length === 3) flush();
      }
    }
    flush();
    paragraphs = merged;
  }
  return head + paragraphs.join('') + tail;
}

/** A generated dossier in the given layout, typography and paragraph lengths. */
export async function makeVariantDocx(spec: DossierSpec, variant: Variant): Promise<Uint8Array> {
  const files = unzipSync(await makeDocx(spec));
  const chapters = new Set([
    'Sommaire',
    ...planDossier(spec)
      .headings.filter((h) => h.level === 1)
      .map((h) => h.text),
  ]);
  const out: Zippable = {};
  for (const [name, bytes] of Object.entries(files)) {
    let content = bytes;
    if (name === 'word/document.xml')
      content = strToU8(relayout(strFromU8(bytes), variant, chapters));
    if (name === 'word/styles.xml')
      content = strToU8(
        strFromU8(bytes).replace(
          /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/,
          `<w:docDefaults>${DEFAULTS[variant.typography]}</w:docDefaults>`,
        ),
      );
    out[name] = content;
  }
  return zipSync(out);
}

/**
 * Converts every file of `dir` with one LibreOffice run, as pipeline/read/libreoffice.ts does
 * for one file, into `outDir`; returns the paths written.
 */
export function convertAll(dir: string, to: 'docx' | 'odt' | 'pdf', outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const inputs = readdirSync(dir)
    .filter((n) => /\.(docx|odt)$/.test(n))
    .sort()
    .map((n) => join(dir, n));
  if (inputs.length === 0) return [];
  const profile = pathToFileURL(join(outDir, '.profile')).href;
  const run = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...inputs,
    ],
    { stdio: 'ignore', env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' }, timeout: 1_800_000 },
  );
  if (run.status !== 0) throw new Error(`soffice --convert-to ${to} exited with ${run.status}`);
  return inputs.map((input) => join(outDir, basename(input).replace(/\.\w+$/, `.${to}`)));
}

/** Pages of a PDF as the reader counts them. */
export async function pdfPages(path: string): Promise<number> {
  const pdf = await openPdf(new Uint8Array(readFileSync(path)));
  try {
    return pdf.numPages;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

const SECTIONS: DossierSpec['sections'] = [
  { title: 'Introduction' },
  { title: 'Présentation de l’entreprise' },
  { title: 'Organisation du service', level: 2 },
  { title: 'Mission principale' },
  { title: 'Analyse du besoin', level: 2 },
  { title: 'Réalisation technique', level: 2 },
  { title: 'Bilan des compétences' },
  { title: 'Conclusion' },
];

const TARGETS = [40, 45, 49, 50, 52, 55, 58, 60, 61, 65];
const HEADINGS = ['styled', 'bold', 'numbered', 'custom'] as const;
/** What docProps/app.xml says: nothing, Word's count, a stale Word count, a stale LibreOffice one. */
const APPS = ['none', 'word', 'word-stale', 'libreoffice-stale'] as const;
// Roughly how many generated pages flow into one rendered page, so that every layout lands
// near the target; the true count is measured, never assumed.
const FLOW: Record<Typography, number> = { plain: 3, word: 2.1, school: 1.6 };
const SHORTER: Record<Lengths, number> = { prose: 1, short: 0.7, long: 1.15 };

/** One generated sample: its name, spec and variant. */
export interface Generated {
  name: string;
  spec: DossierSpec;
  variant: Variant;
}

/** Every layout × typography × paragraph length, each with `perVariant` page targets. */
export function generatedSet(perVariant: number): Generated[] {
  const out: Generated[] = [];
  let i = 0;
  for (const layout of ['breaks', 'chapters', 'flow'] as const)
    for (const typography of ['plain', 'word', 'school'] as const)
      for (const lengths of ['prose', 'short', 'long'] as const)
        for (let k = 0; k < perVariant; k++, i++) {
          const target = TARGETS[(i * 3 + k) % TARGETS.length] ?? 50;
          const pages =
            layout === 'breaks'
              ? target
              : Math.round(
                  target * FLOW[typography] * SHORTER[lengths] * (layout === 'chapters' ? 0.9 : 1),
                );
          const heading = HEADINGS[i % HEADINGS.length] ?? 'styled';
          const drawn = APPS[(i + k) % APPS.length] ?? 'none';
          const app = drawn === 'word' && layout !== 'breaks' ? 'none' : drawn;
          // Word's own count is known only where the generator fixes one page per break.
          const appPages = {
            none: undefined,
            word: pages,
            'word-stale': 1,
            'libreoffice-stale': 3,
          }[app];
          const spec: DossierSpec = {
            pages,
            sections: SECTIONS,
            seed: 1 + (i % 7),
            toc: i % 5 !== 4,
            ...(heading === 'custom'
              ? { styleIds: ['Titre1', 'Titre2'] as [string, string] }
              : { headingStyle: heading }),
            ...(appPages === undefined ? {} : { appPages }),
            ...(app === 'libreoffice-stale'
              ? { application: 'LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2' }
              : {}),
          };
          const name = `${layout}-${typography}-${lengths}-${heading}-${app}-${pages}p`;
          out.push({ name, spec, variant: { layout, typography, lengths } });
        }
  return out;
}

/** Writes bytes under a name, returns the path. */
export function put(dir: string, name: string, bytes: Uint8Array): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}
