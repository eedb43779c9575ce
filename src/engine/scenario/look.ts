/**
 * How a customer looks (customer.look) and which drawn character shows them.
 *
 * The art has one picture per character and expression (assets/characters/<id>/<expression>.svg,
 * drawn by tools/art/characters.mjs); CHARACTERS below says who each character is. A look is
 * resolved to the character that fits it: the same gender, a role the character is dressed for,
 * the same glasses, and the nearest age (an age band either side at most). A look that nothing
 * drawn fits is a problem for the scenario, naming the nearest characters. No zod here: the
 * game and the classroom read the resolved look from the loaded scenario.
 */
import type { Problem } from '../problems.js';
import { AGE_BANDS, CHANNELS, GENDERS, ROLES, type CUSTOMER_TYPES, type SETTINGS } from '../vocabulary.js';
import type { YamlSource } from '../yamlSource.js';
import type { ScenarioFile } from './schema.js';

export type Gender = (typeof GENDERS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Role = (typeof ROLES)[number];
export type Channel = (typeof CHANNELS)[number];
type CustomerType = (typeof CUSTOMER_TYPES)[number];
type Setting = (typeof SETTINGS)[number];

export interface Look {
  gender: Gender;
  age: AgeBand;
  role: Role;
  glasses: boolean;
  channel: Channel;
  /** A caller's own place, shown behind them in the call frame. */
  place?: Setting;
}

/** A look as the loaded scenario holds it: every field filled in, and the character that shows it. */
export interface CustomerLook extends Look {
  character: string;
}

export interface Character {
  id: string;
  gender: Gender;
  age: AgeBand;
  /** The roles the character is dressed for; the first is what they were drawn as. */
  roles: readonly Role[];
  glasses: boolean;
  /** Who they are, for trainers (ART.md has the drawing notes). */
  who: string;
}

/** Every drawn character (tests/unit/art.test.ts keeps this, the art generator and the files on disk in step). */
export const CHARACTERS: readonly Character[] = [
  { id: 'shopkeeper-man-50s', gender: 'man', age: '50s', roles: ['shopkeeper', 'casual'], glasses: false, who: 'shop owner, early fifties, teal polo' },
  { id: 'business-man-50s', gender: 'man', age: '50s', roles: ['business'], glasses: false, who: 'trader in his fifties, dark jacket over an open-necked shirt' },
  { id: 'business-man-50s-glasses', gender: 'man', age: '50s', roles: ['business'], glasses: true, who: 'company boss in his late fifties, balding, glasses, suit and tie' },
  { id: 'workwear-man-50s', gender: 'man', age: '50s', roles: ['workwear'], glasses: false, who: 'driver or factory hand in his fifties, navy work jacket with reflective tape' },
  { id: 'site-man-50s', gender: 'man', age: '50s', roles: ['site'], glasses: false, who: 'site engineer in his fifties, white hard hat, hi-vis vest' },
  { id: 'casual-man-40s', gender: 'man', age: '40s', roles: ['casual'], glasses: false, who: 'man in his forties in a zipped casual jacket, stubble' },
  { id: 'office-man-30s', gender: 'man', age: '30s', roles: ['office', 'casual'], glasses: false, who: 'office worker in his thirties, sweater over a collared shirt' },
  { id: 'engineer-man-30s', gender: 'man', age: '30s', roles: ['engineer', 'office'], glasses: true, who: 'engineer in his thirties, glasses, shirt with a pen in the pocket' },
  { id: 'student-man-20s', gender: 'man', age: '20s', roles: ['student', 'traveller', 'casual'], glasses: false, who: 'student in his twenties, hoodie and backpack straps' },
  { id: 'retiree-man-70s', gender: 'man', age: '70s', roles: ['retiree'], glasses: false, who: 'retired man in his seventies, white hair, cardigan over a shirt' },
  { id: 'traveller-woman-20s', gender: 'woman', age: '20s', roles: ['traveller', 'student', 'casual'], glasses: false, who: 'young woman on the move, cap, ponytail, hoodie' },
  { id: 'office-woman-30s', gender: 'woman', age: '30s', roles: ['office', 'casual'], glasses: false, who: 'office worker around thirty, bob, cardigan, bag strap' },
  { id: 'business-woman-40s', gender: 'woman', age: '40s', roles: ['business', 'office'], glasses: false, who: 'manager in her forties, hair in a low bun, navy blazer, earrings' },
  { id: 'office-woman-40s-glasses', gender: 'woman', age: '40s', roles: ['office', 'business'], glasses: true, who: 'logistics manager in her forties, short hair, glasses, grey jacket and lanyard' },
  { id: 'retiree-woman-60s', gender: 'woman', age: '60s', roles: ['retiree'], glasses: false, who: 'retired woman in her sixties, grey perm, floral blouse, pearls' },
  { id: 'retiree-woman-70s', gender: 'woman', age: '70s', roles: ['retiree'], glasses: false, who: 'retired woman in her seventies, short white hair, plain cardigan' },
];

/** The look of each customer type when a scenario gives none: the four characters the game began with. */
export const DEFAULT_LOOKS: Record<CustomerType, Omit<Look, 'channel' | 'place'>> = {
  angry: { gender: 'man', age: '50s', role: 'shopkeeper', glasses: false },
  silent: { gender: 'woman', age: '30s', role: 'office', glasses: false },
  talkative: { gender: 'woman', age: '60s', role: 'retiree', glasses: false },
  expert: { gender: 'man', age: '30s', role: 'engineer', glasses: true },
};

/** Nobody stands in a call centre: a customer there is on the phone unless the scenario says so. */
export function defaultChannel(setting: Setting): Channel {
  return setting === 'call-centre' ? 'phone' : 'in-person';
}

/** A scenario's look with the type's defaults filled in for what it leaves out. */
export function completeLook(type: CustomerType, setting: Setting, given: Partial<Look> = {}): Look {
  const look: Look = { ...DEFAULT_LOOKS[type], channel: defaultChannel(setting) };
  for (const [k, v] of Object.entries(given)) if (v !== undefined) (look as unknown as Record<string, unknown>)[k] = v;
  return look;
}

const ageGap = (a: AgeBand, b: AgeBand) => Math.abs(AGE_BANDS.indexOf(a) - AGE_BANDS.indexOf(b));

/**
 * The character that shows this look: same gender, dressed for the role, same glasses, and no
 * more than one age band away; the nearest age first, then one drawn for that role, then the
 * first listed. Undefined when none fits.
 */
export function characterFor(look: Look, characters: readonly Character[] = CHARACTERS): Character | undefined {
  let best: Character | undefined;
  let bestScore = Infinity;
  for (const c of characters) {
    if (c.gender !== look.gender || c.glasses !== look.glasses || !c.roles.includes(look.role)) continue;
    const gap = ageGap(c.age, look.age);
    if (gap > 1) continue;
    const score = gap * 2 + (c.roles[0] === look.role ? 0 : 1);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** The characters closest to a look (gender counts most, then role, glasses and age), for "did you mean". */
export function nearestCharacters(look: Look, n = 3, characters: readonly Character[] = CHARACTERS): Character[] {
  const cost = (c: Character) => (c.gender === look.gender ? 0 : 8) + (c.roles.includes(look.role) ? 0 : 3) + (c.glasses === look.glasses ? 0 : 2) + ageGap(c.age, look.age);
  return characters
    .map((c, i) => ({ c, i, cost: cost(c) }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i)
    .slice(0, n)
    .map((x) => x.c);
}

/**
 * The loader's step: the scenario's look completed and resolved. A look that no drawn character
 * fits is an error at customer.look naming the nearest (the nearest stands in, for the rest of
 * the checks).
 */
export function resolveLook(raw: Pick<ScenarioFile, 'customer' | 'setting'>, src: YamlSource, problems: Problem[]): CustomerLook {
  const look = completeLook(raw.customer.type, raw.setting, raw.customer.look);
  const found = characterFor(look);
  if (found) return { ...look, character: found.id };
  const near = nearestCharacters(look);
  const where = raw.customer.look ? ['customer', 'look'] : ['customer', 'type'];
  problems.push(
    src.problem(where, 'look', `no drawn character fits this customer (${describeLook(look)}${raw.customer.look ? '' : `, the ${raw.customer.type} type's default`})`, {
      hint: `nearest: ${near.map(describeCharacter).join('; ')}`,
    }),
  );
  return { ...look, character: near[0]!.id };
}

export function describeLook(look: Pick<Look, 'gender' | 'age' | 'role' | 'glasses'>): string {
  return `${look.gender}, ${look.age}, ${look.role}, ${look.glasses ? 'glasses' : 'no glasses'}`;
}

export function describeCharacter(c: Character): string {
  return `${c.id} (${c.gender}, ${c.age}, ${c.roles.join('/')}${c.glasses ? ', glasses' : ''})`;
}
