/**
 * Packaging: `npm run dist` → AppImage + deb, dmg, nsis.
 *
 * TypeScript rather than .cjs/.json: electron-builder loads it (through jiti),
 * tsc checks it against electron-builder's own `Configuration` type, comments
 * can say why, and the Linux desktop entry is read from resources/attune.desktop
 * instead of being written down twice.
 * @see https://www.electron.build/configuration
 */
import { readFileSync } from 'node:fs';

import type { Configuration } from 'electron-builder';

import { parseDesktopEntry, unescapeStringValue } from './src/main/autostart/desktop-entry';

/** Also the Windows AppUserModelID (src/main/index.ts), so notifications are attributed to the installed app. */
export const APP_ID = 'org.attune.app';

const desktopFile = readFileSync(new URL('./resources/attune.desktop', import.meta.url), 'utf8');
const { groups, problems } = parseDesktopEntry(desktopFile);
const desktopEntry = groups['Desktop Entry'];
if (!desktopEntry || problems.length > 0) throw new Error(`resources/attune.desktop: ${problems.join('; ') || 'no [Desktop Entry] group'}`);
// electron-builder writes Exec itself (from executableName, or the AppImage's AppRun) and refuses one given here;
// it takes Categories from `category` and Comment from `description`, so those go through the options that own them.
const { Exec: _exec, Categories: categories = 'Utility;', Comment: comment = '', ...entry } = desktopEntry;

const config: Configuration = {
  appId: APP_ID,
  productName: 'Attune',
  // Only what the app runs from. Production dependencies from node_modules are added by electron-builder itself.
  files: ['out/**', 'resources/**', 'package.json'],
  asar: true,
  directories: { output: 'dist' },
  // No native modules; a rebuild would only download Electron headers for nothing.
  npmRebuild: false,
  // Nothing phones home: no update feed, no app-update.yml, and no publishing from CI on a tag.
  publish: null,

  /**
   * Electron fuses are flipped in the binary at package time, so they cannot be
   * switched back by the environment at run time.
   * @see https://www.electronjs.org/docs/latest/tutorial/fuses
   */
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general Node runtime for any local script.
    runAsNode: false,
    // Chromium's cookie store on disk is encrypted with the OS key (Attune keeps no cookies; this costs nothing).
    enableCookieEncryption: true,
    // NODE_OPTIONS / NODE_EXTRA_CA_CERTS could inject code (--require) or certificates into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and SIGUSR1 would open a debugger into the process that holds the vault key.
    enableNodeCliInspectArguments: false,
    // app.asar is checked against the hash in the signed binary (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Only app.asar is loaded, never a loose app/ folder dropped beside it, so the integrity check cannot be sidestepped.
    onlyLoadAppFromAsar: true,
    // The default V8 snapshot; a separate browser-process snapshot is one more file to trust.
    loadBrowserProcessSpecificV8Snapshot: false,
    // Pages load from app://, never file://, so file:// needs none of its legacy extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },

  linux: {
    target: ['AppImage', 'deb'],
    category: categories.replace(/;$/, ''),
    description: unescapeStringValue(comment),
    executableName: 'attune',
    // Install the entry as attune.desktop (package.json desktopName): Electron's Wayland app_id is derived from it,
    // and the global-shortcuts portal only trusts an app whose app_id names an installed desktop file.
    syncDesktopName: true,
    desktop: { entry },
    icon: 'resources/icon.png',
    // A deb needs a maintainer; package.json has no author. .invalid (RFC 2606) can never receive mail.
    maintainer: 'Attune <attune@example.invalid>',
  },
  appImage: {
    // electron-builder's default adds --no-sandbox to the AppImage's desktop entry; its AppRun already adds it
    // only where user namespaces are unavailable, so everywhere else Chromium's sandbox stays on.
    executableArgs: [],
  },

  mac: {
    target: 'dmg',
    category: 'public.app-category.utilities',
    icon: 'resources/icon.png',
    // Required for notarization; Electron's needed entitlements come from electron-builder's defaults.
    hardenedRuntime: true,
    // A menu-bar app: no Dock icon at launch; platform/electron-app.ts shows it while a normal window is open.
    extendInfo: { LSUIElement: true },
  },

  win: {
    target: 'nsis',
    icon: 'resources/icon.png',
  },
  nsis: {
    // Per-user install (no admin prompt); the shortcut carries appId as its AppUserModelID.
    perMachine: false,
    // Uninstalling never erases the history; "Erase everything" inside the app is the way to do that.
    deleteAppDataOnUninstall: false,
  },
};

export default config;
