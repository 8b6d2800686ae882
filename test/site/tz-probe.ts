/**
 * Child process of calendars.test.ts: builds the key-date feed of a session under the TZ of
 * its environment and prints it with the process's own UTC offset in January and July.
 */
import { keyDatesCalendar } from '../../site/lib/calendars.ts';
import { readSiteData } from '../../site/data/read.ts';

const { session } = await readSiteData(process.argv[2] ?? '');
process.stdout.write(
  JSON.stringify({
    tz: process.env['TZ'] ?? '',
    januaryOffset: new Date(2023, 0, 15, 12).getTimezoneOffset(),
    julyOffset: new Date(2023, 6, 15, 12).getTimezoneOffset(),
    ics: keyDatesCalendar(session),
  }),
);
