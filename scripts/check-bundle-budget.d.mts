export const INITIAL_JS_BUDGET_KB: number;
export function initialJsGzipKb(distDir?: string): { kb: number; files: string[] };
