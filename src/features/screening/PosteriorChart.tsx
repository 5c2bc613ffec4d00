import { useTranslation } from 'react-i18next';
import { posteriorDensityCurve } from '@/domain';
import { useFormat } from '@/ui/use-format';

const W = 600;
const H = 240;
const PAD = { left: 44, right: 12, top: 16, bottom: 36 };

/**
 * The posterior density of the DLT probability, Beta(a, b), drawn from the domain's curve, with the threshold θ
 * marked and the area beyond it (the probability of excessive toxicity) shaded. Plain SVG: no chart library.
 */
export function PosteriorChart({ a, b, threshold }: { a: number; b: number; threshold: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const curve = posteriorDensityCurve({ a, b }, 100);
  const top = Math.max(...curve.map((point) => point.density), 1) * 1.1;
  const x = (p: number) => PAD.left + p * (W - PAD.left - PAD.right);
  const y = (d: number) => H - PAD.bottom - (d / top) * (H - PAD.top - PAD.bottom);
  const line = curve
    .map((point, i) => `${i ? 'L' : 'M'}${x(point.p).toFixed(1)},${y(point.density).toFixed(1)}`)
    .join(' ');
  const beyond = curve.filter((point) => point.p >= threshold);
  const area =
    beyond.length > 0
      ? `M${x(threshold)},${y(0)} ` +
        beyond.map((point) => `L${x(point.p).toFixed(1)},${y(point.density).toFixed(1)}`).join(' ') +
        ` L${x(1)},${y(0)} Z`
      : '';
  const title = t('screening.decision.chartTitle');
  return (
    <figure>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="posterior-chart"
        role="img"
        aria-label={title}
        data-testid="posterior-chart"
      >
        <title>{title}</title>
        {area && <path d={area} fill="#c62828" fillOpacity={0.2} />}
        <path d={line} fill="none" stroke="#1565c0" strokeWidth={2.5} data-testid="posterior-curve" />
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(0)} stroke="#333" />
        <line x1={x(0)} y1={y(0)} x2={x(0)} y2={PAD.top} stroke="#333" />
        {[0, 0.2, 0.4, 0.6, 0.8, 1].map((tick) => (
          <text key={tick} x={x(tick)} y={H - PAD.bottom + 18} fontSize={13} textAnchor="middle">
            {format.number(tick)}
          </text>
        ))}
        <line
          x1={x(threshold)}
          y1={y(0)}
          x2={x(threshold)}
          y2={PAD.top}
          stroke="#c62828"
          strokeWidth={2}
          strokeDasharray="6 4"
          data-testid="posterior-threshold"
        />
        <text x={x(threshold) + 6} y={PAD.top + 14} fontSize={13} fill="#c62828">
          {t('screening.decision.chartThreshold', { threshold: format.number(threshold) })}
        </text>
      </svg>
      <figcaption className="muted">
        {title} — Beta({format.number(a)}, {format.number(b)})
      </figcaption>
    </figure>
  );
}
