/**
 * One printed figure. Benchmarks never assert: they print the figure, the
 * target, and (where there is one) a baseline measured in the same run.
 */
export interface BenchRow {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 40 ms" or "≥ 100× conf". */
  target?: string;
  /** Whether the figure meets the target (undefined when there is none). */
  meets?: boolean;
  /** A ratio against the same-run baseline, with what it is against. */
  ratio?: { value: number; against: string };
}

export type BenchSuite = () => Promise<BenchRow[]>;

export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
};

export const timeMs = (fn: () => void): number => {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

export const timeMsAsync = async (fn: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};
