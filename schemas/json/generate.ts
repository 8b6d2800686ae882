/**
 * Generates `schemas/json/<name>.schema.json` from the zod schemas of the session file
 * registry, for editors (`# yaml-language-server: $schema=…` at the top of content files).
 * The JSDoc line of every field in `schemas/*.ts` becomes its `description`, so editors show
 * it on hover. Output is deterministic; a test fails when the committed files are stale.
 *
 * Run: `npm run schemas:json`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { z } from 'zod';
import { sessionFiles } from '../../pipeline/session/files.ts';

const schemasDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('.', import.meta.url));

type Json = { [key: string]: unknown };

/** Docs of one object literal of a schema: its fields' JSDoc, and the JSDoc of its const. */
interface ObjectDocs {
  readonly fields: ReadonlyMap<string, string>;
  readonly self?: string;
}

/** Name of the JSON Schema file of a registry entry: its key, `result` for `results/*.yaml`. */
export function jsonSchemaName(key: string): string {
  return key === 'results' ? 'result' : key;
}

/** Every JSON Schema file, by file name, as text. */
export function buildJsonSchemas(): Map<string, string> {
  const docs = collectDocs();
  const out = new Map<string, string>();
  for (const entry of sessionFiles) {
    const schema = z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any' }) as Json;
    describe(schema, docs);
    const root = docs.get(signature(schema));
    const json = {
      $schema: schema['$schema'],
      title: entry.file,
      ...(root?.self ? { description: root.self } : {}),
      ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
    };
    out.set(`${jsonSchemaName(entry.key)}.schema.json`, `${JSON.stringify(json, null, 2)}\n`);
  }
  return out;
}

/** Adds the JSDoc of each field as `description`, matching objects by their set of keys. */
function describe(node: unknown, docs: ReadonlyMap<string, ObjectDocs>): void {
  if (Array.isArray(node)) return node.forEach((n) => describe(n, docs));
  if (node === null || typeof node !== 'object') return;
  const json = node as Json;
  const properties = json['properties'] as Record<string, Json> | undefined;
  if (properties) {
    const found = docs.get(signature(json));
    for (const [key, value] of Object.entries(properties)) {
      const text = found?.fields.get(key);
      if (text && value['description'] === undefined) value['description'] = text;
    }
  }
  Object.values(json).forEach((v) => describe(v, docs));
}

function signature(json: Json): string {
  const properties = json['properties'];
  return properties && typeof properties === 'object' ? Object.keys(properties).sort().join(',') : '';
}

/** JSDoc of every `z.object`/`z.strictObject` literal in schemas/*.ts, by sorted key set. */
function collectDocs(): Map<string, ObjectDocs> {
  const docs = new Map<string, ObjectDocs>();
  const files = readdirSync(schemasDir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  for (const file of files) {
    const source = ts.createSourceFile(
      file,
      readFileSync(`${schemasDir}/${file}`, 'utf8'),
      ts.ScriptTarget.ES2024,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (isObjectCall(node)) {
        const literal = node.arguments[0] as ts.ObjectLiteralExpression;
        const fields = new Map<string, string>();
        for (const prop of literal.properties) {
          const name = prop.name && ts.isIdentifier(prop.name) ? prop.name.text : undefined;
          const text = jsDoc(prop);
          if (name && text) fields.set(name, text);
        }
        const keys = literal.properties
          .map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''))
          .sort()
          .join(',');
        const owner = ts.isVariableDeclaration(node.parent) ? node.parent.parent.parent : undefined;
        const self = owner ? jsDoc(owner) : undefined;
        if (!docs.has(keys) && fields.size > 0) docs.set(keys, { fields, ...(self ? { self } : {}) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return docs;
}

function isObjectCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ['object', 'strictObject'].includes(node.expression.name.text) &&
    node.arguments[0] !== undefined &&
    ts.isObjectLiteralExpression(node.arguments[0])
  );
}

function jsDoc(node: ts.Node): string | undefined {
  const text = ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((d) => ts.getTextOfJSDocComment(d.comment) ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [name, text] of buildJsonSchemas()) writeFileSync(`${outDir}/${name}`, text);
  process.stderr.write(`Wrote ${buildJsonSchemas().size} JSON Schema files to schemas/json/.\n`);
}
