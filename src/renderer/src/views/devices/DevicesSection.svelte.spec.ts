import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { devicesCopy, settingsCopy, vaultCopy } from '../../../../shared/copy';
import { ok, refused, vaultStatus } from '../settings/settings-test-kit';
import type { DevicesStatus } from './devices-model';
import { devicesStatus, otherDevice } from './devices-test-kit';
import DevicesSection from './DevicesSection.svelte';

/**
 * Settings › Devices against main's answers: each outcome of set-up, stop
 * and rename is said in the section's one live region, what was typed stays,
 * and focus lands where the next step is. The flows through a real folder
 * are in tests/e2e/devices.spec.ts.
 */
const t = devicesCopy;
const off = devicesStatus;
const on = (over: Partial<DevicesStatus> = {}): DevicesStatus =>
  off({ state: 'on', folder: '/home/sam/Dropbox', deviceName: 'Laptop', linked: true, lastPassAt: Date.UTC(2026, 11, 4, 9), ...over });

const show = (status: DevicesStatus, vault = vaultStatus()) => {
  bridgeAnswers.set('vault.status', () => ok(vault));
  bridgeAnswers.set('devices.status', () => ok(status));
  render(DevicesSection, { headingId: 'settings-devices' });
};
const live = () => screen.getAllByRole('status').at(-1) as HTMLElement;
const calls = (channel: string) => bridgeCalls.filter(([name]) => name === channel);

