import { describe, expect, it } from 'vitest';
import { format } from '../../pipeline/checks/format.ts';
import { plan } from '../../pipeline/checks/plan.ts';
import type { Document } from '../../schemas/document.ts';
import { doc, headings, session, submission } from '../checks/support.ts';

/** A scan of `count` pages, every page recognised with `confidence`. */
function scanned(confidence: number, count = 55, overrides: Partial<Document> = {}): Document {
  const pages = Array.from({ length: count }, (_, i) => i + 1);
  return doc({
    textLayer: 'none',
    scannedPages: pages,
    pageText: pages.map((page) => ({ page, text: 'ocr', confidence, words: 400 })),
    ...overrides,
  });
}

const strict = (minConfidence: number) => ({
  ...session,
  rules: { ...session.rules, ocr: { minConfidence } },
});

describe('format on recognised text', () => {
  it('says a scan was recognised, with its confidence, and passes above the threshold', () => {
    const found = format(scanned(0.93), submission(), session);
    expect(found.status).toBe('pass');
    expect(found.message).toBe(
      "Votre dossier (PDF) est numérisé (scanné)\u00a0: son texte a été reconnu automatiquement (OCR) sur toutes les pages, avec une confiance moyenne de 93\u202f%, et c'est ce texte qui a été vérifié.",
    );
    expect(found.evidence).toMatchObject({ ocrConfidence: 0.93, minConfidence: 0.85 });
  });

  it('sends a scan recognised below the threshold to review', () => {
    const found = format(scanned(0.8), submission(), session);
    expect(found.status).toBe('review');
    expect(found.message).toContain('confiance moyenne de 80\u202f%, trop faible');
    expect(found.detail).toContain('mean confidence 0.80 (threshold 0.85)');
  });

  it('names the scanned pages whose text could not be recognised', () => {
    const document = scanned(0.95, 4, {
      pages: { count: 6, method: 'pdf', exact: true },
      textLayer: 'partial',
      scannedPages: [2, 3, 4, 5, 6],
    });
    document.pageText = document.pageText!.map((p) => ({ ...p, page: p.page + 1 }));
    document.pageText.pop();
    const found = format(document, submission(), session);
    expect(found.status).toBe('review');
    expect(found.message).toContain('sur les pages 2, 3, 4');
    expect(found.message).toContain('le texte des pages 5, 6 n');
    expect(found.place).toEqual({ file: 'submissions/C001.pdf', page: 5 });
  });

  it('weighs the confidence of each page by its words', () => {
    const document = scanned(0.95, 2);
    document.pageText![1] = { page: 2, text: 'ocr', confidence: 0.35, words: 100 };
    // (0.95 × 400 + 0.35 × 100) / 500 = 0.83
    expect(format(document, submission(), session).evidence['ocrConfidence']).toBe(0.83);
  });
});

describe('plan on recognised text', () => {
  it('passes on text recognised with confidence at or above the threshold', () => {
    const found = plan(scanned(0.85), submission(), session);
    expect(found.status).toBe('pass');
    expect(found.evidence['ocrConfidence']).toBe(0.85);
  });

  it('is review below the session threshold, saying why', () => {
    const found = plan(scanned(0.9), submission(), strict(0.95));
    expect(found.status).toBe('review');
    expect(found.message).toMatch(/^Votre dossier semble suivre le plan demandé/);
    expect(found.message).toContain('confiance de 90\u202f%, sous le seuil de 95\u202f%');
    expect(found.detail).toContain('pass becomes review');
  });

  it('never fails on recognised text: a missing section is review', () => {
    const document = scanned(0.97, 55, {
      headings: headings(['Sommaire', 2], ['I. Introduction', 3], ['IV. Conclusion', 50]),
    });
    const onText = plan(
      { ...document, pageText: undefined, textLayer: 'full' },
      submission(),
      session,
    );
    expect(onText.status).toBe('fail');
    const found = plan(document, submission(), session);
    expect(found.status).toBe('review');
    expect(found.message).toContain('ne suit pas le référentiel');
    expect(found.message).toContain('ne permet pas de conclure seul à un plan non conforme');
  });

  it('still asks a person when the OCR found no heading', () => {
    const found = plan(scanned(0.95, 55, { headings: [] }), submission(), session);
    expect(found.status).toBe('review');
    expect(found.evidence).toMatchObject({ headings: 0 });
  });
});
