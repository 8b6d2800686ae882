/**
 * The *fiche individuelle d'évaluation* of one candidate, in French, on A4: who, when, where
 * and before whom; the evaluation grid of session.yaml for the blocks at stake; the jury's
 * position on the written and the oral part; its motivation, the written reasons the
 * reference requires when a part is not validated, recommendations, and both signatures.
 * Every answer is a form field (`fields.ts`) a juror fills in any PDF reader.
 */
import type { Criterion, ExamPart } from '../../schemas/evaluation.ts';
import { drawFacts, drawSignatures, startPaper } from './common.ts';
import { saveDocument, type DocumentInfo } from './document.ts';
import { DECISION_LABELS, DECISIONS, HIDDEN, SHEET } from './fields.ts';
import { type Canvas, MARGIN, MUTED, LINE } from './layout.ts';
import type { SheetModel } from './plan.ts';
import { radioOption, textArea } from './widgets.ts';

const PART_TITLES: Record<ExamPart, string> = {
  dossier: 'Partie écrite — dossier professionnel',
  oral: 'Partie orale — soutenance',
};

/** The columns of the grid's two boxes, from the right margin. */
const LEVEL_COLUMNS = [
  { value: 'acquired', label: 'Acquis', offset: 96 },
  { value: 'not-acquired', label: 'Non acquis', offset: 40 },
] as const;

const blockText = (b: { id: string; title: string }) => `${b.id} — ${b.title}`;

function drawGridPart(
  canvas: Canvas,
  model: SheetModel,
  part: ExamPart,
  criteria: readonly Criterion[],
): void {
  const form = canvas.doc.getForm();
  const textWidth = canvas.right - MARGIN.x - 120;
  canvas.ensure(40);
  canvas.text(PART_TITLES[part], { size: 10.5, bold: true, after: 2 });
  if (part === 'oral') {
    const { presentationMinutes: p, interviewMinutes: i } = model.format;
    canvas.text(
      `${p}\u00a0minutes de présentation orale, puis ${i}\u00a0minutes d’entretien avec le jury.`,
      {
        size: 8.5,
        color: MUTED,
        after: 2,
      },
    );
  }
  const headerY = canvas.y - 9;
  for (const column of LEVEL_COLUMNS) {
    canvas.label(column.label, canvas.right - column.offset - 8, headerY, {
      size: 8,
      color: MUTED,
    });
  }
  canvas.y -= 14;
  for (const criterion of criteria) {
    const blocks = criterion.blocks.length > 0 ? ` (${criterion.blocks.join(', ')})` : '';
    const title = `${criterion.id}. ${criterion.title}${blocks}`;
    const height =
      canvas.measure(title, { width: textWidth }) +
      (criterion.description
        ? canvas.measure(criterion.description, { size: 8.5, width: textWidth })
        : 0) +
      8;
    canvas.ensure(height);
    const top = canvas.y;
    canvas.text(title, { width: textWidth });
    if (criterion.description)
      canvas.text(criterion.description, { size: 8.5, color: MUTED, width: textWidth });
    const group = form.createRadioGroup(SHEET.criterion(criterion.id));
    for (const column of LEVEL_COLUMNS) {
      group.addOptionToPage(column.value, canvas.page, {
        x: canvas.right - column.offset + 4,
        y: top - 12,
        width: 10,
        height: 10,
        borderWidth: 0.8,
      });
    }
    canvas.y = Math.min(canvas.y, top - 16) - 4;
    canvas.page.drawLine({
      start: { x: MARGIN.x, y: canvas.y + 2 },
      end: { x: canvas.right, y: canvas.y + 2 },
      thickness: 0.3,
      color: LINE,
    });
  }
  canvas.y -= 6;
}