describe('DevicesSection: sync off', () => {
  test('a recovery key is needed first: made here and shown once, then back to choosing the folder', async () => {
    const user = userEvent.setup();
    show(off());
    bridgeAnswers.set('devices.setUp', () => ok({ outcome: 'needs-recovery-key', status: off() }));
    bridgeAnswers.set('vault.makeRecoveryKey', () => ok({ recoveryKey: 'ABCD-EFGH' }));
    await user.type(await screen.findByLabelText(t.name), 'Laptop');
    await user.click(screen.getByRole('button', { name: t.choose }));
    expect(await screen.findByText(t.needsRecoveryKey)).toBeInTheDocument();
    expect(calls('devices.setUp')).toEqual([['devices.setUp', { deviceName: 'Laptop' }]]);
    // "Not now" leaves it, focus on the way on.
    await user.click(screen.getByRole('button', { name: t.notNow }));
    expect(screen.getByRole('button', { name: t.choose })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.choose }));
    await user.click(await screen.findByRole('button', { name: vaultCopy.recovery.make }));
    expect(await screen.findByRole('heading', { name: vaultCopy.recovery.heading })).toBeInTheDocument();
    expect(screen.getByText('ABCD-EFGH')).toBeInTheDocument();
    expect(screen.getByLabelText(t.name)).toHaveValue('Laptop');
  });

  test.each([
    ['newer-folder', t.newerFolder],
    ['unreadable-folder', t.unreadableFolder],
  ] as const)('%s: said calmly, the name kept, nothing else changes', async (outcome, words) => {
    const user = userEvent.setup();
    show(off());
    bridgeAnswers.set('devices.setUp', () => ok({ outcome, status: off() }));
    await user.type(await screen.findByLabelText(t.name), 'Laptop');
    await user.click(screen.getByRole('button', { name: t.choose }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(words));
    expect(screen.getByLabelText(t.name)).toHaveValue('Laptop');
    expect(screen.getByRole('button', { name: t.choose })).toBeInTheDocument();
  });

  test("a folder holding the other computer's history: offered, Not now, then brought together with the passphrase", async () => {
    const user = userEvent.setup();
    show(off());
    bridgeAnswers.set('devices.setUp', () => ok({ outcome: 'already-set-up', status: off() }));
    await user.type(await screen.findByLabelText(t.name), 'Desk');
    await user.click(screen.getByRole('button', { name: t.choose }));
    expect(await screen.findByText(t.alreadySetUp)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.join.historyStart })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.notNow }));
    expect(screen.getByRole('button', { name: t.choose })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: t.choose }));
    await user.click(await screen.findByRole('button', { name: t.join.historyStart }));
    expect(await screen.findByRole('heading', { name: t.join.historyHeading })).toHaveFocus();
    // One name field, the same name; this history's passphrase, not a new one.
    expect(screen.getAllByLabelText(t.name)).toHaveLength(1);
    expect(screen.getByLabelText(t.name)).toHaveValue('Desk');
    await user.type(screen.getByLabelText(t.join.recoveryKey), 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567');
    const submit = screen.getByRole('button', { name: t.join.historySubmit });
    await user.click(submit);
    expect(await screen.findByText(settingsCopy.privacy.needCurrent)).toBeInTheDocument();
    const current = screen.getByLabelText(settingsCopy.privacy.current);
    expect(current).toHaveFocus();
    expect(calls('devices.link')).toEqual([]);

    bridgeAnswers.set('devices.link', () => refused('wrong-passphrase', 'That passphrase didn’t open your history.'));
    await user.type(current, 'not it');
    await user.click(submit);
    expect(await screen.findByText('That passphrase didn’t open your history.')).toBeInTheDocument();
    expect(current).toHaveFocus();
    expect(screen.getByLabelText(t.join.recoveryKey)).toHaveValue('ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567');

    bridgeAnswers.set('devices.link', () => ok({ outcome: 'linked', vault: vaultStatus(), status: on({ deviceName: 'Desk' }) }));
    bridgeAnswers.set('devices.status', () => ok(on({ deviceName: 'Desk' })));
    await user.clear(current);
    await user.type(current, 'the right words');
    await user.click(submit);
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.join.joined));
    expect(calls('devices.link').at(-1)).toEqual([
      'devices.link',
      {
        recoveryKey: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567',
        deviceName: 'Desk',
        current: { method: 'passphrase', passphrase: 'the right words' },
      },
    ]);
    expect(await screen.findByText('/home/sam/Dropbox')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });

  test('with the keychain alone, nothing to type but the key: the keychain proves it', async () => {
    const user = userEvent.setup();
    show(off(), vaultStatus({ methods: { keychain: true, passphrase: false, recovery: true }, keychainAvailable: true }));
    bridgeAnswers.set('devices.setUp', () => ok({ outcome: 'already-set-up', status: off() }));
    bridgeAnswers.set('devices.link', () => ok({ outcome: 'wrong-recovery-key', vault: vaultStatus(), status: off() }));
    await user.type(await screen.findByLabelText(t.name), 'Desk');
    await user.click(screen.getByRole('button', { name: t.choose }));
    await user.click(await screen.findByRole('button', { name: t.join.historyStart }));
    expect(await screen.findByText(settingsCopy.privacy.newKey.keychain)).toBeInTheDocument();
    expect(screen.queryByLabelText(settingsCopy.privacy.current)).toBeNull();
    await user.type(screen.getByLabelText(t.join.recoveryKey), 'ABCD');
    await user.click(screen.getByRole('button', { name: t.join.historySubmit }));
    expect(await screen.findByText(t.join.wrongKey)).toBeInTheDocument();
    expect(calls('devices.link').at(-1)?.[1]).toMatchObject({ current: { method: 'keychain' } });
    expect(screen.getByLabelText(t.join.recoveryKey)).toHaveFocus();
    // A name changed in the form stays after Back: one name, wherever it was typed.
    await user.type(screen.getByLabelText(t.name), 'top');
    await user.click(screen.getByRole('button', { name: t.join.back }));
    expect(screen.getByRole('button', { name: t.choose })).toHaveFocus();
    expect(screen.getByLabelText(t.name)).toHaveValue('Desktop');
  });

  test('a second press while the dialog is open asks main once', async () => {
    const user = userEvent.setup();
    show(off());
    let answer: (value: unknown) => void = () => undefined;
    bridgeAnswers.set('devices.setUp', () => new Promise((resolve) => (answer = resolve)));
    await user.type(await screen.findByLabelText(t.name), 'Laptop');
    const choose = screen.getByRole('button', { name: t.choose });
    await user.click(choose);
    await user.click(screen.getByRole('button', { name: t.choosing }));
    answer(ok({ outcome: 'set-up', status: on() }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.setUpDone));
    expect(calls('devices.setUp')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });
});

