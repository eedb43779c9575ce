/**
 * Scenario select: cards grouped by the four customer types, with difficulty, setting, brief and
 * best score; My progress (the button at the top right, or P) over it.
 */
import type { Problem } from '../../engine/problems.js';
import { tallyAttempt } from '../../engine/progress/tally.js';
import type { Scenario } from '../../engine/scenario/model.js';
import { CUSTOMER_TYPES } from '../../engine/vocabulary.js';
import { pick } from '../../engine/text.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { onKeys } from '../ui/keys.js';
import { oneLine } from '../ui/teaser.js';
import { enableScroll } from '../ui/scroll.js';
import { COLORS, TYPE_COLORS } from '../ui/theme.js';
import { BaseScene, TITLE_SETTING } from './BaseScene.js';
import { warmShaders } from '../warmShaders.js';

export interface SelectData {
  /** Said first when the list is rebuilt after a change (a watched file saved). */
  said?: string;
  /** The scenario whose card takes the focus (the one just played). */
  focus?: string;
}

export class SelectScene extends BaseScene<SelectData> {
  constructor() {
    super('Select');
  }

  /** The list's focus order, for what is added after it is built (Undo). */
  private list?: { focus: FocusGroup; items: Button[] };

  create(): void {
    this.list = undefined;
    // While the trainee looks through the list: the shaders the play screen's cards will need.
    warmShaders(this.game);
    this.backdrop(TITLE_SETTING, 0.7);
    this.fadeIn();
    const loading = this.text(this.w / 2, this.h / 2, this.t('loading'), { size: 24, color: COLORS.onDark }).setOrigin(0.5);
    this.svc.audio.ambient(null);
    this.withLibrary((lib) => {
      // From now on a finished play is tallied as it is saved (My progress reads the tallies).
      this.svc.progress.tallyWith((a) => tallyAttempt(lib, a));
      loading.destroy();
      this.build(lib.scenarios, lib.sharedShown(), lib.imported);
      if (lib.problems.length) this.problemNotice(lib.problems);
      this.undoBar(lib.problems.length > 0);
    });
    // A change to the library rebuilds the list; what changed is said once it is built.
    const rebuild = (said?: string) => this.scene.restart({ ...this.args, said });
    this.svc.events.on('library', rebuild);
    this.events.once('shutdown', () => this.svc.events.off('library', rebuild));
  }

