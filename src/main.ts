/** The page: wait for the fonts, then start the game in #game. */
import { startGame } from './game/main.js';
import { FONT, FONT_EN } from './game/ui/theme.js';

async function boot(): Promise<void> {
  const parent = document.getElementById('game')!;
  try {
    // Text is drawn to canvas: make sure the Chinese font is ready before any is made.
    await Promise.race([
      Promise.all([
        document.fonts.load(`24px ${FONT}`, '投诉应对'),
        document.fonts.load(`bold 24px ${FONT}`, '投诉应对'),
        document.fonts.load(`24px ${FONT_EN}`, 'Complaint “Dojo”'),
      ]),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await startGame(parent);
  } catch (e) {
    const p = document.createElement('p');
    p.id = 'boot-error';
    p.textContent = `Complaint Dojo could not start: ${e instanceof Error ? e.message : String(e)}`;
    parent.replaceChildren(p);
    throw e;
  }
}

void boot();
