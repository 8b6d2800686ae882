/** `/affichage/horaire.json`: the schedule the hall display polls (codes only). */
import type { APIRoute } from 'astro';
import { siteContent } from '../../data/collections.ts';
import { displayData } from '../../lib/display-data.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(displayData(await siteContent())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
