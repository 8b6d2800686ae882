import { beforeAll, describe, expect, it } from 'vitest';
import { attestationTitle, renderAttestation } from '../../pipeline/outcomes/attestation.ts';
import { decideOutcome } from '../../pipeline/outcomes/decide.ts';
import { escapeHtml, frenchDay } from '../../pipeline/outcomes/html.ts';
import type { Session } from '../../schemas/session.ts';
import { candidate, demoSession, outcome } from './support.ts';

let session: Session;
beforeAll(async () => {
  session = await demoSession();
});

const settings = { resultsSentOn: '2023-10-03', appealDays: 14 };

function render(fields: Record<string, unknown>, who = candidate()) {
  const decision = decideOutcome(who, outcome(fields), session, settings);
  return renderAttestation(decision, who, session, settings.appealDays);
}

/** The text of the block list items, entities decoded. */
function listedBlocks(html: string): string[] {
  return [...html.matchAll(/<li><span class="id">([^<]+)<\/span> ([^<]+)<\/li>/g)].map(
    (m) => `${m[1]} ${(m[2] ?? '').replaceAll('&#39;', "'").replaceAll('&amp;', '&')}`,
  );
}

describe('renderAttestation', () => {
  it('titles a total outcome "Attestation de réussite totale" and names every block with its title', () => {
    const html = render({}) ?? '';
    expect(html).toContain('<h1>Attestation de réussite totale</h1>');
    expect(listedBlocks(html)).toEqual(
      session.blocks.filter((b) => b.id !== 'B5').map((b) => `${b.id} ${b.title}`),
    );
    expect(html).toContain('ainsi que l’épreuve finale de certification');
    expect(html).toContain('<html lang="fr">');
  });

  it('names only the validated blocks on a partial attestation', () => {
    const html =
      render({ blocks: { B1: 'validated', B2: 'failed', B3: 'absent', B4: 'validated' } }) ?? '';
    expect(html).toContain('<h1>Attestation de réussite partielle</h1>');
    expect(listedBlocks(html).map((b) => b.slice(0, 2))).toEqual(['B1', 'B4']);
    expect(html).toContain('L’épreuve finale de certification est également validée');
  });

  it('says the final exam is not validated by leaving it out of a partial attestation', () => {
    const html = render({ finalExam: { dossier: 'validated', oral: 'failed' } }) ?? '';
    expect(html).not.toContain('épreuve finale de certification est également validée');
    expect(html).toContain('qui ne figurent pas sur cette attestation ne sont pas validés');
  });

  it('gives the appeal deadline and the day results were sent, in French', () => {
    const html = render({}) ?? '';
    expect(html).toContain(
      'jusqu’au 17 octobre 2023 inclus (14 jours après la communication des résultats)',
    );
    expect(html).toContain('Résultats communiqués le 3 octobre 2023.');
  });

  it('gives no attestation for a refusal or an incomplete outcome', () => {
    expect(
      render({ blocks: { B1: 'failed', B2: 'failed', B3: 'failed', B4: 'failed' } }),
    ).toBeUndefined();
    expect(render({ finalExam: { dossier: 'validated' } })).toBeUndefined();
    expect(attestationTitle('refusal')).toBeUndefined();
    expect(attestationTitle('incomplete')).toBeUndefined();
  });

  it('escapes names and titles that hold markup', () => {
    const hostile = candidate({ name: '<script>alert("x")</script> & Cie' });
    const decision = decideOutcome(hostile, outcome(), session, settings);
    const tampered: Session = {
      ...session,
      title: 'Session <b>2023</b>',
      blocks: session.blocks.map((b) =>
        b.id === 'B1' ? { ...b, title: '<img src=x onerror=alert(1)>' } : b,
      ),
    };
    const html = renderAttestation(decision, hostile, tampered, 14) ?? '';
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cie');
  });

  it('is byte-identical from one run to the next', () => {
    expect(render({})).toBe(render({}));
  });
});

describe('html helpers', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('writes days the French way, with "1er" for the first', () => {
    expect(frenchDay('2023-10-03')).toBe('3 octobre 2023');
    expect(frenchDay('2024-02-01')).toBe('1er février 2024');
    expect(frenchDay('2023-08-25')).toBe('25 août 2023');
  });
});
