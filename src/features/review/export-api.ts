import { invalidateAccessToken, tokenFor, useSession } from '@/session/session-store';

// The export downloads (issue 24; server/routes/export.ts): online only, for data managers and physicians.

export type ExportFormat = 'odm' | 'csv';
export type ExportFailure = 'offline' | 'unauthenticated' | 'forbidden' | 'server';
export type ExportDownload = { ok: true; file: Blob; name: string } | { ok: false; error: ExportFailure };

export type ExportApiOptions = { fetch?: typeof fetch; token?: () => Promise<string | null> };

export async function currentToken(): Promise<string | null> {
  const userId = useSession.getState().person?.userId;
  if (!userId) return null;
  const outcome = await tokenFor(userId);
  return 'token' in outcome ? outcome.token : null;
}

/** The file name the server gave (Content-Disposition), or a plain one. */
function fileName(response: Response, format: ExportFormat): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? (format === 'odm' ? 'chevet-odm.xml' : 'chevet-csv.zip');
}

/** A GET of a reviewers' route of the store with the person's token, its failures in the screens' terms. */
export async function reviewerGet(
  path: string,
  options: ExportApiOptions = {},
): Promise<{ ok: true; response: Response } | { ok: false; error: ExportFailure }> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const accessToken = await (options.token ?? currentToken)();
  if (!accessToken) return { ok: false, error: navigator.onLine ? 'unauthenticated' : 'offline' };
  let response: Response;
  try {
    response = await doFetch(path, {
      headers: { authorization: `Bearer ${accessToken}` },
      signal: AbortSignal.timeout(120_000),
    });
  } catch {
    return { ok: false, error: 'offline' };
  }
  if (response.ok) return { ok: true, response };
  if (response.status === 401) {
    invalidateAccessToken(useSession.getState().person?.userId);
    return { ok: false, error: 'unauthenticated' };
  }
  return { ok: false, error: response.status === 403 ? 'forbidden' : 'server' };
}

export async function downloadExport(
  format: ExportFormat,
  options: ExportApiOptions = {},
): Promise<ExportDownload> {
  const result = await reviewerGet(`/api/export/${format}`, options);
  if (!result.ok) return result;
  return { ok: true, file: await result.response.blob(), name: fileName(result.response, format) };
}
