import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { useTempDirs } from '../../tests/support/temp-dir';
import { checkLocale } from './check-locale';
import { compileMessages, compileRaw, GENERATED_DIR, generatedOnDisk, MESSAGES_DIR } from './compile-messages';
import { MessageError, paramsOf, parseNamespace, type Tree } from './message-model';
import { pseudoTree } from './pseudo-locale';

const tempDir = useTempDirs();

describe('the message files (i18next JSON v4)', () => {
  it('reads text with values, plural forms and paragraph lists', () => {
    const tree = parseNamespace(
      { greet: 'Hello {{name}}', pauses_one: '{{count}} pause', pauses_other: '{{count}} pauses', body: ['One.', 'Two {{x}}.'] },
      'test',
    );
    expect(tree.greet).toEqual({ kind: 'text', parts: [{ text: 'Hello ' }, { param: 'name' }] });
    expect(tree.pauses).toEqual({
      kind: 'plural',
      forms: { one: [{ param: 'count' }, { text: ' pause' }], other: [{ param: 'count' }, { text: ' pauses' }] },
    });
    expect([...paramsOf(tree.body as never)]).toEqual(['x']);
  });

  it('refuses what is not the format, naming the key', () => {
    expect(() => parseNamespace({ a: 'Hello {{na me}}' }, 'ns')).toThrow(/ns\.a: "\{\{na me\}\}"/);
    expect(() => parseNamespace({ a: 'Hello {{name' }, 'ns')).toThrow(MessageError);
    expect(() => parseNamespace({ a_one: 'one' }, 'ns')).toThrow(/needs an "_other" form/);
    expect(() => parseNamespace({ a: 3 }, 'ns')).toThrow(MessageError);
    expect(() => parseNamespace({ a: ['x', 2] }, 'ns')).toThrow(/a list holds text only/);
  });
});

describe('a translation against English', () => {
  const english: Record<string, Tree> = {
    ns: parseNamespace({ hello: 'Hello {{name}}', items_one: '{{count}} item', items_other: '{{count}} items', body: ['a', 'b'] }, 'en'),
  };

  it('finds missing, extra and changed messages, values and plural forms', () => {
    const translated = {
      ns: parseNamespace({ hello: 'Hallo {{nom}}', items_other: '{{count}} Dinge', body: ['a'], extra: 'x' }, 'de'),
    };
    expect(checkLocale('de', english, translated).sort()).toEqual(
      [
        'de: ns.body has 1 paragraphs, English has 2',
        'de: ns.extra is not in the English messages',
        'de: ns.hello uses {nom}, English uses {name}',
        'de: ns.items has no "_one" form (de needs one, other)',
      ].sort(),
    );
  });

  it('asks each language for its own plural forms', () => {
    const polish = { ns: parseNamespace({ hello: 'Cześć {{name}}', items_one: '1', items_other: 'x', body: ['a', 'b'] }, 'pl') };
    expect(checkLocale('pl', english, polish)).toEqual([
      'pl: ns.items has no "_few" form (pl needs one, few, many, other)',
      'pl: ns.items has no "_many" form (pl needs one, few, many, other)',
    ]);
    expect(
      checkLocale('ja', english, { ns: parseNamespace({ hello: '{{name}}', items_other: '{{count}}', body: ['a', 'b'] }, 'ja') }),
    ).toEqual([]);
  });

  it('where English has no "_one" form (the count is never one), asks only for the forms counts from two reach', () => {
    const each = { ns: parseNamespace({ each_other: 'each of the {{count}} times', items_one: '#', items_other: '#' }, 'en') };
    const french = (forms: Record<string, string>) => checkLocale('fr', each, { ns: parseNamespace(forms, 'fr') });
    expect(french({ each_other: 'x {{count}}', each_many: 'x {{count}}', items_one: '1', items_many: 'x', items_other: 'x' })).toEqual([]);
    expect(french({ each_other: 'x {{count}}', items_one: '1', items_other: 'x' })).toEqual([
      'fr: ns.each has no "_many" form (fr needs many, other)',
      'fr: ns.items has no "_many" form (fr needs one, many, other)',
    ]);
  });

  it('a whole missing namespace is every message missing', () => {
    expect(checkLocale('fr', english, {})).toHaveLength(3);
  });
});

