/**
 * The title screen drawn by the page itself, the moment the page loads: the game's backdrop,
 * name plate and buttons, in the language the game would pick, placed where the game's title
 * (scenes/TitleScene.ts) puts them, with real buttons (keyboard, touch, screen readers).
 * Phaser and the art load behind it. A press on Start or Continue before the game is ready
 * shows "loading" on the button and is acted on when it is; otherwise the game's title takes
 * over, the same to the pixel, and this one leaves.
 */
import en from '../../locales/en/translation.json';
import zh from '../../locales/zh-CN/translation.json';
import type { Locale } from '../engine/text.js';
import { PHONE_MIN_TARGET, sizeFor } from '../game/layout.js';
import { nearest } from '../game/ui/nearest.js';
import { COLORS, fontFor } from '../game/ui/theme.js';
import { TITLE_NOTICE, titleLayout, titlePlate, type TitleItem, type TitleItemKey } from '../game/titleLayout.js';
import { detectLocale } from '../platform/locale.js';
import { readSave } from '../platform/storage.js';
import type { AfterDraw, TitleHandover, TitlePress, TitleSettings, TitleSink } from './handover.js';
import { tellEarly } from './snapshot.js';
import { TextSetter, type TextBox } from './textBox.js';

type Strings = typeof zh;
const STRINGS: Record<Locale, Strings> = { 'zh-CN': zh, en };

/** The game's Button: at least this tall (a finger tall on a phone), the label's height plus this much. */
const BUTTON = { minHeight: 56, phoneMinHeight: PHONE_MIN_TARGET, padY: 20, labelInset: 44 } as const;
/** The game's fades last this long (BaseScene.fadeTo, fadeIn). */
const FADE_MS = 180;

/** For the start-up benchmark and tests: when things happened, in ms since navigation. */
interface Marks {
  __pageTitleAt?: number;
  __pressedAt?: number;
}

export class PageTitle implements TitleHandover {
  private readonly stage: HTMLElement;
  private readonly buttons = new Map<TitleItemKey, HTMLButtonElement>();
  private readonly text: TextSetter;
  private readonly resume: boolean;
  private readonly notice: 'corrupt' | 'old-version' | null;
  private readonly reducedMotion: boolean;
  private items: TitleItem[] = [];
  private pressed: TitlePress | null = null;
  private sink?: TitleSink;
  readonly settings: TitleSettings;
  focused: TitleItemKey;
  showing = true;

  /** The page's title, if the page has one (index.html). */
  static show(doc: Document = document): PageTitle | null {
    const root = doc.getElementById('page-title');
    return root ? new PageTitle(root, doc) : null;
  }

