/**
 * The page: draw the title at once (src/title/), load the game behind it, wait for the fonts,
 * then start the game in #game, which takes over from the page's title.
 */
import { FONT, FONT_EN } from './game/ui/theme.js';
import { PageTitle } from './title/pageTitle.js';
import { tellEarly } from './title/snapshot.js';

async function boot(): Promise<void> {
  const parent = document.getElementById('game')!;
  let title: PageTitle | null = null;
  try {
    title = PageTitle.show(document);
  } catch (e) {
    // The game draws a title of its own: the page's is only there sooner.
    console.warn('the page title could not be shown', e);
  }
  // window.dojo from the first moment: the page's title tells it, or else "Boot".
  if (!title) tellEarly(window);
  try {
    const game = import('./game/main.js');
    // Awaited below, after the fonts: a failure here is reported there, not as unhandled.
    game.catch(() => undefined);
    // Text is drawn to canvas: make sure the Chinese font is ready before any is made.
    await Promise.race([
      Promise.all([
        document.fonts.load(`24px ${FONT}`, '投诉应对'),
        document.fonts.load(`bold 24px ${FONT}`, '投诉应对'),
        document.fonts.load(`24px ${FONT_EN}`, 'Complaint “Dojo”'),
      ]),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await (await game).startGame(parent, title ?? undefined);
  } catch (e) {
    title?.remove();
    const p = document.createElement('p');
    p.id = 'boot-error';
    p.textContent = `Complaint Dojo could not start: ${e instanceof Error ? e.message : String(e)}`;
    parent.replaceChildren(p);
    throw e;
  }
}

void boot();
