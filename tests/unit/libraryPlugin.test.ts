import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCatalog } from '../../src/engine/catalog/make.js';
import { readBundledLibrary } from '../../src/platform/libraryPlugin.js';

const ROOT = join(import.meta.dirname, '../..');

describe('the bundled library, read when the game is built', () => {
  it('holds every library file as checked data that survives JSON', async () => {
    const r = await readBundledLibrary(ROOT);
    expect(r.problems).toEqual([]);
    const names = readdirSync(join(ROOT, 'scenarios/library')).filter((f) => f.endsWith('.yaml'));
    expect(r.library!.scenarios.map((s) => s.file).sort()).toEqual(names.map((n) => `scenarios/library/${n}`).sort());
    const shipped = JSON.parse(JSON.stringify(r.library)) as typeof r.library;
    const s = shipped!.scenarios[0]!;
    expect(Object.keys(s.nodes)).toEqual(s.order);
    expect(s.idLoc.line).toBeGreaterThan(0);
    const catalog = makeCatalog(shipped!.catalog);
    expect(catalog.get('understand-feelings')?.id).toBe('understand-feelings');
    expect(catalog.principles.length).toBe(r.library!.catalog.principles.length);
  });

  it('names the file, line and column of a library file that does not load', async () => {
    const root = mkdtempSync(join(tmpdir(), 'dojo-lib-'));
    mkdirSync(join(root, 'scenarios/library'), { recursive: true });
    copyFileSync(join(ROOT, 'scenarios/principles.yaml'), join(root, 'scenarios/principles.yaml'));
    copyFileSync(join(ROOT, 'scenarios/library/kettle-return.yaml'), join(root, 'scenarios/library/kettle-return.yaml'));
    writeFileSync(join(root, 'scenarios/library/broken.yaml'), 'id: broken\ntitle: { zh-CN: 坏, en: Broken }\ndifficulty: 9\n');
    const r = await readBundledLibrary(root);
    expect(r.library!.scenarios.map((s) => s.id)).toEqual(['kettle-return']);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.file === 'scenarios/library/broken.yaml' && p.line > 0 && p.col > 0)).toBe(true);
  });
});
