import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BrowserContext, Locator, Page } from '@playwright/test';

import { devicesCopy, errorCopy, historyCopy, settingsCopy, vaultCopy, welcomeCopy } from '../../src/shared/copy';
import { type Harness, startHarness } from '../harness/harness-server';
import { openAppView, PASSPHRASE, setUpWithRecoveryKey, tabTo } from './checkin-steps';
import { joinThroughBridge } from './devices-steps';
import { expect, screenshot, seriousA11yViolations, test } from './fixtures';
import { layoutFindings, textFindings, useScheme } from './layout-checks';

/**
 * Settings › Devices and joining from the welcome screen (issue 18), on two
 * real Attunes — each its own harness, data dir and page — and one real
 * folder between them. Keyboard first: the way a person gets there, what
 * they read, and what the other computer shows afterwards.
 */
const t = devicesCopy;
const DEVICES = settingsCopy.sections.devices;
const harnesses: Harness[] = [];
const pages: Page[] = [];
test.afterEach(async () => {
  // Pages first: a window still open on a closed harness fails its late requests, and the test with them.
  for (const page of pages.splice(0)) await page.goto('about:blank');
  for (const harness of harnesses.splice(0)) await harness.close();
});

const computer = async (page: Page, dataDir: string) => {
  mkdirSync(dataDir, { recursive: true });
  const harness = await startHarness({ dataDir });
  harnesses.push(harness);
  pages.push(page);
  return harness;
};

/** Settings, then the jump link to Devices: the way a keyboard-only person gets there. */
const toDevices = async (page: Page, url: string) => {
  await openAppView(page, url, 'settings');
  await expect(page.getByRole('heading', { level: 1, name: settingsCopy.heading })).toBeFocused();
  await tabTo(page, DEVICES);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: DEVICES })).toBeFocused();
  return page.getByRole('region', { name: DEVICES });
};

const lookNow = async (page: Page) => {
  const section = page.getByRole('region', { name: DEVICES });
  await section.getByRole('button', { name: t.syncNow }).click();
  await expect(section.getByRole('button', { name: t.syncNow })).toBeVisible();
};

/** "Also delete Attune's files in the sync folder", off until ticked: the next Tab reaches it, Space ticks it. */
const tickAlsoFolderFiles = async (page: Page, region: Locator, shot: string) => {
  const also = region.getByRole('checkbox', { name: t.stopAlsoFolder });
  await expect(also).not.toBeChecked();
  await page.keyboard.press('Tab');
  await expect(also).toBeFocused();
  await page.keyboard.press('Space');
  await expect(also).toBeChecked();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await screenshot(page, shot);
};

const historyMarks = (page: Page) => page.locator('.entry .origin').allTextContents();

/** The first computer: a history with `count` check-ins and a kept recovery key, syncing through `folder` as "Laptop". */
const firstComputer = async (page: Page, dataDir: string, folder: string, count: number) => {
  const harness = await computer(page, dataDir);
  const recoveryKey = await setUpWithRecoveryKey(page, harness.url, count);
  const devices = await toDevices(page, harness.url);
  await page.keyboard.press('Tab');
  await expect(devices.getByLabel(t.name)).toBeFocused();
  await page.keyboard.type('Laptop');
  harness.standIns.nextFolder = folder;
  await tabTo(page, t.choose);
  await page.keyboard.press('Enter');
  await expect(devices.getByRole('status')).toHaveText(t.setUpDone);
  await expect(devices.getByText(folder, { exact: true })).toBeVisible();
  return { harness, recoveryKey, devices };
};

/** The laptop (`count` check-ins) syncing through a new folder `name`, and a new desktop joined to it through the bridge. */
const laptopAndDesktop = async (page: Page, context: BrowserContext, dataDir: string, name: string, count: number) => {
  const folder = join(dataDir, name);
  mkdirSync(folder);
  const laptop = await firstComputer(page, join(dataDir, 'a'), folder, count);
  const other = await context.newPage();
  const harnessB = await computer(other, join(dataDir, 'b'));
  await openAppView(other, harnessB.url, 'history');
  expect(await joinThroughBridge(other, harnessB, folder, laptop.recoveryKey)).toBe('linked');
  return { folder, laptop, other, harnessB };
};

