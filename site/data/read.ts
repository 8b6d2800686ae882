/**
 * Reads a session folder for the public site: the same validation as `recevable validate`
 * (schemas and cross-file rules, outputs included), then only what may be published (the
 * public projection). Bad data throws a RecevableError naming the file, line and problem,
 * which fails the Astro build.
 */
import { join, relative } from 'node:path';
import { Errors, RecevableError, recevableError } from '../../pipeline/errors.ts';
import type { SessionPage } from '../../pipeline/session/files.ts';
import { validateSession } from '../../pipeline/session/validate.ts';
import { toInstant } from '../../pipeline/time.ts';
import type { Result } from '../../schemas/result.ts';
import type { Schedule } from '../../schemas/schedule.ts';
import type { Session } from '../../schemas/session.ts';
import { frenchSpacing } from '../lib/typography.ts';
import type {
  PublicCandidate,
  PublicPage,
  PublicResult,
  PublicSchedule,
  PublicSlot,
} from './public.ts';

/** Everything the site publishes about a session. */
export interface SiteData {
  readonly session: Session;
  readonly candidates: readonly PublicCandidate[];
  /** Absent before the checks ran. */
  readonly results?: readonly PublicResult[];
  /** Absent before the order of passage is published. */
  readonly schedule?: PublicSchedule;
  /** The school's pages, by `order` then title, with their Markdown and its file. */
  readonly pages: readonly SitePage[];
}

/** A page of the school and where its Markdown comes from. */
export interface SitePage {
  readonly page: PublicPage;
  readonly markdown: string;
  /** Absolute path of the Markdown file. */
  readonly path: string;
}

/** The path as staff know it: relative to the working folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** Only the status and the French message of each check: evidence and detail may name sources. */
function publicResult(result: Result): PublicResult {
  return {
    candidate: result.candidate,
    status: result.status,
    checks: Object.values(result.checks).map((f) => ({
      rule: f.rule,
      status: f.status,
      message: frenchSpacing(f.message),
      ...(f.place?.page ? { page: f.place.page } : {}),
    })),
  };
}

function publicSchedule(
  schedule: Schedule,
  session: Session,
  members: ReadonlyMap<string, string>,
): PublicSchedule {
  const names = session.publish.names;
  const iso = (text: string) => toInstant(text, session.timezone).toISOString();
  const slots: PublicSlot[] = schedule.slots.map((slot) => ({
    candidate: slot.candidate,
    room: slot.room,
    juryLabel: slot.juryLabel,
    start: iso(slot.start),
    end: iso(slot.end),
    deliberationEnd: iso(slot.deliberationEnd),
    kind: slot.kind,
    ...(names ? { jurors: slot.jury.map((id) => members.get(id) ?? id) } : {}),
  }));
  slots.sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room));
  return {
    version: schedule.version,
    slots,
    unscheduled: schedule.unscheduled.map((u) => u.candidate).sort(),
  };
}

/** The session with French spacing in the texts the site shows (written with ordinary spaces). */
function publicSession(session: Session): Session {
  const texts = <T extends { title: string; description?: string | undefined }>(item: T): T => ({
    ...item,
    title: frenchSpacing(item.title),
    ...(item.description === undefined ? {} : { description: frenchSpacing(item.description) }),
  });
  const { venue, rooms } = session.defence;
  return {
    ...session,
    title: frenchSpacing(session.title),
    blocks: session.blocks.map(texts),
    keyDates: session.keyDates.map(texts),
    defence: {
      ...session.defence,
      venue: { ...venue, name: frenchSpacing(venue.name), address: frenchSpacing(venue.address) },
      rooms: rooms.map((r) => ({ ...r, name: frenchSpacing(r.name) })),
    },
  };
}

function sitePages(dir: string, pages: readonly SessionPage[]): SitePage[] {
  return pages
    .map(({ file, data, body }) => ({
      page: {
        slug: file.replace(/^pages\//, '').replace(/\.md$/, ''),
        title: frenchSpacing(data.title),
        ...(data.description ? { description: frenchSpacing(data.description) } : {}),
        label: frenchSpacing(data.label ?? data.title),
        order: data.order,
      },
      markdown: body,
      path: join(dir, file),
    }))
    .sort((a, b) => a.page.order - b.page.order || a.page.title.localeCompare(b.page.title, 'fr'));
}

/** Reads the session folder `dir` for the site; throws a RecevableError on bad data. */
export async function readSiteData(dir: string): Promise<SiteData> {
  let validation;
  try {
    // Staff-only files are not the site's business: their problems never stop a build.
    validation = await validateSession(dir, { skip: ['outcomes', 'tutoring', 'summary'] });
  } catch (error) {
    if (error instanceof RecevableError) {
      throw recevableError(Errors.SiteDataMissing, shown(join(dir, 'session.yaml')));
    }
    throw error;
  }
  const { problems, loaded } = validation;
  const blocking = problems.filter((p) => p.blocking !== false);
  const first = blocking[0];
  if (first || !loaded) {
    const place = first ? `${shown(join(dir, first.file))}:${first.line}:${first.column}` : dir;
    if (first?.code === 'SESSION_FILE_MISSING') throw recevableError(Errors.SiteDataMissing, place);
    throw recevableError(
      Errors.SiteDataInvalid,
      place,
      first?.message ?? 'invalid session',
      blocking.length,
    );
  }
  const session = publicSession(loaded.session);
  const names = session.publish.names;
  const candidates = loaded.candidates.candidates.map((c) => ({
    code: c.code,
    specialisation: c.specialisation,
    ...(names ? { name: c.name } : {}),
  }));
  const members = new Map(loaded.juries.members.map((m) => [m.id, m.name]));
  const results = loaded.results?.length ? loaded.results.map(publicResult) : undefined;
  return {
    session,
    candidates,
    ...(results ? { results } : {}),
    ...(loaded.schedule ? { schedule: publicSchedule(loaded.schedule, session, members) } : {}),
    pages: sitePages(loaded.dir, loaded.pages ?? []),
  };
}
