/**
 * "Export for LMS (SCORM 1.2)…", over the scenario list, for one of the trainer's own files:
 * the pass mark and the language, then the package made in the browser (scorm/exportCourse.ts,
 * the CLI's checks, manifest and zip) and handed over as a download. The scenario's SCORM id
 * problems were shown before this opens (SelectScene); this scene decides nothing itself.
 */
import type { CourseLocale } from '../../scorm/course.js';
import type { ExportError } from '../../scorm/exportCourse.js';
import { saveFile } from '../../platform/download.js';
import type { Button } from '../ui/button.js';
import { FocusGroup } from '../ui/focus.js';
import { COLORS } from '../ui/theme.js';
import { BaseScene } from './BaseScene.js';
import { pick } from '../../engine/text.js';
import type { DojoSnapshot } from '../services.js';

export interface ExportData {
  from: string;
  scenario: string;
  pass?: number;
  locale?: CourseLocale;
}

const LOCALE_CHOICES = [
  ['both', 'lms.export.both'],
  ['zh-CN', 'lms.export.zh'],
  ['en', 'lms.export.en'],
] as const;

export class ExportScene extends BaseScene<ExportData> {
  private pass = 65;
  private locale: CourseLocale = 'both';
  private busy = false;
  private status!: Phaser.GameObjects.Text;

  constructor() {
    super('Export');
  }

  create(): void {
    const { w, h, svc } = this;
    this.pass = this.args.pass ?? 65;
    this.locale = this.args.locale ?? 'both';
    this.busy = false;
    this.add.rectangle(0, 0, w, h, 0x000000, 0.6).setOrigin(0).setInteractive();
    const pw = Math.min(760, w - 40);
    const left = w / 2 - pw / 2 + 32;
    const inner = pw - 64;
    const panel = this.add.graphics();
    this.withLibrary((lib) => {
      const scenario = lib.imported.find((s) => s.id === this.args.scenario);
      let y = this.portrait ? 140 : Math.max(30, h / 2 - 320);
      const top = y - 24;
      y += this.text(left, y, this.t('lms.export.title'), { size: 28, bold: true, width: inner }).height + 8;
      y += this.text(left, y, scenario ? `${pick(scenario.title, svc.locale())} · ${scenario.file}` : this.args.scenario, { size: 18, color: COLORS.inkSoft, width: inner }).height + 10;
      y += this.text(left, y, this.t('lms.export.intro'), { size: 17, width: inner }).height + 20;

      const passText = this.text(left, y + 28, '', { size: 22, bold: true }).setOrigin(0, 0.5);
      const lower = this.button(left + inner - 200, y + 28, this.t('lms.export.lower'), { width: 90, size: 22 }, () => this.setPass(this.pass - 5));
      const higher = this.button(left + inner - 45, y + 28, this.t('lms.export.higher'), { width: 90, size: 22 }, () => this.setPass(this.pass + 5));
      y += 76;
      this.text(left, y, this.t('lms.export.language'), { size: 20, bold: true });
      y += 34;
      const lw = (inner - 24) / 3;
      const locales = LOCALE_CHOICES.map(([l], i) => this.button(left + lw / 2 + i * (lw + 12), y + 28, '', { width: lw, size: 19 }, () => this.setLocale(l)));
      y += 80;
      const go = this.button(left + inner / 2 - 130, y + 28, this.t('lms.export.go'), { width: inner / 2 - 20 > 240 ? 300 : inner / 2 - 20, variant: 'primary', size: 22 }, () => void this.run());
      const close = this.button(left + inner - 90, y + 28, this.t('common.close'), { width: 180, size: 22 }, () => this.close());
      y += 76;
      this.status = this.text(left, y, '', { size: 17, width: inner });
      const bottom = y + (this.portrait ? 200 : 130);
      panel.fillStyle(COLORS.panel, 1).fillRoundedRect(w / 2 - pw / 2, top, pw, bottom - top, 18);

      const show = () => {
        passText.setText(this.t('lms.export.pass', { n: this.pass }));
        LOCALE_CHOICES.forEach(([l, key], i) => locales[i]!.setLabel(l === this.locale ? this.t('lms.export.chosen', { label: this.t(key) }) : this.t(key)));
        this.publish({ choices: items.map((b) => b.label.text), export: this.snapshot('options') });
      };
      this.setPass = (n: number) => {
        if (this.busy) return;
        this.pass = Math.max(0, Math.min(100, n));
        show();
        svc.live.say([passText.text]);
      };
      this.setLocale = (l: CourseLocale) => {
        if (this.busy) return;
        this.locale = l;
        show();
        svc.live.say([locales[LOCALE_CHOICES.findIndex(([x]) => x === l)]!.label.text]);
      };
      const items: Button[] = [lower, higher, ...locales, go, close];
      const focus = new FocusGroup(this, { onEscape: () => this.close() });
      focus.set(items, items.indexOf(go));
      show();
      svc.live.say([this.t('lms.export.title'), this.t('lms.export.intro'), passText.text]);
    });
  }

