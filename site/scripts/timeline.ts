/**
 * Marks the key dates already past, in progress and next, from the visitor's clock. Without
 * this script the timeline is still complete and in order; only the marks are missing.
 */
const LABELS = { past: 'passée', current: 'en cours', next: 'prochaine étape' } as const;

/** Sets `data-state` and the visible mark of each step of `list` at `now` (ms). */
export function markTimeline(list: HTMLElement | null, now: number): void {
  if (!list) return;
  let nextFound = false;
  for (const item of list.querySelectorAll<HTMLElement>('li[data-start]')) {
    const start = Date.parse(item.dataset['start'] ?? '');
    const end = Date.parse(item.dataset['end'] ?? '');
    let state: keyof typeof LABELS | undefined;
    if (now >= end) state = 'past';
    else if (now >= start) state = 'current';
    else if (!nextFound) {
      state = 'next';
      nextFound = true;
    }
    const mark = item.querySelector('.state');
    if (state) item.dataset['state'] = state;
    else delete item.dataset['state'];
    if (state === 'next' || state === 'current') item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    if (mark) mark.textContent = state ? `(${LABELS[state]})` : '';
  }
}
