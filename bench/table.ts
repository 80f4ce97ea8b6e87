import type { Figure, SectionResult } from './types.js';

/** A number with as many decimals as its size deserves. */
export function formatNumber(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function verdict(figure: Figure): string {
  if (figure.met === null) return '';
  return figure.met ? 'met' : 'MISSED';
}

/** The readable table of one section: every figure as a ratio against its same-run baseline. */
export function formatSection(section: SectionResult): string {
  const lines = [`== ${section.name} (${section.seconds.toFixed(1)} s)`];
  if (section.skipped) {
    lines.push(`skipped: ${section.skipped}`, '');
    return lines.join('\n');
  }
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'verdict', 'spread', 'note'];
  const rows = section.figures.map((f) => [
    f.label,
    `${formatNumber(f.value)} ${f.unit}`,
    `${f.baseline.name} ${formatNumber(f.baseline.value)}`,
    `${f.ratio.toFixed(2)}×`,
    f.target?.text ?? '',
    verdict(f),
    f.spread === undefined ? '' : `±${(f.spread * 50).toFixed(0)}%`,
    f.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (i === header.length - 1 ? 0 : row[i]!.length))));
  const render = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  lines.push(render(header), render(header.map((_, i) => (i === header.length - 1 ? '----' : '-'.repeat(widths[i]!)))));
  for (const row of rows) lines.push(render(row));
  for (const note of section.notes) lines.push(`  ${note}`);
  lines.push('');
  return lines.join('\n');
}