  private setPass: (n: number) => void = () => {};
  private setLocale: (l: CourseLocale) => void = () => {};

  private snapshot(state: NonNullable<DojoSnapshot['export']>['state'], extra: Partial<NonNullable<DojoSnapshot['export']>> = {}): NonNullable<DojoSnapshot['export']> {
    return { scenario: this.args.scenario, pass: this.pass, locale: this.locale, state, ...extra };
  }

  private say(text: string, state: NonNullable<DojoSnapshot['export']>['state'], extra: Partial<NonNullable<DojoSnapshot['export']>> = {}, color: string = COLORS.ink): void {
    this.status.setText(text).setColor(color);
    this.publish({ export: this.snapshot(state, extra) });
  }

  private errorText(e: ExportError): string {
    switch (e.kind) {
      case 'no-list':
        return this.t('lms.export.noList');
      case 'unreachable':
        return this.t('lms.export.unreachable', { file: e.file, status: e.status ? ` (HTTP ${e.status})` : '' });
      case 'changed':
        return this.t('lms.export.changed', { file: e.file });
      case 'bad-list':
        return this.t('lms.export.badList', { message: e.message });
    }
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    const here = this.thisStart();
    this.busy = true;
    const fail = (text: string) => {
      this.busy = false;
      if (!here()) return;
      this.say(text, 'failed', { error: text }, COLORS.bad);
      this.svc.live.say([text]);
    };
    const lib = await this.svc.library();
    const scenario = lib.imported.find((s) => s.id === this.args.scenario);
    const text = scenario && lib.textOf(scenario.id);
    if (!scenario || text === undefined) return fail(this.t('lms.export.gone'));
    const { exportCourse } = await import('../../scorm/exportCourse.js');
    let last = 0;
    const outcome = await exportCourse({
      scenario,
      text,
      catalog: lib.catalog,
      pass: this.pass,
      locale: this.locale,
      base: new URL('./', location.href).href,
      onProgress: (done, total) => {
        // A few updates a second at most: each new text is a texture upload.
        const now = performance.now();
        if (!here() || (done < total && now - last < 150)) return;
        last = now;
        this.say(done < total ? this.t('lms.export.fetching', { done, total }) : this.t('lms.export.zipping'), 'building', { done, total });
      },
    });
    if (!outcome.ok) {
      if ('problems' in outcome) {
        this.busy = false;
        if (!here()) return;
        this.scene.pause();
        this.scene.launch('Message', { from: 'Export', title: this.t('lms.export.checkTitle', { file: scenario.file }), problems: outcome.problems });
        return;
      }
      return fail(this.errorText(outcome.error));
    }
    saveFile(outcome.fileName, outcome.pkg.zip, 'application/zip');
    this.busy = false;
    if (!here()) return;
    const size = (outcome.pkg.zip.length / 1_000_000).toFixed(1);
    const msg = this.t('lms.export.saved', { file: outcome.fileName, size, count: outcome.pkg.files.length });
    this.say(msg, 'saved', { file: outcome.fileName, bytes: outcome.pkg.zip.length }, COLORS.good);
    this.svc.live.say([msg]);
  }

  /** A language change rebuilds the scene: keep the options chosen. */
  protected override restartData(): ExportData {
    return { ...this.args, pass: this.pass, locale: this.locale };
  }

  private close(): void {
    if (this.busy) return;
    this.svc.audio.play('ui-back');
    this.publish({ export: undefined });
    this.scene.stop();
    this.scene.resume(this.args.from);
  }
}
