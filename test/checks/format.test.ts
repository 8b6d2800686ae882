import { describe, expect, it } from 'vitest';
import { format, unreadable } from '../../pipeline/checks/format.ts';
import { doc, session, submission } from './support.ts';

describe('format', () => {
  it('accepts a readable dossier with a full text layer', () => {
    expect(format(doc(), submission(), session).status).toBe('pass');
  });

  it('sends a scanned dossier (no text layer) to review with the reason', () => {
    const found = format(
      doc({ textLayer: 'none', words: 0, scannedPages: [1, 2, 3] }),
      submission(),
      session,
    );
    expect(found.status).toBe('review');
    expect(found.message).toContain('numérisé');
  });

  it('names the image-only pages of a partly scanned dossier', () => {
    const found = format(
      doc({ textLayer: 'partial', scannedPages: [12, 13] }),
      submission(),
      session,
    );
    expect(found.status).toBe('review');
    expect(found.message).toContain('pages 12, 13');
    expect(found.place).toEqual({ file: 'submissions/C001.pdf', page: 12 });
  });

  it('turns a reading error into an error finding with the code and the fix for staff', () => {
    const found = unreadable(
      {
        error: {
          code: 'PDF_CORRUPT',
          message: 'C001.pdf is truncated.',
          hint: 'Ask for the file again.',
        },
      },
      'submissions/C001.pdf',
    );
    expect(found.status).toBe('error');
    expect(found.message).toContain('PDF_CORRUPT');
    expect(found.detail).toBe('C001.pdf is truncated. Fix: Ask for the file again.');
  });
});
