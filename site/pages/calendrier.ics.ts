/** `/calendrier.ics`: the key dates as an iCalendar feed (RFC 5545). */
import type { APIRoute } from 'astro';
import { siteContent } from '../data/collections.ts';
import { keyDatesCalendar } from '../lib/calendars.ts';

export const GET: APIRoute = async () => {
  const { session } = await siteContent();
  return new Response(keyDatesCalendar(session), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
