/**
 * Unpacks an OOXML/ODT zip with bounds: declared sizes checked before anything is inflated,
 * then every entry inflated through a counting stream, so a lying header cannot blow memory.
 */
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';

/** Limits of a dossier's archive. */
const ZIP_LIMITS = {
  /** Total unpacked bytes. */
  total: 150 * 1024 * 1024,
  /** Unpacked bytes of one entry. */
  entry: 60 * 1024 * 1024,
  /** Entries. */
  entries: 5000,
} as const;

/** Why an archive was refused. */
export type ZipProblem = { kind: 'bomb' | 'corrupt'; detail: string };

const MB = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** Entry names of interest → their inflated bytes; others are skipped (images, fonts). */
export function unpack(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
): { files: Map<string, Uint8Array>; names: string[] } | ZipProblem {
  const infos: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        infos.push(info);
        return false;
      },
    });
  } catch (error) {
    return { kind: 'corrupt', detail: `broken zip structure: ${(error as Error).message}` };
  }
  if (infos.length === 0) return { kind: 'corrupt', detail: 'the archive has no entries' };
  if (infos.length > ZIP_LIMITS.entries) return { kind: 'bomb', detail: `${infos.length} entries` };
  const declared = infos.reduce((sum, info) => sum + info.originalSize, 0);
  if (declared > ZIP_LIMITS.total) return { kind: 'bomb', detail: `declares ${MB(declared)}` };
  const large = infos.find((info) => info.originalSize > ZIP_LIMITS.entry);
  if (large) return { kind: 'bomb', detail: `${large.name} declares ${MB(large.originalSize)}` };

  const names = infos.map((info) => info.name);
  return inflateWanted(bytes, wanted, names);
}

/** Streams through the local entries, counting inflated bytes and stopping past the limits. */
function inflateWanted(
  bytes: Uint8Array,
  wanted: (name: string) => boolean,
  names: string[],
): { files: Map<string, Uint8Array>; names: string[] } | ZipProblem {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  let problem: ZipProblem | undefined;
  const unzip = new Unzip((file) => {
    if (!wanted(file.name) || problem) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (problem) return;
      if (error) {
        problem = { kind: 'corrupt', detail: `${file.name}: ${error.message}` };
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > ZIP_LIMITS.entry || total > ZIP_LIMITS.total) {
        problem = { kind: 'bomb', detail: `${file.name} inflates past ${MB(size)}` };
        file.terminate();
        return;
      }
      // A copy: fflate hands out views of larger buffers that would otherwise stay alive.
      chunks.push(chunk.slice());
      if (final) files.set(file.name, concat(chunks, size));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    // Small slices bound what one inflate step can produce (deflate's ratio is at most ~1 000).
    const slice = 2 * 1024;
    for (let at = 0; at < bytes.length && !problem; at += slice) {
      unzip.push(bytes.subarray(at, at + slice), at + slice >= bytes.length);
    }
  } catch (error) {
    problem ??= { kind: 'corrupt', detail: (error as Error).message };
  }
  return problem ?? { files, names };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
