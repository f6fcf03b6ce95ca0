import type { AttuneApi } from '../shared/ipc/attune-api';

declare global {
  interface Window {
    attune: AttuneApi;
  }
}
