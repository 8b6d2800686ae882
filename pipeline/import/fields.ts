/**
 * What each kind of import reads: the YAML file and list it merges into, the key entries are
 * matched by, and the columns it recognises by their French or English headers. `--map` names
 * the others (`--map "N° étudiant=code,Mél=email"`).
 */
import { Errors, recevableError } from '../errors.ts';

/** What an import fills. */
export type Kind = 'candidates' | 'tutors' | 'juries';
export const KINDS: readonly Kind[] = ['candidates', 'tutors', 'juries'];

/** How a cell is read. */
export type FieldType =
  | 'text'
  | 'email'
  | 'block'
  | 'blocks'
  | 'tutor'
  | 'pathway'
  | 'day'
  | 'days'
  | 'first-name'
  | 'last-name';

/** A column the import understands. */
export interface FieldDef {
  /** Path in the entry, dot-separated: `pathway.from`; `firstName`/`lastName` make `name`. */
  readonly key: string;
  readonly type: FieldType;
  /** Headers recognised, normalised (see `normaliseHeader`). */
  readonly headers: readonly string[];
}

/** Where a kind goes. */
export interface Target {
  readonly kind: Kind;
  /** File of the session folder. */
  readonly file: 'candidates.yaml' | 'juries.yaml';
  /** The list in it. */
  readonly list: 'candidates' | 'tutors' | 'members';
  /** Field entries are matched by (e-mail when a row has none). */
  readonly id: 'code' | 'id';
  /** Fields a new entry must have. */
  readonly required: readonly string[];
  readonly fields: readonly FieldDef[];
}

const f = (key: string, type: FieldType, ...headers: string[]): FieldDef => ({
  key,
  type,
  headers,
});

const person = [
  f(
    'name',
    'text',
    'nom complet',
    'nom et prenom',
    'prenom et nom',
    'nom prenom',
    'prenom nom',
    'full name',
    'name',
  ),
  f('lastName', 'last-name', 'nom', 'nom de famille', 'last name', 'surname', 'family name'),
  f('firstName', 'first-name', 'prenom', 'first name', 'given name'),
  f(
    'email',
    'email',
    'courriel',
    'e mail',
    'email',
    'mail',
    'mel',
    'adresse mail',
    'adresse e mail',
    'adresse electronique',
    'e mail address',
    'email address',
  ),
];
const company = f(
  'company',
  'text',
  'entreprise',
  'societe',
  'employeur',
  'structure d accueil',
  'entreprise d accueil',
  'company',
  'employer',
);

export const TARGETS: Readonly<Record<Kind, Target>> = {
  candidates: {
    kind: 'candidates',
    file: 'candidates.yaml',
    list: 'candidates',
    id: 'code',
    required: ['code', 'name', 'email', 'specialisation'],
    fields: [
      f(
        'code',
        'text',
        'code',
        'code candidat',
        'candidate code',
        'numero candidat',
        'n candidat',
        'id',
      ),
      ...person,
      f(
        'specialisation',
        'block',
        'specialisation',
        'specialisation bloc',
        'specialite',
        'bloc',
        'bloc de specialisation',
        'specialization',
        'option',
      ),
      company,
      f(
        'tutor',
        'tutor',
        'tuteur',
        'tutrice',
        'tuteur tutrice',
        'tuteur trice',
        'tuteur pedagogique',
        'tutor',
      ),
      f(
        'topic',
        'text',
        'sujet',
        'sujet du dossier',
        'sujet dossier',
        'sujet du dossier professionnel',
        'theme',
        'topic',
        'dossier topic',
      ),
      f(
        'pathway.kind',
        'pathway',
        'type de contrat',
        'contrat',
        'parcours',
        'type',
        'contract',
        'contract type',
        'pathway',
      ),
      f(
        'pathway.from',
        'day',
        'debut',
        'date de debut',
        'debut du contrat',
        'debut de contrat',
        'debut du stage',
        'start',
        'start date',
        'from',
      ),
      f(
        'pathway.to',
        'day',
        'fin',
        'date de fin',
        'fin du contrat',
        'fin de contrat',
        'fin du stage',
        'end',
        'end date',
        'to',
      ),
      f(
        'unavailable',
        'days',
        'indisponibilites',
        'indisponible',
        'jours indisponibles',
        'unavailable',
        'unavailable days',
      ),
    ],
  },
  tutors: {
    kind: 'tutors',
    file: 'candidates.yaml',
    list: 'tutors',
    id: 'id',
    required: ['id', 'name', 'email'],
    fields: [
      f('id', 'text', 'id', 'code', 'code tuteur', 'identifiant', 'tutor id'),
      ...person,
      company,
    ],
  },
  juries: {
    kind: 'juries',
    file: 'juries.yaml',
    list: 'members',
    id: 'id',
    required: ['id', 'name', 'email', 'company', 'expertise', 'available'],
    fields: [
      f('id', 'text', 'id', 'code', 'code jure', 'identifiant', 'member id'),
      ...person,
      company,
      f(
        'expertise',
        'blocks',
        'expertise',
        'expertises',
        'blocs',
        'competences',
        'specialites',
        'specialisations',
      ),
      f(
        'available',
        'days',
        'disponibilites',
        'disponible',
        'jours disponibles',
        'available',
        'availability',
      ),
    ],
  },
};

/** Lower case, no accents, punctuation as spaces: « E-mail » and « e mail » are one header. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The fields of `target` by normalised header, `--map` first. */
export function headerMap(target: Target, map: string | undefined): Map<string, FieldDef> {
  const byHeader = new Map<string, FieldDef>();
  for (const field of target.fields)
    for (const header of field.headers) if (!byHeader.has(header)) byHeader.set(header, field);
  if (!map) return byHeader;
  const keys = target.fields.map((d) => d.key);
  for (const pair of map.split(',')) {
    const at = pair.lastIndexOf('=');
    const header = normaliseHeader(pair.slice(0, Math.max(at, 0)));
    const key = pair.slice(at + 1).trim();
    const field = target.fields.find((d) => d.key === key);
    if (at <= 0 || !header || !field)
      throw recevableError(Errors.ImportBadMap, pair.trim(), target.kind, keys);
    byHeader.set(header, field);
  }
  return byHeader;
}
