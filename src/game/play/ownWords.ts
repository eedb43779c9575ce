/**
 * A decision answered in the trainee's own words: the text box (stage/textBox.ts) under the customer's
 * line, the judge (loaded with `import()` the first time, play/ownWordsJudge.ts) reading what was typed
 * with this scenario and node, and `trainee.say` sent to the session. Bad input (empty, no words, binary,
 * too long) is said under the box and nothing is sent. When the session asks again (`askedAgain` grew, no
 * turn), the customer's line asking again shows over the box and the trainee types again or picks a reply.
 * A reply that lands is the scene's to coach, as a picked one is (it listens to the session).
 */
import type { Judge } from '../../engine/judge/judge.js';
import { heardOnlyGood } from '../../engine/session/session.js';
import { pick, type Locale } from '../../engine/text.js';
import type { DojoSnapshot } from '../services.js';
import type { SessionController } from '../sessionController.js';
import type { BaseScene } from '../scenes/BaseScene.js';
import { TextBox } from '../stage/textBox.js';
import { touchFirst } from '../ui/pointer.js';

interface JudgeModule {
  judge: Judge;
  MAX_CHARS: number;
}

let loading: Promise<JudgeModule> | undefined;


/** Faces of a customer no longer cross: an angry customer showing one asks again without the bite. */
const CALM_FACES: ReadonlySet<string> = new Set(['neutral', 'relieved', 'pleased', 'doubtful']);
/** Under this anger (0–100, the angry customer's meter; it starts at 70) the customer asks again without the bite. */
const CALM_ANGER = 30;
/** The judge chunk, fetched once (a failed fetch is tried again next time). */
export function loadJudge(): Promise<JudgeModule> {
  loading ??= import('./ownWordsJudge.js').catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}

/**
 * What was heard in the last reply the customer did not take up though it was good in itself, for the
 * session and the try it belongs to: a rebuilt screen (a language switch, a rotation) says it again.
 */
let lastHeard: { at: string; asked: number; found: readonly { id: string; confidence: number }[] } | undefined;

/** Which decision of which play a try belongs to (a rebuilt screen has a new controller of the same play). */
const decisionOf = (session: SessionController) => `${session.play.scenario.id}\u0000${session.state.seed}\u0000${session.state.turns.length}\u0000${session.state.node}`;

/** Notices after which nothing is sent: there is nothing to read. */
const REFUSED: Record<string, string> = { empty: 'ownWords.empty', binary: 'ownWords.binary', 'no-words': 'ownWords.noWords' };

export interface OwnWordsOptions {
  box: { x: number; y: number; w: number };
  portrait: boolean;
  locale: Locale;
  /** What the box held when the scene was rebuilt (a language switch, a rotation). */
  draft?: string;
  /** The box takes the focus (not when a guide is about to open over it: it takes it when the guide is done). */
  focus?: boolean;
  onPick: () => void;
  onPause: () => void;
  /** Something to tell window.dojo. */
  onChange: () => void;
}

export class OwnWordsTurn {
  private readonly box: TextBox;
  private gone = false;
  /** Tries at this node that the customer did not follow (as the session counts them). */
  private asked = 0;

  constructor(
    private readonly scene: BaseScene,
    private readonly session: SessionController,
    private readonly o: OwnWordsOptions,
  ) {
    const t = (k: string) => scene.t(k);
    this.asked = session.state.askedAgain ?? 0;
    this.box = new TextBox(scene.svc.overlay, {
      ...o.box,
      size: o.portrait ? 30 : 20,
      rows: o.portrait ? 4 : 3,
      buttonHeight: o.portrait ? 84 : 48,
      words: { label: t('ownWords.label'), placeholder: t('ownWords.placeholder'), send: t('ownWords.send'), pick: t('ownWords.pick'), hint: t('ownWords.hint') },
      keyHints: !o.portrait && !touchFirst(),
      ...(o.draft ? { draft: o.draft } : {}),
      onSend: (text) => void this.send(text),
      onPick: () => o.onPick(),
      onPause: () => o.onPause(),
      onChange: () => o.onChange(),
    });
    if (this.asked) {
      const found = lastHeard?.at === decisionOf(session) && lastHeard.asked === this.asked ? lastHeard.found : [];
      const heard = this.heardNotNow(found);
      this.box.ask(this.askLine(!!heard));
      this.box.say(heard || this.scene.t('ownWords.tryAgainOrPick'), true);
    }
    if (o.focus !== false) this.box.focus();
    // Fetched while the trainee reads and types, so Send rarely waits.
    void loadJudge().catch(() => {});
  }