function drawPosition(canvas: Canvas): void {
  const form = canvas.doc.getForm();
  canvas.heading('Position du jury', 50);
  canvas.text('Le jury délibère seul et décide souverainement de la validation de chaque partie.', {
    size: 8.5,
    color: MUTED,
    after: 4,
  });
  for (const part of ['dossier', 'oral'] as const) {
    canvas.ensure(20);
    const baseline = canvas.y - 10;
    canvas.label(
      part === 'dossier' ? 'Partie écrite\u00a0:' : 'Partie orale\u00a0:',
      MARGIN.x,
      baseline,
      {
        bold: true,
      },
    );
    const group = form.createRadioGroup(SHEET.decision(part));
    let x = MARGIN.x + 110;
    for (const option of DECISIONS[part]) {
      x = radioOption(canvas, group, option, DECISION_LABELS[option], x, baseline);
    }
    canvas.y -= 20;
  }
}

function drawWritten(
  canvas: Canvas,
  title: string,
  note: string,
  field: string,
  height: number,
): void {
  canvas.ensure(height + 40);
  canvas.y -= 6;
  canvas.text(title, { bold: true, after: 1 });
  canvas.text(note, { size: 8.5, color: MUTED, after: 3 });
  textArea(canvas, field, height);
}

/** The sheet's PDF bytes; the same model gives the same bytes. */
export async function renderSheet(model: SheetModel): Promise<Uint8Array> {
  const { defence } = model;
  const info: DocumentInfo = {
    title: `Fiche individuelle d’évaluation — ${defence.candidate}`,
    subject: `${model.session.title} — ${defence.name} (${defence.candidate})`,
    session: model.session.id,
    kind: 'evaluation',
    hidden: { [HIDDEN.candidate]: defence.candidate },
    date: new Date(model.date),
  };
  const { doc, fonts, canvas } = await startPaper(
    info,
    model.session,
    'Fiche individuelle d’évaluation',
    'Épreuve finale de certification\u00a0: dossier professionnel (production écrite et soutenance orale)',
  );
  const specialisation =
    typeof defence.specialisation === 'string'
      ? defence.specialisation
      : blockText(defence.specialisation);
  drawFacts(canvas, [
    ['Candidat·e', `${defence.name} (n°\u00a0${defence.candidate})`],
    ['Spécialisation', specialisation],
    ['Blocs de compétences', model.blocks.map(blockText).join('\n')],
    [
      'Soutenance',
      `${defence.dayText}, de ${defence.start} à ${defence.end}${defence.makeup ? ' (passage ultérieur)' : ''}`,
    ],
    ['Lieu', `${defence.room}, ${model.session.venue}`],
    [`Jury ${model.juryLabel}`, model.jury.map((j) => `${j.name} (${j.company})`).join('\n')],
  ]);
  canvas.heading('Grille d’évaluation');
  for (const part of ['dossier', 'oral'] as const) {
    const criteria = model.grid.filter((c) => c.part === part);
    if (criteria.length > 0) drawGridPart(canvas, model, part, criteria);
  }
  drawPosition(canvas);
  drawWritten(
    canvas,
    'Motivation de la position du jury',
    'Les éléments de l’évaluation sur lesquels le jury fonde sa position.',
    SHEET.motivation,
    70,
  );
  drawWritten(
    canvas,
    'Raisons de la non-validation',
    'Obligatoire si une partie n’est pas validée\u00a0: le jury explique par écrit les raisons qui ont motivé sa décision.',
    SHEET.reasons,
    70,
  );
  drawWritten(
    canvas,
    'Recommandations',
    'Le jury peut assortir sa décision de recommandations. Celles-ci ne peuvent en aucun cas être assimilées à des réserves.',
    SHEET.recommendations,
    56,
  );
  canvas.heading('Signatures des membres du jury', 100);
  drawSignatures(canvas, model.jury, defence.dayText);
  canvas.number(
    (page, count) =>
      `${defence.candidate} — fiche individuelle d’évaluation — document du jury, à ne pas diffuser — page ${page}/${count}`,
  );
  return saveDocument(doc, fonts, `${model.session.id}/${model.file}`, JSON.stringify(model));
}
