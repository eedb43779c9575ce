/**
 * Where the play screen's parts go, landscape and portrait: the meters across the top, the
 * Pause button, the customer (or the call frame), the panel with the customer's line, and
 * the column the replies, the countdown and the coaching share.
 */
/**
 * The smallest text on a phone, in canvas pixels: the portrait canvas (720 wide) is drawn on a
 * 390-pixel screen at about 0.54, so 26 is 14 CSS pixels.
 */
export const PHONE_MIN_TEXT = 26;

export interface PlayLayout {
  meter: (i: number, count: number) => { x: number; y: number; w: number };
  pause: { x: number; y: number; w: number };
  character: { cx: number; cy: number; height: number };
  call: { x: number; y: number; width: number; height: number };
  /** The panel with the customer's line: left, top, width. */
  panel: { x: number; y: number; w: number };
  /** The column under the line: centre x, left x, width. */
  column: { cx: number; x: number; w: number };
  /** The coaching card's width and left. */
  coaching: { x: number; w: number };
}

export function playLayout(w: number, h: number, portrait: boolean): PlayLayout {
  const charH = portrait ? 470 : 560;
  const column = portrait ? { cx: w / 2, x: 20, w: w - 40 } : { cx: 500 + (w - 524) / 2, x: 500, w: w - 524 };
  const coachW = portrait ? w - 40 : Math.min(760, w - 540);
  return {
    meter: (i, count) => {
      const mw = portrait ? (w - 140 - 16 * count) / count : 190;
      return { x: portrait ? 130 + i * (mw + 16) : w - 24 - (count - i) * (mw + 12), y: 16, w: mw };
    },
    pause: portrait ? { x: 62, y: 52, w: 104 } : { x: 88, y: 42, w: 156 },
    character: { cx: portrait ? w / 2 : 250, cy: portrait ? 110 + charH / 2 : h - charH / 2 + 20, height: charH },
    call: portrait ? { x: 150, y: 84, width: 420, height: 496 } : { x: 30, y: 92, width: 440, height: 604 },
    panel: portrait ? { x: 20, y: 590, w: w - 40 } : { x: 500, y: 92, w: w - 524 },
    column,
    coaching: { x: portrait ? 20 : 500 + (w - 524 - coachW) / 2, w: coachW },
  };
}
