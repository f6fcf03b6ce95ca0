import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

import Ajv from 'ajv';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

import config, { APP_ID } from '../../electron-builder.config';
import { parseDesktopEntry, unescapeStringValue } from '../../src/main/autostart/desktop-entry';

/**
 * Electron cannot be downloaded on these machines, so `npm run dist` cannot
 * run here. What can be checked without it: the config's shape, that
 * electron-builder itself loads and accepts it, and that it agrees with the
 * app (ids, desktop entry, fuses).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(resolve(ROOT, path), 'utf8');
const packageJson = JSON.parse(read('package.json')) as { desktopName: string; productName: string; scripts: { dist: string } };
const DESKTOP_FILE = 'resources/attune.desktop';

describe('electron-builder config', () => {
  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });

  it('sets exactly these fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app, its resources and package.json, into an asar', () => {
    expect(config.files).toEqual(['out/**', 'resources/**', 'package.json']);
    expect(config.asar).toBe(true);
  });

  it('publishes nowhere, at any level', () => {
    expect(config.publish).toBeNull();
    const everyPublish = JSON.stringify(config).match(/"publish":[^,}]*/g) ?? [];
    expect(everyPublish).toEqual(['"publish":null']);
    expect(packageJson.scripts.dist).toContain('--publish never');
  });

  it('uses the AppUserModelID the app sets at start-up as its appId', () => {
    // Set by the composition root (src/main/app), which src/main/index.ts only calls.
    const setAtStart = /setAppUserModelId\('([^']+)'\)/.exec(read('src/main/app/create-attune.ts'))?.[1];
    expect(setAtStart).toBe('org.attune.app');
    expect(config.appId).toBe(setAtStart);
    expect(APP_ID).toBe(setAtStart);
    expect(config.productName).toBe(packageJson.productName);
  });

  it('has no Dock icon by default and a hardened runtime on macOS', () => {
    expect(config.mac?.extendInfo).toEqual({ LSUIElement: true });
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('takes the Linux desktop entry from resources/attune.desktop (minus Exec, which electron-builder writes)', () => {
    const app = parseDesktopEntry(read(DESKTOP_FILE)).groups['Desktop Entry']!;
    const { Exec: _exec, Categories, Comment, ...rest } = app;
    expect(config.linux?.desktop).toEqual({ entry: rest });
    expect(`${config.linux?.category};`).toBe(Categories);
    expect(config.linux?.description).toBe(unescapeStringValue(Comment!));
    expect(config.linux?.syncDesktopName).toBe(true);
    // The sandbox stays on in the AppImage wherever the system allows it.
    expect(config.appImage?.executableArgs).toEqual([]);
  });

  it('is valid against the JSON schema electron-builder ships', () => {
    const schema = JSON.parse(read('node_modules/app-builder-lib/scheme.json')) as object;
    // strict: false because the schema uses non-standard annotation keywords; no type coercion, unlike electron-builder's own run.
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const valid = validate(JSON.parse(JSON.stringify(config)));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is loaded and accepted by electron-builder itself, the way `electron-builder --config` reads it', async () => {
    const configFile = /--config (\S+)/.exec(packageJson.scripts.dist)?.[1];
    expect(configFile).toBe('electron-builder.config.ts');
    const loaded = await getConfig(ROOT, configFile!, null);
    expect(loaded).toMatchObject({ appId: APP_ID, electronFuses: config.electronFuses, linux: { desktop: config.linux?.desktop } });
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });
});

describe('resources/attune.desktop', () => {
  const text = read(DESKTOP_FILE);
  const parsed = parseDesktopEntry(text);

  it('parses as a Desktop Entry with no problems', () => {
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.groups)).toEqual(['Desktop Entry']);
  });

  it('has the keys the app needs', () => {
    expect(parsed.groups['Desktop Entry']).toMatchObject({
      Type: 'Application',
      Name: 'Attune',
      Exec: 'attune %U',
      Icon: 'attune',
      Categories: 'Utility;',
      StartupWMClass: 'Attune',
      'X-GNOME-UsesNotifications': 'true',
    });
  });

  it('is named as package.json desktopName, which Electron uses as the Wayland app id for the shortcuts portal', () => {
    expect(basename(DESKTOP_FILE)).toBe(packageJson.desktopName);
  });

  it('describes the app without words others should not see', () => {
    const comment = parsed.groups['Desktop Entry']!.Comment!;
    expect(comment).not.toMatch(
      /trauma|mental|health|therap|anxi|stress|panic|crisis|safe|feel|mood|depress|ptsd|heal|wellbeing|cope|emotion/i,
    );
  });
});
