import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { VISITS } from '@/schema/endpoints';
import type { VisitId } from '@/domain';

export type Series = { name: string; values: Partial<Record<VisitId, number>> };

const W = 320;
const H = 160;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };
const COLOURS = ['#0b5d6b', '#b5501b', '#5a3d99', '#2e7d32', '#a4243b', '#6d6d00', '#00639a', '#7a4f01'];

/**
 * A small line chart drawn as SVG from the data (no canvas, no library), always with the same values as a table
 * beside it: the table is what a screen reader reads and what a person can check a point against.
 */
export function Chart({
  title,
  series,
  min,
  max,
  digits = 1,
}: {
  title: string;
  series: readonly Series[];
  min: number;
  max: number;
  digits?: number;
}) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const number = (value: number) =>
    new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(value);
  const x = (index: number) => PAD.left + (index * (W - PAD.left - PAD.right)) / (VISITS.length - 1);
  const y = (value: number) => PAD.top + ((max - value) * (H - PAD.top - PAD.bottom)) / (max - min || 1);
  const any = series.some((s) => Object.keys(s.values).length > 0);
  return (
    <figure className="panel chart-panel" data-testid={`chart-${title}`}>
      <figcaption id={titleId}>
        <strong>{title}</strong>
      </figcaption>
      {!any ? (
        <p className="muted">{t('visits.endpoints.noData')}</p>
      ) : (
        <div className="chart">
          <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={titleId}>
            {[min, (min + max) / 2, max].map((tick) => (
              <g key={tick}>
                <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#dde3e8" />
                <text x={PAD.left - 4} y={y(tick) + 4} textAnchor="end" fontSize="10" fill="#5b6670">
                  {number(tick)}
                </text>
              </g>
            ))}
            {VISITS.map((visit, index) => (
              <text key={visit} x={x(index)} y={H - 6} textAnchor="middle" fontSize="10" fill="#5b6670">
                {visit}
              </text>
            ))}
            {series.map((s, n) => {
              const points = VISITS.flatMap((visit, index) => {
                const value = s.values[visit];
                return value === undefined ? [] : [[x(index), y(value)] as const];
              });
              const colour = COLOURS[n % COLOURS.length];
              return (
                <g key={s.name}>
                  <polyline
                    points={points.map((p) => p.join(',')).join(' ')}
                    fill="none"
                    stroke={colour}
                    strokeWidth="2"
                  />
                  {points.map(([cx, cy]) => (
                    <circle key={`${cx}`} cx={cx} cy={cy} r="3.5" fill={colour} />
                  ))}
                </g>
              );
            })}
          </svg>
          <table>
            <thead>
              <tr>
                <th scope="col" />
                {series.map((s, n) => (
                  <th key={s.name} scope="col" style={{ color: COLOURS[n % COLOURS.length] }}>
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {VISITS.filter((visit) => series.some((s) => s.values[visit] !== undefined)).map((visit) => (
                <tr key={visit}>
                  <th scope="row">{visit}</th>
                  {series.map((s) => (
                    <td key={s.name}>{s.values[visit] === undefined ? '—' : number(s.values[visit]!)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}
