// The benchmark floor: a minimal Phaser 4 page with one scene, one Chinese text and one button,
// using xstate, howler and i18next once each, so bundle size and timings have something to be
// compared with in the same run.
import { Howler } from 'howler';
import i18next from 'i18next';
import Phaser from 'phaser';
import { createActor, createMachine } from 'xstate';

const actor = createActor(createMachine({ initial: 'a', states: { a: { on: { go: 'b' } }, b: {} } })).start();
Howler.volume(0.5);
await i18next.init({ lng: 'zh-CN', resources: { 'zh-CN': { translation: { hello: '投诉应对实训' } } } });

class Floor extends Phaser.Scene {
  create(): void {
    this.add.text(640, 300, i18next.t('hello'), { fontFamily: 'sans-serif', fontSize: '48px', color: '#ffffff' }).setOrigin(0.5);
    const button = this.add.rectangle(640, 420, 240, 64, 0x2f6f73).setInteractive({ useHandCursor: true });
    this.add.text(640, 420, '开始', { fontFamily: 'sans-serif', fontSize: '28px', color: '#ffffff' }).setOrigin(0.5);
    button.on('pointerup', () => actor.send({ type: 'go' }));
    (window as unknown as { __readyAt: number }).__readyAt = performance.now();
  }
}

new Phaser.Game({ type: Phaser.AUTO, parent: 'game', width: 1280, height: 720, audio: { noAudio: true }, scene: [Floor] });
