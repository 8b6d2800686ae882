import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every .ts module under the given folders of `root`, as absolute paths. */
function modules(root: string, ...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(root, folder, f)),
  );
}

/** The project modules `file` imports: static, type-only, re-exports and dynamic `import()`. */
function importsOf(file: string, known: ReadonlySet<string>): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
    .filter((path) => known.has(path));
}

/**
 * The modules of each import cycle (Tarjan's strongly connected components of more than one
 * module, or a module importing itself), relative to `root`.
 */
function importCycles(root: string, files: readonly string[]): string[][] {
  const known = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(f, known)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || edges.get(v)?.includes(v)) cycles.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles.map((c) => c.map((f) => relative(root, f)));
}

describe('imports of pipeline/ and schemas/', () => {
  it('form no cycle, type-only and dynamic imports included', () => {
    expect(importCycles(ROOT, modules(ROOT, 'pipeline', 'schemas'))).toEqual([]);
  });

  it('are reported when modules import each other, through types or import()', () => {
    const root = mkdtempSync(join(tmpdir(), 'recevable-cycles-'));
    try {
      const files = {
        'a.ts': "import type { B } from './b.ts';\nexport type A = B;\n",
        'b.ts': "export type B = string;\nexport const load = () => import('./c.ts');\n",
        'c.ts': "import { load } from './b.ts';\nexport const again = load;\n",
        'd.ts': "import type { A } from './a.ts';\nexport type D = A;\n",
      };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
      expect(importCycles(root, modules(root, '.'))).toEqual([['b.ts', 'c.ts']]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
