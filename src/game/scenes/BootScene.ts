/** Boot: nothing to load but what the preloader draws with; hand over at once. */
import { BaseScene } from './BaseScene.js';

export class BootScene extends BaseScene {
  constructor() {
    super('Boot');
  }

  create(): void {
    this.scene.start('Preload');
  }
}
