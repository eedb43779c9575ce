/**
 * The class vote on the projector fits its screen without scrolling (play-test: at 1280×720 long customer lines
 * and long replies scrolled in their boxes, at 1080p the customer's line was cut, and once revealed the replies
 * with their shares and feedback scrolled at both sizes). While the class votes, the customer's picture gives up
 * height first (CSS: it takes what the line leaves), then the line's and the replies' type steps down, each
 * column on its own, until the column holds its text. Once revealed (the customer a strip across the top, the
 * replies two a row), what gives way, in order: the type, down to its floor, with every reply's feedback in its
 * card; then the feedback of one reply at a time (the class's choice, or the one whose number the trainer
 * pressed), that reply first in two balanced columns, the type stepped down again; then the other replies and the
 * customer's line cut to three lines, then to two (the shown reply is always whole). The CSS keeps the type at
 * 0.85rem or more (≥ 28 px at 1080p, the project's rule for the back of a room); text longer than all that still
 * scrolls in its column.
 */

/** The type's scale, largest first: 1 down to the CSS floor (0.85rem) reached at about 0.7 of the larger sizes. */
const STEPS = [1, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64] as const;

/** Revealed: all the feedback in the cards, then one reply's across the screen, then the others cut to three lines, to two. */
const REVEAL = ['all', 'one', 'short-3', 'short-2'] as const;

const fits = (box: HTMLElement) => box.scrollHeight <= box.clientHeight;

/** The largest step at which the box's content fits it (its last step when none does); the box's variable is left set. */
export function fitColumn(box: HTMLElement, host: HTMLElement, variable: string): number {
  for (const k of STEPS) {
    host.style.setProperty(variable, String(k));
    if (fits(box)) return k;
  }
  return STEPS.at(-1)!;
}

/** Both columns of the vote screen: the customer (--line-fit) and the replies (--option-fit). */
export function fitVote(root: HTMLElement): void {
  const stage = root.querySelector<HTMLElement>('.vote-stage');
  const side = root.querySelector<HTMLElement>('.vote-side');
  if (!stage || !side || !root.isConnected) return;
  // A narrow screen (the columns stacked, the page scrolls): the type as it is, all the feedback.
  if (matchMedia('(max-width: 900px)').matches) {
    for (const v of ['--line-fit', '--option-fit']) root.style.setProperty(v, '1');
    root.dataset.reveal = 'all';
    for (const b of root.querySelectorAll<HTMLButtonElement>('.option-why')) b.disabled = true;
    return;
  }
  root.dataset.lineFit = String(fitColumn(stage, root, '--line-fit'));
  if (root.dataset.status !== 'revealed') {
    delete root.dataset.reveal;
    root.dataset.optionFit = String(fitColumn(side, root, '--option-fit'));
    return;
  }
  for (const mode of REVEAL) {
    root.dataset.reveal = mode;
    lead(side.querySelector('.options'), mode !== 'all');
    root.dataset.optionFit = String(fitColumn(side, root, '--option-fit'));
    if (fits(side)) break;
  }
  // With all the feedback on the screen, the replies' numbers have nothing to show.
  for (const b of root.querySelectorAll<HTMLButtonElement>('.option-why')) b.disabled = root.dataset.reveal === 'all';
}

/**
 * With one reply's feedback shown, that reply leads the columns (whole, at the top left: the columns balance best with
 * the tallest first); else the replies in their order. The page's order is the order on the screen (and the keyboard's),
 * each item keeping its number (`value`); the focus stays where it was.
 */
function lead(list: HTMLElement | null, shownFirst: boolean): void {
  if (!list) return;
  const now = [...list.children] as HTMLLIElement[];
  const natural = [...now].sort((a, b) => a.value - b.value);
  const shown = natural.find((li) => li.classList.contains('option--shown'));
  const want = shownFirst && shown ? [shown, ...natural.filter((li) => li !== shown)] : natural;
  if (want.every((li, i) => now[i] === li)) return;
  const focused = document.activeElement instanceof HTMLElement && list.contains(document.activeElement) ? document.activeElement : undefined;
  list.replaceChildren(...want);
  focused?.focus({ preventScroll: true });
}
