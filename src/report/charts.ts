// Hand-made SVG bar charts for the HTML report: horizontal bars, one per row, stacked by series,
// with an axis, a legend and a <title> tooltip on every segment. No script, no external resource.
import { html, type Raw } from './escape.js';

export interface Series {
  name: string;
  color: string;
}

export interface BarRow {
  label: string;
  /** Tooltip of the row label (the full name). */
  title?: string;
  values: number[];
}

export interface BarChartOptions {
  id: string;
  title: string;
  series: Series[];
  rows: BarRow[];
  width?: number;
  labelWidth?: number;
}

const ROW = 22;
const BAR = 15;
const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** A "nice" axis maximum and step: 1, 2 or 5 times a power of ten. */
export function niceScale(max: number, ticks = 6): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const raw = max / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return { max: Math.max(step, Math.ceil(max / step) * step), step: Math.max(1, step) };
}

export function barChart(o: BarChartOptions): Raw {
  const width = o.width ?? 900;
  const labelWidth = o.labelWidth ?? 300;
  const plot = width - labelWidth - 40;
  // The legend: entries laid out left to right from the plot's left edge, wrapping to new lines.
  const legendAt: { x: number; y: number }[] = [];
  let lx = 0;
  let ly = 8;
  for (const s of o.series) {
    const w = 28 + s.name.length * 7;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += 18;
    }
    legendAt.push({ x: lx, y: ly });
    lx += w;
  }
  const top = ly + 26;
  const height = top + Math.max(1, o.rows.length) * ROW + 28;
  const totals = o.rows.map((r) => r.values.reduce((a, b) => a + b, 0));
  const scale = niceScale(Math.max(0, ...totals));
  const x = (v: number) => labelWidth + (v / scale.max) * plot;
  const ticks: number[] = [];
  for (let v = 0; v <= scale.max + 1e-9; v += scale.step) ticks.push(v);
  const axisY = top + Math.max(1, o.rows.length) * ROW;

  const legend = o.series.map((s, i) => html`<g class="legend" transform="translate(${legendAt[i]!.x},${legendAt[i]!.y})"><rect width="12" height="12" fill="${s.color}"/><text x="16" y="10">${s.name}</text></g>`);
  const grid = ticks.map((v) => html`<g class="tick"><line x1="${x(v)}" x2="${x(v)}" y1="${top - 4}" y2="${axisY}"/><text x="${x(v)}" y="${axisY + 16}" text-anchor="middle">${v}</text></g>`);
  const bars = o.rows.map((r, i) => {
    const y = top + i * ROW + (ROW - BAR) / 2;
    let acc = 0;
    const segments = r.values.map((v, k) => {
      if (v <= 0) return '';
      const x0 = x(acc);
      acc += v;
      const s = o.series[k]!;
      return html`<rect class="bar" x="${x0.toFixed(2)}" y="${y}" width="${(x(acc) - x0).toFixed(2)}" height="${BAR}" fill="${s.color}"><title>${r.title ?? r.label}: ${v} ${s.name}</title></rect>`;
    });
    return html`<g class="row"><text class="label" x="${labelWidth - 8}" y="${y + BAR - 3}" text-anchor="end"><title>${r.title ?? r.label}</title>${shorten(r.label, 42)}</text>${segments}<text class="total" x="${x(acc) + 4}" y="${y + BAR - 3}">${totals[i]}</text></g>`;
  });
  const empty = o.rows.length ? '' : html`<text x="${labelWidth}" y="${top + 15}" class="empty">nothing to show</text>`;
  return html`<svg id="${o.id}" class="chart" role="img" aria-label="${o.title}" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title>${o.title}</title>${legend}${grid}${bars}${empty}</svg>`;
}