describe('DevicesSection: sync on', () => {
  test('the folder, the name, and the other computers with what sync noticed', async () => {
    show(
      on({
        ownWaiting: 2,
        movedToOwnId: true,
        devices: [otherDevice({ deviceId: 'b'.repeat(32), name: null, waiting: [{ from: 4, to: 5 }] })],
      }),
    );
    expect(await screen.findByText('/home/sam/Dropbox')).toBeInTheDocument();
    expect(screen.getByLabelText(t.name)).toHaveValue('Laptop');
    expect(screen.getByText(t.movedToOwnId)).toBeInTheDocument();
    expect(screen.getByText(t.ownWaiting(2))).toBeInTheDocument();
    const row = screen.getByRole('listitem');
    expect(row).toHaveTextContent(t.anotherComputer);
    expect(row).toHaveTextContent(t.nothingYet);
    expect(row).toHaveTextContent(t.waiting(2, '4–5'));
  });

  test('a name being typed survives a look for changes and a vault event; saved, it follows main again', async () => {
    const user = userEvent.setup();
    show(on());
    bridgeAnswers.set('devices.syncNow', () => ok(on({ lastPassAt: Date.UTC(2026, 11, 4, 10) })));
    const name = await screen.findByLabelText(t.name);
    await user.clear(name);
    await user.type(name, 'Half-typed');
    await user.click(screen.getByRole('button', { name: t.syncNow }));
    await vi.waitFor(() => expect(calls('devices.syncNow')).toHaveLength(1));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    await vi.waitFor(() => expect(calls('devices.status').length).toBeGreaterThan(1));
    expect(name).toHaveValue('Half-typed');
    bridgeAnswers.set('devices.rename', () => ok(on({ deviceName: 'Half-typed' })));
    await user.click(screen.getByRole('button', { name: t.rename }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.renamed));
    bridgeAnswers.set('devices.status', () => ok(on({ deviceName: 'Renamed elsewhere' })));
    emitBridgeEvent('vault.changed', { state: 'unlocked' });
    await vi.waitFor(() => expect(name).toHaveValue('Renamed elsewhere'));
  });

  test('a new name is saved; an empty one is not sent', async () => {
    const user = userEvent.setup();
    show(on({ movedToOwnId: true }));
    bridgeAnswers.set('devices.rename', (request) => ok(on({ deviceName: (request as { deviceName: string }).deviceName })));
    const name = await screen.findByLabelText(t.name);
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: t.rename }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.nameNeeded));
    expect(name).toHaveFocus();
    expect(calls('devices.rename')).toHaveLength(0);
    await user.type(name, 'Work laptop{Enter}');
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.renamed));
    expect(calls('devices.rename')).toEqual([['devices.rename', { deviceName: 'Work laptop' }]]);
    expect(screen.queryByText(t.movedToOwnId)).not.toBeInTheDocument();
  });

  test('stop syncing: a folder that does not take the last file is said, nothing changes, and it can be asked again', async () => {
    const user = userEvent.setup();
    show(on());
    bridgeAnswers.set('devices.remove', () => ok({ outcome: 'folder-unavailable', folderFiles: 'kept', status: on() }));
    await user.click(await screen.findByRole('button', { name: t.stopStart }));
    expect(screen.getByRole('heading', { name: t.stopHeading })).toHaveFocus();
    // Esc is "Not now": nothing is sent, focus back where it was.
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: t.stopStart })).toHaveFocus();
    expect(calls('devices.remove')).toHaveLength(0);
    await user.keyboard('{Enter}');
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.stopFolderUnavailable));
    expect(screen.getByRole('button', { name: t.stopStart })).toHaveFocus();
    expect(screen.getByText('/home/sam/Dropbox')).toBeInTheDocument();
    bridgeAnswers.set('devices.remove', () => ok({ outcome: 'removed', folderFiles: 'kept', status: off() }));
    await user.click(screen.getByRole('button', { name: t.stopStart }));
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.stopped));
    expect(screen.getByRole('button', { name: t.choose })).toBeInTheDocument();
  });

  test("the last computer may take Attune's files out of the folder: off until ticked, unticked when asked again", async () => {
    const user = userEvent.setup();
    const removed = otherDevice({ deviceId: 'e'.repeat(32), name: 'Old laptop', final: true });
    show(on({ devices: [removed] }));
    bridgeAnswers.set('devices.remove', () =>
      ok({ outcome: 'folder-unavailable', folderFiles: 'kept', status: on({ devices: [removed] }) }),
    );
    await user.click(await screen.findByRole('button', { name: t.stopStart }));
    expect(screen.getByText(t.stopBodyOnly)).toBeInTheDocument();
    const also = screen.getByRole('checkbox', { name: t.stopAlsoFolder });
    expect(also).not.toBeChecked();
    expect(also).toHaveAccessibleDescription(t.stopAlsoFolderHint);
    // Ticked, then the folder refuses: asked again, it starts unticked.
    await user.click(also);
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    expect(calls('devices.remove')).toEqual([['devices.remove', { alsoFolderFiles: true }]]);
    await user.click(await screen.findByRole('button', { name: t.stopStart }));
    expect(screen.getByRole('checkbox', { name: t.stopAlsoFolder })).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    expect(calls('devices.remove').at(-1)).toEqual(['devices.remove', { alsoFolderFiles: false }]);
  });

  test.each([
    ['deleted', t.stoppedFolderDeleted],
    ['another-computer', t.stoppedOtherComputer],
    ['some-left', t.stoppedSomeLeft],
  ] as const)('what became of the folder files is said: %s', async (folderFiles, words) => {
    const user = userEvent.setup();
    show(on());
    bridgeAnswers.set('devices.remove', () => ok({ outcome: 'removed', folderFiles, status: off() }));
    await user.click(await screen.findByRole('button', { name: t.stopStart }));
    await user.click(screen.getByRole('checkbox', { name: t.stopAlsoFolder }));
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(words));
  });

  test('while another computer syncs there, the folder files are not offered', async () => {
    const user = userEvent.setup();
    show(on({ devices: [otherDevice({ deviceId: 'e'.repeat(32), name: 'Desktop', final: false })] }));
    bridgeAnswers.set('devices.remove', () => ok({ outcome: 'removed', folderFiles: 'kept', status: off() }));
    await user.click(await screen.findByRole('button', { name: t.stopStart }));
    expect(screen.getByText(t.stopBody)).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    expect(calls('devices.remove')).toEqual([['devices.remove', { alsoFolderFiles: false }]]);
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.stopped));
  });

  test('a link that no longer opens says why, and can be forgotten', async () => {
    const user = userEvent.setup();
    show(off({ state: 'unreadable', linked: true }));
    expect(await screen.findByText(t.unreadableLink)).toBeInTheDocument();
    bridgeAnswers.set('devices.remove', () => ok({ outcome: 'removed', folderFiles: 'kept', status: off() }));
    await user.click(screen.getByRole('button', { name: t.forget }));
    await user.click(screen.getByRole('button', { name: t.stopConfirm }));
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.stopped));
  });
});

