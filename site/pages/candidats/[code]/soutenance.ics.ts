/** `/candidats/<code>/soutenance.ics`: the candidate's defence; same UID as the convocation's. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteContent } from '../../../data/collections.ts';
import { defenceCalendar } from '../../../lib/calendars.ts';

export const getStaticPaths = (async () => {
  const { schedule } = await siteContent();
  return (schedule?.slots ?? []).map((slot) => ({
    params: { code: slot.candidate },
    props: { slot },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { session, schedule } = await siteContent();
  const slot = schedule?.slots.find((s) => s.candidate === params['code']);
  if (!slot) return new Response(null, { status: 404 });
  return new Response(defenceCalendar(session, slot), {
    headers: { 'Content-Type': 'text/calendar; charset=utf-8' },
  });
};