  private build(scenarios: Scenario[], shared: Scenario[], imported: Scenario[]): void {
    const { w, svc } = this;
    const locale = svc.locale();
    const best = svc.progress.save.best;
    // On a phone the heading has a row of its own, below Back and My progress.
    const listTop = this.portrait ? 172 : 120;
    this.text(w / 2, this.portrait ? 96 : 36, this.t('select.heading'), { size: 36, bold: true, color: COLORS.onDark, align: 'center' }).setOrigin(0.5, 0);
    const back = this.button(this.portrait ? 70 : 90, 56, this.t('common.back'), { width: this.portrait ? 110 : 140, size: 22, variant: 'ghost' }, () => this.fadeTo('Title'));
    back.label.setColor(COLORS.onDark);
    const progressW = this.portrait ? 180 : 200;
    const progressButton = this.button(w - progressW / 2 - (this.portrait ? 16 : 24), 56, this.t('progress.open'), { width: progressW, size: 22, variant: 'ghost' }, () => this.openProgress());
    progressButton.label.setColor(COLORS.onDark);

    const colW = this.portrait ? w - 48 : (w - 48) / 4 - 12;
    const cards: Button[] = [];
    let maxY = 0;
    CUSTOMER_TYPES.forEach((type, c) => {
      const x = this.portrait ? w / 2 : 24 + c * (colW + 16) + colW / 2;
      let y = listTop + (this.portrait ? maxY : 0);
      const head = this.add.graphics();
      head.fillStyle(TYPE_COLORS[type]!, 1).fillRoundedRect(x - colW / 2, y, colW, 44, 10);
      this.text(x, y + 22, this.t(`types.${type}`), { size: 24, bold: true, color: '#ffffff', align: 'center' }).setOrigin(0.5);
      y += 60;
      // About two lines of the brief: an English letter takes half the width of a Chinese character.
      const briefChars = (this.portrait ? 60 : 26) * (locale === 'en' ? 2.2 : 1);
      for (const s of scenarios.filter((x) => x.customer.type === type)) {
        const stars = '★'.repeat(s.difficulty) + '☆'.repeat(3 - s.difficulty);
        const score = best[s.id] !== undefined ? this.t('select.best', { n: best[s.id] }) : this.t('select.new');
        const label = [pick(s.title, locale), `${stars}  ${this.t(`settings.${s.setting}`)}`, oneLine(pick(s.brief, locale), briefChars), score].join('\n');
        const card = this.button(x, 0, label, { width: colW, size: this.portrait ? 24 : 19, align: 'left' }, () =>
          this.fadeTo('Play', { scenario: s.id, seed: Date.now() % 100000 }),
        );
        card.setY(y + card.h / 2);
        card.setData('scenario', s.id);
        y += card.h + 12;
        cards.push(card);
      }
      maxY = this.portrait ? y - listTop + 12 : Math.max(maxY, y);
    });

    let contentBottom = (this.portrait ? listTop + maxY : maxY) + 10;
    // Shared by a trainer on the server this game comes from: for everyone, below the four types.
    if (shared.length) {
      const { perRow, cw } = this.groupHead(this.t('select.shared'), 0x5b4a8a, contentBottom);
      let y = contentBottom + 60;
      const briefChars = (this.portrait ? 60 : 56) * (locale === 'en' ? 2.2 : 1);
      let rowH = 0;
      shared.forEach((s, i) => {
        const x = 24 + (i % perRow) * (cw + 16) + cw / 2;
        const score = best[s.id] !== undefined ? this.t('select.best', { n: best[s.id] }) : this.t('select.new');
        const label = [pick(s.title, locale), `${this.t(`types.${s.customer.type}`)} · ${'★'.repeat(s.difficulty)}${'☆'.repeat(3 - s.difficulty)}  ${this.t(`settings.${s.setting}`)}`, oneLine(pick(s.brief, locale), briefChars), score].join('\n');
        const card = this.button(x, 0, label, { width: cw, size: this.portrait ? 24 : 19, align: 'left' }, () => this.fadeTo('Play', { scenario: s.id, seed: Date.now() % 100000 }));
        card.setY(y + card.h / 2);
        card.setData('scenario', s.id);
        cards.push(card);
        rowH = Math.max(rowH, card.h);
        if (i % perRow === perRow - 1 || i === shared.length - 1) [y, rowH] = [y + rowH + 12, 0];
      });
      contentBottom = y;
    }

    // The trainer's own files, below the four types.
    const mine: Button[] = [];
    if (imported.length) {
      const { perRow, cw } = this.groupHead(this.t('select.mine'), 0x2f6f73, contentBottom);
      let y = contentBottom + 60;
      imported.forEach((s, i) => {
        const x = 24 + (i % perRow) * (cw + 16);
        const label = [pick(s.title, locale), `${this.t(`types.${s.customer.type}`)} · ${'★'.repeat(s.difficulty)}  ${s.file}`].join('\n');
        // The card, and beside it the trainer's two actions on the file: export it for an LMS, remove it.
        const aw = this.portrait ? 230 : 210;
        const card = this.button(x + (cw - aw - 12) / 2, 0, label, { width: cw - aw - 12, height: 124, size: 19, align: 'left' }, () => this.fadeTo('Play', { scenario: s.id, seed: Date.now() % 100000 }));
        card.setY(y + card.h / 2);
        card.setData('scenario', s.id);
        const lms = this.button(x + cw - aw / 2, card.y - card.h / 4 - 2, this.t('lms.export.open'), { width: aw, height: card.h / 2 - 4, size: 16 }, () => void this.exportForLms(s));
        const remove = this.button(x + cw - aw / 2, card.y + card.h / 4 + 2, this.t('select.remove'), { width: aw, height: card.h / 2 - 4, size: 16 }, () => void svc.removeImported(s.id));
        mine.push(card, lms, remove);
        if (i % perRow === perRow - 1 || i === imported.length - 1) y += card.h + 12;
      });
      contentBottom = y;
    }

    // The trainer's tools at the foot of the list, apart from what learners choose from.
    const openW = Math.min(w - 48, 360);
    const toolsTop = contentBottom + 16;
    this.text(w / 2, toolsTop, this.t('select.trainers'), { size: 20, bold: true, color: COLORS.onDarkSoft, align: 'center' }).setOrigin(0.5, 0);
    const open = this.button(w / 2, toolsTop + 64, this.t('select.open'), { width: openW, size: 20 }, () => svc.openFile());
    const hint = this.text(w / 2, open.y + open.h / 2 + 8, this.t('select.dropHint'), { size: 16, color: COLORS.onDarkSoft, align: 'center', width: w - 48 }).setOrigin(0.5, 0);
    // The studio (editor, graph, preview) in a tab of its own: the game stays where it is.
    const studio = this.button(w / 2, hint.y + hint.height + 44, this.t('select.studio'), { width: openW, size: 20 }, () => window.open('studio.html', '_blank', 'noopener'));
    contentBottom = studio.y + studio.h / 2;

    const focus = new FocusGroup(this, { ends: true, onEscape: () => this.fadeTo('Title') });
    // Column-major order reads naturally with Tab; arrows move within the list.
    // Back from a scenario: its card keeps the focus (the play-test: focus went back to the first card).
    const items = [...cards, ...mine, open, studio, back, progressButton];
    const was = items.findIndex((b) => this.args.focus !== undefined && b.getData('scenario') === this.args.focus);
    focus.set(items, was >= 0 ? was : true);
    this.list = { focus, items };
    onKeys(this, (e) => {
      if (e.key === 'p' || e.key === 'P') this.openProgress();
    });
    const cam = this.cameras.main;
    // Keep the focused card in view as the keyboard moves through the list.
    enableScroll(this, contentBottom + 24, (clamp) => {
      const b = focus.current;
      if (b && (b.y - b.h / 2 < cam.scrollY || b.y + b.h / 2 > cam.scrollY + this.h)) cam.scrollY = clamp(b.y - this.h / 2);
    });
    if (was >= 0) cam.scrollY = Math.max(0, Math.min(contentBottom + 24 - this.h, items[was]!.y - this.h / 2));
    svc.live.say([...(this.args.said ? [this.args.said] : []), this.t('select.heading'), ...cards.map((c) => c.label.text.split('\n')[0]!)]);
    this.publish({
      choices: [...cards, ...mine.filter((_, i) => i % 3 === 0)].map((c) => c.getData('scenario') as string),
      scenario: null,
      node: null,
      customer: null,
      score: null,
      outcome: null,
    });
  }

