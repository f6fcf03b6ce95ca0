import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';

import { bridgeAnswers, bridgeCalls, emitBridgeEvent } from '../../../../../tests/renderer-setup';
import { devicesCopy, settingsCopy, vaultCopy } from '../../../../shared/copy';
import { devicesStatus, otherDevice } from '../devices/devices-test-kit';
import PrivacySection from './PrivacySection.svelte';
import SectionHost from './SectionHost.svelte';
import { baseInfo, loadWith, ok, refused, vaultStatus } from './settings-test-kit';

const t = settingsCopy.privacy;
const called = (channel: string) => bridgeCalls.filter(([c]) => c === channel).map(([, request]) => request);
const renderPrivacy = async (status = vaultStatus()) => {
  await loadWith();
  bridgeAnswers.set('vault.status', () => ok(status));
  render(SectionHost, { section: PrivacySection, headingId: 'settings-privacy' });
  await screen.findByRole('heading', { name: t.unlockHeading });
};

describe('PrivacySection: how the history unlocks', () => {
  test('lists the ways it opens: keychain and recovery key', async () => {
    await renderPrivacy(vaultStatus({ methods: { keychain: true, passphrase: false, recovery: true } }));
    expect(await screen.findByText(t.methods.keychain)).toBeInTheDocument();
    expect(screen.getByText(t.methods.recovery)).toBeInTheDocument();
    expect(screen.queryByText(t.methods.passphrase)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: t.addPassphrase })).toBeInTheDocument();
  });

  test('not set up: says so, and offers no export, erase or Lock now', async () => {
    await renderPrivacy(
      vaultStatus({ state: 'not-set-up', methods: { keychain: false, passphrase: false, recovery: false }, entryCount: null }),
    );
    expect(await screen.findByText(t.notSetUp)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.exportStart })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.eraseStart })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.lockNow })).not.toBeInTheDocument();
    // The lock settings are settings, there from the start.
    expect(screen.getByRole('combobox', { name: t.lockAfter })).toHaveValue('15');
  });

  test('change passphrase: the lost-passphrase sentence, a check that both match, then the change', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.changePassphrase }));
    expect(screen.getByLabelText(t.current)).toHaveFocus();
    expect(screen.getByText(vaultCopy.lostPassphrase)).toBeInTheDocument();

    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.type(screen.getByLabelText(t.next), 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet wordz');
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    expect(screen.getByText(vaultCopy.setup.noMatch)).toBeInTheDocument();
    expect(called('vault.changePassphrase')).toEqual([]);

    await user.clear(screen.getByLabelText(t.again));
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    bridgeAnswers.set('vault.changePassphrase', () => ok({ status: vaultStatus(), recoveryKey: null }));
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(screen.getByText(t.passphraseChanged)).toBeInTheDocument());
    expect(called('vault.changePassphrase')).toEqual([
      { current: { method: 'passphrase', passphrase: 'old quiet words' }, next: 'new quiet words' },
    ]);
    expect(screen.queryByLabelText(t.current)).not.toBeInTheDocument();
  });

  test('change passphrase with a new key: the option is sent, and the new recovery key is shown once', async () => {
    const user = userEvent.setup();
    const KEY = '7K3M-QX9P-7K3M-QX9P-7K3M-QX9P-7K3M-QX9P';
    await renderPrivacy(vaultStatus({ methods: { keychain: false, passphrase: true, recovery: true } }));
    await user.click(await screen.findByRole('button', { name: t.changePassphrase }));
    const option = screen.getByRole('checkbox', { name: t.replaceKey });
    expect(option).not.toBeChecked();
    expect(option).toHaveAccessibleDescription(t.replaceKeyHint);
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.type(screen.getByLabelText(t.next), 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    // Saying the old passphrase may be known turns the new key on; it can still be turned off, and on again.
    await user.click(screen.getByRole('checkbox', { name: t.mayBeKnown }));
    expect(option).toBeChecked();
    await user.click(option);
    expect(option).not.toBeChecked();
    await user.click(option);
    bridgeAnswers.set('vault.changePassphrase', () =>
      ok({ status: vaultStatus({ methods: { keychain: false, passphrase: true, recovery: false } }), recoveryKey: KEY }),
    );
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(screen.getByText(t.passphraseChangedNewKey(true))).toBeInTheDocument());
    expect(called('vault.changePassphrase')).toEqual([
      { current: { method: 'passphrase', passphrase: 'old quiet words' }, next: 'new quiet words', replaceKey: true },
    ]);
    expect(screen.getByText(KEY)).toBeInTheDocument();
    // The new recovery key keeps the focus it takes, as at set-up (Change passphrase does not take it back).
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: vaultCopy.recovery.heading })).toHaveFocus());
  });

  test('replace the key: the new recovery key takes focus, the confirmation says the old one stopped; done returns to the section', async () => {
    const user = userEvent.setup();
    const KEY = '7K3M-QX9P-7K3M-QX9P-7K3M-QX9P-7K3M-QX9P';
    await renderPrivacy(vaultStatus({ methods: { keychain: false, passphrase: true, recovery: true } }));
    bridgeAnswers.set('vault.replaceKey', () =>
      ok({ status: vaultStatus({ methods: { keychain: false, passphrase: true, recovery: false } }), recoveryKey: KEY }),
    );
    await user.click(await screen.findByRole('button', { name: t.newKey.start }));
    await user.type(screen.getByLabelText(t.current), 'old quiet words');
    await user.click(screen.getByRole('button', { name: t.newKey.confirm }));
    await vi.waitFor(() => expect(screen.getByRole('heading', { name: vaultCopy.recovery.heading })).toHaveFocus());
    expect(screen.getByText(KEY)).toBeInTheDocument();
    expect(screen.getByText(t.newKey.done(true))).toBeInTheDocument();
    expect(called('vault.replaceKey')).toEqual([{ current: { method: 'passphrase', passphrase: 'old quiet words' } }]);
    bridgeAnswers.set('vault.keepRecoveryKey', () => ok(vaultStatus({ methods: { keychain: false, passphrase: true, recovery: true } })));
    await user.click(screen.getByRole('button', { name: vaultCopy.recovery.done }));
    await vi.waitFor(() => expect(screen.getByRole('heading', { level: 2, name: settingsCopy.sections.privacy })).toHaveFocus());
  });

  test('a recovery key in use: a new one can be made in its place, shown like at set-up', async () => {
    const user = userEvent.setup();
    const KEY = 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
    await renderPrivacy(vaultStatus({ methods: { keychain: false, passphrase: true, recovery: true } }));
    bridgeAnswers.set('vault.makeRecoveryKey', () => ok({ recoveryKey: KEY }));
    const replace = await screen.findByRole('button', { name: vaultCopy.recovery.replace });
    expect(replace).toHaveAccessibleDescription(vaultCopy.recovery.replaceHint);
    await user.click(replace);
    await vi.waitFor(() => expect(screen.getByText(KEY)).toBeInTheDocument());
    expect(called('vault.makeRecoveryKey')).toHaveLength(1);
  });

  test('synced: "Make a new recovery key" says it comes with a new key, and opens Replace the key instead of making one alone', async () => {
    const user = userEvent.setup();
    bridgeAnswers.set('devices.status', () =>
      ok(devicesStatus({ state: 'on', folder: '/home/sam/Sync', deviceName: 'Laptop', linked: true })),
    );
    await renderPrivacy(vaultStatus({ methods: { keychain: false, passphrase: true, recovery: true } }));
    const replace = await screen.findByRole('button', { name: vaultCopy.recovery.replace });
    await vi.waitFor(() => expect(replace).toHaveAccessibleDescription(devicesCopy.newRecoveryKey));
    await user.click(replace);
    expect(screen.getByRole('form', { name: t.newKey.heading })).toBeInTheDocument();
    expect(screen.getByLabelText(t.current)).toHaveFocus();
    expect(screen.getByText(devicesCopy.replaceKey)).toBeInTheDocument();
    // Twice, and Esc: still one panel, nothing asked of main; Esc closes it.
    await user.click(replace);
    expect(screen.getAllByRole('form', { name: t.newKey.heading })).toHaveLength(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: t.newKey.heading })).not.toBeInTheDocument();
    // Back where the person pressed, not on the panel's own button further down.
    expect(replace).toHaveFocus();
    expect(called('vault.makeRecoveryKey')).toEqual([]);
    expect(called('vault.replaceKey')).toEqual([]);
  });

  test('a wrong current passphrase: main’s calm message, and the form stays open', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    const WRONG = 'That passphrase did not unlock your history. Nothing was changed. Try again?';
    bridgeAnswers.set('vault.changePassphrase', () => refused('wrong-passphrase', WRONG));
    await user.click(await screen.findByRole('button', { name: t.changePassphrase }));
    await user.type(screen.getByLabelText(t.current), 'not it at all');
    await user.type(screen.getByLabelText(t.next), 'new quiet words');
    await user.type(screen.getByLabelText(t.again), 'new quiet words');
    await user.click(screen.getByRole('button', { name: t.savePassphrase }));
    await vi.waitFor(() => expect(screen.getByText(WRONG)).toBeInTheDocument());
    expect(screen.getByLabelText(t.current)).toBeInTheDocument();
  });
});

