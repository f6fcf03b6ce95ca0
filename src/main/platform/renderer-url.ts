import { APP_ORIGIN } from '../../shared/csp';

/** Where a window's page comes from: the dev server in `npm run dev`, app:// otherwise. */
export const devServerOrigin = (): string | null => {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
};

export const rendererUrl = (route: string): string => {
  const dev = process.env.ELECTRON_RENDERER_URL;
  const base = dev ? dev.replace(/\/$/, '') : APP_ORIGIN;
  return `${base}/index.html#${route}`;
};
