import type { AppInfo, ViewId } from '../../shared/ipc/app-contract';
import type { appContract } from '../../shared/ipc/app-contract';
import type { SettingsService } from '../settings/settings-service';
import type { WindowKind } from './call-context';
import type { HandlerTable } from './dispatch';

/** What the app handlers need from the windows; the platform layer implements it. */
export interface UiPort {
  hidePopover(): void;
  openView(view: ViewId): void;
  /** The section last asked of the open app window after the one it opened with, or null. */
  viewAsked(): ViewId | null;
  /** Close the window of that kind (the popover is hidden, never destroyed). */
  closeWindow(window: WindowKind): void;
}

export interface AppHandlerDeps {
  settings: SettingsService;
  ui: UiPort;
  info: () => AppInfo | Promise<AppInfo>;
}

export const createAppHandlers = ({ settings, ui, info }: AppHandlerDeps): HandlerTable<typeof appContract> => ({
  'app.info': () => info(),
  'settings.get': () => settings.get(),
  'settings.set': (patch) => settings.set(patch),
  'ui.closePopover': () => {
    ui.hidePopover();
    return null;
  },
  'ui.closeWindow': (_request, { window }) => {
    ui.closeWindow(window);
    return null;
  },
  'ui.openView': ({ view }) => {
    ui.openView(view);
    return null;
  },
  'ui.viewAsked': () => ui.viewAsked(),
});