describe('DevicesSection: files kept aside (§7.1)', () => {
  const laptop = (held: number) => otherDevice({ deviceId: 'e'.repeat(32), name: 'Laptop', held, lastSeenAt: Date.UTC(2026, 11, 4, 9) });

  test('its row says so, with "Add them anyway"; pressed twice it asks once; a refusal is said; then added, said, focus on the section', async () => {
    const user = userEvent.setup();
    show(on({ devices: [laptop(2)] }));
    const add = await screen.findByRole('button', { name: t.addHeld });
    expect(add).toHaveAccessibleDescription(t.keptAside);
    let answer: (value: unknown) => void = () => undefined;
    bridgeAnswers.set('devices.addHeld', () => new Promise((resolve) => (answer = resolve)));
    await user.click(add);
    await user.click(add);
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(calls('devices.addHeld')).toEqual([['devices.addHeld', { deviceId: 'e'.repeat(32) }]]);
    answer(refused('disk-full', 'Couldn’t save — the disk is full.'));
    // Said in the row, beside the button pressed.
    const row = screen.getByRole('listitem');
    await vi.waitFor(() => expect(within(row).getByRole('status')).toHaveTextContent('Couldn’t save — the disk is full.'));
    expect(add).toHaveAttribute('aria-disabled', 'false');

    bridgeAnswers.set('devices.addHeld', () => ok(on({ devices: [laptop(0)] })));
    await user.click(add);
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.heldAdded));
    expect(screen.queryByRole('button', { name: t.addHeld })).toBeNull();
    expect(screen.getByRole('listitem')).not.toHaveTextContent(t.keptAside);
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });
});

