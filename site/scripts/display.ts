/**
 * The hall display in the browser: renders every second from the local clock (or the
 * simulated one of `?t=`), polls the schedule every 30 s with a 10 s timeout, and keeps the
 * last good data when the network fails, saying so discreetly.
 */
import {
  clockOf,
  dayOf,
  isDisplayData,
  roomBoard,
  roomsOnScreen,
  simulatedTime,
  slotsOfDay,
  type DisplayData,
  type DisplaySlot,
  type RoomBoard,
} from '../lib/display.ts';

const POLL_MS = 30_000;
const TIMEOUT_MS = 10_000;

function element(tag: string, className: string | undefined, text: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.textContent = text;
  return node;
}

function fillRoom(section: Element, board: RoomBoard, timeZone: string): void {
  const now = section.querySelector('[data-role="now"] .value');
  const next = section.querySelector('[data-role="next"] .value');
  const later = section.querySelector('[data-role="later"] .value');
  if (!now || !next || !later) return;
  const code = (slot: DisplaySlot) => element('span', 'code', slot.candidate);
  if (board.now) {
    const { slot, phase } = board.now;
    const text =
      phase === 'defence'
        ? `Soutenance jusqu’à ${clockOf(Date.parse(slot.end), timeZone)}`
        : 'Délibération du jury';
    now.replaceChildren(code(slot), ` Jury ${slot.juryLabel}`, element('span', 'phase', text));
  } else now.replaceChildren(board.day ? 'Salle libre' : 'Aucune soutenance aujourd’hui');
  if (board.next) {
    const slot = board.next;
    next.replaceChildren(
      code(slot),
      ` Jury ${slot.juryLabel}`,
      element('span', 'phase', `à ${clockOf(Date.parse(slot.start), timeZone)}`),
    );
  } else next.replaceChildren('—');
  const items = board.later.map((slot) =>
    element('li', undefined, `${clockOf(Date.parse(slot.start), timeZone)} ${slot.candidate}`),
  );
  later.replaceChildren(...(items.length > 0 ? items : [element('li', undefined, '—')]));
}

function longDay(time: number, timeZone: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(time);
}

/** Starts the display of the page `doc`; the time is `?t=` of `location` when given. */
export function startDisplay(doc: Document, location: Location): void {
  const initial: unknown = JSON.parse(doc.getElementById('horaire-initial')?.textContent ?? 'null');
  if (!isDisplayData(initial)) return;
  let data: DisplayData = initial;
  const simulated = simulatedTime(new URL(location.href).searchParams.get('t'), data.timezone);
  const offset = simulated === undefined ? 0 : simulated - Date.now();
  const clock = () => Date.now() + offset;
  let lastGood: number | undefined;
  let offline = false;
  let shown = '';

  const render = (): void => {
    const time = clock();
    const tz = data.timezone;
    doc.getElementById('horloge')!.textContent = clockOf(time, tz, true);
    doc.getElementById('jour')!.textContent = longDay(time, tz);
    const today = slotsOfDay(data.slots, time, tz);
    const boards = data.rooms.map((r) => roomBoard(r.id, today, time, 3));
    const upcoming = data.slots.filter((s) => dayOf(Date.parse(s.start), tz) > dayOf(time, tz));
    const message =
      today.length > 0
        ? ''
        : upcoming[0]
          ? `Aucune soutenance aujourd’hui. Prochaines soutenances le ${longDay(Date.parse(upcoming[0].start), tz)}.`
          : 'Aucune soutenance aujourd’hui.';
    const status = offline
      ? `Hors ligne\u00a0: horaire ${lastGood === undefined ? 'publié' : `reçu à ${clockOf(lastGood, tz)}`}`
      : '';
    const sections = [...doc.querySelectorAll<HTMLElement>('[data-room]')];
    const onScreen = roomsOnScreen(sections.length, time);
    const key = JSON.stringify([boards, message, status, data.version, onScreen]);
    if (key === shown) return;
    shown = key;
    for (const board of boards) {
      const section = doc.querySelector(`[data-room="${CSS.escape(board.room)}"]`);
      if (section) fillRoom(section, board, tz);
    }
    sections.forEach((section, i) => {
      section.hidden = i < onScreen.first || i > onScreen.last;
    });
    const { first, last, screens } = onScreen;
    doc.getElementById('ecran')!.textContent =
      screens === 1
        ? ''
        : first === last
          ? `Salle ${first + 1} sur ${sections.length}`
          : `Salles ${first + 1} à ${last + 1} sur ${sections.length}`;
    const box = doc.getElementById('message')!;
    box.textContent = message;
    box.hidden = message === '';
    doc.getElementById('etat')!.textContent = status;
  };

  const poll = async (): Promise<void> => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    try {
      const response = await fetch(new URL('horaire.json', location.href), {
        cache: 'no-store',
        signal: controller.signal,
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body: unknown = await response.json();
      if (!isDisplayData(body)) throw new Error('unexpected schedule shape');
      data = body;
      offline = false;
      lastGood = clock();
    } catch {
      offline = true;
    } finally {
      clearTimeout(timer);
    }
    render();
  };

  render();
  setInterval(render, 1000);
  void poll();
  setInterval(() => void poll(), POLL_MS);
}
