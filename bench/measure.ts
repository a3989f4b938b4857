/**
 * A tiny timing harness for the benches: warm up, then run passes until a time budget is spent, and report
 * operations per second. One run, no assertions on time (ratios are printed, goals are judged by people).
 */

export interface Measurement {
  name: string;
  opsPerSecond: number;
  /** Nanoseconds per operation. */
  nsPerOp: number;
}

/**
 * Measures a synchronous function over a list of inputs.
 *
 * @example measure('evaluator', (context) => evaluate(context).fires, contexts)
 */
export function measure<T>(
  name: string,
  run: (input: T) => unknown,
  inputs: readonly T[],
  budgetMs = 1500,
): Measurement {
  let sink = 0;
  const pass = () => {
    for (const input of inputs) if (run(input)) sink++;
  };
  for (let warm = 0; warm < 3; warm++) pass();
  let passes = 0;
  const start = process.hrtime.bigint();
  let elapsed: bigint;
  do {
    pass();
    passes++;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < BigInt(budgetMs) * 1_000_000n);
  const operations = passes * inputs.length;
  if (sink < 0) console.log(sink);
  return { name, opsPerSecond: (operations * 1e9) / Number(elapsed), nsPerOp: Number(elapsed) / operations };
}

/**
 * Measures several implementations over the same inputs in interleaved rounds and keeps each one's best
 * round: on a shared, noisy machine the best round is the closest to what the code can do, and
 * interleaving gives every implementation the same conditions.
 *
 * @example compare([['a', fnA], ['b', fnB]], inputs)
 */
export function compare<T>(
  implementations: ReadonlyArray<readonly [string, (input: T) => unknown]>,
  inputs: readonly T[],
  rounds = 7,
  roundMs = 250,
): Measurement[] {
  return compareRounds(implementations, inputs, rounds, roundMs).map(fastest);
}

/** The fastest of several measurements of one implementation. */
export const fastest = (measurements: readonly Measurement[]): Measurement =>
  measurements.reduce((best, next) => (next.opsPerSecond > best.opsPerSecond ? next : best));

/**
 * Measures several implementations over the same inputs in interleaved rounds and returns every round's
 * measurement, per implementation (in the order given): for ratios paired round by round, which a burst
 * of load on a shared machine moves far less than it moves each implementation's best. Each round starts
 * one implementation further on, so that none always runs first, right after the previous round's last
 * one (and the garbage it left).
 *
 * @example const [ours, anchor] = compareRounds([['ours', fnA], ['anchor', fnB]], inputs)
 */
export function compareRounds<T>(
  implementations: ReadonlyArray<readonly [string, (input: T) => unknown]>,
  inputs: readonly T[],
  rounds = 7,
  roundMs = 250,
): Measurement[][] {
  const all: Measurement[][] = implementations.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < implementations.length; turn++) {
      const index = (round + turn) % implementations.length;
      const [name, run] = implementations[index] as readonly [string, (input: T) => unknown];
      all[index]?.push(measure(name, run, inputs, roundMs));
    }
  }
  return all;
}

/**
 * How many times slower `measured` is than `anchor`, round by round: the smallest and the median ratio.
 *
 * @example pairedRatios(oursRounds, handRounds) // { min: 1.31, median: 1.38 }
 */
export function pairedRatios(
  measured: readonly Measurement[],
  anchor: readonly Measurement[],
): { min: number; median: number } {
  const ratios = measured.map((round, index) => round.nsPerOp / (anchor[index] as Measurement).nsPerOp);
  return { min: Math.min(...ratios), median: median(ratios) };
}

/**
 * Measures an asynchronous function (awaited one call at a time) over a list of inputs.
 *
 * @example await measureAsync('json-rules-engine', (context) => engine.run(context), contexts)
 */
export async function measureAsync<T>(
  name: string,
  run: (input: T) => Promise<unknown>,
  inputs: readonly T[],
  budgetMs = 1500,
): Promise<Measurement> {
  for (const input of inputs) await run(input);
  let operations = 0;
  const start = process.hrtime.bigint();
  let elapsed: bigint;
  do {
    for (const input of inputs) await run(input);
    operations += inputs.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < BigInt(budgetMs) * 1_000_000n);
  return { name, opsPerSecond: (operations * 1e9) / Number(elapsed), nsPerOp: Number(elapsed) / operations };
}

/**
 * The median of a list of numbers.
 *
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * A small deterministic pseudo-random generator (mulberry32), so every run uses the same inputs.
 *
 * @example const random = seeded(42); random() // 0.6011...
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Prints a table of measurements with ratios against a reference row. */
export function printTable(title: string, rows: readonly Measurement[], reference: string): void {
  const base = rows.find((row) => row.name === reference) as Measurement;
  console.log(`\n${title}`);
  console.log(
    `${'implementation'.padEnd(22)} ${'ops/s'.padStart(14)} ${'ns/op'.padStart(10)}  ${reference} is`,
  );
  for (const row of rows) {
    const ratio = base.opsPerSecond / row.opsPerSecond;
    const label = row.name === reference ? '-' : `${ratio.toFixed(2)}x faster`;
    console.log(
      `${row.name.padEnd(22)} ${Math.round(row.opsPerSecond).toLocaleString('en-US').padStart(14)} ${row.nsPerOp.toFixed(0).padStart(10)}  ${label}`,
    );
  }
}