describe('DevicesSection: many entries deleted on another computer (§11 Q5)', () => {
  test('its row says how many went here too, in its own words below its name, with no button to press', async () => {
    const at = Date.UTC(2026, 11, 4, 9, 30);
    show(on({ devices: [otherDevice({ name: 'Laptop', lastSeenAt: at, manyDeleted: { count: 300, at } })] }));
    const row = await screen.findByRole('listitem');
    expect(within(row).getByRole('heading', { name: 'Laptop' })).toBeInTheDocument();
    expect(row).toHaveTextContent(/300 entries deleted on it were deleted here too, on .*2026/);
    expect(within(row).queryByRole('button')).toBeNull();
  });
});

describe('DevicesSection: a new encryption key (§4.6)', () => {
  const desktop = (needsKey: string[]) => otherDevice({ deviceId: 'c'.repeat(32), needsKey, lastSeenAt: Date.UTC(2026, 11, 4, 9) });
  const KEY = 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567';

  test('another computer took one: its row offers to enter the new recovery key; wrong key, wrong passphrase, Esc, then taken', async () => {
    const user = userEvent.setup();
    show(on({ devices: [desktop(['d'.repeat(32)])] }));
    const start = await screen.findByRole('button', { name: t.adopt.start });
    expect(screen.getByRole('listitem')).toHaveTextContent(t.newKey);
    await user.click(start);
    expect(screen.getByRole('form', { name: t.adopt.heading })).toContainElement(screen.getByLabelText(t.join.recoveryKey));
    expect(screen.getByRole('heading', { name: t.adopt.heading })).toHaveFocus();
    // Esc leaves, focus back on the way in; nothing was sent.
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: t.adopt.heading })).toBeNull();
    expect(screen.getByRole('button', { name: t.adopt.start })).toHaveFocus();
    expect(calls('devices.adoptKey')).toEqual([]);

    await user.click(screen.getByRole('button', { name: t.adopt.start }));
    const key = screen.getByLabelText(t.join.recoveryKey);
    await user.type(key, KEY);
    const submit = screen.getByRole('button', { name: t.adopt.submit });
    await user.click(submit);
    expect(await screen.findByText(settingsCopy.privacy.needCurrent)).toBeInTheDocument();
    const current = screen.getByLabelText(settingsCopy.privacy.current);
    expect(current).toHaveFocus();

    bridgeAnswers.set('devices.adoptKey', () => ok({ outcome: 'wrong-recovery-key', vault: vaultStatus(), status: on() }));
    await user.type(current, 'the right words');
    await user.click(submit);
    expect(await screen.findByText(t.adopt.wrongKey)).toBeInTheDocument();
    expect(key).toHaveFocus();
    bridgeAnswers.set('devices.adoptKey', () => refused('wrong-passphrase', 'That passphrase did not unlock your history.'));
    await user.click(submit);
    expect(await screen.findByText('That passphrase did not unlock your history.')).toBeInTheDocument();
    expect(current).toHaveFocus();
    expect(key).toHaveValue(KEY);

    bridgeAnswers.set('devices.adoptKey', () => ok({ outcome: 'adopted', vault: vaultStatus(), status: on({ devices: [desktop([])] }) }));
    await user.click(submit);
    await vi.waitFor(() => expect(live()).toHaveTextContent(t.adopt.done));
    expect(calls('devices.adoptKey').at(-1)).toEqual([
      'devices.adoptKey',
      { recoveryKey: KEY, current: { method: 'passphrase', passphrase: 'the right words' } },
    ]);
    expect(screen.queryByRole('button', { name: t.adopt.start })).toBeNull();
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });

  test('this computer took one and its recovery key is not kept yet: said, with a way to make one; kept, sync shows on', async () => {
    const user = userEvent.setup();
    show(off({ state: 'needs-recovery-key', linked: true }));
    expect(await screen.findByText(t.rekeyWaiting)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.choose })).toBeNull();
    bridgeAnswers.set('vault.makeRecoveryKey', () => ok({ recoveryKey: KEY }));
    bridgeAnswers.set('vault.keepRecoveryKey', () => ok(vaultStatus()));
    await user.click(screen.getByRole('button', { name: vaultCopy.recovery.make }));
    expect(await screen.findByText(KEY)).toBeInTheDocument();
    bridgeAnswers.set('devices.status', () => ok(on()));
    await user.click(screen.getByRole('button', { name: vaultCopy.recovery.done }));
    expect(await screen.findByText('/home/sam/Dropbox')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });
});

