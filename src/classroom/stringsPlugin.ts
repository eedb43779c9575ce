/**
 * `locales/<l>/translation.json?classroom`: only the parts of a locale file the classroom's
 * pages show (their own strings and the game's words for outcomes, grades, types …), so a
 * phone joining a class downloads a few kilobytes of text instead of the whole game's.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

/** The top-level keys the classroom pages read (src/classroom/text.ts: t() is "classroom.*", tg() the rest). */
export const CLASSROOM_KEYS = ['classroom', 'debrief', 'grades', 'outcomes', 'play', 'settings', 'severity', 'types'] as const;

const QUERY = '?classroom';

export function classroomStrings(): Plugin {
  return {
    name: 'dojo-classroom-strings',
    enforce: 'pre',
    async load(id) {
      if (!id.endsWith(`.json${QUERY}`)) return null;
      const file = id.slice(0, -QUERY.length);
      const all = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      const picked = Object.fromEntries(CLASSROOM_KEYS.map((k) => [k, all[k] ?? {}]));
      this.addWatchFile(file);
      return { code: `export default ${JSON.stringify(picked)};`, moduleType: 'js' };
    },
  };
}