describe('pseudo-locales', () => {
  const tree = parseNamespace({ save: 'Save {{what}}' }, 'en');

  it('en-XA accents letters, keeps values, and is about 40% longer between brackets', () => {
    const parts = (pseudoTree(tree, 'en-XA').save as { parts: Array<{ text?: string; param?: string }> }).parts;
    expect(parts.some((part) => part.param === 'what')).toBe(true);
    const text = parts.map((part) => part.text ?? `{${part.param}}`).join('');
    expect(text.startsWith('[Šåṽé ')).toBe(true);
    expect(text.endsWith(']')).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(Math.ceil('Save {what}'.length * 1.4));
  });

  it('ar-XB wraps each message in a right-to-left override', () => {
    const parts = (pseudoTree(tree, 'ar-XB').save as { parts: Array<{ text?: string }> }).parts;
    expect(parts[0]?.text).toBe('\u202e');
    expect(parts[parts.length - 1]?.text).toBe('\u202c');
  });
});

describe('compiling', () => {
  it('the generated catalogue is what messages/ makes now (run `npm run messages` after changing the JSON)', async () => {
    const { files, problems } = await compileMessages(MESSAGES_DIR);
    expect(problems).toEqual([]);
    expect(new Map([...generatedOnDisk(GENERATED_DIR)].sort())).toEqual(new Map([...files].sort()));
  });

  it('stops on a translation that does not match English, listing every problem', () => {
    const dir = tempDir('attune-messages-');
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'de'));
    writeFileSync(join(dir, 'en', 'ns.json'), JSON.stringify({ a: 'A {{x}}', b: 'B' }));
    writeFileSync(join(dir, 'de', 'ns.json'), JSON.stringify({ $review: 'Not yet reviewed.', a: 'A {{y}}' }));
    const { problems, files } = compileRaw(dir);
    expect(problems).toEqual(['de: ns.b is missing', 'de: ns.a uses {y}, English uses {x}']);
    expect(files.get('locales.ts')).toContain('"de":"Not yet reviewed."');
  });

  it('a pseudo-locale folder is refused: those are made, not written', () => {
    const dir = tempDir('attune-messages-');
    mkdirSync(join(dir, 'en'));
    mkdirSync(join(dir, 'en-XA'));
    writeFileSync(join(dir, 'en', 'ns.json'), '{}');
    expect(compileRaw(dir).problems).toEqual(['en-XA: pseudo-locales are made from English, not written']);
  });

  it('a group is one chunk per language: its namespaces load through it, the rest on their own', () => {
    const dir = tempDir('attune-messages-');
    mkdirSync(join(dir, 'en'));
    for (const ns of ['first', 'second', 'later']) writeFileSync(join(dir, 'en', `${ns}.json`), JSON.stringify({ a: ns }));
    writeFileSync(join(dir, 'groups.json'), JSON.stringify({ $comment: 'why', start: ['first', 'second'] }));
    const { problems, files } = compileRaw(dir);
    expect(problems).toEqual([]);
    expect(files.get('en/start.ts')).toContain("export { default as first } from './first';");
    expect(files.get('en-XA/start.ts')).toContain("export { default as second } from './second';");
    const loaders = files.get('en/index.ts') ?? '';
    expect(loaders).toContain("first: () => import('./start').then((group) => ({ default: group.first })),");
    expect(loaders).toContain("later: () => import('./later'),");
    expect(files.get('locales.ts')).toContain('MESSAGE_GROUPS = {"start":["first","second"]} as const');
  });

  it('refuses a group that names a namespace, lists an unknown one, or shares one with another group', () => {
    const dir = tempDir('attune-messages-');
    mkdirSync(join(dir, 'en'));
    for (const ns of ['first', 'second']) writeFileSync(join(dir, 'en', `${ns}.json`), JSON.stringify({ a: ns }));
    writeFileSync(
      join(dir, 'groups.json'),
      JSON.stringify({ first: ['second'], one: ['first', 'nope'], two: ['second'], three: ['second'] }),
    );
    expect(compileRaw(dir).problems).toEqual([
      'groups.json: "first" cannot name a group (kebab-case, not a namespace or "index")',
      'groups.json: "one" must list namespace file names that exist in en/',
      'groups.json: "second" is in two groups',
    ]);
  });
});