describe('PrivacySection: locking', () => {
  test('lock after off / 5 / 15 / 30 / 60 minutes and with the screen; Lock now locks', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    const after = screen.getByRole('combobox', { name: t.lockAfter });
    expect([...(after as HTMLSelectElement).options].map((o) => o.value)).toEqual(['off', '5', '15', '30', '60']);
    await user.selectOptions(after, '5');
    await user.click(screen.getByRole('checkbox', { name: t.lockWithScreen }));
    await vi.waitFor(() => expect(called('settings.set')).toHaveLength(2));
    expect(called('settings.set')[1]).toEqual({ privacy: { lockAfterIdleMinutes: 5, lockWithScreen: false } });

    bridgeAnswers.set('vault.lock', () => ok(vaultStatus({ state: 'locked', entryCount: null })));
    await user.click(await screen.findByRole('button', { name: t.lockNow }));
    await vi.waitFor(() => expect(screen.getByText(t.lockedNow)).toBeInTheDocument());
    expect(called('vault.lock')).toHaveLength(1);
  });

  test('follows the vault when it changes elsewhere (locked from the tray)', async () => {
    await renderPrivacy();
    expect(await screen.findByRole('button', { name: t.lockNow })).toBeInTheDocument();
    bridgeAnswers.set('vault.status', () => ok(vaultStatus({ state: 'locked', entryCount: null })));
    emitBridgeEvent('vault.changed', { state: 'locked' });
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: t.lockNow })).not.toBeInTheDocument());
  });
});

