import { join } from 'node:path';

import { Menu, type MenuItemConstructorOptions, nativeImage, Tray } from 'electron';

import { appCopy } from '../../shared/copy';
import type { TrayPort } from '../app/platform';
import type { Rect } from '../popover/popover-position';
import type { TrayAction, TrayMenuItem } from '../tray/tray-menu-model';

export type { TrayPort };

/**
 * Pure: which icon suits this platform. macOS always gets the template image
 * (the system tints it); elsewhere discreet mode (the default) is a plain light
 * glyph, and the coloured icon only when the person turned discreet mode off.
 */
export const trayIconFile = (resourcesDir: string, platform: string, discreet = true): string => {
  if (platform === 'darwin') return join(resourcesDir, 'trayTemplate.png');
  return join(resourcesDir, discreet ? 'tray-light.png' : 'tray-color.png');
};

const toTemplate = (items: TrayMenuItem[], onAction: (action: TrayAction) => void): MenuItemConstructorOptions[] =>
  items.map((item): MenuItemConstructorOptions => {
    if (item.id === 'separator') return { type: 'separator' };
    const action = item.id;
    return {
      label: item.label,
      enabled: item.enabled,
      ...(item.accelerator ? { accelerator: item.accelerator, registerAccelerator: false } : {}),
      ...(item.submenu ? { submenu: toTemplate(item.submenu, onAction) } : {}),
      ...(item.submenu || action === 'next-pause' || action === 'reminders' ? {} : { click: () => onAction(action) }),
    };
  });

/**
 * macOS and Windows: left click opens the popover, right click the menu.
 * Linux (AppIndicator) only ever shows the menu, so "Check in now" leads the menu there.
 */
export const createTray = (
  resourcesDir: string,
  platform: string,
  onAction: (action: TrayAction) => void,
  onClick: (bounds: Rect | null) => void,
): TrayPort => {
  const imageFor = (discreet: boolean) => {
    const image = nativeImage.createFromPath(trayIconFile(resourcesDir, platform, discreet));
    if (platform === 'darwin') image.setTemplateImage(true);
    return image;
  };
  const tray = new Tray(imageFor(true));
  tray.setToolTip(appCopy.tooltip);
  let menu = Menu.buildFromTemplate([]);
  const bounds = (): Rect | null => {
    const b = tray.getBounds();
    return b.width > 0 ? b : null;
  };
  if (platform === 'linux') {
    tray.on('click', () => onClick(null));
  } else {
    tray.on('click', () => onClick(bounds()));
    tray.on('right-click', () => tray.popUpContextMenu(menu));
  }
  return {
    setMenu(items) {
      menu = Menu.buildFromTemplate(toTemplate(items, onAction));
      if (platform === 'linux') tray.setContextMenu(menu);
    },
    setDiscreet: (discreet) => tray.setImage(imageFor(discreet)),
    bounds,
    destroy: () => tray.destroy(),
  };
};
