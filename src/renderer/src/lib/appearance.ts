import type { AppearanceSettings } from '../../../shared/settings-schema';

/** Mirrors the appearance settings onto <html> so CSS alone decides colours and motion. */
export const applyAppearance = (appearance: AppearanceSettings, root: HTMLElement = document.documentElement): void => {
  if (appearance.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = appearance.theme;
  if (appearance.motion === 'reduce') root.dataset.motion = 'reduce';
  else delete root.dataset.motion;
};
