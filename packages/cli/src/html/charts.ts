// Inline SVG charts for the HTML report: no script, no fonts, no network at view time.
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4b5563', '#65a30d'];

export interface Series { label: string; points: { x: string; y: number }[] }

/** A line chart over categorical x values (ISO weeks). */
export function lineChart(title: string, series: readonly Series[], o: { width?: number; height?: number } = {}): string {
  const w = o.width ?? 760, h = o.height ?? 300, left = 48, right = 230, top = 30, bottom = 40;
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  const maxY = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const px = (x: string) => left + (xs.length <= 1 ? (w - left - right) / 2 : (xs.indexOf(x) / (xs.length - 1)) * (w - left - right));
  const py = (y: number) => top + (1 - y / maxY) * (h - top - bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = py(maxY * f);
    return `<line x1="${left}" x2="${w - right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${left - 6}" y="${y + 4}" text-anchor="end" font-size="11" fill="#6b7280">${Math.round(maxY * f)}</text>`;
  });
  const xlabels = xs.map((x) => `<text x="${px(x)}" y="${h - bottom + 18}" text-anchor="middle" font-size="11" fill="#374151">${esc(x)}</text>`);
  const lines = series.map((s, i) => {
    const c = COLORS[i % COLORS.length]!;
    const pts = s.points.map((p) => `${px(p.x)},${py(p.y)}`).join(' ');
    const dots = s.points.map((p) => `<circle cx="${px(p.x)}" cy="${py(p.y)}" r="4" fill="${c}"><title>${esc(`${s.label}: ${p.y} seats in ${p.x}`)}</title></circle>`).join('');
    const legend = `<rect x="${w - right + 12}" y="${top + i * 18 - 9}" width="10" height="10" fill="${c}"/><text x="${w - right + 28}" y="${top + i * 18}" font-size="11" fill="#111827">${esc(s.label.length > 34 ? `${s.label.slice(0, 33)}…` : s.label)}</text>`;
    return `<polyline points="${pts}" fill="none" stroke="${c}" stroke-width="2.5"/>${dots}${legend}`;
  });
  return svg(title, w, h, [...grid, ...xlabels, ...lines].join(''));
}

export interface Bar { label: string; value: number; color?: string; note?: string }

/** Horizontal bars, with an optional vertical reference line (the margin policy). */
export function barChart(title: string, bars: readonly Bar[], o: { unit?: string; reference?: { value: number; label: string } } = {}): string {
  const w = 760, rowH = 22, left = 250, right = 90, top = 30;
  const h = top + Math.max(1, bars.length) * rowH + 30;
  const values = [...bars.map((b) => b.value), o.reference?.value ?? 0, 0];
  const min = Math.min(...values), max = Math.max(...values, 1);
  const px = (v: number) => left + ((v - min) / (max - min || 1)) * (w - left - right);
  const rows = bars.map((b, i) => {
    const y = top + i * rowH;
    const x0 = px(Math.min(0, b.value)), x1 = px(Math.max(0, b.value));
    return `<text x="${left - 8}" y="${y + 15}" text-anchor="end" font-size="11" fill="#111827">${esc(b.label.length > 40 ? `${b.label.slice(0, 39)}…` : b.label)}</text>` +
      `<rect x="${x0}" y="${y + 4}" width="${Math.max(1, x1 - x0)}" height="${rowH - 8}" fill="${b.color ?? COLORS[0]}"><title>${esc(`${b.label}: ${b.note ?? `${b.value}${o.unit ?? ''}`}`)}</title></rect>` +
      `<text x="${x1 + 6}" y="${y + 15}" font-size="11" fill="#374151">${esc(b.note ?? `${b.value}${o.unit ?? ''}`)}</text>`;
  });
  const ref = o.reference
    ? `<line x1="${px(o.reference.value)}" x2="${px(o.reference.value)}" y1="${top - 6}" y2="${h - 24}" stroke="#111827" stroke-dasharray="5 4" stroke-width="1.5"/><text x="${px(o.reference.value)}" y="${h - 8}" text-anchor="middle" font-size="11" fill="#111827">${esc(o.reference.label)}</text>`
    : '';
  const zero = min < 0 ? `<line x1="${px(0)}" x2="${px(0)}" y1="${top - 6}" y2="${h - 24}" stroke="#9ca3af"/>` : '';
  return svg(title, w, h, rows.join('') + zero + ref);
}

function svg(title: string, w: number, h: number, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif"><title>${esc(title)}</title><rect width="${w}" height="${h}" fill="#ffffff"/>${body}</svg>`;
}
