const pad = (n: number) => String(n).padStart(2, '0');

/** A countdown's duration: "23 h 59 min" from an hour up, "5 min 03 s" below (absolute value of `ms`). */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return h > 0 ? `${h} h ${pad(m)} min` : `${m} min ${pad(s)} s`;
}
