import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VITAL_ALERTS, assessVitals, type VitalAlert, type Vitals } from '@/domain/safety';
import { VITAL_BOUNDS, VITAL_FIELDS } from '@/schema/vital-signs';

const normal: Vitals = { sbp: 120, dbp: 75, hr: 80, temperatureC: 36.8, spo2: 98, rr: 16 };
const alertsOf = (change: Partial<Vitals>, baseline?: Partial<Vitals>) => {
  const result = assessVitals({ ...normal, ...change }, baseline);
  if (result.status !== 'complete') throw new Error(`incomplete: ${result.missing.join(', ')}`);
  return result.alerts;
};

describe('vital-sign alerts', () => {
  it('raise nothing on a normal set', () => {
    expect(alertsOf({})).toEqual([]);
  });

  // Thresholds of infusion-and-monitoring.md, a value exactly at each one and one step beyond.
  it.each<[string, Partial<Vitals>, VitalAlert[]]>([
    ['temperature 38.0 °C is fever', { temperatureC: 38.0 }, ['fever']],
    ['temperature 37.9 °C is not', { temperatureC: 37.9 }, []],
    ['SBP 89 is hypotension', { sbp: 89 }, ['hypotension']],
    ['SBP 90 is not', { sbp: 90 }, []],
    ['SBP 160 is hypertension (CTCAE grade 3)', { sbp: 160 }, ['hypertension']],
    ['SBP 159 is not', { sbp: 159 }, []],
    ['DBP 100 is hypertension (CTCAE grade 3)', { dbp: 100 }, ['hypertension']],
    ['DBP 99 is not', { dbp: 99 }, []],
    ['170/115 is hypertension (it raised nothing before issue 18)', { sbp: 170, dbp: 115 }, ['hypertension']],
    ['HR 121 is tachycardia', { hr: 121 }, ['tachycardia']],
    ['HR 120 is not', { hr: 120 }, []],
    ['HR 44 is bradycardia', { hr: 44 }, ['bradycardia']],
    ['HR 45 is not', { hr: 45 }, []],
    ['SpO₂ 91 % is desaturation', { spo2: 91 }, ['desaturation']],
    ['SpO₂ 92 % is not', { spo2: 92 }, []],
    ['RR 26 is tachypnea', { rr: 26 }, ['tachypnea']],
    ['RR 25 is not', { rr: 25 }, []],
  ])('%s', (_, change, expected) => {
    expect(alertsOf(change)).toEqual(expected);
  });

  it('flag a fall of SBP of more than 30 mmHg from the baseline, not of exactly 30', () => {
    expect(alertsOf({ sbp: 109 }, { sbp: 140 })).toEqual(['bpDrop']);
    expect(alertsOf({ sbp: 110 }, { sbp: 140 })).toEqual([]);
  });

  it('flag a fall of SpO₂ of 4 points or more from the baseline, not of 3', () => {
    expect(alertsOf({ spo2: 95 }, { spo2: 99 })).toEqual(['spo2Drop']);
    expect(alertsOf({ spo2: 96 }, { spo2: 99 })).toEqual([]);
  });

  it('read a decimal fall as the nurse does, not as binary floating point', () => {
    // 97.1 − 93.1 is 3.9999999999999916 in floating point.
    expect(alertsOf({ spo2: 93.1 }, { spo2: 97.1 })).toEqual(['spo2Drop']);
  });

  it('cannot raise the falls without a baseline value', () => {
    expect(alertsOf({ sbp: 95, spo2: 93 })).toEqual([]);
    expect(alertsOf({ sbp: 95, spo2: 93 }, { dbp: 80 })).toEqual([]);
  });

  it('come back in the order of the contract', () => {
    const all = alertsOf({ temperatureC: 39, sbp: 85, hr: 130, spo2: 88, rr: 30 }, { sbp: 130, spo2: 97 });
    expect(all).toEqual([
      'fever',
      'hypotension',
      'bpDrop',
      'tachycardia',
      'desaturation',
      'spo2Drop',
      'tachypnea',
    ]);
  });
});

