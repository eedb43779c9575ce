/** customer.look: the schema, the type defaults, located problems, and resolution to a drawn character. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/engine/problems.js';
import { loadScenario } from '../../src/engine/scenario/load.js';
import { characterFor, CHARACTERS, completeLook, DEFAULT_LOOKS, nearestCharacters, type Look } from '../../src/engine/scenario/look.js';
import { LookSchema } from '../../src/engine/scenario/schema.js';
import { CUSTOMER_TYPES } from '../../src/engine/vocabulary.js';
import { catalog, libraryFiles, loadFile, ROOT } from './helpers.js';

const cat = catalog();
const MINI = readFileSync(join(ROOT, 'tests/fixtures/mini-angry.yaml'), 'utf8');
const PERSONA = '  persona: { zh-CN: 四十多岁的店主。, en: A shop owner in his forties. }';

/** mini-angry with a `look:` line under the persona (line 11). */
function withLook(look: string, setting?: string) {
  expect(MINI).toContain(PERSONA);
  let text = MINI.replace(PERSONA, `${PERSONA}\n  look: ${look}`);
  if (setting) text = text.replace('setting: call-centre', `setting: ${setting}`);
  return loadScenario('look.yaml', text, cat);
}

const look = (l: Partial<Look>): Look => ({ gender: 'man', age: '50s', role: 'shopkeeper', glasses: false, channel: 'in-person', ...l });