  /** A group's heading bar across the list at `top`; its cards go one to a row on a phone, two otherwise. */
  private groupHead(title: string, color: number, top: number): { perRow: number; cw: number } {
    const w = this.w;
    this.add.graphics().fillStyle(color, 1).fillRoundedRect(24, top, w - 48, 44, 10);
    this.text(w / 2, top + 22, title, { size: 24, bold: true, color: '#ffffff', align: 'center' }).setOrigin(0.5);
    const perRow = this.portrait ? 1 : 2;
    return { perRow, cw: (w - 48 - (perRow - 1) * 16) / perRow };
  }

  /**
   * A trainer's own file as a SCORM 1.2 package: first the same id checks as `dojo export`
   * (their located problems in the problem panel), then the options and the export (ExportScene).
   */
  private async exportForLms(s: Scenario): Promise<void> {
    const here = this.thisStart();
    const [lib, { exportProblems }] = await Promise.all([this.svc.library(), import('../../scorm/exportCourse.js')]);
    const problems = exportProblems(s, lib.catalog);
    this.whenRunning(here, () => {
      this.scene.pause();
      if (problems.length) this.scene.launch('Message', { from: 'Select', title: this.t('lms.export.checkTitle', { file: s.file }), problems });
      else this.scene.launch('Export', { from: 'Select', scenario: s.id });
    });
  }

  /** My progress, over the list: closing it comes back here, scrolled and focused as it was. */
  private openProgress(): void {
    this.scene.pause();
    this.scene.launch('Progress', { from: 'Select' });
  }

  /**
   * After a trainer removed one of their scenarios, or opened a file with the id of one opened
   * before from another file: what happened, and Undo (also Ctrl+Z), fixed at the foot of the list.
   */
  private undoBar(above: boolean): void {
    const u = this.svc.undo();
    if (!u) return;
    const label = u.kind === 'removed' ? this.t('select.undoRemoved', { title: u.title, file: u.file }) : this.t('select.undoReplaced', { title: u.title, file: u.file, by: u.by });
    const undo = () => void this.svc.undoLast();
    const b = this.button(this.w / 2, this.h - 40 - (above ? 72 : 0), label, { width: Math.min(this.w - 40, 760), size: 18, variant: 'primary' }, undo);
    b.setScrollFactor(0).setDepth(10);
    // First in the keyboard order and focused: the trainer has just acted on the list.
    if (this.list) this.list.focus.set([b, ...this.list.items], 0);
    onKeys(this, (e) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        undo();
      }
    });
    this.svc.live.say([label]);
  }

  /** Some scenario files (bundled, or saved imports) did not load: say so, and show why on request. */
  private problemNotice(problems: Problem[]): void {
    const title = this.t('select.problems', { count: new Set(problems.map((p) => p.file)).size });
    const b = this.button(this.w / 2, this.h - 34, title, { width: Math.min(this.w - 40, 560), size: 18 }, () => {
      this.scene.pause();
      this.scene.launch('Message', { from: 'Select', title, problems });
    });
    b.setScrollFactor(0).setDepth(10);
  }
}
