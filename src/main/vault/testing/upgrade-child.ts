import { runKillChild } from './kill-child';

/**
 * Child process for the upgrade kill -9 loop (upgrade-kill-loop.ts). Loads,
 * prints "ready", waits for "go", then unlocks a version-1 vault (the unlock
 * rolls it into version 2), prints "open" and waits to be killed.
 */
const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: upgrade-child <vault dir>');

runKillChild({ name: 'upgrade-child', vault: { dir, scrypt: { N: 2 ** 10, r: 8, p: 1 } } });
