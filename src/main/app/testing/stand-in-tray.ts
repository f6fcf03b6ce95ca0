import type { Rect } from '../../popover/popover-position';
import type { TrayAction, TrayMenuItem } from '../../tray/tray-menu-model';
import type { TrayPort } from '../platform';

/** The tray without Electron: the real menu model, whose items a test clicks as a person would. */
export class StandInTray implements TrayPort {
  menu: TrayMenuItem[] = [];
  discreet = true;
  destroyed = false;

  constructor(
    private readonly onAction: (action: TrayAction) => void,
    private readonly onClick: (bounds: Rect | null) => void,
    private readonly iconBounds: Rect | null = null,
  ) {}

  setMenu(items: TrayMenuItem[]): void {
    this.menu = items;
  }

  setDiscreet(discreet: boolean): void {
    this.discreet = discreet;
  }

  bounds(): Rect | null {
    return this.iconBounds;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Labels as shown, submenus indented by two spaces; disabled items in brackets. */
  labels(items: TrayMenuItem[] = this.menu, depth = 0): string[] {
    return items.flatMap((item) => {
      if (item.id === 'separator') return [];
      const line = `${'  '.repeat(depth)}${item.enabled ? item.label : `[${item.label}]`}`;
      return [line, ...(item.submenu ? this.labels(item.submenu, depth + 1) : [])];
    });
  }

  /** Clicks the menu item with this id (searching submenus); refuses what a person could not click. */
  click(id: TrayAction): void {
    const item = find(this.menu, id);
    if (!item) throw new Error(`the tray menu has no item '${id}' now (it shows: ${this.labels().join(' | ')})`);
    if (!item.enabled) throw new Error(`the tray menu item '${id}' is disabled`);
    this.onAction(id);
  }

  clickIcon(): void {
    this.onClick(this.iconBounds);
  }
}

const find = (items: TrayMenuItem[], id: TrayAction): TrayMenuItem | undefined => {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? find(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
};
