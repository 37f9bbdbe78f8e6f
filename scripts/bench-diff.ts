// Benchmark of the diff engine: `npm run bench:diff`. Synthetic, deterministic
// document pairs of 2,500, 6,500 and 20,000 words with 1-5 % word edits,
// section inserts, deletes and moves, plus one complete rewrite per size.
// Reports p50, p95 and max milliseconds per size. Not a test: timings vary by machine.
import { performance } from 'node:perf_hooks';
import { diffSections, type SectionText } from '../src/diff/diff-sections.ts';

const PAIRS_PER_SIZE = Number(process.env.BENCH_PAIRS ?? 40);
const SIZES = [2500, 6500, 20000];

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
const vocabulary = Array.from({ length: 3000 }, (_, i) => `word${i.toString(36)}`).concat([
  'the',
  'data',
  'we',
  'your',
  'and',
  'of',
  'to',
  'policy',
  'privacy',
]);

function document(words: number): SectionText[] {
  const sections: SectionText[] = [];
  for (let s = 0; words > 0; s++) {
    const blocks: string[] = [];
    for (let b = 0; b < 6 && words > 0; b++) {
      const length = Math.min(words, 20 + Math.floor(random() * 50));
      words -= length;
      blocks.push(`${Array.from({ length }, () => pick(vocabulary)).join(' ')}.`);
    }
    sections.push({ id: `section-${s}`, heading: `${s + 1}. ${pick(vocabulary)}`, text: blocks.join('\n') });
  }
  return sections;
}

function edit(before: SectionText[]): SectionText[] {
  const rate = 0.01 + random() * 0.04;
  const after = before.map((section) => ({
    ...section,
    text: section.text
      .split('\n')
      .map((block) =>
        block
          .split(' ')
          .flatMap((word) => {
            if (random() >= rate) return [word];
            const kind = random();
            return kind < 0.4 ? [pick(vocabulary)] : kind < 0.7 ? [] : [word, pick(vocabulary)];
          })
          .join(' '),
      )
      .join('\n'),
  }));
  if (random() < 0.5) after.splice(Math.floor(random() * after.length), 0, { id: `new-${after.length}`, heading: 'New section', text: document(200)[0]!.text });
  if (random() < 0.5) after.splice(Math.floor(random() * after.length), 1);
  if (random() < 0.5) after.push(...after.splice(Math.floor(random() * after.length), 1));
  return after;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const rows: string[] = [];
for (const size of SIZES) {
  const times: number[] = [];
  let rewrite = 0;
  for (let i = 0; i <= PAIRS_PER_SIZE; i++) {
    const before = document(size);
    // The last pair of each size is a complete rewrite under the same ids.
    const after = i === PAIRS_PER_SIZE ? document(size).map((s, j) => ({ ...s, id: before[j]?.id ?? s.id })) : edit(before);
    const start = performance.now();
    diffSections(before, after, 'en');
    const elapsed = performance.now() - start;
    times.push(elapsed);
    if (i === PAIRS_PER_SIZE) rewrite = elapsed;
  }
  times.sort((a, b) => a - b);
  rows.push(
    `| ${size.toLocaleString('en')} | ${PAIRS_PER_SIZE + 1} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${times.at(-1)!.toFixed(1)} | ${rewrite.toFixed(1)} |`,
  );
}
console.log(`Diff engine, ${PAIRS_PER_SIZE} edited pairs + 1 complete rewrite per size, Node ${process.version}\n`);
console.log('| words | pairs | p50 ms | p95 ms | max ms | rewrite ms |\n| ---: | ---: | ---: | ---: | ---: | ---: |');
console.log(rows.join('\n'));
console.log('\nTarget at 6,500 words: p95 ≤ 20 ms and max ≤ 250 ms, rewrites included.');
