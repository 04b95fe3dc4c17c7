import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What every benchmark shares: its section of BENCHMARKS.md and how it ends. */

const BENCHMARKS = path.join(__dirname, '..', 'BENCHMARKS.md');

/**
 * Replaces the benchmark's own section of BENCHMARKS.md (between its `bench:<section>` markers),
 * adding the section under `heading` at the end the first time; the rest of the file is left as
 * people wrote it.
 */
export function writeBenchmarkSection(section: string, heading: string, report: string): void {
  const begin = `<!-- bench:${section}:begin -->`;
  const end = `<!-- bench:${section}:end -->`;
  let text = readFileSync(BENCHMARKS, 'utf8');
  if (!text.includes(begin) || !text.includes(end)) text = `${text.trimEnd()}\n\n${heading}\n\n${begin}\n${end}\n`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  writeFileSync(BENCHMARKS, `${text.slice(0, from + begin.length)}\n${report}\n${text.slice(to)}`);
}

/** Runs a benchmark's main and exits with its exit code (0 unless it set one), or prints the failure and exits 1: open handles never keep it alive. */
export function runBenchmark(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
