import './styles/base.css';

import { mount } from 'svelte';

import { useSystemLanguages } from '../../shared/i18n/format-locale';
import { effectiveLocale } from '../../shared/i18n/locale-choice';
import type { Settings } from '../../shared/settings-schema';
import { applyAppearance } from './lib/appearance';
import { bridge } from './lib/bridge';
import { showMessages } from './lib/messages-state.svelte';
import { namespacesFor } from './lib/window-namespaces';
import { listenForZoomKeys } from './lib/zoom-keys';
import Popover from './views/Popover.svelte';

/**
 * One renderer, three kinds of window: the route in the URL hash says which
 * (`#popover`, `#app/<view>`, `#pause`). Only the popover is in the initial
 * bundle; the others load on demand so the popover opens fast.
 */
const target = document.getElementById('app') as HTMLElement;
const route = location.hash.replace(/^#/, '') || 'popover';

const api = bridge();
useSystemLanguages(navigator.languages);
const zoomKeys = listenForZoomKeys(api);
/** The language this window speaks: the choice in Settings, or the system's (Chromium's list is the system's here). */
const languageOf = (settings: Settings | undefined) => effectiveLocale(settings?.appearance.language ?? 'system', navigator.languages);
const atStart = await api.settings.get();
if (atStart.ok) {
  applyAppearance(atStart.value.appearance);
  zoomKeys.known(atStart.value);
}
api.events.onSettingsChanged((settings) => {
  applyAppearance(settings.appearance);
  zoomKeys.known(settings);
  void showMessages(languageOf(settings));
});

// The words first: nothing is shown before they are here.
await showMessages(languageOf(atStart.ok ? atStart.value : undefined), namespacesFor(route));

if (route.startsWith('app')) {
  const { default: AppWindow } = await import('./views/AppWindow.svelte');
  mount(AppWindow, { target, props: { initialView: route.split('/')[1] ?? 'history' } });
} else if (route.startsWith('pause')) {
  const { default: PauseView } = await import('./views/pause/PauseView.svelte');
  mount(PauseView, { target });
} else {
  mount(Popover, { target });
}
