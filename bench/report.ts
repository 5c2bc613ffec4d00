// One line per figure (value, budget, ok/OVER, the minimal PWA's timing beside it as a ratio), and the JSON file.

export type Figure = {
  /** "1", "2a"…: the row of issue 12's table it measures. */
  id: string;
  name: string;
  value: number | null;
  unit: string;
  /** How the budget reads ("≤ 16 ms"), or null for a figure only reported. */
  budget: string | null;
  ok: boolean | null;
  /** The same timing of the minimal PWA in the same run, and Chevet's value over it. */
  minimal?: { value: number; ratio: number };
  detail?: Record<string, unknown>;
  skipped?: string;
};

const round = (n: number) => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));

export function formatFigure(f: Figure): string {
  const value = f.skipped ? `skipped: ${f.skipped}` : `${round(f.value!)} ${f.unit}`;
  const verdict = f.ok === null ? 'reported' : f.ok ? 'ok' : 'OVER';
  const beside = f.minimal
    ? `  (minimal PWA ${round(f.minimal.value)} ${f.unit}, ×${f.minimal.ratio.toFixed(2)})`
    : '';
  const extra = f.detail?.note ? `  ${String(f.detail.note)}` : '';
  return `${f.id.padEnd(3)} ${f.name.padEnd(58)} ${value.padStart(12)}  ${(f.budget ?? '').padEnd(24)} ${verdict}${beside}${extra}`;
}

export function ratioTo(value: number, minimal: number) {
  return { value: minimal, ratio: value / minimal };
}
