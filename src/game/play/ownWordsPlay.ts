/**
 * "In my own words" on the play screen: whether the trainee answers so (the saved setting, chosen on the
 * intro card, or mid-game under the replies: "Answer in my own words from here on"), the text box of the decision on screen (play/ownWords.ts) or the replies when "Pick from the
 * replies instead" was pressed for this turn, the typed reply on the coaching card (play/typedCoaching.ts),
 * the draft kept over a rebuild, and the page layer over the canvas hidden under an overlay (pause, history,
 * guide). The scene asks it what to lay out; it decides nothing about the conversation.
 */
import type { Play, TurnRecord } from '../../engine/session/session.js';
import type { Locale } from '../../engine/text.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import type { DojoSnapshot } from '../services.js';
import type { SessionController } from '../sessionController.js';
import type { TypedEcho } from '../stage/echo.js';
import type { CoachingInput } from './coaching.js';
import { OwnWordsTurn, type OwnWordsOptions } from './ownWords.js';
import { typedCoaching } from './typedCoaching.js';

export class OwnWordsPlay {
  private typing?: OwnWordsTurn;
  private echo?: TypedEcho;
  /** "Pick from the replies instead" was pressed for this turn. */
  private picking = false;
  /** What was in the box when the replies were picked instead (back in the box if the trainee types after all). */
  private kept = '';

  constructor(
    private readonly scene: BaseScene,
    /** The draft a rebuild kept (used once). */
    private carried = '',
  ) {
    scene.svc.overlay.root.hidden = false;
  }

  /** Answering in my own words: the saved setting. */
  get on(): boolean {
    return this.scene.svc.progress.save.settings.ownWords;
  }

  set on(v: boolean) {
    if (v !== this.on) this.scene.svc.progress.update((p) => (p.settings.ownWords = v));
  }

  /** A new decision: the text box again. */
  newTurn(): void {
    this.picking = false;
    this.kept = '';
  }

  /** This decision is answered in the text box (else by the replies). */
  get typed(): boolean {
    return this.on && !this.picking;
  }

  /** The text box is on screen. */
  get open(): boolean {
    return !!this.typing;
  }

  show(session: SessionController, o: Omit<OwnWordsOptions, 'draft' | 'portrait' | 'locale'>): void {
    this.typing = new OwnWordsTurn(this.scene, session, { ...o, portrait: this.scene.portrait, locale: this.scene.svc.locale(), draft: this.carried || this.kept });
    this.carried = '';
    this.kept = '';
  }

  /** The replies are on screen because "Pick from the replies instead" was pressed (own words on). */
  get pickedInstead(): boolean {
    return this.on && this.picking;
  }

  /** "Pick from the replies instead": false when there was no text box to leave. What was typed is kept for a way back. */
  pick(): boolean {
    if (!this.typing) return false;
    this.picking = true;
    this.kept = this.typing.draft;
    this.typing.remove();
    this.typing = undefined;
    return true;
  }

  /** "Say it in my own words instead", back from the replies to the text box (with what was typed); false when not picking. */
  typeAgain(): boolean {
    if (!this.pickedInstead) return false;
    this.picking = false;
    return true;
  }

  /**
   * "Answer in my own words from here on", under the replies when picking: own words on (saved, so the
   * following turns are typed too) and the text box for this turn; false when own words was on already.
   */
  typeFromNow(): boolean {
    if (this.on) return false;
    this.on = true;
    this.picking = false;
    return true;
  }

  /** What the coaching card shows of a typed turn (null for a picked one). */
  coach(turn: TurnRecord, play: Play, locale: Locale): CoachingInput['typed'] {
    const typed = typedCoaching(this.scene, turn, play.scenario, play.catalog, locale);
    this.echo = typed?.echo;
    return typed?.typed;
  }

  /** What is in the box, for a rebuild. */
  get draft(): string {
    return this.typing?.draft ?? '';
  }

  /** Under an overlay: the page layer hides. */
  hide(): void {
    this.scene.svc.overlay.root.hidden = true;
  }

  /** Back from an overlay; true when the box is there again (in focus). */
  reveal(): boolean {
    this.scene.svc.overlay.root.hidden = false;
    if (this.typing) this.typing.shown = true;
    return !!this.typing;
  }

  /** The box and the typed reply off the screen. */
  clear(): void {
    this.typing?.remove();
    this.typing = undefined;
    this.echo?.remove();
    this.echo = undefined;
  }

  snapshot(): DojoSnapshot['ownWords'] {
    return { on: this.on, box: this.typing?.snapshot() ?? null };
  }
}
