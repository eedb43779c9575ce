/**
 * The scenario studio, as issue 17 asks: open a library scenario, see its graph, plant a mistake,
 * see the inline message at its line, fix it from the message, play the changed node, save.
 * Saving writes only when the server serves a throwaway copy of scenarios/ (E2E_SCENARIOS names
 * it: `node bin/serve.mjs … --scenarios DIR`); the real library files are never touched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const copy = process.env.E2E_SCENARIOS;

for (const lang of ['en', 'zh-CN'] as const) {
  test(`studio: open, graph, plant a mistake, fix it, play, save (${lang})`, async ({ page }) => {
    await page.goto(`/studio?lang=${lang}`);
    await expect(page.locator('#file-pick')).toBeVisible();
    await page.locator('#file-pick').selectOption('library/door-bump.yaml');
    await expect(page.locator('#graph svg g.box[data-id="apologise"], #graph svg g.box').first()).toBeVisible();
    await expect(page.locator('#graph g.edge[data-best="true"]').first()).toBeAttached();
    await expect(page.locator('#problems .ok')).toBeVisible();
    // Plant a mistake on line 54: a mistyped principle id.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 1; i < 54; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await expect(page.locator('.cm-activeLine')).toContainText('principles: [argue-back]');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('k');
    const problem = page.locator('#problems .problem.error').first();
    await expect(problem).toContainText(lang === 'en' ? 'unknown principle "argue-bak"' : 'argue-bak');
    await expect(problem.locator('.problem-at')).toHaveText('54:22');
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
    await page.screenshot({ path: `test-results/studio-mistake-${lang}.png` });
    await problem.locator('.problem-fix').click();
    await expect(page.locator('#problems .ok')).toBeVisible();
    await expect(page.locator('.cm-content')).toContainText('principles: [argue-back]');
    // Play the node the fixed line belongs to.
    await page.locator('.play-here').click();
    await expect(page.locator('.preview-from')).toBeVisible();
    await page.locator('.preview-choice').first().click();
    await expect(page.locator('.preview-line')).toBeVisible();
    await page.screenshot({ path: `test-results/studio-fixed-${lang}.png` });
    if (!copy) return;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(`\n# saved by the studio test (${lang})\n`);
    await expect(page.locator('#problems .ok')).toBeVisible();
    await page.keyboard.press('Control+s');
    await expect(page.locator('#status')).toContainText('library/door-bump.yaml');
    expect(readFileSync(join(copy, 'library/door-bump.yaml'), 'utf8')).toContain(`# saved by the studio test (${lang})`);
  });
}