describe('PrivacySection: export', () => {
  test('a confirm step says the file is readable by anyone; then main saves it and says where', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    bridgeAnswers.set('vault.saveExport', () => ok({ saved: true, path: '/home/sam/attune-export.csv', count: 3 }));
    await user.click(await screen.findByRole('radio', { name: /CSV/ }));
    await user.click(screen.getByRole('button', { name: t.exportStart }));
    expect(screen.getByRole('heading', { name: t.exportConfirmHeading })).toHaveFocus();
    expect(screen.getByText(t.exportConfirm)).toBeInTheDocument();
    expect(called('vault.saveExport')).toEqual([]);

    await user.click(screen.getByRole('button', { name: t.exportConfirmButton }));
    await vi.waitFor(() => expect(screen.getByText('Saved 3 entries to /home/sam/attune-export.csv')).toBeInTheDocument());
    expect(called('vault.saveExport')).toEqual([{ format: 'csv', confirmPlaintext: true }]);
  });

  test('cancelling the save dialog says nothing was saved', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    bridgeAnswers.set('vault.saveExport', () => ok({ saved: false }));
    await user.click(await screen.findByRole('button', { name: t.exportStart }));
    await user.click(screen.getByRole('button', { name: t.exportConfirmButton }));
    await vi.waitFor(() => expect(screen.getByText(t.exportCancelled)).toBeInTheDocument());
    expect(screen.getByRole('button', { name: t.exportStart })).toHaveFocus();
  });

  test('Cancel at the confirm step asks main for nothing', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.exportStart }));
    await user.click(screen.getByRole('button', { name: t.cancel }));
    expect(called('vault.saveExport')).toEqual([]);
  });
});

