/** Where a window can be pointed; kept apart from the zod contract so the renderer can import it cheaply. */
export const VIEWS = ['check-in', 'history', 'insights', 'settings', 'help', 'pause', 'welcome'] as const;
export type ViewId = (typeof VIEWS)[number];
