/**
 * What Attune can notice on each platform before offering a pause, for the
 * settings view to state plainly ("On this computer Attune can tell …").
 * Data only; the words live in the copy module. Kept in step with
 * src/main/platform/power-events.ts by its spec.
 *
 * - 'yes': reported by the system.
 * - 'some': only on some desktops / sessions (see `notes`).
 * - 'no': the system does not say; pauses are not held back for it.
 */
export type DetectionLevel = 'yes' | 'some' | 'no';

export const DETECTION_SIGNALS = ['sleep', 'screenLock', 'idle', 'doNotDisturb', 'fullScreen'] as const;
export type DetectionSignal = (typeof DETECTION_SIGNALS)[number];

export type DetectionPlatform = 'darwin' | 'win32' | 'linux';

export const PAUSE_DETECTION: Record<DetectionPlatform, Record<DetectionSignal, DetectionLevel>> = {
  darwin: { sleep: 'yes', screenLock: 'yes', idle: 'yes', doNotDisturb: 'no', fullScreen: 'no' },
  win32: { sleep: 'yes', screenLock: 'yes', idle: 'yes', doNotDisturb: 'no', fullScreen: 'no' },
  // Lock: over the session D-Bus (freedesktop/GNOME ScreenSaver, logind) where the desktop offers one of them.
  // Idle: X11, or Mutter's IdleMonitor / ScreenSaver on Wayland; unknown otherwise. DND: dunst, GNOME, and
  // servers with the Inhibited property (KDE). Full-screen: X11 only.
  linux: { sleep: 'yes', screenLock: 'some', idle: 'some', doNotDisturb: 'some', fullScreen: 'some' },
};
