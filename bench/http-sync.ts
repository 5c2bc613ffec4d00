import { MAX_PULL_LIMIT, MAX_PUSH_BATCH, type Mutation } from '../src/schema/sync';

// Figure 5: the whole trial through the real HTTP API of wire-contract.md, as a tablet's sync engine calls it.

export type Session = { accessToken: string; deviceId: string };

export async function signIn(baseUrl: string, username: string, password: string, deviceName: string) {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, deviceName }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${username}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Session;
}

/** Pushes in batches of the largest size the contract allows; every mutation must come back applied. */
export async function pushAll(baseUrl: string, session: Session, mutations: readonly Mutation[]) {
  const started = performance.now();
  for (let i = 0; i < mutations.length; i += MAX_PUSH_BATCH) {
    const response = await fetch(`${baseUrl}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ deviceId: session.deviceId, mutations: mutations.slice(i, i + MAX_PUSH_BATCH) }),
    });
    if (!response.ok) throw new Error(`push: HTTP ${response.status} ${await response.text()}`);
    const { results } = (await response.json()) as { results: { status: string; reason?: string }[] };
    const refused = results.find((r) => r.status !== 'applied');
    if (refused) throw new Error(`push: a mutation came back ${refused.status} ${refused.reason ?? ''}`);
  }
  return performance.now() - started;
}

/** Pulls the whole log from the start, in the largest pages the contract allows. */
export async function pullAll(baseUrl: string, session: Session) {
  const started = performance.now();
  let after = 0;
  let count = 0;
  for (;;) {
    const response = await fetch(`${baseUrl}/api/sync/pull?after=${after}&limit=${MAX_PULL_LIMIT}`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    if (!response.ok) throw new Error(`pull: HTTP ${response.status} ${await response.text()}`);
    const page = (await response.json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
    count += page.changes.length;
    after = page.cursor;
    if (!page.hasMore || page.changes.length === 0) break;
  }
  return { ms: performance.now() - started, count };
}
