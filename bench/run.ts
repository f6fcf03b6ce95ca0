import type { BenchRow, BenchSuite } from './bench-row';

/**
 * `npm run bench [-- --json] [-- --only GROUP] [-- --no-build]`: builds, runs every suite and prints one table.
 * Each suite lives in its own `bench/*.bench.ts` file and is listed here.
 */
const suites: Record<string, () => Promise<{ default: BenchSuite }>> = {
  bundle: () => import('./bundle.bench'),
  popover: () => import('./popover.bench'),
  historyView: () => import('./history-view.bench'),
  vault: () => import('./vault.bench'),
  pauses: () => import('./pauses.bench'),
  insights: () => import('./insights.bench'),
  insightsView: () => import('./insights-view.bench'),
  folderScan: () => import('./folder-scan.bench'),
  syncEngine: () => import('./sync-engine.bench'),
};

const args = process.argv.slice(2);
const json = args.includes('--json');
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

const format = (row: BenchRow): string[] => {
  const value = String(Number(row.value.toPrecision(4)));
  const ratio = row.ratio ? `${row.ratio.value.toPrecision(3)}× vs ${row.ratio.against}` : '';
  const meets = row.meets === undefined ? '' : row.meets ? 'yes' : 'NO';
  return [row.group, row.name, `${value} ${row.unit}`, row.target ?? '', ratio, meets];
};

const printTable = (rows: BenchRow[]): void => {
  const header = ['group', 'figure', 'value', 'target', 'ratio', 'meets'];
  const cells = [header, ...rows.map(format)];
  const widths = header.map((_, i) => Math.max(...cells.map((line) => (line[i] ?? '').length)));
  for (const [index, line] of cells.entries()) {
    console.log(
      line
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    if (index === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
};

// Bundle sizes and the browser figures measure the built renderer: build first (its output to stderr,
// so `--json` keeps stdout to the one JSON object).
if (!args.includes('--no-build')) {
  const { spawnSync } = await import('node:child_process');
  const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (build.status !== 0) {
    console.error('The build did not finish, so the figures would be stale. Run `npm run build` to see why.');
    process.exit(1);
  }
}

const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(suites)) {
  if (only && only !== name) continue;
  if (!json) console.error(`running ${name}…`);
  const suite = (await load()).default;
  rows.push(...(await suite()));
}
if (json) {
  console.log(JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, rows }, null, 2));
} else {
  printTable(rows);
}
