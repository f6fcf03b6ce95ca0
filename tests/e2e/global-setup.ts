import { ELECTRON_SKIP_REASON, electronBinary } from './electron-skip-reason';

/** Runs once in the runner process, so the skip reason is printed once, plainly. */
export default function globalSetup(): void {
  if (electronBinary === null) console.log(ELECTRON_SKIP_REASON);
}
