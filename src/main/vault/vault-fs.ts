import { type FsPort, nodeFs } from '../fs/fs-port';

/** @deprecated The port is general now: use `FsPort` from src/main/fs/fs-port. */
export type VaultFs = FsPort;

/** @deprecated Use `nodeFs` from src/main/fs/fs-port. */
export const nodeVaultFs: FsPort = nodeFs;

/** @deprecated Use `isNotFound` from src/main/fs/storage-error. */
export { isNotFound } from '../fs/storage-error';
