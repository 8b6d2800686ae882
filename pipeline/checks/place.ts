/**
 * Where a submitted file is on disk, refusing any path that leaves the session folder
 * (`../../etc/passwd`, an absolute path, a symbolic link pointing outside).
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../schemas/result.ts';
import { finding } from './types.ts';

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/** The absolute path of a submitted file, or the `submission` finding saying why it cannot be read. */
export async function placeFile(
  dir: string,
  file: string,
): Promise<{ path: string } | { finding: Finding }> {
  const place = { file };
  const outside = (why: string) => ({
    finding: finding(
      'submission',
      'error',
      `Le chemin du dossier (${file}) n'est pas valide ; l'équipe pédagogique doit corriger son enregistrement.`,
      `${file} ${why}: submissions must be files inside the session folder (e.g. submissions/C001.pdf). Fix the path in submissions.yaml.`,
      { reason: 'outside-session' },
      place,
    ),
  });
  if (isAbsolute(file) || file.includes('\0')) return outside('is an absolute path');
  const path = resolve(dir, file);
  if (!inside(dir, path)) return outside('points outside the session folder');
  const missing = (why: string) => ({
    finding: finding(
      'submission',
      'error',
      `Le fichier de votre dossier (${file}) est introuvable ; l'équipe pédagogique va vérifier sa réception.`,
      `${file} ${why}. Put the received file there or fix the path in submissions.yaml.`,
      { reason: 'missing' },
      place,
    ),
  });
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    return missing('does not exist');
  }
  if (!inside(await realpath(dir), real))
    return outside('is a link to a file outside the session folder');
  const info = await stat(real);
  if (!info.isFile()) return missing('is not a regular file');
  return { path: real };
}
