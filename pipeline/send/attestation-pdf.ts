/**
 * The attestation attached to a results mail, as a one-page A4 PDF written with pdf-lib (the
 * project's PDF writer): the same wording as the staff HTML of `recevable outcomes` — total or
 * partial success, each validated block with its title from session.yaml, the final exam, the
 * appeal deadline. Standard Times fonts (every PDF reader has them; French fits their WinAnsi
 * encoding) and fixed dates make the same outcome give the same bytes, so the message keeps its
 * Message-ID from one run to the next.
 */
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { Candidate } from '../../schemas/candidates.ts';
import type { Session } from '../../schemas/session.ts';
import { attestationTitle } from '../outcomes/attestation.ts';
import type { OutcomeDecision } from '../outcomes/decide.ts';
import { frenchDay } from '../calendar/french.ts';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 62;

/** Text WinAnsi can encode: no-break spaces kept, other unknown letters without their accent. */
function winAnsi(text: string): string {
  return text
    .replaceAll('\u202f', '\u00a0')
    .replace(
      /[^\u0020-\u007e\u00a0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/g,
      (c) =>
        c
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/[^\u0020-\u007e]/g, '?'),
    );
}

/** Lines of at most `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, size) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** The attestation PDF; undefined for refusal and incomplete outcomes. */
export async function attestationPdf(
  outcome: OutcomeDecision,
  candidate: Candidate,
  session: Session,
  appealDays: number,
): Promise<Uint8Array | undefined> {
  const title = attestationTitle(outcome.decision);
  if (!title) return undefined;
  const fixed = new Date(`${outcome.resultsSentOn ?? '2000-01-01'}T00:00:00Z`);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(`${title} — ${candidate.code}`);
  pdf.setAuthor(session.defence.venue.name);
  pdf.setSubject(session.title);
  pdf.setProducer('Recevable');
  pdf.setCreator('Recevable');
  pdf.setLanguage('fr-FR');
  pdf.setCreationDate(fixed);
  pdf.setModificationDate(fixed);
  const regular = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  const italic = await pdf.embedFont(StandardFonts.TimesRomanItalic);
  const page: PDFPage = pdf.addPage(A4);
  const width = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;
  const write = (
    text: string,
    options: {
      font?: PDFFont;
      size?: number;
      centre?: boolean;
      gap?: number;
      indent?: number;
    } = {},
  ) => {
    const { font = regular, size = 12, centre = false, gap = 6, indent = 0 } = options;
    for (const line of wrap(winAnsi(text), font, size, width - indent)) {
      const x = centre ? (A4[0] - font.widthOfTextAtSize(line, size)) / 2 : MARGIN + indent;
      page.drawText(line, { x, y: y - size, size, font });
      y -= size * 1.35;
    }
    y -= gap;
  };
  const total = outcome.decision === 'total';
  write(session.defence.venue.name.toUpperCase(), { size: 11, gap: 0 });
  write(session.title, { size: 11, gap: 40 });
  write(title, { font: bold, size: 22, centre: true, gap: 28 });
  write('La commission nationale de certification atteste que');
  write(candidate.name, { font: bold, size: 16, centre: true });
  write(
    `candidat·e n°\u00a0${candidate.code}, ${total ? 'a validé l’ensemble des blocs de compétences de la certification\u00a0:' : 'a validé les blocs de compétences suivants\u00a0:'}`,
  );
  for (const block of session.blocks.filter((b) => outcome.validatedBlocks.includes(b.id)))
    write(`${block.id}  ${block.title}`, { indent: 14, gap: 2 });
  y -= 8;
  if (outcome.finalExam === 'validated') {
    write(
      `${total ? 'ainsi que l’épreuve finale de certification' : 'L’épreuve finale de certification est également validée'} (dossier professionnel\u00a0: production écrite et soutenance orale).`,
      { font: italic },
    );
  } else {
    write(
      'Les blocs de compétences et l’épreuve finale qui ne figurent pas sur cette attestation ne sont pas validés à ce jour.',
      { size: 10.5 },
    );
  }
  if (outcome.appealUntil) {
    write(
      `En cas de désaccord sur ce résultat, le ou la candidat·e peut entamer le dialogue avec le ou la responsable pédagogique du campus jusqu’au ${frenchDay(outcome.appealUntil)} inclus (${appealDays} jours après la communication des résultats).`,
      { size: 10.5, gap: 30 },
    );
  }
  if (outcome.resultsSentOn)
    write(`Résultats communiqués le ${frenchDay(outcome.resultsSentOn)}.`, { size: 11 });
  page.drawText(winAnsi('Le ou la responsable pédagogique'), {
    x: A4[0] - MARGIN - regular.widthOfTextAtSize('Le ou la responsable pédagogique', 11),
    y: y - 20,
    size: 11,
    font: regular,
  });
  return pdf.save({ useObjectStreams: false });
}
