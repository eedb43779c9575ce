/**
 * The class vote on the projector fits its two columns (play-test: at 1280×720 long customer lines and long
 * replies scrolled in their boxes, and at 1080p the customer's line was cut): the customer's picture gives up
 * height first (CSS: it takes what the line leaves), then the line's and the replies' type steps down, each
 * column on its own, until the column holds its text. The CSS keeps the type at 0.85rem or more (≥ 28 px at
 * 1080p, the project's rule for the back of a room); text longer than that still scrolls in its column.
 */

/** The type's scale, largest first: 1 down to the CSS floor (0.85rem) reached at about 0.7 of the larger sizes. */
const STEPS = [1, 0.94, 0.88, 0.82, 0.76, 0.7, 0.64] as const;

/** The largest step at which the box's content fits it (its last step when none does); the box's variable is left set. */
export function fitColumn(box: HTMLElement, host: HTMLElement, variable: string): number {
  for (const k of STEPS) {
    host.style.setProperty(variable, String(k));
    if (box.scrollHeight <= box.clientHeight + 1) return k;
  }
  return STEPS.at(-1)!;
}

/** Both columns of the vote screen: the customer (--line-fit) and the replies (--option-fit). */
export function fitVote(root: HTMLElement): void {
  const stage = root.querySelector<HTMLElement>('.vote-stage');
  const side = root.querySelector<HTMLElement>('.vote-side');
  if (!stage || !side || !root.isConnected) return;
  // A narrow screen (the columns stacked, the page scrolls): the type as it is.
  if (matchMedia('(max-width: 900px)').matches) {
    for (const v of ['--line-fit', '--option-fit']) root.style.setProperty(v, '1');
    return;
  }
  root.dataset.lineFit = String(fitColumn(stage, root, '--line-fit'));
  root.dataset.optionFit = String(fitColumn(side, root, '--option-fit'));
}
