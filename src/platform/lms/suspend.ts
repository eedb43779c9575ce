/**
 * cmi.suspend_data: what a learner needs to resume where they left off. A game is its seed and
 * its picks (each turn's reply as written, −1 for a time-out, and a reply typed in the trainee's
 * own words as the reply it was read as and the principles found, joined by "+", never the text;
 * engine/session/picks.ts; SessionController.replay rebuilds the rest), so it fits in a few dozen
 * characters:
 *
 *   dojo1;broadband-outage;48213;1,2,-1,0;c
 *   dojo1;broadband-outage;48213;1,3:understand-feelings+own-the-problem,0;d
 *   dojo1;broadband-outage;48213;1,3:understand-feelings+plead-own-difficulty~23@62;c
 *
 * (version; scenario; seed; picks; flags: c = the last turn's coaching was on screen,
 * d = the play had ended; a typed turn's guesses, under the judge's threshold, carry their confidence after "~",
 * and a typed reply read as less than word for word its similarity after "@", both in hundredths). SCORM 1.2
 * allows 4,096 characters: a longer record is refused here rather than sent, since an LMS may truncate or drop it.
 */
import { isTyped, pickIds, type TurnPick, type TypedPick } from '../../engine/session/picks.js';
import { STRING4096 } from './cmi12.js';

/** A principle id as the catalog writes them. */
const ID = /^[a-z0-9][a-z0-9-]{0,59}$/;

/** One pick: −1, a reply's index, or a typed one (`reply:id+id~guess…@similarity`). */
const FOUND = '[a-z0-9][a-z0-9-]{0,59}(?:~\\d{1,2})?';
const ONE_PICK = new RegExp(`^(?:-1|\\d{1,3}(?::(?:${FOUND}(?:\\+${FOUND})*)?(?:@\\d{1,2})?)?)$`);

export interface Suspended {
  scenario: string;
  seed: number;
  picks: TurnPick[];
  coaching: boolean;
  done: boolean;
}

const TAG = 'dojo1';

/** The suspend data, or null when it would be over the 4,096-character limit. */
export function encodeSuspend(s: Suspended): string | null {
  const flags = `${s.coaching ? 'c' : ''}${s.done ? 'd' : ''}`;
  // Principle ids are catalog ids (lower case, digits, hyphens): one that is not could not be read back.
  if (s.picks.some((p) => isTyped(p) && pickIds(p).some((id) => !ID.test(id)))) return null;
  const percent = (n: number) => String(Math.max(0, Math.min(99, Math.round(n * 100))));
  const typed = (p: TypedPick) =>
    `${p.reply}:${[...p.said, ...(p.guesses ?? []).map((g) => `${g.id}~${percent(g.confidence)}`)].join('+')}${p.sim !== undefined && p.sim < 1 ? `@${percent(p.sim)}` : ''}`;
  const picks = s.picks.map((p) => (isTyped(p) ? typed(p) : String(p)));
  const text = [TAG, s.scenario, String(s.seed), picks.join(','), flags].join(';');
  return text.length <= STRING4096 ? text : null;
}

/** What a suspend data says, or null for anything else (another course's data, a damaged record). */
export function decodeSuspend(text: string | null | undefined): Suspended | null {
  if (!text || text.length > STRING4096) return null;
  const parts = text.split(';');
  if (parts.length !== 5 || parts[0] !== TAG) return null;
  const [, scenario, seedText, picksText, flags] = parts as [string, string, string, string, string];
  if (!/^[a-z0-9][a-z0-9-]*$/.test(scenario) || !/^\d{1,15}$/.test(seedText) || !/^[cd]*$/.test(flags)) return null;
  const entries = picksText ? picksText.split(',') : [];
  if (!entries.every((p) => ONE_PICK.test(p))) return null;
  const picks: TurnPick[] = entries.map((p) => {
    const at = p.indexOf(':');
    if (at < 0) return Number(p);
    const [list = '', sim] = p.slice(at + 1).split('@');
    const items = list ? list.split('+').map((x) => x.split('~') as [string, string?]) : [];
    const guesses = items.filter(([, c]) => c !== undefined).map(([id, c]) => ({ id, confidence: Number(c) / 100 }));
    return {
      reply: Number(p.slice(0, at)),
      said: items.filter(([, c]) => c === undefined).map(([id]) => id),
      ...(sim !== undefined ? { sim: Number(sim) / 100 } : {}),
      ...(guesses.length ? { guesses } : {}),
    };
  });
  return { scenario, seed: Number(seedText), picks, coaching: flags.includes('c'), done: flags.includes('d') };
}
