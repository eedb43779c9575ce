/**
 * Where the title screen puts things, in game pixels. Two titles draw from it: the Phaser
 * scene (scenes/TitleScene.ts) and the page's own, drawn by the browser while the game loads
 * (src/title/): the one hands over to the other, so they must agree to the pixel.
 * No Phaser here: the page's title loads before Phaser does.
 */
import { PHONE_MIN_TARGET } from './layout.js';

/** What the title offers, in the order focus moves through it. */
export type TitleItemKey = 'start' | 'continue' | 'language' | 'sound' | 'volumeDown' | 'volumeUp';

export interface TitleItem {
  key: TitleItemKey;
  /** Its centre. */
  x: number;
  y: number;
  width: number;
  /** Label font size. */
  size: number;
  primary: boolean;
}

export interface TitleLayout {
  /** The centre of the game's name (one line). */
  nameY: number;
  nameSize: number;
  /** The top of the tagline, wrapped to `taglineWidth`. */
  taglineY: number;
  taglineSize: number;
  taglineWidth: number;
  items: TitleItem[];
  /** The top of the "Volume n%" line. */
  volumeY: number;
  volumeSize: number;
}

export const TITLE_PLATE = { color: 0x1d2433, alpha: 0.82, radius: 18, padX: 40, padTop: 18, padBottom: 20, margin: 12 } as const;
/** The backdrop's dimming behind the title. */
export const TITLE_DIM = 0.55;
/** The notice about a reset save, at the foot of the screen. */
export const TITLE_NOTICE = { fromBottom: 60, maxWidth: 900, margin: 40, height: 70, textSize: 20, fill: 0xfff4d6, stroke: 0xd68910 } as const;

export function titleLayout(w: number, h: number, resume: boolean): TitleLayout {
  const portrait = h > w;
  const top = portrait ? h * 0.16 : h * 0.14;
  const bw = portrait ? w * 0.72 : 420;
  // On a phone the buttons are a finger tall (PHONE_MIN_TARGET): keep 24 px between them.
  const gap = portrait ? PHONE_MIN_TARGET + 24 : 76;
  let y = portrait ? h * 0.42 : h * 0.45;
  const items: TitleItem[] = [{ key: 'start', x: w / 2, y, width: bw, size: 28, primary: true }];
  if (resume) items.push({ key: 'continue', x: w / 2, y: (y += gap), width: bw, size: 26, primary: false });
  items.push({ key: 'language', x: w / 2, y: (y += gap), width: bw, size: 24, primary: false });
  items.push({ key: 'sound', x: w / 2, y: (y += gap), width: bw, size: 24, primary: false });
  y += gap;
  const half = (bw - 16) / 2;
  items.push({ key: 'volumeDown', x: w / 2 - half / 2 - 8, y, width: half, size: 22, primary: false });
  items.push({ key: 'volumeUp', x: w / 2 + half / 2 + 8, y, width: half, size: 22, primary: false });
  return {
    nameY: top,
    nameSize: portrait ? 64 : 72,
    taglineY: top + (portrait ? 80 : 86),
    taglineSize: 26,
    taglineWidth: w * 0.8,
    items,
    volumeY: y + (portrait ? PHONE_MIN_TARGET / 2 + 16 : 44),
    volumeSize: 20,
  };
}

/** The plate behind the name and the tagline, from their measured sizes. */
export function titlePlate(
  w: number,
  name: { y: number; width: number; height: number },
  tagline: { y: number; width: number; height: number },
): { x: number; y: number; width: number; height: number } {
  const p = TITLE_PLATE;
  const width = Math.min(w - 2 * p.margin, Math.max(name.width, tagline.width) + 2 * p.padX);
  const y = name.y - name.height / 2 - p.padTop;
  return { x: w / 2 - width / 2, y, width, height: tagline.y + tagline.height + p.padBottom - y };
}
