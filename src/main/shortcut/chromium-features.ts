/**
 * Pure: the Chromium features Attune turns on for this session. On Linux under
 * Wayland, global shortcuts only work through the desktop portal
 * (org.freedesktop.portal.GlobalShortcuts), which Chromium uses when its
 * GlobalShortcutsPortal feature is on; the portal knows Attune by the app id
 * from attune.desktop (package.json desktopName).
 * @see https://www.electronjs.org/docs/latest/api/global-shortcut
 */
export const chromiumFeatures = (os: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): readonly string[] => {
  const wayland = env.XDG_SESSION_TYPE === 'wayland' || Boolean(env.WAYLAND_DISPLAY);
  return os === 'linux' && wayland ? ['GlobalShortcutsPortal'] : [];
};

/** Pure: one --enable-features value (Chromium keeps only the last such switch), keeping what was already there. */
export const mergeFeatures = (existing: string, features: readonly string[]): string => {
  const names = existing
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  for (const feature of features) if (!names.includes(feature)) names.push(feature);
  return names.join(',');
};
