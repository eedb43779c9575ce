/**
 * All sound goes through Howler (Phaser's own audio is off, so only Howler holds an
 * AudioContext). Files are loaded on first use; the ambient loop follows the setting;
 * mute and volume are remembered by the caller (settings in Progress).
 */
import { Howl, Howler } from 'howler';

export type UiSound = 'ui-click' | 'ui-select' | 'ui-back' | 'ui-type' | 'ui-timer' | 'ui-timeout';
export type CueSound = 'mood-up' | 'mood-down' | 'mood-break';
export type Stinger = 'stinger-won-back' | 'stinger-resolved' | 'stinger-unresolved' | 'stinger-escalated' | 'stinger-left-silently';
export type SoundName = UiSound | CueSound | Stinger | `ambient-${string}`;

/** Settings that share another's ambient loop: a telecom shop sounds like a service hall, an electrical store like a shop. */
const AMBIENT_OF: Record<string, string> = { 'telecom-hall': 'service-counter', 'appliance-store': 'shop' };

export class Audio {
  private readonly howls = new Map<string, Howl>();
  private ambientName: string | null = null;
  private unlocked = false;

  constructor(
    private readonly base: string,
    muted: boolean,
    volume: number,
  ) {
    Howler.mute(muted);
    Howler.volume(volume);
  }

  /** Browsers start audio suspended until a gesture: resume on the first one. */
  unlockOn(target: EventTarget): void {
    const unlock = () => {
      if (this.unlocked) return;
      this.unlocked = true;
      const ctx = Howler.ctx as AudioContext | undefined;
      if (ctx && ctx.state === 'suspended') void ctx.resume();
      for (const type of ['pointerdown', 'keydown', 'touchend']) target.removeEventListener(type, unlock);
    };
    for (const type of ['pointerdown', 'keydown', 'touchend']) target.addEventListener(type, unlock);
  }

  private howl(name: string, loop = false): Howl {
    let h = this.howls.get(name);
    if (!h) {
      // Ogg Vorbis first (smaller); MP3 for browsers without it (older iPhones and Safari).
      h = new Howl({ src: [`${this.base}${name}.ogg`, `${this.base}${name}.mp3`], format: ['ogg', 'mp3'], loop, volume: loop ? 0.5 : 1, preload: true, html5: false });
      this.howls.set(name, h);
    }
    return h;
  }

  play(name: UiSound | CueSound | Stinger): void {
    if (Howler.volume() === 0) return;
    this.howl(name).play();
  }

  ambient(setting: string | null): void {
    const name = setting ? `ambient-${AMBIENT_OF[setting] ?? setting}` : null;
    if (name === this.ambientName) return;
    if (this.ambientName) {
      const old = this.howls.get(this.ambientName);
      old?.fade(old.volume(), 0, 400);
      setTimeout(() => old?.stop(), 450);
    }
    this.ambientName = name;
    if (name) {
      const h = this.howl(name, true);
      h.volume(0);
      h.play();
      h.fade(0, 0.5, 800);
    }
  }

  get muted(): boolean {
    return (Howler as unknown as { _muted: boolean })._muted;
  }

  setMuted(m: boolean): void {
    Howler.mute(m);
  }

  get volume(): number {
    return Howler.volume();
  }

  setVolume(v: number): void {
    Howler.volume(Math.max(0, Math.min(1, v)));
  }
}
