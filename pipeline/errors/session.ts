/** The error catalogue's entries for: Session content (validate): files, fields, cross-references. */
import { define } from './define.ts';

export const SessionErrors = {
  SessionDefenceDayOutside: define({
    code: 'SESSION_DEFENCE_DAY_OUTSIDE',
    message: (day: string, keyDate: string, from: string, to: string) =>
      `Unexpected defence day ${day}, expected a day of key date "${keyDate}" (${from} → ${to}).`,
    hint: (_day: string, keyDate: string, from: string, to: string) =>
      `Move the day into ${from} … ${to}, or widen the key date "${keyDate}" in keyDates.`,
  }),
  SessionDuplicateId: define({
    code: 'SESSION_DUPLICATE_ID',
    message: (what: string, value: string, firstLine: number) =>
      `Duplicate ${what} "${value}", already used on line ${firstLine}.`,
    hint: (what: string) => `Give each ${what} its own value, or delete the repeated entry.`,
  }),
  SessionFileBinary: define({
    code: 'SESSION_FILE_BINARY',
    message: (file: string) => `${file} is not a text file (it contains binary data).`,
    hint: (file: string) => `Replace ${file} with a YAML text file saved as UTF-8.`,
  }),
  SessionFileEmpty: define({
    code: 'SESSION_FILE_EMPTY',
    message: (file: string, keys: string) => `${file} is empty, expected a mapping with ${keys}.`,
    hint: (file: string) =>
      `Fill ${file} in; content/demo-2023/${file.split('/').pop() ?? file} is a complete example.`,
  }),
  SessionFileEncoding: define({
    code: 'SESSION_FILE_ENCODING',
    message: (file: string, encoding: string) =>
      `${file} is encoded as ${encoding}, expected UTF-8.`,
    hint: (file: string) => `Save ${file} again with the UTF-8 encoding.`,
  }),
  SessionFileMissing: define({
    code: 'SESSION_FILE_MISSING',
    message: (file: string) => `${file} is missing from the session folder.`,
    hint: (file: string) =>
      `Create ${file}; content/demo-2023/${file.split('/').pop() ?? file} is a complete example.`,
  }),
  SessionFileNotAFile: define({
    code: 'SESSION_FILE_NOT_A_FILE',
    message: (file: string) => `${file} is a directory, expected a YAML file.`,
    hint: (file: string) => `Move that directory away and put the YAML file ${file} in its place.`,
  }),
  SessionFileTooLarge: define({
    code: 'SESSION_FILE_TOO_LARGE',
    message: (file: string, megabytes: string, limit: number) =>
      `${file} is ${megabytes} MB, over the ${limit} MB a content file may have; it was not read.`,
    hint: (file: string) =>
      `Check that ${file} is the right file: content files are a few kilobytes of YAML.`,
  }),
  SessionFileUnreadable: define({
    code: 'SESSION_FILE_UNREADABLE',
    message: (file: string, reason: string) => `${file} cannot be read (${reason}).`,
    hint: (file: string) => `Check that ${file} exists and that you may read it.`,
  }),
  SessionFrontMatter: define({
    code: 'SESSION_FRONT_MATTER',
    message: (file: string, reason: 'missing' | 'unclosed') =>
      reason === 'missing'
        ? `${file} has no front matter, expected a \`---\` line first.`
        : `${file} opens its front matter with \`---\` but never closes it.`,
    hint: (file: string) =>
      `Start ${file} with a \`---\` line, the fields (\`title: …\`), another \`---\` line, then the text of the page.`,
  }),
  SessionInvalid: define<[where: string, message: string, count: number, dir: string]>({
    code: 'SESSION_INVALID',
    message: (where, message, count) =>
      `${where}: ${message}${count > 1 ? ` (and ${count - 1} more problem${count > 2 ? 's' : ''})` : ''}`,
    hint: (...[, , , dir]) =>
      `Run \`recevable validate ${dir}\` to see every problem with its line, column and fix.`,
  }),
  SessionInvalidValue: define<[found: string, expected: string, fix: string]>({
    code: 'SESSION_INVALID_VALUE',
    message: (found, expected) => `Unexpected ${found}, expected ${expected}.`,
    hint: (...[, , fix]) => fix,
  }),
  SessionInvertedRange: define({
    code: 'SESSION_INVERTED_RANGE',
    message: (low: string, lowValue: string, high: string, highValue: string, strict: boolean) =>
      `Unexpected ${low} ${lowValue} ${strict ? 'not before' : 'above'} ${high} ${highValue}, expected ${low} ${strict ? '<' : '≤'} ${high}.`,
    hint: (low: string, _lowValue: string, high: string) =>
      `Correct ${low} or ${high} (or swap them).`,
  }),
  SessionMissingKey: define({
    code: 'SESSION_MISSING_KEY',
    message: (key: string, parent: string, expected: string) =>
      `Missing key \`${key}\` in ${parent}, expected ${expected}.`,
    hint: (key: string, parent: string) => `Add \`${key}: …\` to ${parent}.`,
  }),
  SessionPageName: define<[file: string, suggestion: string]>({
    code: 'SESSION_PAGE_NAME',
    message: (file) =>
      `Unexpected page file name ${file}, expected lowercase letters, digits and hyphens (the name is the page's address).`,
    hint: (file, suggestion) =>
      `Rename ${file} to pages/${suggestion}.md; it is published at /pages/${suggestion}/.`,
  }),
  SessionPagePerson: define({
    code: 'SESSION_PAGE_PERSON',
    message: (file: string, name: string, owner: string) =>
      `${file} names ${owner} ("${name}"), but the session does not publish names.`,
    hint: () =>
      'Remove the name from the page (say "le jury", "le candidat"), or set `publish: { names: true }` in session.yaml.',
  }),
  SessionUnknownKey: define<[key: string, suggestion: string | undefined, allowed: string]>({
    code: 'SESSION_UNKNOWN_KEY',
    message: (key, suggestion) =>
      `Unknown key \`${key}\`${suggestion ? `, did you mean \`${suggestion}\`?` : '.'}`,
    hint: (key, suggestion, allowed) =>
      suggestion
        ? `Rename \`${key}\` to \`${suggestion}\`.`
        : `Delete \`${key}\`; the keys allowed here are ${allowed}.`,
  }),
  SessionUnknownReference: define<[what: string, value: string, known: string, source: string]>({
    code: 'SESSION_UNKNOWN_REFERENCE',
    message: (what, value, known) => `Unknown ${what} "${value}", expected one of ${known}.`,
    hint: (what, value, _known, source) =>
      `Use a ${what} defined in ${source}, or add "${value}" there.`,
  }),
  SessionWrongKeyDateKind: define({
    code: 'SESSION_WRONG_KEY_DATE_KIND',
    message: (field: string, id: string, expected: string) =>
      `Unexpected key date "${id}" for ${field}, expected ${expected}.`,
    hint: (field: string, _id: string, expected: string) =>
      `Point ${field} to a key date written as ${expected}, or rewrite that key date.`,
  }),
  SessionWrongType: define<[found: string, expected: string, fix: string]>({
    code: 'SESSION_WRONG_TYPE',
    message: (found, expected) => `Unexpected ${found}, expected ${expected}.`,
    hint: (...[, , fix]) => fix,
  }),
  SessionYamlAliases: define({
    code: 'SESSION_YAML_ALIASES',
    message: (limit: number) =>
      `Too many YAML aliases (*name) expanded, over ${limit}: this looks like an alias bomb.`,
    hint: () => 'Write the values out instead of using anchors (&name) and aliases (*name).',
  }),
  SessionYamlDuplicateKey: define({
    code: 'SESSION_YAML_DUPLICATE_KEY',
    message: (key: string) => `Duplicate key \`${key}\` in the same mapping.`,
    hint: (key: string) =>
      `Keep a single \`${key}:\` and delete the other; YAML readers would silently drop one.`,
  }),
  SessionYamlSyntax: define({
    code: 'SESSION_YAML_SYNTAX',
    message: (detail: string) => `Invalid YAML: ${detail}.`,
    hint: () =>
      'Fix the syntax here: check indentation, closing brackets, and quote values holding ": " or "#".',
  }),
  SessionYamlTab: define({
    code: 'SESSION_YAML_TAB',
    message: () => 'Unexpected tab in indentation, expected spaces.',
    hint: () => 'Replace the tab with spaces: YAML forbids tabs for indentation.',
  }),
  SessionYamlTag: define({
    code: 'SESSION_YAML_TAG',
    message: (tag: string) => `Unexpected YAML tag ${tag}, expected a plain value.`,
    hint: (tag: string) => `Delete ${tag}: content files hold plain text, numbers and lists.`,
  }),
} as const;
