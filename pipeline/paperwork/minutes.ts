/**
 * The *procès-verbal* of one jury on one day, in French, on A4: every candidate the jury
 * heard, with the decision on the written and the oral part as form fields, the members'
 * names and their signature fields.
 */
import { drawFacts, drawSignatures, startPaper } from './common.ts';
import { saveDocument, type DocumentInfo } from './document.ts';
import { DECISION_LABELS, DECISIONS, HIDDEN, minutesDecision } from './fields.ts';
import { type Canvas, LINE, MARGIN, MUTED } from './layout.ts';
import type { Defence, MinutesModel } from './plan.ts';
import { radioOption } from './widgets.ts';

const COLUMNS = {
  time: MARGIN.x,
  candidate: MARGIN.x + 56,
  dossier: MARGIN.x + 216,
  oral: MARGIN.x + 352,
};
const ROW = 38;

function drawTableHeader(canvas: Canvas): void {
  canvas.ensure(24 + ROW);
  const y = canvas.y - 10;
  canvas.label('Horaire', COLUMNS.time, y, { size: 9, bold: true });
  canvas.label('Candidat·e', COLUMNS.candidate, y, { size: 9, bold: true });
  canvas.label('Partie écrite', COLUMNS.dossier, y, { size: 9, bold: true });
  canvas.label('Partie orale', COLUMNS.oral, y, { size: 9, bold: true });
  canvas.y -= 16;
  canvas.page.drawLine({
    start: { x: MARGIN.x, y: canvas.y },
    end: { x: canvas.right, y: canvas.y },
    thickness: 0.8,
    color: LINE,
  });
}

function drawRow(canvas: Canvas, defence: Defence): void {
  if (canvas.y - ROW < MARGIN.bottom) {
    canvas.newPage();
    drawTableHeader(canvas);
  }
  const form = canvas.doc.getForm();
  const top = canvas.y;
  const first = top - 13;
  canvas.label(defence.start, COLUMNS.time, first, { size: 9.5 });
  canvas.label(`${defence.candidate} — ${defence.name}`, COLUMNS.candidate, first, {
    size: 9.5,
    bold: true,
  });
  const specialisation =
    typeof defence.specialisation === 'string' ? defence.specialisation : defence.specialisation.id;
  const second = `${defence.room} · ${specialisation}${defence.makeup ? ' · passage ultérieur' : ''}`;
  canvas.label(second, COLUMNS.candidate, first - 12, { size: 8.5, color: MUTED });
  for (const part of ['dossier', 'oral'] as const) {
    const group = form.createRadioGroup(minutesDecision(defence.candidate, part));
    DECISIONS[part].forEach((option, i) => {
      const x = COLUMNS[part] + (i === 1 ? 56 : 0);
      const baseline = i < 2 ? first : first - 13;
      radioOption(canvas, group, option, DECISION_LABELS[option], x, baseline);
    });
  }
  canvas.y = top - ROW;
  canvas.page.drawLine({
    start: { x: MARGIN.x, y: canvas.y },
    end: { x: canvas.right, y: canvas.y },
    thickness: 0.3,
    color: LINE,
  });
}

/** The PV's PDF bytes; the same model gives the same bytes. */
export async function renderMinutes(model: MinutesModel): Promise<Uint8Array> {
  const info: DocumentInfo = {
    title: `Procès-verbal — jury ${model.juryLabel} — ${model.day}`,
    subject: `${model.session.title} — jury ${model.juryLabel}, ${model.dayText}`,
    session: model.session.id,
    kind: 'minutes',
    hidden: { [HIDDEN.jury]: model.juryLabel, [HIDDEN.day]: model.day },
    date: new Date(model.date),
  };
  const { doc, fonts, canvas } = await startPaper(
    info,
    model.session,
    'Procès-verbal de délibération',
    'Épreuve finale de certification\u00a0: soutenances du dossier professionnel',
  );
  const rooms = [...new Set(model.defences.map((d) => d.room))].join(', ');
  drawFacts(canvas, [
    ['Date', model.dayText],
    [`Jury ${model.juryLabel}`, model.jury.map((j) => `${j.name} (${j.company})`).join('\n')],
    ['Lieu', `${rooms}, ${model.session.venue}`],
  ]);
  canvas.y -= 6;
  canvas.text(
    `Le jury, composé de professionnels externes à l’école, a entendu les ${model.defences.length}\u00a0candidat·es ci-dessous, a délibéré seul et arrête les décisions de validation ou de refus suivantes\u00a0:`,
    { after: 8 },
  );
  drawTableHeader(canvas);
  for (const defence of model.defences) drawRow(canvas, defence);
  canvas.y -= 10;
  canvas.text(
    'Les raisons de toute non-validation et les recommandations du jury figurent sur la fiche individuelle d’évaluation de chaque candidat·e. Les recommandations ne peuvent en aucun cas être assimilées à des réserves.',
    { size: 8.5, color: MUTED, after: 8 },
  );
  canvas.text(`Fait à ${model.session.venue}, le ${model.dayText}.`, { after: 8 });
  drawSignatures(canvas, model.jury, model.dayText);
  canvas.number(
    (page, count) =>
      `Procès-verbal — jury ${model.juryLabel} — ${model.day} — document du jury, à ne pas diffuser — page ${page}/${count}`,
  );
  return saveDocument(doc, fonts, `${model.session.id}/${model.file}`, JSON.stringify(model));
}
