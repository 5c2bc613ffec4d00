export function serveArgs(): string[];
