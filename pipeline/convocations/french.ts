/** Dates, times and lists as a French reader expects them, in the session's timezone. */

const dayFormat = new Map<string, Intl.DateTimeFormat>();

/** `mercredi 20 septembre 2023`. */
export function frenchDay(instant: Date, timeZone: string): string {
  let format = dayFormat.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', {
      timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    dayFormat.set(timeZone, format);
  }
  return format.format(instant);
}

/** `08 h 30`. */
export function frenchTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')} h ${get('minute')}`;
}
