import type { AuthApiOptions } from './auth-api';

/**
 * Asks the store's public health answer whether it still has no account at all (a new store): the sign-in page
 * then says how to create the first administrator. Any failure (offline, an older store) answers false.
 */
export async function storeNeedsFirstAdmin(options: AuthApiOptions): Promise<boolean> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  try {
    const response = await doFetch((options.baseUrl ?? '') + '/api/health', {
      method: 'GET',
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return (
      typeof body === 'object' &&
      body !== null &&
      (body as { needsFirstAdmin?: unknown }).needsFirstAdmin === true
    );
  } catch {
    return false;
  }
}
