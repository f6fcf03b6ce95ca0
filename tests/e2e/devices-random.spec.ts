import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from '@playwright/test';

import { devicesCopy, errorCopy, settingsCopy } from '../../src/shared/copy';
import { type Harness, startHarness } from '../harness/harness-server';
import { openAppView, PASSPHRASE, setUpWithRecoveryKey } from './checkin-steps';
import { joinThroughBridge } from './devices-steps';
import { expect, test } from './fixtures';

/**
 * Settings › Devices tried the way people do, not the way its author did:
 * seeded random sequences of typing and clearing the name, choosing a folder
 * (the right one, a cancelled dialog, one with no Attune in it, one holding
 * a third computer's history — once or with a double click), bringing that
 * history together with this one or not (Not now, Back, a wrong passphrase),
 * looking for changes, asking to stop and changing one's mind (Not now, Esc)
 * or not, with Attune's files in the folder ticked to go too or not, renaming, locking from another window, reloading, and check-ins
 * written on either computer meanwhile. After every step, what a person
 * relies on:
 *
 * - nothing either computer saved is lost, on that computer (and once
 *   brought together, the third computer's history is here too);
 * - the section shows the one state main is in (on: the folder and Stop;
 *   off: one of Choose folder, the offer to bring histories together, or
 *   its form; locked: only that) — never two, never none;
 * - focus is on something in the page, never dropped on the body;
 * - a computer that still syncs keeps its folder: stopping here with its
 *   files ticked to go never takes the files another computer syncs with;
 * - no "something went wrong inside Attune".
 *
 * At the end the two computers, looking twice, list the same history.
 * A failure prints its seed and steps; SEED=n replays one.
 */
const t = devicesCopy;
const DEVICES = settingsCopy.sections.devices;
// Seeds that between them reach every step; 6 stops for real with the folder's files ticked (TRACE=1 shows each one's steps).
const RUNS = process.env.SEED ? [Number(process.env.SEED)] : [2, 3, 6];
const STEPS = 16;

/** mulberry32: small, seeded, enough to pick steps. */
const random = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let r = Math.imul(a ^ (a >>> 15), 1 | a);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
};

type Step =
  | 'name'
  | 'clearName'
  | 'choose'
  | 'chooseTwice'
  | 'look'
  | 'stopNotNow'
  | 'stopEsc'
  | 'stop'
  | 'rename'
  | 'lockElsewhere'
  | 'reload'
  | 'addHere'
  | 'addThere'
  | 'chooseTheirs'
  | 'together'
  | 'notTogether';
const STEP_KINDS: readonly Step[] = [
  'name',
  'clearName',
  'choose',
  'chooseTwice',
  'look',
  'stopNotNow',
  'stopEsc',
  // Twice: stopping for real (with the folder's files or not) is what sends a person's work through the most code.
  'stop',
  'stop',
  'rename',
  'lockElsewhere',
  'reload',
  'addHere',
  'addThere',
  'chooseTheirs',
  'chooseTheirs',
  'together',
  'notTogether',
];
const NAMES = ['Laptop', '  Home laptop  ', 'Büro', '仕事のPC', 'x'.repeat(64)];

const ids = async (page: Page): Promise<string[]> => {
  const listed = await page.evaluate(() => window.attune.vault.list({ limit: 200 }));
  if (!listed.ok) throw new Error(`list: ${listed.error.code}`);
  return listed.value.entries.map((entry) => entry.id).sort();
};

const add = async (page: Page): Promise<string> => {
  const saved = await page.evaluate(() => window.attune.vault.append({ kind: 'check-in', data: { states: ['freeze'], needs: ['rest'] } }));
  if (!saved.ok) throw new Error(`append: ${saved.error.code}`);
  return saved.value.id;
};

let harnesses: Harness[] = [];
test.afterEach(async ({ context }) => {
  for (const page of context.pages()) await page.goto('about:blank');
  for (const harness of harnesses) await harness.close();
  harnesses = [];
});

