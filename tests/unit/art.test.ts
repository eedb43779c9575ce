/** The drawn characters and backgrounds: the manifest the loader resolves looks against is what is on disk. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { characterFor, CHARACTERS, completeLook } from '../../src/engine/scenario/look.js';
import { AGE_BANDS, CUSTOMER_TYPES, EXPRESSIONS, GENDERS, ROLES, SETTINGS } from '../../src/engine/vocabulary.js';
import { ROOT } from './helpers.js';

const ART = join(ROOT, 'assets/characters');
const LIMIT = 40 * 1024;

describe('the character art', () => {
  it('has every expression of every character on disk, each a small SVG', () => {
    for (const c of CHARACTERS) {
      for (const e of EXPRESSIONS) {
        const file = join(ART, c.id, `${e}.svg`);
        expect(existsSync(file), `${c.id}/${e}.svg`).toBe(true);
        expect(statSync(file).size, `${c.id}/${e}.svg`).toBeLessThan(LIMIT);
        expect(readFileSync(file, 'utf8').startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 600"'), `${c.id}/${e}.svg`).toBe(true);
      }
    }
  });

  it('holds no character the manifest does not list', () => {
    const dirs = readdirSync(ART, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(dirs).toEqual(CHARACTERS.map((c) => c.id).sort());
  });

  it('draws at least twelve distinct people: men and women, every age band from the 20s to the 70s', () => {
    expect(CHARACTERS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(CHARACTERS.map((c) => c.id)).size).toBe(CHARACTERS.length);
    const looks = new Set(CHARACTERS.map((c) => `${c.gender} ${c.age} ${c.roles[0]} ${c.glasses}`));
    expect(looks.size, 'no two characters drawn for the same look').toBe(CHARACTERS.length);
    for (const g of GENDERS) expect(CHARACTERS.filter((c) => c.gender === g).length, g).toBeGreaterThanOrEqual(5);
    expect([...new Set(CHARACTERS.map((c) => c.age))].sort()).toEqual([...AGE_BANDS]);
    for (const r of ROLES) expect(CHARACTERS.some((c) => c.roles.includes(r)), `someone dressed as ${r}`).toBe(true);
    for (const type of CUSTOMER_TYPES) expect(characterFor(completeLook(type, 'office')), type).toBeDefined();
  });

  it('says who each character is in step with the generator that draws them', async () => {
    const art = (await import(pathToFileURL(join(ROOT, 'tools/art/characters.mjs')).href)) as {
      PEOPLE: Record<string, { look: { gender: string; age: string; roles: string[]; glasses: boolean }; glasses?: string }>;
      EXPRESSIONS: string[];
    };
    expect(art.EXPRESSIONS).toEqual([...EXPRESSIONS]);
    expect(Object.keys(art.PEOPLE).sort()).toEqual(CHARACTERS.map((c) => c.id).sort());
    for (const c of CHARACTERS) {
      const p = art.PEOPLE[c.id]!;
      expect(p.look, c.id).toEqual({ gender: c.gender, age: c.age, roles: [...c.roles], glasses: c.glasses });
      expect(Boolean(p.glasses), `${c.id} is drawn ${c.glasses ? 'with' : 'without'} glasses`).toBe(c.glasses);
    }
  });

  it('has a background for every setting', () => {
    for (const s of SETTINGS) {
      const file = join(ROOT, 'assets/backgrounds', `${s}.svg`);
      expect(existsSync(file), s).toBe(true);
      expect(statSync(file).size, s).toBeLessThan(LIMIT);
    }
  });

  it('has no sign that contradicts the scene it stands in', () => {
    const bg = (s: string) => readFileSync(join(ROOT, 'assets/backgrounds', `${s}.svg`), 'utf8');
    expect(bg('telecom-hall')).toContain('营业厅');
    expect(bg('telecom-hall')).not.toContain('政务服务中心');
    expect(bg('appliance-store')).toContain('售后服务台');
    expect(bg('appliance-store')).not.toContain('便利店');
  });
});
