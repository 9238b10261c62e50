/** A figure for a table cell: "–" when unknown, else rounded to `digits`. */
export function fmt(value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** Prints rows as an aligned plain-text table (first column left, the rest right-aligned). */
export function printTable(header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

/** "PASS" or "MISS" beside a target; "n/a" when the figure could not be measured. */
export function verdict(value: number, limit: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return value <= limit ? 'PASS' : 'MISS';
}

/** "a ×2, b ×1": how often each value occurs, in order of first appearance. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${value} ×${count}`).join(', ');
}