test.describe('Settings › Devices', () => {
  test.use({ viewport: { width: 880, height: 620 } });

  test('set up, another computer joins from its welcome screen, History marks what came from where, then stop syncing', async ({
    page,
    context,
    dataDir,
  }) => {
    const folder = join(dataDir, 'Dropbox');
    mkdirSync(folder);
    // A name is needed first: said, and focus goes to the field.
    const harnessA = await computer(page, join(dataDir, 'a'));
    const recoveryKey = await setUpWithRecoveryKey(page, harnessA.url, 2);
    let devices = await toDevices(page, harnessA.url);
    await tabTo(page, t.choose);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('status')).toHaveText(t.nameNeeded);
    await expect(devices.getByLabel(t.name)).toBeFocused();
    expect(harnessA.calls.filter((channel) => channel === 'devices.setUp')).toHaveLength(0);
    await page.keyboard.type('Laptop');
    // The dialog closed without a folder: nothing changes, and nothing is said.
    await tabTo(page, t.choose);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('button', { name: t.choose })).toBeFocused();
    await expect(devices.getByRole('status')).toHaveText('');
    harnessA.standIns.nextFolder = folder;
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('status')).toHaveText(t.setUpDone);
    await expect(page.getByRole('heading', { level: 2, name: DEVICES })).toBeFocused();
    await expect(devices.getByText(folder, { exact: true })).toBeVisible();
    await expect(devices.getByLabel(t.name)).toHaveValue('Laptop');
    await expect(devices.getByText(t.noOthers)).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices-on-alone');

    // The second computer, new: its welcome screen offers to join.
    const other = await context.newPage();
    const harnessB = await computer(other, join(dataDir, 'b'));
    await openAppView(other, harnessB.url, 'welcome');
    await other.getByRole('button', { name: welcomeCopy.next }).click();
    await other.getByRole('button', { name: t.join.start }).click();
    await expect(other.getByRole('heading', { level: 1, name: t.join.heading })).toBeFocused();
    expect(await seriousA11yViolations(other)).toEqual([]);
    await screenshot(other, 'devices-join-welcome');
    // Back leaves the form, focus on the way in again.
    await other.getByRole('button', { name: t.join.back }).click();
    await expect(other.getByRole('button', { name: t.join.start })).toBeFocused();
    await other.keyboard.press('Enter');

    const joinForm = other.getByRole('form', { name: t.join.heading });
    const key = joinForm.getByLabel(t.join.recoveryKey);
    await key.fill('AAAA-BBBB-CCCC-DDDD');
    await joinForm.getByLabel(t.name).fill('Desktop');
    await joinForm.getByLabel(vaultCopy.setup.passphraseField).fill(PASSPHRASE);
    await joinForm.getByLabel(vaultCopy.setup.confirmField).fill(PASSPHRASE);
    harnessB.standIns.nextFolder = folder;
    await joinForm.getByRole('button', { name: t.join.submit }).click();
    await expect(joinForm.getByRole('status')).toHaveText(t.join.wrongKey);
    await expect(key).toBeFocused();
    // A folder with no Attune history in it: said, and what was typed stays.
    await key.fill(recoveryKey);
    harnessB.standIns.nextFolder = join(dataDir, 'b');
    await joinForm.getByRole('button', { name: t.join.submit }).click();
    await expect(joinForm.getByRole('status')).toHaveText(t.join.notSetUpFolder);
    await expect(key).toHaveValue(recoveryKey);
    harnessB.standIns.nextFolder = folder;
    await joinForm.getByRole('button', { name: t.join.submit }).click();
    await expect(other.getByRole('heading', { level: 1, name: welcomeCopy.ways.heading })).toBeFocused();

    // The second computer's History: the first computer's check-ins, each marked where it was added.
    await openAppView(other, harnessB.url, 'history');
    await expect(other.getByText(historyCopy.introSynced)).toBeVisible();
    await expect.poll(() => historyMarks(other)).toEqual([t.addedOn('Laptop'), t.addedOn('Laptop')]);
    await screenshot(other, 'devices-history-marks');

    // Something added on the second computer reaches the first, and the first lists the second by its name.
    const added = await other.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['fawn'], needs: ['quiet'] } }),
    );
    expect(added.ok).toBe(true);
    await other.evaluate(() => window.attune.devices.syncNow());
    devices = await toDevices(page, harnessA.url);
    await lookNow(page);
    const row = devices.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Desktop' }) });
    await expect(row).toContainText(/Last update from it: /);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices-on-two');
    await openAppView(page, harnessA.url, 'history');
    await expect.poll(() => historyMarks(page)).toEqual([t.addedOn('Desktop')]);

    // History open here while the other computer adds one more: a pass here says so above the list, which stays as it
    // was until the person asks; then the latest, focus on the heading above it.
    const another = await other.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['flight'], needs: ['space'] } }),
    );
    expect(another.ok).toBe(true);
    await other.evaluate(() => window.attune.devices.syncNow());
    await page.evaluate(() => window.attune.devices.syncNow());
    const showLatest = page.getByRole('button', { name: historyCopy.showLatest });
    await expect(page.getByText(historyCopy.changed)).toBeVisible();
    expect(await historyMarks(page)).toEqual([t.addedOn('Desktop')]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices-history-changed');
    await showLatest.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: historyCopy.heading })).toBeFocused();
    await expect.poll(() => historyMarks(page)).toEqual([t.addedOn('Desktop'), t.addedOn('Desktop')]);
    await expect(showLatest).toHaveCount(0);

    // Stop syncing: asked once, "Not now" keeps everything; then it stops, and the history here stays.
    devices = await toDevices(page, harnessA.url);
    await tabTo(page, t.stopStart);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('heading', { name: t.stopHeading })).toBeFocused();
    await expect(devices.getByText(t.stopBody)).toBeVisible();
    await screenshot(page, 'devices-stop');
    await tabTo(page, t.notNow);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('button', { name: t.stopStart })).toBeFocused();
    await page.keyboard.press('Enter');
    await tabTo(page, t.stopConfirm);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('status')).toHaveText(t.stopped);
    await expect(devices.getByRole('button', { name: t.choose })).toBeVisible();
    const listed = await page.evaluate(() => window.attune.vault.list({ limit: 50 }));
    expect(listed.ok && listed.value.entries).toHaveLength(4);

    // The second computer sees it stopped, and keeps what it added.
    await toDevices(other, harnessB.url);
    await lookNow(other);
    const gone = other.getByRole('listitem').filter({ has: other.getByRole('heading', { name: 'Laptop' }) });
    await expect(gone).toContainText(t.final);

    // A change of mind: the same folder, chosen again, joins again; History still knows its own check-ins.
    await expect(devices.getByLabel(t.name)).toHaveValue('Laptop');
    harnessA.standIns.nextFolder = folder;
    await devices.getByRole('button', { name: t.choose }).click();
    await expect(devices.getByRole('status')).toHaveText(t.setUpDone);
    await lookNow(page);
    await expect(devices.getByRole('heading', { name: 'Desktop' })).toBeVisible();
    await openAppView(page, harnessA.url, 'history');
    await expect.poll(() => historyMarks(page)).toEqual([t.addedOn('Desktop'), t.addedOn('Desktop')]);
  });

  test("the last computer stops syncing and takes Attune's files out of the folder, by keyboard; the person's own file stays", async ({
    page,
    dataDir,
  }) => {
    const folder = join(dataDir, 'Dropbox');
    mkdirSync(folder);
    const { devices } = await firstComputer(page, join(dataDir, 'a'), folder, 2);
    writeFileSync(join(folder, 'shopping list.txt'), 'oats');
    await tabTo(page, t.stopStart);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('heading', { name: t.stopHeading })).toBeFocused();
    await expect(devices.getByText(t.stopBodyOnly)).toBeVisible();
    await tickAlsoFolderFiles(page, devices, 'devices-stop-last');
    await tabTo(page, t.stopConfirm);
    await page.keyboard.press('Enter');
    await expect(devices.getByRole('status')).toHaveText(t.stoppedFolderDeleted);
    expect(readdirSync(folder)).toEqual(['shopping list.txt']);
    const listed = await page.evaluate(() => window.attune.vault.list({ limit: 50 }));
    expect(listed.ok && listed.value.entries).toHaveLength(2);
  });

  test('many entries deleted on the other computer: its row says how many went here too, and nothing asks anything', async ({
    page,
    context,
    dataDir,
  }) => {
    const { other, harnessB } = await laptopAndDesktop(page, context, dataDir, 'Dropbox', 24);
    await toDevices(other, harnessB.url);
    await lookNow(other);
    const listed = await other.evaluate(() => window.attune.vault.list({ limit: 50 }));
    expect(listed.ok && listed.value.entries).toHaveLength(24);

    // A clear-out on the laptop: 22 check-ins deleted there, one by one.
    const ids = listed.ok ? listed.value.entries.slice(0, 22).map((entry) => entry.id) : [];
    for (const id of ids) expect((await page.evaluate((deleted) => window.attune.vault.delete({ id: deleted }), id)).ok).toBe(true);
    await lookNow(page);
    await lookNow(other);
    const row = other.getByRole('listitem').filter({ has: other.getByRole('heading', { name: 'Laptop' }) });
    await expect(row).toContainText(/22 entries deleted on it were deleted here too, on /);
    await expect(row.getByRole('button')).toHaveCount(0);
    const left = await other.evaluate(() => window.attune.vault.list({ limit: 50 }));
    expect(left.ok && left.value.entries).toHaveLength(2);
    expect(await seriousA11yViolations(other)).toEqual([]);
    await row.scrollIntoViewIfNeeded();
    await screenshot(other, 'devices-many-deleted');
  });

  test("the last computer erases everything and takes Attune's files out of the folder, by keyboard; Esc first keeps it all", async ({
    page,
    dataDir,
  }) => {
    const folder = join(dataDir, 'Dropbox');
    mkdirSync(folder);
    const { harness } = await firstComputer(page, join(dataDir, 'a'), folder, 2);
    writeFileSync(join(folder, 'shopping list.txt'), 'oats');
    await openAppView(page, harness.url, 'settings');
    const privacy = page.getByRole('region', { name: settingsCopy.sections.privacy });
    const erase = settingsCopy.privacy;
    // Esc mid-way keeps everything: nothing of the folder or the history changed.
    await tabTo(page, erase.eraseStart);
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: erase.eraseWhatHeading })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(privacy.getByRole('button', { name: erase.eraseStart })).toBeFocused();
    expect(readdirSync(folder).sort()).toEqual(['attune-sync', 'shopping list.txt']);

    await page.keyboard.press('Enter');
    await expect(privacy.getByText(t.eraseOnly)).toBeVisible();
    await tickAlsoFolderFiles(page, privacy, 'devices-erase-last');
    await tabTo(page, erase.eraseContinue);
    await page.keyboard.press('Enter');
    await expect(privacy.getByText(t.eraseFolderToo)).toBeVisible();
    await tabTo(page, erase.eraseFinal);
    await page.keyboard.press('Enter');
    await expect(privacy.getByText(t.erasedFolderDeleted)).toBeVisible();
    expect(readdirSync(folder)).toEqual(['shopping list.txt']);
    const status = await page.evaluate(() => window.attune.vault.status());
    expect(status.ok && status.value.state).toBe('not-set-up');
  });

  test('a computer with a history of its own brings the two together, by keyboard; a wrong passphrase changes nothing', async ({
    page,
    context,
    dataDir,
  }) => {
    const folder = join(dataDir, 'Syncthing');
    mkdirSync(folder);
    const laptop = await firstComputer(page, join(dataDir, 'a'), folder, 1);
    const other = await context.newPage();
    const harnessB = await computer(other, join(dataDir, 'b'));
    await setUpWithRecoveryKey(other, harnessB.url, 2);
    const devices = await toDevices(other, harnessB.url);
    await other.keyboard.press('Tab');
    await other.keyboard.type('Desktop');
    harnessB.standIns.nextFolder = folder;
    await tabTo(other, t.choose);
    await other.keyboard.press('Enter');
    // The folder holds the laptop's history: offered, with a way out; nothing changed yet.
    await expect(devices.getByText(t.alreadySetUp)).toBeVisible();
    await expect(devices.getByRole('button', { name: t.join.historyStart })).toBeFocused();
    expect(await seriousA11yViolations(other)).toEqual([]);
    await screenshot(other, 'devices-other-history');
    await other.keyboard.press('Enter');

    const form = devices.getByRole('form', { name: t.join.historyHeading });
    await expect(form.getByRole('heading', { name: t.join.historyHeading })).toBeFocused();
    await expect(form.getByLabel(t.name)).toHaveValue('Desktop');
    await other.keyboard.press('Tab');
    await expect(form.getByLabel(t.join.recoveryKey)).toBeFocused();
    await other.keyboard.type(laptop.recoveryKey);
    const current = form.getByLabel(settingsCopy.privacy.current);
    await current.fill('not the passphrase');
    harnessB.standIns.nextFolder = folder;
    await current.press('Enter');
    await expect(form.getByRole('status')).toHaveText(errorCopy['wrong-passphrase']);
    await expect(current).toBeFocused();
    expect(await seriousA11yViolations(other)).toEqual([]);
    await screenshot(other, 'devices-together-form');
    await current.fill(PASSPHRASE);
    harnessB.standIns.nextFolder = folder;
    await current.press('Enter');
    // Stop syncing keeps a live region of its own: the section's is the last.
    await expect(devices.getByRole('status').last()).toHaveText(t.join.joined);
    await expect(other.getByRole('heading', { level: 2, name: DEVICES })).toBeFocused();
    await expect(devices.getByText(folder, { exact: true })).toBeVisible();
    await expect(devices.getByRole('heading', { name: 'Laptop' })).toBeVisible();

    // One history on both: the desktop's two check-ins and the laptop's one, each marked where it was added.
    await openAppView(other, harnessB.url, 'history');
    await expect.poll(() => historyMarks(other)).toEqual([t.addedOn('Laptop')]);
    await expect(other.locator('.entry')).toHaveCount(3);
    await toDevices(page, laptop.harness.url);
    await lookNow(page);
    await openAppView(page, laptop.harness.url, 'history');
    await expect.poll(() => historyMarks(page)).toEqual([t.addedOn('Desktop'), t.addedOn('Desktop')]);
  });

  test('a new recovery key on one computer is a new key: the other is told, enters it by keyboard, and both go on syncing', async ({
    page,
    context,
    dataDir,
  }) => {
    const { folder, laptop, other, harnessB } = await laptopAndDesktop(page, context, dataDir, 'Nextcloud', 1);

    // The laptop asks for a new recovery key in Privacy, by keyboard. Synced, that is a new key: the hint says so, the
    // button opens Replace the encryption key, whose panel says what it means for the other computers; Esc goes back.
    await openAppView(page, laptop.harness.url, 'settings');
    const privacy = page.getByRole('region', { name: settingsCopy.sections.privacy });
    const makeNew = privacy.getByRole('button', { name: vaultCopy.recovery.replace });
    await expect(makeNew).toHaveAccessibleDescription(t.newRecoveryKey);
    await makeNew.focus();
    await page.keyboard.press('Enter');
    const current = privacy.getByLabel(settingsCopy.privacy.current, { exact: true });
    await expect(current).toBeFocused();
    await expect(privacy.getByText(t.replaceKey)).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(makeNew).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(current).toBeFocused();
    await page.keyboard.type(PASSPHRASE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices-new-recovery-key');
    await page.keyboard.press('Enter');
    await expect(privacy.getByRole('heading', { name: vaultCopy.recovery.heading })).toBeFocused({ timeout: 60_000 });
    const newKey = (await privacy.locator('.key').innerText()).trim();
    await privacy.getByRole('button', { name: vaultCopy.recovery.done }).click();
    const laptopDevices = await toDevices(page, laptop.harness.url);
    await expect(laptopDevices.getByText(folder, { exact: true })).toBeVisible();
    const fromLaptop = await page.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['flight'], needs: ['space'] } }),
    );
    expect(fromLaptop.ok).toBe(true);
    await lookNow(page);

    // The desktop: told, in the laptop's row, with the way on.
    const devices = await toDevices(other, harnessB.url);
    await lookNow(other);
    const row = devices.getByRole('listitem').filter({ has: other.getByRole('heading', { name: 'Laptop' }) });
    await expect(row).toContainText(t.newKey);
    await tabTo(other, t.adopt.start);
    await other.keyboard.press('Enter');
    const form = row.getByRole('form', { name: t.adopt.heading });
    await expect(form.getByRole('heading', { name: t.adopt.heading })).toBeFocused();
    await other.keyboard.press('Tab');
    await expect(form.getByLabel(t.join.recoveryKey)).toBeFocused();
    await other.keyboard.type(laptop.recoveryKey);
    await other.keyboard.press('Tab');
    await other.keyboard.type(PASSPHRASE);
    await other.keyboard.press('Enter');
    // The old recovery key opens only the old key: said, and focus goes back to it.
    await expect(form.getByRole('status')).toHaveText(t.adopt.wrongKey);
    await expect(form.getByLabel(t.join.recoveryKey)).toBeFocused();
    await other.keyboard.type(newKey);
    expect(await seriousA11yViolations(other)).toEqual([]);
    await screenshot(other, 'devices-new-key');
    await other.keyboard.press('Enter');
    await expect(devices.getByRole('status').last()).toHaveText(t.adopt.done, { timeout: 60_000 });
    await expect(other.getByRole('heading', { level: 2, name: DEVICES })).toBeFocused();
    await lookNow(other);
    await expect(row).not.toContainText(t.newKey);

    // One history on both, and what the desktop adds now reaches the laptop.
    const added = await other.evaluate(() =>
      window.attune.vault.append({ kind: 'check-in', data: { states: ['fawn'], needs: ['quiet'] } }),
    );
    expect(added.ok).toBe(true);
    await lookNow(other);
    await toDevices(page, laptop.harness.url);
    await lookNow(page);
    const ids = async (p: Page) => {
      const listed = await p.evaluate(() => window.attune.vault.list({ limit: 50 }));
      return listed.ok ? listed.value.entries.map((entry) => entry.id).sort() : [];
    };
    await expect.poll(() => ids(page)).toHaveLength(3);
    expect(await ids(other)).toEqual(await ids(page));
  });

  test('a file still on its way is named, the rest shows; erase says the others keep theirs; 200% and forced colours', async ({
    page,
    context,
    dataDir,
  }) => {
    const {
      folder,
      laptop: { harness: harnessA },
      other,
      harnessB,
    } = await laptopAndDesktop(page, context, dataDir, 'Syncthing', 1);
    for (let i = 0; i < 3; i++)
      await other.evaluate(() => window.attune.vault.append({ kind: 'check-in', data: { states: ['flight'], needs: ['space'] } }));
    const status = await other.evaluate(() => window.attune.devices.syncNow());
    if (!status.ok) throw new Error('syncNow');
    // The middle one of the second computer's files has not reached the first computer's copy of the folder yet.
    const own = readdirSync(join(folder, 'attune-sync', 'devices'));
    const desktopFolder = own
      .map((id) => join(folder, 'attune-sync', 'devices', id))
      .find((dir) => readdirSync(dir).filter((name) => name.startsWith('seg-')).length >= 3);
    if (!desktopFolder) throw new Error('the desktop folder');
    const segments = readdirSync(desktopFolder)
      .filter((name) => name.startsWith('seg-'))
      .sort();
    const middle = segments[segments.length - 2] as string;
    rmSync(join(desktopFolder, middle));
    const devices = await toDevices(page, harnessA.url);
    await lookNow(page);
    const seq = Number(middle.split('-')[1]);
    await expect(devices.getByText(t.waiting(1, String(seq)))).toBeVisible();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'devices-waiting');

    for (const scheme of ['dark', 'forced'] as const) {
      await useScheme(page, scheme);
      await screenshot(page, `devices-waiting-${scheme}`);
    }
    await useScheme(page, 'light');
    // 200%: the section still reads, nothing cut off or drawn over anything else.
    await page.setViewportSize({ width: 440, height: 310 });
    await page.evaluate(() => document.getElementById('settings-devices')?.scrollIntoView());
    expect(await layoutFindings(page)).toEqual({ sideways: [], small: [] });
    expect(await textFindings(page)).toEqual({ clipped: [], overlapping: [] });
    await screenshot(page, 'devices-waiting-200');
    await page.setViewportSize({ width: 880, height: 620 });

    // Erase everything on the second computer: the panel says the others, and the folder, keep their copies.
    await openAppView(other, harnessB.url, 'settings');
    const privacy = other.getByRole('region', { name: settingsCopy.sections.privacy });
    await privacy.getByRole('button', { name: settingsCopy.privacy.eraseStart }).click();
    await expect(privacy.getByText(t.erase)).toBeVisible();
    await screenshot(other, 'devices-erase');
  });
});
