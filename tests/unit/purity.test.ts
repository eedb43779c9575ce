/** The engine stays pure: the lint rule exists, catches what it must, and src/engine passes it. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const eslint = new ESLint({ cwd: ROOT });

async function lint(code: string, file = 'src/engine/example.ts') {
  const [r] = await eslint.lintText(code, { filePath: `${ROOT}/${file}` });
  return r!.messages.map((m) => m.ruleId);
}

describe('engine purity rule', () => {
  it.each([
    ["import Phaser from 'phaser';", 'no-restricted-imports'],
    ["import { Howl } from 'howler';", 'no-restricted-imports'],
    ["import i18next from 'i18next';", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
    ['export const w = window.innerWidth;', 'no-restricted-globals'],
    ["export const d = document.title;", 'no-restricted-globals'],
    ['export const r = Math.random();', 'no-restricted-properties'],
    ['export const t = Date.now();', 'no-restricted-properties'],
    ['export const t = new Date();', 'no-restricted-syntax'],
  ])('rejects %s', async (code, rule) => {
    expect(await lint(`${code}\nexport {};\n`)).toContain(rule);
  });

  it('does not apply outside the engine', async () => {
    expect(await lint("import Phaser from 'phaser';\nexport const g = Phaser;\n", 'src/game/example.ts')).not.toContain('no-restricted-imports');
  });

  it('passes on every file under src/engine', async () => {
    const results = await eslint.lintFiles(['src/engine/**/*.ts']);
    expect(results.length).toBeGreaterThan(10);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}: ${m.ruleId} ${m.message}`));
    expect(problems).toEqual([]);
  });
});
