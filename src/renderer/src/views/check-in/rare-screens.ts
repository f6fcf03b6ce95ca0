/**
 * The screens a check-in shows only sometimes — the lock screen and set-up,
 * the recovery key, the follow-up question — as one chunk, so the popover's
 * first paint carries none of them (CheckInFlow loads it when idle, and
 * before showing any of them).
 */
export { default as FollowUpScreen } from './FollowUpScreen.svelte';
export { default as RecoveryKeyNotice } from './RecoveryKeyNotice.svelte';
export { default as VaultGate } from './VaultGate.svelte';