test.describe('Settings › Devices, random person-like sequences', () => {
  test.use({ viewport: { width: 880, height: 620 } });

  for (const seed of RUNS) {
    test(`seed ${seed}`, async ({ page, context, dataDir }) => {
      test.setTimeout(120_000);
      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
      const trace: string[] = [];
      const folder = join(dataDir, 'Dropbox');
      const empty = join(dataDir, 'Photos');
      const theirs = join(dataDir, 'OneDrive');
      for (const dir of [folder, empty, theirs, join(dataDir, 'a'), join(dataDir, 'b'), join(dataDir, 'c')])
        mkdirSync(dir, { recursive: true });
      const a = await startHarness({ dataDir: join(dataDir, 'a') });
      const b = await startHarness({ dataDir: join(dataDir, 'b') });
      const c = await startHarness({ dataDir: join(dataDir, 'c') });
      harnesses = [a, b, c];
      // A third computer's history, already syncing through its own folder: what "a folder of another history" holds.
      const third = await context.newPage();
      const theirKey = await setUpWithRecoveryKey(third, c.url, 2);
      const theirIds = await ids(third);
      c.standIns.nextFolder = theirs;
      expect(await third.evaluate(() => window.attune.devices.setUp({ deviceName: 'Work' }))).toMatchObject({
        ok: true,
        value: { outcome: 'set-up' },
      });
      await third.goto('about:blank');
      /** The folder this computer syncs through once it is on. */
      let aFolder: string | null = null;
      let lastWrong = false;
      const recoveryKey = await setUpWithRecoveryKey(page, a.url, 2);
      const savedHere = new Set(await ids(page));
      const other = await context.newPage();
      await other.goto(`${b.url}/#app/history`);
      const savedThere = new Set<string>();
      let bLinked = false;
      /** What the person typed in the name field and has not saved: no refresh may take it away. */
      let typedName: string | null = null;
      const section = page.getByRole('region', { name: DEVICES });

      const open = async () => {
        await openAppView(page, a.url, 'settings');
        await page.locator('#settings-devices').scrollIntoViewIfNeeded();
      };
      const syncState = async () => {
        const status = await page.evaluate(() => window.attune.devices.status());
        if (!status.ok) throw new Error('devices.status');
        return status.value.state;
      };
      const check = async (step: string) => {
        try {
          expect(await ids(page)).toEqual(expect.arrayContaining([...savedHere]));
          if (bLinked) expect(await ids(other)).toEqual(expect.arrayContaining([...savedThere]));
          const state = await syncState();
          const shows = {
            on: await section
              .getByRole('button', { name: t.stopStart })
              .isVisible()
              .catch(() => false),
            off: (
              await Promise.all(
                [
                  section.getByRole('button', { name: t.choose }),
                  section.getByRole('button', { name: t.join.historyStart }),
                  section.getByRole('form', { name: t.join.historyHeading }),
                ].map((locator) => locator.isVisible().catch(() => false)),
              )
            ).filter(Boolean),
            locked: await section
              .getByText(t.locked)
              .isVisible()
              .catch(() => false),
          };
          const panelOpen = await section.getByRole('heading', { name: t.stopHeading }).isVisible();
          // On with the stop panel open, the Stop button is the panel's; otherwise exactly the state main is in.
          const expected = { on: state === 'on' && !panelOpen, off: state === 'off' ? [true] : [], locked: state === 'locked' };
          expect(shows).toEqual(expected);
          expect(await page.evaluate(() => document.activeElement !== null && document.activeElement !== document.body)).toBe(true);
          await expect(section).not.toContainText(errorCopy.internal);
          // A computer that still syncs keeps its folder, whatever this one chose as it stopped.
          expect(existsSync(join(theirs, 'attune-sync', 'format.json'))).toBe(true);
          if (bLinked) expect(existsSync(join(folder, 'attune-sync', 'format.json'))).toBe(true);
          const field = section.getByLabel(t.name);
          if (typedName !== null && (await field.isVisible())) expect(await field.inputValue()).toBe(typedName);
        } catch (error) {
          throw new Error(`seed ${seed} after ${step}\nsteps:\n  ${trace.join('\n  ')}\n${String(error)}`);
        }
      };

      await open();
      await section.getByLabel(t.name).focus();
      await check('open');
      for (let i = 0; i < STEPS; i++) {
        // Someone mostly answers what the section just said: the offer to bring histories together, or a name asked for.
        const offered =
          (await section.getByRole('button', { name: t.join.historyStart }).isVisible()) ||
          (await section.getByRole('form', { name: t.join.historyHeading }).isVisible());
        const askedName = await section.getByText(t.nameNeeded).isVisible();
        const answers: readonly Step[] = offered ? ['together', 'together', 'notTogether'] : askedName ? ['name'] : [];
        const step = answers.length > 0 && next() < 0.6 ? pick(answers) : pick(STEP_KINDS);
        const state = await syncState();
        trace.push(`${step} (${state})`);
        const button = (name: string) => section.getByRole('button', { name, exact: true });
        switch (step) {
          case 'name':
          case 'clearName': {
            if (state === 'locked') break;
            const field = section.getByLabel(t.name);
            typedName = step === 'name' ? pick(NAMES) : '';
            await field.fill(typedName);
            break;
          }
          case 'choose':
          case 'chooseTwice':
          case 'chooseTheirs': {
            if (state !== 'off' || !(await button(t.choose).isVisible())) break;
            const chosen = step === 'chooseTheirs' ? theirs : pick([folder, folder, undefined, empty]);
            a.standIns.nextFolder = chosen;
            trace.push(`  dialog → ${a.standIns.nextFolder ?? 'cancelled'}`);
            if (step === 'chooseTwice') await button(t.choose).dblclick();
            else await button(t.choose).click();
            await expect(
              button(t.choose).or(button(t.stopStart)).or(section.getByText(t.needsRecoveryKey)).or(button(t.join.historyStart)),
            ).toBeVisible();
            // Set up: the name is saved, and the field shows it as main stored it (trimmed, cut to 64).
            if (await button(t.stopStart).isVisible()) {
              typedName = null;
              aFolder = chosen ?? null;
            }
            break;
          }
          case 'together': {
            if (await button(t.join.historyStart).isVisible()) await button(t.join.historyStart).click();
            const form = section.getByRole('form', { name: t.join.historyHeading });
            if (!(await form.isVisible())) break;
            await form.getByLabel(t.join.recoveryKey).fill(theirKey);
            const name = form.getByLabel(t.name);
            if ((await name.inputValue()).trim() === '') {
              typedName = pick(NAMES);
              await name.fill(typedName);
            }
            // Wrong at most once in a row: two count against the unlock's wait, which is the lock screen's business.
            const wrong: boolean = !lastWrong && next() < 0.3;
            lastWrong = wrong;
            trace.push(`  passphrase: ${wrong ? 'wrong' : 'right'}`);
            await form.getByLabel(settingsCopy.privacy.current).fill(wrong ? 'not the passphrase' : PASSPHRASE);
            a.standIns.nextFolder = theirs;
            await form.getByRole('button', { name: t.join.historySubmit }).click();
            if (wrong) {
              await expect(form.getByRole('status')).toHaveText(errorCopy['wrong-passphrase']);
              await expect(form.getByLabel(settingsCopy.privacy.current)).toBeFocused();
              break;
            }
            await expect(button(t.stopStart)).toBeVisible();
            typedName = null;
            aFolder = theirs;
            // Brought together: the third computer's check-ins are here now, and are kept like the rest.
            for (const id of theirIds) savedHere.add(id);
            break;
          }
          case 'notTogether':
            if (await button(t.join.historyStart).isVisible()) {
              await button(t.notNow).click();
              await expect(button(t.choose)).toBeFocused();
            } else if (await section.getByRole('form', { name: t.join.historyHeading }).isVisible()) {
              await button(t.join.back).click();
              await expect(button(t.choose)).toBeFocused();
            }
            break;
          case 'look':
            if (state === 'on') await button(t.syncNow).click();
            break;
          case 'stopNotNow':
          case 'stopEsc':
          case 'stop': {
            if (state !== 'on') break;
            await button(t.stopStart).click();
            await expect(section.getByRole('heading', { name: t.stopHeading })).toBeFocused();
            // The last computer there is offered to take Attune's files out of the folder: sometimes ticked, before any answer.
            const also = section.getByRole('checkbox', { name: t.stopAlsoFolder });
            if ((await also.isVisible()) && next() < 0.5) {
              await also.check();
              trace.push('  also the folder files');
            }
            if (step === 'stopNotNow') await button(t.notNow).click();
            else if (step === 'stopEsc') await page.keyboard.press('Escape');
            else await button(t.stopConfirm).click();
            await expect(button(step === 'stop' ? t.choose : t.stopStart)).toBeVisible();
            if (step === 'stop') aFolder = null;
            break;
          }
          case 'rename':
            if (state !== 'on') break;
            typedName = pick(NAMES);
            await section.getByLabel(t.name).fill(typedName);
            await page.keyboard.press('Enter');
            await expect(section.getByRole('status')).toHaveText(t.renamed);
            typedName = null;
            break;
          case 'lockElsewhere': {
            // The tray or another window locks: the window shows its lock screen; the person unlocks there.
            await page.evaluate(() => window.attune.vault.lock());
            const lockHeading = page.getByRole('heading', { level: 1, name: 'Attune is locked' });
            await expect(lockHeading).toBeFocused();
            await page.getByLabel('Passphrase').fill(PASSPHRASE);
            await page.keyboard.press('Enter');
            await expect(section).toBeVisible();
            typedName = null;
            break;
          }
          case 'reload':
            typedName = null;
            await open();
            await page.locator('#settings-devices').focus();
            break;
          case 'addHere':
            savedHere.add(await add(page));
            break;
          case 'addThere': {
            // The second computer joins the first's folder, once the first syncs there.
            if (!bLinked && state === 'on' && aFolder === folder) {
              bLinked = (await joinThroughBridge(other, b, folder, recoveryKey)) === 'linked';
              trace.push(`  joined: ${bLinked}`);
            }
            if (bLinked) savedThere.add(await add(other));
            break;
          }
        }
        // Whatever the step left on screen settles before the invariants are read.
        await expect(section.getByRole('button', { name: t.choosing })).toHaveCount(0);
        await expect(section.getByRole('button', { name: t.stopping })).toHaveCount(0);
        await check(step);
      }

      // TRACE=1 prints the steps a seed took, to see what it tried.
      if (process.env.TRACE) console.log(`seed ${seed}:\n  ${trace.join('\n  ')}`);
      // Settled: when both computers sync through one folder, two looks each bring both to the same history.
      if (bLinked && (await syncState()) === 'on' && aFolder === folder) {
        for (let round = 0; round < 2; round++) {
          await other.evaluate(() => window.attune.devices.syncNow());
          await page.evaluate(() => window.attune.devices.syncNow());
        }
        const here = await ids(page);
        expect(here, `seed ${seed}: ${trace.join(' / ')}`).toEqual(await ids(other));
        expect(here).toEqual(expect.arrayContaining([...savedHere, ...savedThere]));
      }
    });
  }
});