  /**
   * The customer, not following: in their manner (the customer type's), in other words each time they ask
   * again; or, when what was said was good in itself but goes the way of no reply here, that it is not the point.
   * An angry customer who has calmed down (a face no longer cross, or anger under CALM_ANGER on the meter the
   * trainee sees) asks without the bite (play-tests: "Are you even listening to me?" from a smiling customer, "Say
   * it plainly!" at anger 8).
   */
  private askLine(offTheMark = false): string {
    const { customer } = this.session.play.scenario;
    const which = offTheMark ? 'askNotNow' : this.asked % 2 === 0 ? 'askAgainMore' : 'askAgain';
    const anger = this.session.state.customer.context.meters['anger'] ?? 100;
    const manner = customer.type === 'angry' && (CALM_FACES.has(this.session.expression()) || anger < CALM_ANGER) ? 'angryCalm' : customer.type;
    return this.scene.t('ownWords.askedAgain', { name: pick(customer.name, this.o.locale), line: this.scene.t(`ownWords.${which}.${manner}`), interpolation: { escapeValue: false } });
  }

  private async send(text: string): Promise<void> {
    const { scene, session, box } = this;
    // Under an overlay (the guide, the pause menu) the box is not there to send from, whatever had the focus.
    if (scene.scene.isPaused()) return;
    if (!text.trim()) return this.refuse(scene.t('ownWords.empty'));
    box.busy = true;
    let mod: JudgeModule;
    try {
      mod = await loadJudge();
    } catch {
      if (!this.gone) box.busy = false;
      if (!this.gone) this.refuse(scene.t('ownWords.failed'));
      return;
    }
    if (this.gone) return;
    box.busy = false;
    if (text.length > mod.MAX_CHARS) return this.refuse(scene.t('ownWords.tooLong', { n: text.length.toLocaleString(this.o.locale), max: mod.MAX_CHARS.toLocaleString(this.o.locale) }));
    const { state } = session;
    const node = state.node;
    const r = mod.judge(text, { locale: this.o.locale, scenario: session.play.scenario, node });
    const refused = r.notice && REFUSED[r.notice.code];
    if (refused) return this.refuse(scene.t(refused));
    const turns = state.turns.length;
    session.say({ text, principles: r.principles, ...(r.closest ? { closest: r.closest } : {}) });
    if (this.gone || session.state.turns.length > turns) return;
    const asked = session.state.askedAgain ?? 0;
    if (asked > this.asked) {
      this.asked = asked;
      lastHeard = { at: decisionOf(session), asked, found: r.principles };
      const heard = this.heardNotNow(r.principles);
      const line = this.askLine(!!heard);
      box.ask(line);
      // Shown, not only spoken: a sighted trainee asked again had nothing under the box to go on (a play-test).
      box.say(heard || scene.t('ownWords.tryAgainOrPick'), true);
      scene.svc.audio.play('ui-back');
      scene.svc.live.say([line, heard || scene.t('ownWords.tryAgainOrPick')]);
      // Said another way: what is typed next replaces the reply not followed, rather than running on from its end.
      box.focus(true);
      this.o.onChange();
    }
  }

  /**
   * A reply the customer did not take though the judge found only good in it ("Thank you for telling us"
   * while the customer is still explaining): say what was heard, and that the moment asks for something
   * else, so a sound reply is not taken for one the game did not understand. '' when there is nothing good.
   */
  private heardNotNow(found: readonly { id: string; confidence: number }[]): string {
    const { play } = this.session;
    const heard = heardOnlyGood(play, found);
    if (!heard.length) return '';
    const t = (k: string, v?: Record<string, unknown>) => this.scene.t(k, { ...v, interpolation: { escapeValue: false } });
    const names = heard.map((id) => `“${pick(play.catalog.get(id)!.name, this.o.locale)}”`).join(t('ownWords.heardJoin'));
    return t('ownWords.heardNotNow', { found: names, name: pick(play.scenario.customer.name, this.o.locale) });
  }

  private refuse(message: string): void {
    this.box.say(message);
    this.scene.svc.live.say([message]);
    this.box.focus();
    this.o.onChange();
  }

  /** Hidden under an overlay (pause, history, the guide); focus back in the box when it shows again. */
  set shown(v: boolean) {
    this.box.shown = v;
    if (v) this.box.focus();
  }

  get draft(): string {
    return this.box.text;
  }

  /** What window.dojo says of the box. */
  snapshot(): NonNullable<NonNullable<DojoSnapshot['ownWords']>['box']> {
    return { text: this.box.text, composing: this.box.composing, focused: this.box.focused, busy: this.box.busy, message: this.box.said, asked: this.box.asking, askedAgain: this.asked };
  }

  remove(): void {
    this.gone = true;
    this.box.remove();
  }
}
