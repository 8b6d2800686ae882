import { beforeAll, describe, expect, it } from 'vitest';
import type { Schedule, Slot } from '../../schemas/schedule.ts';
import { checkSchedule } from '../../pipeline/schedule/check.ts';
import { loadSession, type LoadedSession } from '../../pipeline/session/load.ts';
import { makeSession } from './session.ts';

let loaded: LoadedSession;
beforeAll(async () => {
  loaded = await loadSession(
    await makeSession({
      editCandidates: (rows) => {
        rows.find((c) => c['code'] === 'C003')!['tutor'] = 'T09';
      },
      editMembers: (rows) => {
        rows.push({
          id: 'J20',
          name: 'Yves Retiré',
          email: 'yves.retire@example.org',
          company: 'Zeta',
          expertise: ['B4'],
          available: ['2023-09-20'],
          withdrawn: true,
        });
        rows.push({
          id: 'J21',
          name: 'Zoé Jeudi',
          email: 'zoe.jeudi@example.org',
          company: 'Zeta',
          expertise: ['B4'],
          available: ['2023-09-21'],
        });
      },
    }).then(async (dir) => {
      const { editYaml } = await import('./session.ts');
      await editYaml(dir, 'candidates.yaml', (d) => {
        (d['tutors'] as unknown[]).push({
          id: 'T09',
          name: 'Denis Examinard',
          email: 'denis.examinard@example.org',
        });
      });
      return dir;
    }),
  );
});

const slot = (
  candidate: string,
  jury: string[],
  room: string,
  time: string,
  extra: Partial<Slot> = {},
): Slot => {
  const start = new Date(`2023-09-20T${time}:00+02:00`);
  const at = (m: number) =>
    new Date(start.getTime() + m * 60_000).toISOString().replace('.000Z', 'Z');
  return {
    candidate,
    jury,
    juryLabel: 'A',
    room,
    start: `2023-09-20T${time}:00+02:00`,
    end: at(45),
    deliberationEnd: at(60),
    kind: 'planned',
    ...extra,
  };
};
const schedule = (...slots: Slot[]): Schedule => ({
  session: 'epsi-2023',
  version: 1,
  slots,
  unscheduled: [],
  changelog: [],
});
const rules = (s: Schedule) => checkSchedule(s, loaded).map((v) => v.rule);

describe('checkSchedule', () => {
  it('accepts a schedule that keeps every hard constraint', () => {
    expect(
      checkSchedule(
        schedule(
          slot('C002', ['J01', 'J12'], 'R101', '08:30'),
          slot('C009', ['J06', 'J09'], 'R102', '08:30'),
        ),
        loaded,
      ),
    ).toEqual([]);
  });
  it('reports two defences in one room at the same time', () => {
    expect(
      rules(
        schedule(
          slot('C002', ['J01', 'J12'], 'R101', '08:30'),
          slot('C009', ['J06', 'J09'], 'R101', '09:00'),
        ),
      ),
    ).toEqual(['room-overlap']);
  });
  it('reports a member sitting in two juries at once', () => {
    expect(
      rules(
        schedule(
          slot('C002', ['J01', 'J12'], 'R101', '08:30'),
          slot('C009', ['J06', 'J12'], 'R102', '08:30'),
        ),
      ),
    ).toEqual(['member-overlap']);
  });
  it('reports a member on a day they are not available', () => {
    expect(rules(schedule(slot('C002', ['J01', 'J21'], 'R101', '08:30')))).toEqual([
      'member-availability',
    ]);
  });
  it('reports a candidate defending on a day they are unavailable', () => {
    expect(rules(schedule(slot('C004', ['J01', 'J12'], 'R101', '08:30')))).toEqual([
      'candidate-availability',
    ]);
  });
  it('reports a member from the candidate’s company', () => {
    expect(rules(schedule(slot('C001', ['J02', 'J12'], 'R101', '08:30')))).toEqual(['company']);
  });
  it('reports the candidate’s tutor on the jury, matched by name or e-mail', () => {
    expect(rules(schedule(slot('C003', ['J01', 'J03'], 'R101', '08:30')))).toEqual(['tutor']);
  });
  it('reports a jury without the candidate’s specialisation', () => {
    expect(rules(schedule(slot('C009', ['J01', 'J02'], 'R101', '08:30')))).toEqual(['expertise']);
  });
  it('reports a withdrawn member', () => {
    expect(rules(schedule(slot('C002', ['J01', 'J20'], 'R101', '08:30')))).toEqual(['withdrawn']);
  });
  it('reports a member above maxDefencesPerMemberPerDay', () => {
    const times = ['08:30', '09:30', '10:30', '11:30', '13:30', '14:30', '15:30'];
    const codes = ['C002', 'C003', 'C009', 'C010', 'C011', 'C012', 'C001'];
    const slots = times.map((t, i) => slot(codes[i]!, ['J03', 'J12'], 'R101', t));
    slots[6] = slot('C001', ['J03', 'J12'], 'R101', '15:30');
    expect(rules(schedule(...slots))).toContain('member-load');
  });
  it('reports a defence across the lunch break, outside hours, or on a wrong day', () => {
    expect(rules(schedule(slot('C002', ['J01', 'J12'], 'R101', '12:00')))).toEqual(['break']);
    expect(rules(schedule(slot('C002', ['J01', 'J12'], 'R101', '17:30')))).toEqual(['hours']);
    expect(
      rules(schedule(slot('C002', ['J01', 'J12'], 'R101', '08:30', { kind: 'makeup' }))),
    ).toEqual(['day']);
  });
  it('reports a wrong duration, a one-member jury, an unknown room and a duplicate', () => {
    const short = slot('C002', ['J01', 'J12'], 'R101', '08:30', {
      end: '2023-09-20T09:00:00+02:00',
    });
    expect(rules(schedule(short))).toEqual(['duration']);
    expect(rules(schedule(slot('C002', ['J12'], 'R101', '08:30')))).toEqual(['jury-size']);
    expect(rules(schedule(slot('C002', ['J01', 'J12'], 'R999', '08:30')))).toEqual(['room']);
    expect(
      rules(
        schedule(
          slot('C002', ['J01', 'J12'], 'R101', '08:30'),
          slot('C002', ['J09', 'J12'], 'R102', '13:30'),
        ),
      ),
    ).toEqual(['duplicate']);
  });
});
