// Small statistics and formatting helpers shared by the bench scripts.

export function summary(samples) {
  if (samples.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, p90: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1], p90: at(0.9) };
}

/** Per-round ratios a[i] / b[i] of paired samples. */
export function ratios(a, b) {
  const n = Math.min(a.length, b.length);
  const out = [];
  for (let i = 0; i < n; i++) out.push(a[i] / b[i]);
  return out;
}

export function ms(x) {
  if (!Number.isFinite(x)) return '–';
  if (x >= 100) return x.toFixed(0);
  if (x >= 10) return x.toFixed(1);
  if (x >= 1) return x.toFixed(2);
  return x.toFixed(3);
}

export function rate(x) {
  if (!Number.isFinite(x)) return '–';
  if (x >= 1e6) return `${(x / 1e6).toFixed(1)}M`;
  if (x >= 1e3) return `${(x / 1e3).toFixed(0)}k`;
  return x.toFixed(0);
}

export const fmtSummary = (s, unit = '') => `${ms(s.median)}${unit} [${ms(s.min)}–${ms(s.max)}]`;
export const fmtRatio = (s) => `${s.median.toFixed(2)}× [${s.min.toFixed(2)}–${s.max.toFixed(2)}]`;

/** Rotates `items` by `round` so no tool always goes first. */
export function rotate(items, round) {
  const k = ((round % items.length) + items.length) % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

export const now = () => performance.now();
export const sleep = (t) => new Promise((resolve) => setTimeout(resolve, t));