describe('an incomplete vital-sign set', () => {
  it('names every missing field', () => {
    expect(assessVitals({ sbp: 120, hr: 80 })).toEqual({
      status: 'incomplete',
      missing: ['dbp', 'temperatureC', 'spo2', 'rr'],
    });
  });

  it('refuses a value outside its physiological bound, and accepts one exactly on it', () => {
    expect(assessVitals({ ...normal, sbp: 301 })).toEqual({ status: 'incomplete', missing: ['sbp'] });
    expect(assessVitals({ ...normal, temperatureC: 29.9 })).toEqual({
      status: 'incomplete',
      missing: ['temperatureC'],
    });
    expect(assessVitals({ ...normal, sbp: 300, temperatureC: 30 }).status).toBe('complete');
  });

  it('refuses what is not a number', () => {
    const result = assessVitals({ ...normal, hr: Number.NaN, rr: '16' as unknown as number });
    expect(result).toEqual({ status: 'incomplete', missing: ['hr', 'rr'] });
  });

  it('reports an impossible baseline value instead of ignoring it', () => {
    expect(assessVitals(normal, { sbp: 400, spo2: 20 })).toEqual({
      status: 'incomplete',
      missing: ['baseline.sbp', 'baseline.spo2'],
    });
  });
});

describe('vital-sign alert properties', () => {
  const valid = (field: keyof Vitals) => {
    const { min, max } = VITAL_BOUNDS[field];
    return field === 'temperatureC'
      ? fc.integer({ min: min * 10, max: max * 10 }).map((t) => t / 10)
      : fc.integer({ min, max });
  };
  const invalid = (field: keyof Vitals) => {
    const { min, max } = VITAL_BOUNDS[field];
    return fc.oneof(
      fc.constant(undefined),
      fc.constant(Number.NaN),
      fc.double({ max: min, maxExcluded: true, noNaN: true }),
      fc.double({ min: max, minExcluded: true, noNaN: true }),
    );
  };
  const completeSet = fc.record(
    Object.fromEntries(VITAL_FIELDS.map((f) => [f, valid(f)])) as {
      [K in keyof Vitals]: fc.Arbitrary<number>;
    },
  );

  it('never returns alerts for incomplete input', () => {
    const partial = fc
      .tuple(completeSet, fc.subarray([...VITAL_FIELDS], { minLength: 1 }))
      .chain(([set, broken]) =>
        fc.tuple(...broken.map((f) => invalid(f))).map((values) => ({
          set: { ...set, ...Object.fromEntries(broken.map((f, i) => [f, values[i]])) },
          broken,
        })),
      );
    fc.assert(
      fc.property(partial, fc.option(completeSet, { nil: undefined }), ({ set, broken }, baseline) => {
        const result = assessVitals(set as Partial<Vitals>, baseline);
        expect(result.status).toBe('incomplete');
        expect('alerts' in result).toBe(false);
        if (result.status === 'incomplete')
          expect(result.missing).toEqual(VITAL_FIELDS.filter((f) => broken.includes(f)));
      }),
    );
  });

  it('lists alerts of a complete set once each, in contract order, and no fall without a baseline', () => {
    fc.assert(
      fc.property(completeSet, (set) => {
        const result = assessVitals(set);
        expect(result.status).toBe('complete');
        if (result.status !== 'complete') return;
        const positions = result.alerts.map((a) => VITAL_ALERTS.indexOf(a));
        expect(positions).toEqual([...positions].sort((x, y) => x - y));
        expect(new Set(result.alerts).size).toBe(result.alerts.length);
        expect(result.alerts).not.toContain('bpDrop');
        expect(result.alerts).not.toContain('spo2Drop');
      }),
    );
  });
});
