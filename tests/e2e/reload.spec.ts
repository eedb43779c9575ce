/** `npm start`: saving a scenario file plays the new version at once, or shows what is wrong with it. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { open, ROOT, startScenario, until, watchErrors } from './helpers.js';

const FILE = join(ROOT, 'scenarios/library/broadband-outage.yaml');

test('a saved scenario file reloads in the running game', async ({ page }) => {
  const check = watchErrors(page);
  const original = readFileSync(FILE, 'utf8');
  await open(page, { locale: 'en' });
  await startScenario(page, 'broadband-outage');
  // The first reply on screen, as the file spells it (its first words, before any line break).
  const shown = (await until(page, (x) => x.phase === 'choosing', 'the replies')).choices[0]!.split(/\s+/).slice(0, 3).join(' ');
  expect(original, 'the first reply is written in the file as shown').toContain(shown);
  try {
    writeFileSync(FILE, original.replace(shown, `EDITED: ${shown}`));
    const d = await until(page, (x) => x.phase === 'choosing' && x.choices.some((c) => c.startsWith('EDITED:')), 'the edited reply on screen');
    expect(d.scenario).toBe('broadband-outage');
    writeFileSync(FILE, original.replace('id: open\n', 'id: open\n    bogus: 1\n'));
    // The inserted key sits on the line after `- id: open`.
    const line = original.split('\n').findIndex((l) => l.endsWith('- id: open')) + 2;
    const expected = [`scenarios/library/broadband-outage.yaml:${line}:5: unknown field "bogus" in nodes[0] (check the spelling against the schema)`];
    const m = await until(page, (x) => x.scene === 'Message' && JSON.stringify(x.message?.lines) === JSON.stringify(expected), 'the problems of the broken save');
    expect(m.message!.lines).toEqual(expected);
  } finally {
    writeFileSync(FILE, original);
  }
  await until(page, (x) => x.scene === 'Play' && x.phase === 'choosing' && !x.choices.some((c) => c.startsWith('EDITED:')), 'the original file playing again');
  check();
});