describe('customer.look in the scenario format', () => {
  it('takes a full look and resolves it to the character drawn for it', () => {
    const s = loadFile('tests/fixtures/mini-phone.yaml');
    expect(s.customer.look).toEqual({ gender: 'man', age: '50s', role: 'business', glasses: true, channel: 'phone', place: 'warehouse', character: 'business-man-50s-glasses' });
    const r = withLook('{ gender: woman, age: 70s, role: retiree, glasses: false, channel: in-person }', 'service-counter');
    expect(r.ok && r.scenario.customer.look).toEqual({ gender: 'woman', age: '70s', role: 'retiree', glasses: false, channel: 'in-person', character: 'retiree-woman-70s' });
  });

  it('without a look, each type keeps its own character; in the call centre the customer is on the phone', () => {
    const mini = loadFile('tests/fixtures/mini-angry.yaml');
    expect(mini.customer.look).toEqual({ ...DEFAULT_LOOKS.angry, channel: 'phone', character: 'shopkeeper-man-50s' });
    const expected = { angry: 'shopkeeper-man-50s', silent: 'office-woman-30s', talkative: 'retiree-woman-60s', expert: 'engineer-man-30s' };
    for (const type of CUSTOMER_TYPES) {
      const l = completeLook(type, 'hotel');
      expect(l.channel).toBe('in-person');
      expect(characterFor(l)?.id, type).toBe(expected[type]);
    }
    expect(completeLook('expert', 'call-centre').channel).toBe('phone');
  });

  it('fills in what a partial look leaves out from the type, and an explicit channel wins over the setting', () => {
    const r = withLook('{ channel: in-person, age: 40s }');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // angry: man, shopkeeper, no glasses; 40s is one band from the 50s shop owner.
    expect(r.scenario.customer.look).toMatchObject({ gender: 'man', age: '40s', role: 'shopkeeper', glasses: false, channel: 'in-person', character: 'shopkeeper-man-50s' });
  });

  it('refuses an unknown value at its line and column, naming the word it is nearest to', () => {
    const r = withLook('{ gender: woman, age: 40s, role: bussiness, channel: fone }');
    expect(r.ok).toBe(false);
    const out = r.problems.map((p) => formatProblem(p)).sort();
    expect(out).toEqual([
      'look.yaml:11:42: customer.look.role: unknown role "bussiness" (did you mean "business"?): use one of shopkeeper, office, business, engineer, site, workwear, retiree, traveller, student, casual',
      'look.yaml:11:62: customer.look.channel: unknown channel "fone" (did you mean "phone"?): use one of in-person, phone',
    ]);
    const age = withLook('{ age: 45 }');
    expect(age.ok).toBe(false);
    expect(age.problems.map((p) => formatProblem(p))).toEqual(['look.yaml:11:16: customer.look.age: unknown age band 45: use one of 20s, 30s, 40s, 50s, 60s, 70s']);
    const key = withLook('{ hair: grey }');
    expect(key.problems.map((p) => formatProblem(p))).toEqual(['look.yaml:11:11: unknown field "hair" in customer.look (check the spelling against the schema)']);
  });

  it('refuses a look no drawn character fits, at customer.look, naming the nearest characters', () => {
    const r = withLook('{ gender: woman, age: 20s, role: site }');
    expect(r.ok).toBe(false);
    expect(r.problems).toHaveLength(1);
    const p = r.problems[0]!;
    expect([p.line, p.col, p.code, p.severity]).toEqual([11, 9, 'look', 'error']);
    expect(p.message).toBe('no drawn character fits this customer (woman, 20s, site, no glasses)');
    expect(p.hint).toMatch(/^nearest: traveller-woman-20s \(woman, 20s, traveller\/student\/casual\); /);
    // A type's default that a partial look makes impossible is named the same way.
    const glasses = withLook('{ gender: woman }');
    expect(glasses.ok).toBe(false);
    expect(glasses.problems[0]!.message).toBe('no drawn character fits this customer (woman, 50s, shopkeeper, no glasses)');
  });

  it('resolves by gender, role and glasses exactly, and age to the nearest band, one either side at most', () => {
    expect(characterFor(look({}))?.id).toBe('shopkeeper-man-50s');
    expect(characterFor(look({ role: 'business' }))?.id).toBe('business-man-50s');
    expect(characterFor(look({ role: 'business', glasses: true }))?.id).toBe('business-man-50s-glasses');
    expect(characterFor(look({ role: 'business', age: '60s' }))?.id).toBe('business-man-50s');
    expect(characterFor(look({ role: 'business', age: '30s' }))).toBeUndefined();
    expect(characterFor(look({ gender: 'woman', age: '40s', role: 'office', glasses: true }))?.id).toBe('office-woman-40s-glasses');
    // Dressed for several roles: the one drawn for the role comes first.
    expect(characterFor(look({ gender: 'woman', age: '40s', role: 'office' }))?.id).toBe('business-woman-40s');
    expect(characterFor(look({ gender: 'woman', age: '30s', role: 'office' }))?.id).toBe('office-woman-30s');
    expect(characterFor(look({ gender: 'man', age: '40s', role: 'casual' }))?.id).toBe('casual-man-40s');
    expect(characterFor(look({ gender: 'man', age: '20s', role: 'traveller' }))?.id).toBe('student-man-20s');
    expect(characterFor(look({ gender: 'woman', age: '70s', role: 'retiree' }))?.id).toBe('retiree-woman-70s');
    expect(characterFor(look({ gender: 'woman', age: '60s', role: 'retiree' }))?.id).toBe('retiree-woman-60s');
    expect(nearestCharacters(look({ gender: 'woman', role: 'site' }), 1)[0]!.gender).toBe('woman');
  });

  it('every bundled scenario loads with a look that resolves', () => {
    const ids = new Set(CHARACTERS.map((c) => c.id));
    for (const f of libraryFiles()) expect(ids.has(loadFile(f, cat).customer.look.character), f).toBe(true);
  });

  it('is in the schema with every field optional', () => {
    expect(LookSchema.safeParse({}).success).toBe(true);
    expect(LookSchema.safeParse({ gender: 'man', age: '20s', role: 'student', glasses: false, channel: 'phone', place: 'shop' }).success).toBe(true);
    expect(LookSchema.safeParse({ place: 'moon' }).success).toBe(false);
  });
});