describe('DevicesSection: before set-up and while locked', () => {
  test('locked: only that, nothing of the folder', async () => {
    show(off({ state: 'locked', linked: true }), vaultStatus({ state: 'locked' }));
    expect(await screen.findByText(t.locked)).toBeInTheDocument();
    expect(screen.queryByLabelText(t.name)).not.toBeInTheDocument();
  });

  test('not set up: joining is offered; what was typed stays after an answer that is not "joined"', async () => {
    const user = userEvent.setup();
    show(off(), vaultStatus({ state: 'not-set-up' }));
    await user.click(await screen.findByRole('button', { name: t.join.start }));
    expect(await screen.findByRole('heading', { name: t.join.heading })).toHaveFocus();
    // Nothing typed: the form says what the field is for and puts focus there; main is not asked.
    await user.click(screen.getByRole('button', { name: t.join.submit }));
    const key = screen.getByLabelText(t.join.recoveryKey);
    await vi.waitFor(() => expect(key).toHaveFocus());
    expect(calls('devices.link')).toHaveLength(0);
    await user.type(key, 'ABCD');
    await user.type(screen.getByLabelText(t.name), 'Desktop');
    await user.type(screen.getByLabelText(vaultCopy.setup.passphraseField), 'a long quiet river');
    await user.type(screen.getByLabelText(vaultCopy.setup.confirmField), 'a long quiet river');
    bridgeAnswers.set('devices.link', () => ok({ outcome: 'has-history', vault: vaultStatus({ state: 'not-set-up' }), status: off() }));
    await user.click(screen.getByRole('button', { name: t.join.submit }));
    expect(await screen.findByText(t.join.hasHistory)).toBeInTheDocument();
    expect(key).toHaveValue('ABCD');
    expect(calls('devices.link')[0]?.[1]).toEqual({
      recoveryKey: 'ABCD',
      deviceName: 'Desktop',
      setup: { useKeychain: false, passphrase: 'a long quiet river', createRecoveryKey: false },
    });
    // Back: the form goes, focus on the section's heading.
    await user.click(screen.getByRole('button', { name: t.join.back }));
    expect(screen.getByRole('heading', { name: settingsCopy.sections.devices })).toHaveFocus();
  });
});
