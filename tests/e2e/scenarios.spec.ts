/**
 * Every bundled scenario, its best and its worst path, played with the keyboard alone in
 * real Chromium; the debrief on screen must equal `dojo play` on the same choices.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { cliPaths, cliPlay, open, playPicks, ROOT, SHOTS, startScenario, watchErrors } from './helpers.js';

const files = readdirSync(join(ROOT, 'scenarios/library'))
  .filter((f) => f.endsWith('.yaml'))
  .sort();

for (const f of files) {
  const id = f.replace(/\.yaml$/, '');
  const file = `scenarios/library/${f}`;
  const paths = cliPaths(file);
  for (const which of ['best', 'worst'] as const) {
    // The best path in Chinese, the worst in English: both languages get played through.
    const locale = which === 'best' ? 'zh-CN' : 'en';
    test(`${id}: ${which} path by keyboard matches dojo play (${locale})`, async ({ page }) => {
      const check = watchErrors(page);
      const picks = paths[which].picks;
      await open(page, { locale });
      await startScenario(page, id);
      if (which === 'best') await page.screenshot({ path: join(SHOTS, `play-${id}-${locale}.png`) });
      const d = await playPicks(page, picks);
      const cli = cliPlay(file, picks).debrief;
      expect(d.debrief).toEqual({
        overall: cli.overall,
        grade: cli.grade,
        decisions: cli.decisions,
        outcome: cli.outcome,
        quadrant: cli.service.quadrant,
        categories: cli.categories,
        path: cli.path,
      });
      if (which === 'best') await page.screenshot({ path: join(SHOTS, `debrief-${id}-${locale}.png`) });
      check();
    });
  }
}