describe('PrivacySection: erase everything', () => {
  test('an older history waiting for a choice is not called empty: the panel does not guess a count', async () => {
    const user = userEvent.setup();
    await renderPrivacy(vaultStatus({ entryCount: 0, problems: [{ kind: 'older-history', affected: [], setAside: null }] }));
    await user.click(await screen.findByRole('button', { name: t.eraseStart }));
    expect(screen.getByText(t.eraseWhatUnknown)).toBeInTheDocument();
    expect(screen.queryByText(t.eraseWhat(0))).not.toBeInTheDocument();
  });

  test('needs both confirms; the first names how many entries and the key', async () => {
    const user = userEvent.setup();
    await renderPrivacy(vaultStatus({ entryCount: 12 }));
    bridgeAnswers.set('vault.erase', () =>
      ok(vaultStatus({ state: 'not-set-up', methods: { keychain: false, passphrase: false, recovery: false }, entryCount: null })),
    );

    await user.click(await screen.findByRole('button', { name: t.eraseStart }));
    expect(screen.getByRole('heading', { name: t.eraseWhatHeading })).toHaveFocus();
    expect(screen.getByText(t.eraseWhat(12))).toHaveTextContent('12 entries');
    expect(screen.getByText(t.eraseWhat(12))).toHaveTextContent('and the key that opens them');
    expect(called('vault.erase')).toEqual([]);

    await user.click(screen.getByRole('button', { name: t.eraseContinue }));
    expect(screen.getByRole('heading', { name: t.eraseFinalHeading })).toHaveFocus();
    expect(called('vault.erase')).toEqual([]);

    await user.click(screen.getByRole('button', { name: t.eraseFinal }));
    await vi.waitFor(() => expect(screen.getByText(t.erased)).toBeInTheDocument());
    expect(called('vault.erase')).toEqual([{ confirm: true }]);
    expect(screen.getByText(t.notSetUp)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: t.eraseStart })).not.toBeInTheDocument();
  });

  test('"Keep everything" at either step erases nothing', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.eraseStart }));
    await user.click(screen.getByRole('button', { name: t.keep }));
    expect(screen.getByRole('button', { name: t.eraseStart })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.eraseStart }));
    await user.click(screen.getByRole('button', { name: t.eraseContinue }));
    await user.click(screen.getByRole('button', { name: t.keep }));
    expect(called('vault.erase')).toEqual([]);
  });

  test('Esc at either step keeps everything, and focus goes back to the button', async () => {
    const user = userEvent.setup();
    await renderPrivacy();
    await user.click(await screen.findByRole('button', { name: t.eraseStart }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: t.eraseStart })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: t.eraseStart }));
    await user.click(screen.getByRole('button', { name: t.eraseContinue }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: t.eraseStart })).toHaveFocus();
    expect(called('vault.erase')).toEqual([]);
  });

  describe('the only computer syncing with a folder (sync-format §11 Q10)', () => {
    const d = devicesCopy;
    const syncing = (devices: ReturnType<typeof otherDevice>[] = []) => ok(devicesStatus({ state: 'on', linked: true, devices }));
    const erased = () =>
      ok(vaultStatus({ state: 'not-set-up', methods: { keychain: false, passphrase: false, recovery: false }, entryCount: null }));
    const removed = (folderFiles: 'deleted' | 'another-computer' | 'some-left') =>
      ok({ outcome: 'removed', folderFiles, status: devicesStatus({ linked: false }) });
    const toFinal = async (user: ReturnType<typeof userEvent.setup>, tick: boolean): Promise<void> => {
      await user.click(await screen.findByRole('button', { name: t.eraseStart }));
      expect(await screen.findByText(d.eraseOnly)).toBeInTheDocument();
      const box = screen.getByRole('checkbox', { name: d.stopAlsoFolder });
      expect(box).not.toBeChecked();
      expect(box).toHaveAccessibleDescription(d.stopAlsoFolderHint);
      if (tick) await user.click(box);
      await user.click(screen.getByRole('button', { name: t.eraseContinue }));
    };

    test('unticked (as it starts): only the history here is erased, and the folder is not touched', async () => {
      const user = userEvent.setup();
      await renderPrivacy(vaultStatus({ entryCount: 3 }));
      bridgeAnswers.set('devices.status', () => syncing());
      bridgeAnswers.set('vault.erase', erased);
      await toFinal(user, false);
      expect(screen.queryByText(d.eraseFolderToo)).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: t.eraseFinal }));
      await vi.waitFor(() => expect(screen.getByText(t.erased)).toBeInTheDocument());
      expect(called('devices.remove')).toEqual([]);
    });

    test('ticked: sync stops taking the files out first, then the history goes, and both are said', async () => {
      const user = userEvent.setup();
      await renderPrivacy(vaultStatus({ entryCount: 3 }));
      bridgeAnswers.set('devices.status', () => syncing([otherDevice({ final: true })]));
      bridgeAnswers.set('devices.remove', () => removed('deleted'));
      bridgeAnswers.set('vault.erase', erased);
      await toFinal(user, true);
      expect(screen.getByText(d.eraseFolderToo)).toBeInTheDocument();
      const final = screen.getByRole('button', { name: t.eraseFinal });
      await user.click(final);
      await vi.waitFor(() => expect(screen.getByText(d.erasedFolderDeleted)).toBeInTheDocument());
      const order = bridgeCalls.map(([channel]) => channel).filter((channel) => channel === 'devices.remove' || channel === 'vault.erase');
      expect(order).toEqual(['devices.remove', 'vault.erase']);
      expect(called('devices.remove')).toEqual([{ alsoFolderFiles: true }]);
    });

    test('a folder that does not take it: nothing is erased, and it says so', async () => {
      const user = userEvent.setup();
      await renderPrivacy(vaultStatus({ entryCount: 3 }));
      bridgeAnswers.set('devices.status', () => syncing());
      bridgeAnswers.set('devices.remove', () =>
        ok({ outcome: 'folder-unavailable', folderFiles: 'kept', status: devicesStatus({ state: 'on', linked: true }) }),
      );
      await toFinal(user, true);
      await user.click(screen.getByRole('button', { name: t.eraseFinal }));
      await vi.waitFor(() => expect(screen.getByText(d.eraseFolderUnavailable)).toBeInTheDocument());
      expect(called('vault.erase')).toEqual([]);
      expect(screen.getByRole('button', { name: t.eraseStart })).toHaveFocus();
    });

    test('another computer joined meanwhile: its files stay for it, and that is said', async () => {
      const user = userEvent.setup();
      await renderPrivacy(vaultStatus({ entryCount: 3 }));
      bridgeAnswers.set('devices.status', () => syncing());
      bridgeAnswers.set('devices.remove', () => removed('another-computer'));
      bridgeAnswers.set('vault.erase', erased);
      await toFinal(user, true);
      await user.click(screen.getByRole('button', { name: t.eraseFinal }));
      await vi.waitFor(() => expect(screen.getByText(d.erasedOtherComputer)).toBeInTheDocument());
    });

    test('while another computer syncs there, or while locked, nothing of the folder is offered', async () => {
      const user = userEvent.setup();
      await renderPrivacy(vaultStatus({ entryCount: 3 }));
      bridgeAnswers.set('devices.status', () => syncing([otherDevice()]));
      await user.click(await screen.findByRole('button', { name: t.eraseStart }));
      expect(await screen.findByText(d.erase)).toBeInTheDocument();
      expect(screen.queryByRole('checkbox', { name: d.stopAlsoFolder })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: t.keep }));
      bridgeAnswers.set('devices.status', () => ok(devicesStatus({ state: 'locked', linked: true })));
      await user.click(screen.getByRole('button', { name: t.eraseStart }));
      expect(await screen.findByText(d.erase)).toBeInTheDocument();
      expect(screen.queryByRole('checkbox', { name: d.stopAlsoFolder })).not.toBeInTheDocument();
    });
  });

  test('one entry reads as one entry', () => {
    expect(t.eraseWhat(1)).toContain('1 entry —');
  });
});

describe('PrivacySection: a desktop that does not tell idle time', () => {
  test('says locking after a time cannot happen here, and what still locks', async () => {
    await loadWith(undefined, baseInfo({ idleTime: 'unknown' }));
    bridgeAnswers.set('vault.status', () => ok(vaultStatus()));
    render(SectionHost, { section: PrivacySection, headingId: 'settings-privacy' });
    expect(await screen.findByText(t.idleUnknown)).toBeInTheDocument();
  });

  test('says nothing of it where idle time is known', async () => {
    await renderPrivacy();
    expect(screen.queryByText(t.idleUnknown)).not.toBeInTheDocument();
  });
});