  private constructor(
    private readonly root: HTMLElement,
    private readonly doc: Document,
  ) {
    const win = doc.defaultView!;
    const loaded = readSave(win.localStorage);
    const s = loaded.save.settings;
    this.settings = { locale: detectLocale(s.locale, win.navigator.languages ?? [win.navigator.language]), muted: s.muted, volume: s.volume };
    this.resume = !!loaded.save.resume;
    this.notice = loaded.reset ? loaded.reason : null;
    this.reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    // Back after a reload with a game under way: "continue" is what the trainee came for.
    this.focused = this.resume ? 'continue' : 'start';
    this.stage = root.querySelector<HTMLElement>('.pt-stage')!;
    this.text = new TextSetter(doc, () => fontFor(this.settings.locale), () => this.settings.locale === 'zh-CN');
    for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-key]')) {
      const key = b.dataset.key as TitleItemKey;
      this.buttons.set(key, b);
      b.addEventListener('click', () => this.activate(key));
      b.addEventListener('focus', () => this.setFocus(key));
    }
    root.addEventListener('keydown', (e) => this.onKey(e));
    win.addEventListener('resize', () => this.showing && this.render());
    this.render();
    root.hidden = false;
    this.buttons.get(this.focused)!.focus({ preventScroll: true });
    (win as unknown as Marks).__pageTitleAt = win.performance.now();
  }

  private t(): Strings {
    return STRINGS[this.settings.locale];
  }

  private label(key: TitleItemKey): string {
    const s = this.t().title;
    switch (key) {
      case 'start':
        return this.pressed === 'start' ? s.loading : s.start;
      case 'continue':
        return this.pressed === 'continue' ? s.loading : s.continue;
      case 'language':
        return s.language;
      case 'sound':
        return this.settings.muted ? s.soundOff : s.soundOn;
      case 'volumeDown':
        return s.volumeDown;
      case 'volumeUp':
        return s.volumeUp;
    }
  }

  /** Lay everything out in game pixels, in a box scaled and centred as the game's canvas is. */
  private render(): void {
    const win = this.doc.defaultView!;
    const { width: w, height: h } = sizeFor(win.innerWidth, win.innerHeight);
    const scale = Math.min(win.innerWidth / w, win.innerHeight / h);
    const st = this.stage.style;
    st.width = `${w}px`;
    st.height = `${h}px`;
    st.transform = `translate(${(win.innerWidth - w * scale) / 2}px, ${(win.innerHeight - h * scale) / 2}px) scale(${scale})`;
    this.doc.documentElement.lang = this.settings.locale;
    const s = this.t();
    const L = titleLayout(w, h, this.resume);

    const name = this.text.measure({ text: s.title.name, size: L.nameSize, bold: true, color: COLORS.onDark });
    const tagline = this.text.measure({ text: s.title.tagline, size: L.taglineSize, color: COLORS.onDarkSoft, width: L.taglineWidth });
    this.text.place(this.part('.pt-name'), name, w / 2 - name.width / 2, L.nameY - name.height / 2);
    this.text.place(this.part('.pt-tagline'), tagline, w / 2 - tagline.width / 2, L.taglineY);
    const plate = titlePlate(w, { y: L.nameY, width: name.width, height: name.height }, { y: L.taglineY, width: tagline.width, height: tagline.height });
    box(this.part('.pt-plate'), plate.x, plate.y, plate.width, plate.height);

    this.items = L.items;
    for (const [key, b] of this.buttons) {
      const item = L.items.find((i) => i.key === key);
      b.hidden = !item;
      if (!item) continue;
      const label = this.text.measure({
        text: this.label(key),
        size: item.size,
        bold: item.primary,
        color: item.primary ? COLORS.accentText : COLORS.ink,
        width: item.width - BUTTON.labelInset,
      });
      const bh = Math.max(h > w ? BUTTON.phoneMinHeight : BUTTON.minHeight, label.height + BUTTON.padY);
      // A secondary button's 2 px outline is centred on its edge (as the game strokes it).
      const out = item.primary ? 0 : 1;
      box(b, item.x - item.width / 2 - out, item.y - bh / 2 - out, item.width + 2 * out, bh + 2 * out);
      const inner = item.primary ? 0 : 1;
      this.text.place(b.querySelector<HTMLElement>('.pt-label')!, label, item.width / 2 - label.width / 2 - inner, bh / 2 - label.height / 2 - inner);
      if (key === 'language') b.lang = this.settings.locale === 'zh-CN' ? 'en' : 'zh-CN';
      if (key === 'start') this.markTiming(b);
    }

    const volume = this.text.measure({ text: s.title.volume.replace('{{n}}', String(Math.round(this.settings.volume * 100))), size: L.volumeSize, color: COLORS.onDarkSoft });
    this.text.place(this.part('.pt-volume'), volume, w / 2 - volume.width / 2, L.volumeY);

    const notice = this.part('.pt-notice');
    notice.hidden = !this.notice;
    if (this.notice) {
      const N = TITLE_NOTICE;
      const pw = Math.min(w - N.margin, N.maxWidth);
      const cy = h - N.fromBottom;
      box(notice, w / 2 - pw / 2 - 1, cy - N.height / 2 - 1, pw + 2, N.height + 2);
      const msg: TextBox = this.text.measure({ text: s.notice[this.notice], size: N.textSize, color: COLORS.ink, width: pw - 40 });
      this.text.place(notice.querySelector<HTMLElement>('.pt-label')!, msg, pw / 2 - msg.width / 2 - 1, N.height / 2 - msg.height / 2 - 1);
    }
    for (const [key, b] of this.buttons) b.classList.toggle('is-focus', key === this.focused);
    this.tell();
  }

  /** What window.dojo says while this title is up: its buttons, not yet ready (the game's title is). */
  private tell(): void {
    const keys = this.items.map((i) => i.key);
    tellEarly(this.doc.defaultView!, {
      scene: 'Title',
      locale: this.settings.locale,
      notice: this.notice,
      choices: keys.map((k) => this.label(k)),
      focus: this.label(this.focused),
      focusIndex: keys.indexOf(this.focused),
      ready: false,
    });
  }

  /** The Start label's lines are what the benchmark times the first paint of. */
  private markTiming(b: HTMLElement): void {
    for (const span of b.querySelectorAll('.pt-label span')) span.setAttribute('elementtiming', 'title-start');
  }

  private part(sel: string): HTMLElement {
    return this.root.querySelector<HTMLElement>(sel)!;
  }

  private setFocus(key: TitleItemKey): void {
    this.focused = key;
    for (const [k, b] of this.buttons) b.classList.toggle('is-focus', k === key);
    if (this.showing) this.tell();
  }

  private move(key: TitleItemKey | undefined): void {
    if (!key) return;
    this.buttons.get(key)!.focus({ preventScroll: true });
  }

  /** Tab cycles through the buttons and the arrows move on screen, as on the game's title. */
  private onKey(e: KeyboardEvent): void {
    if (!this.showing) return;
    const keys = this.items.map((i) => i.key);
    const at = Math.max(0, keys.indexOf(this.focused));
    if (e.key === 'Tab') {
      e.preventDefault();
      this.move(keys[(at + (e.shiftKey ? -1 : 1) + keys.length) % keys.length]);
    } else if (e.key.startsWith('Arrow')) {
      e.preventDefault();
      const next = nearest(this.items, at, e.key);
      if (next !== null) this.move(keys[next]);
      else if (e.key === 'ArrowDown') this.move(keys[(at + 1) % keys.length]);
      else if (e.key === 'ArrowUp') this.move(keys[(at - 1 + keys.length) % keys.length]);
    }
  }

  private activate(key: TitleItemKey): void {
    if (!this.showing || this.pressed) return;
    const st = this.settings;
    switch (key) {
      case 'start':
      case 'continue':
        return this.press(key);
      case 'language':
        st.locale = st.locale === 'zh-CN' ? 'en' : 'zh-CN';
        break;
      case 'sound':
        st.muted = !st.muted;
        break;
      case 'volumeDown':
      case 'volumeUp':
        st.volume = Math.max(0, Math.min(1, Math.round((st.volume + (key === 'volumeUp' ? 0.1 : -0.1)) * 10) / 10));
        break;
    }
    this.render();
    this.sink?.settings({ ...st });
  }

  /** Start or Continue before the game is ready: say so on the button, and keep the press. */
  private press(p: TitlePress): void {
    this.pressed = p;
    const win = this.doc.defaultView! as Window & Marks;
    win.__pressedAt ??= win.performance.now();
    const b = this.buttons.get(p)!;
    b.setAttribute('aria-busy', 'true');
    b.classList.add('is-busy');
    for (const other of this.buttons.values()) other.setAttribute('aria-disabled', 'true');
    this.render();
    const live = this.doc.getElementById('live');
    if (live) live.textContent = this.t().title.loading;
  }

  // ---- TitleHandover: what the game asks ----

  take(): TitlePress | null {
    const p = this.showing ? this.pressed : null;
    if (p) this.showing = false;
    return p;
  }

  connect(sink: TitleSink): void {
    this.sink = sink;
    sink.settings({ ...this.settings });
  }

  handOver(afterDraw: AfterDraw): void {
    if (!this.showing) return;
    this.showing = false;
    this.stopInput();
    afterDraw(() => this.fadeOut());
  }

  leave(then: () => void, afterDraw: AfterDraw): void {
    this.showing = false;
    this.stopInput();
    const go = () => {
      then();
      afterDraw(() => this.remove());
    };
    if (this.reducedMotion) return go();
    // As the game's title fades to its fade colour when left; the next scene fades in from it.
    this.root.classList.add('is-covered');
    setTimeout(go, FADE_MS);
  }

  remove(): void {
    this.showing = false;
    this.root.remove();
  }

  /** From now on the game takes the keys and the pointer. */
  private stopInput(): void {
    this.root.inert = true;
    this.root.classList.add('is-leaving');
  }

  private fadeOut(): void {
    if (this.reducedMotion) return this.remove();
    this.root.classList.add('is-faded');
    setTimeout(() => this.remove(), FADE_MS);
  }
}

/** Place an element at (x, y) with a size, in game pixels. */
function box(el: HTMLElement, x: number, y: number, w: number, h: number): void {
  el.style.left = `${x}px`;
  el.style.top = `${y}px`;
  el.style.width = `${w}px`;
  el.style.height = `${h}px`;
}
