// Threshold comparisons on computed values (means, ratios) that forgive binary floating-point error: a mean that is
// exactly 7.5 on paper may be stored as 7.499999999999999, and must still count as "not below 7.5".
const TOLERANCE = 1e-9;

export const isAtLeast = (value: number, threshold: number) => value >= threshold - TOLERANCE;
export const isAtMost = (value: number, threshold: number) => value <= threshold + TOLERANCE;
export const isBelow = (value: number, threshold: number) => value < threshold - TOLERANCE;
export const isAbove = (value: number, threshold: number) => value > threshold + TOLERANCE;
