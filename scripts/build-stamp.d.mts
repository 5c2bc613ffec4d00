export const BUILD_INPUTS: readonly string[];
export const STAMP: string;
export function sourcesHash(root?: string): string;
export function buildIsCurrent(hash?: string): boolean;
