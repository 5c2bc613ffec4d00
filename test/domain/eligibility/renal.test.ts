import { describe, expect, it } from 'vitest';
import { CREATININE_UMOL_L_PER_MG_DL, ckdEpi2021, cockcroftGault } from '@/domain';

const umol = (mgDl: number) => mgDl * CREATININE_UMOL_L_PER_MG_DL;

describe('cockcroftGault', () => {
  it('gives 100 mL/min for a man of 50 years, 80 kg, creatinine 1.0 mg/dL (88.4 µmol/L)', () => {
    // (140 − 50) × 80 / (72 × 1.0) = 7200 / 72 = 100 (Cockcroft & Gault 1976 formula, worked by hand).
    expect(cockcroftGault({ ageYears: 50, weightKg: 80, sex: 'M', creatinineUmolL: 88.4 })).toBeCloseTo(
      100,
      10,
    );
  });

  it('gives 74.1 mL/min for a man of 60 years, 80 kg, creatinine 1.2 mg/dL', () => {
    // 80 × 80 / 86.4 = 74.07
    expect(cockcroftGault({ ageYears: 60, weightKg: 80, sex: 'M', creatinineUmolL: umol(1.2) })).toBeCloseTo(
      74.07,
      2,
    );
  });

  it('takes 15 % off for a woman: 45 years, 60 kg, 0.9 mg/dL gives 74.8 mL/min', () => {
    // [95 × 60 / 64.8] × 0.85 = 87.96 × 0.85 = 74.77
    expect(cockcroftGault({ ageYears: 45, weightKg: 60, sex: 'F', creatinineUmolL: umol(0.9) })).toBeCloseTo(
      74.77,
      2,
    );
  });

  it('agrees within 0.5 % with the µmol/L shortcut ×1.23 (men) and ×1.04 (women)', () => {
    const input = { ageYears: 40, weightKg: 70, creatinineUmolL: 120 };
    const shortcut = (factor: number) => ((140 - 40) * 70 * factor) / 120;
    expect(cockcroftGault({ ...input, sex: 'M' }) / shortcut(1.23)).toBeCloseTo(1, 2);
    expect(cockcroftGault({ ...input, sex: 'F' }) / shortcut(1.04)).toBeCloseTo(1, 2);
  });

  it('gives exactly 30 mL/min for a man of 50 years, 60 kg, creatinine 221 µmol/L (2.5 mg/dL)', () => {
    // 90 × 60 / (72 × 2.5) = 5400 / 180 = 30
    expect(cockcroftGault({ ageYears: 50, weightKg: 60, sex: 'M', creatinineUmolL: 221 })).toBeCloseTo(
      30,
      10,
    );
  });

  it('returns NaN, never a plausible number, for missing or impossible input', () => {
    const good = { ageYears: 50, weightKg: 60, sex: 'M' as const, creatinineUmolL: 100 };
    const bad = [
      { ...good, creatinineUmolL: 0 },
      { ...good, creatinineUmolL: -5 },
      { ...good, weightKg: 0 },
      { ...good, weightKg: Number.NaN },
      { ...good, ageYears: 17 },
      { ...good, ageYears: 121 },
      { ...good, ageYears: Number.POSITIVE_INFINITY },
      { ...good, sex: 'X' as unknown as 'M' },
      { ...good, creatinineUmolL: undefined as unknown as number },
    ];
    for (const input of bad) expect(cockcroftGault(input)).toBeNaN();
    expect(cockcroftGault(undefined as never)).toBeNaN();
  });
});

describe('ckdEpi2021', () => {
  it('gives 71 mL/min/1.73 m² for a man of 55 years with creatinine 1.2 mg/dL (NKF reference value)', () => {
    // 142 × (1.2/0.9)^−1.200 × 0.9938^55 = 142 × 0.70808 × 0.71033 = 71.42
    const egfr = ckdEpi2021({ ageYears: 55, sex: 'M', creatinineUmolL: umol(1.2) });
    expect(Math.round(egfr)).toBe(71);
    expect(egfr).toBeCloseTo(71.418, 2);
  });

  it('uses κ 0.7, α −0.241 and ×1.012 for a woman below the knot: 40 years, 0.6 mg/dL gives 116.3', () => {
    // 142 × (0.6/0.7)^−0.241 × 0.9938^40 × 1.012 = 142 × 1.03785 × 0.77975 × 1.012 = 116.30
    expect(ckdEpi2021({ ageYears: 40, sex: 'F', creatinineUmolL: umol(0.6) })).toBeCloseTo(116.295, 2);
  });

  it('uses the −1.200 slope for a woman above the knot: 55 years, 0.9 mg/dL gives 75.5', () => {
    expect(ckdEpi2021({ ageYears: 55, sex: 'F', creatinineUmolL: umol(0.9) })).toBeCloseTo(75.499, 2);
  });

  it('is continuous at the knot, where it is 142 × 0.9938^age (× 1.012 for a woman)', () => {
    expect(ckdEpi2021({ ageYears: 30, sex: 'M', creatinineUmolL: umol(0.9) })).toBeCloseTo(
      142 * 0.9938 ** 30,
      6,
    );
    expect(ckdEpi2021({ ageYears: 60, sex: 'F', creatinineUmolL: umol(0.7) })).toBeCloseTo(
      142 * 0.9938 ** 60 * 1.012,
      6,
    );
    const justBelow = ckdEpi2021({ ageYears: 30, sex: 'M', creatinineUmolL: umol(0.9) - 1e-9 });
    const justAbove = ckdEpi2021({ ageYears: 30, sex: 'M', creatinineUmolL: umol(0.9) + 1e-9 });
    expect(justAbove).toBeCloseTo(justBelow, 6);
  });

  it('returns NaN for missing or impossible input', () => {
    expect(ckdEpi2021({ ageYears: 40, sex: 'F', creatinineUmolL: 0 })).toBeNaN();
    expect(ckdEpi2021({ ageYears: 12, sex: 'F', creatinineUmolL: 60 })).toBeNaN();
    expect(ckdEpi2021({ ageYears: 40, sex: '' as 'F', creatinineUmolL: 60 })).toBeNaN();
    expect(ckdEpi2021({ ageYears: Number.NaN, sex: 'F', creatinineUmolL: 60 })).toBeNaN();
  });
});
