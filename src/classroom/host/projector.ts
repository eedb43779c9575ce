/**
 * Projector tools in the host page's top bar: fullscreen (the browser's Fullscreen API; F11
 * works too) and a high-contrast light theme for washed-out projectors, remembered.
 */
import { button, fill } from '../dom.js';
import { lightTheme, saveLightTheme } from '../prefs.js';
import { t } from '../text.js';

export function applyTheme(): void {
  document.body.classList.toggle('theme-light', lightTheme());
}

export function projectorTools(container: HTMLElement): void {
  applyTheme();
  const draw = () => {
    const full = !!document.fullscreenElement;
    const light = lightTheme();
    fill(
      container,
      document.fullscreenEnabled
        ? button(t(full ? 'projector.exitFullscreen' : 'projector.fullscreen'), () => void toggleFullscreen(), { key: 'fullscreen', class: 'tool-btn', pressed: full })
        : null,
      button(t('projector.light'), () => {
        saveLightTheme(!light);
        applyTheme();
        draw();
      }, { key: 'theme', class: 'tool-btn', pressed: light }),
    );
  };
  container.setAttribute('role', 'group');
  container.setAttribute('aria-label', t('projector.label'));
  document.onfullscreenchange = draw;
  draw();
}

async function toggleFullscreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    /* refused (an iframe, a policy): the browser's own F11 still works */
  }
}
