import { useMemo } from 'react';
import { chevetBoot } from '@/boot/boot';
import { firstScreen } from '@/boot/early-read';
import { createHydratable } from '@/boot/hydration';
import { getDb, type ChevetDb } from '@/db/database';
import { findPersonByUsername, listPeopleWithPin, type PinVerifier, type TabletPerson } from '@/db/people';
import type { WriteContext } from '@/db/write-context';
import type { Role } from '@/schema/common';
import { maySync } from '@/schema/sync-access';
import type * as AuthApi from './auth-api';
import type { AuthApiOptions } from './auth-api';
import type { AuthFailure, AuthResult } from './auth-errors';
import {
  checkNewPin,
  createPinKeys,
  openSecret,
  PIN_ITERATIONS,
  sealSecret,
  verifyPin,
  type PinProblem,
} from './pin';
import { checkPersonPin, type PinCheck } from './pin-check';
import { rememberDeviceName } from './settings';

// Who is signed in on this tablet, and whether the app is locked (architecture.md, "src/session").
//
// - The first sign-in of a person needs the network (username + password); then they choose a personal PIN, and
//   unlock offline with it from then on. Several people share a tablet, each with their own PIN and drafts.
// - The access token lives in memory only; the refresh token is stored sealed with a key derived from the PIN, so
//   a stolen tablet's IndexedDB yields no usable token. Tokens of people who unlocked since the page loaded stay
//   in memory while the app is locked (the sync keeps draining the outbox), and are forgotten at sign-out.
// - Locked means no one's WriteContext: nothing can be written, and the shell shows no clinical screen.

export type SessionPerson = Pick<TabletPerson, 'userId' | 'username' | 'displayName' | 'role' | 'deviceId'>;

/** What the shell shows: the app only when `unlocked`. */
export type SessionScreen = 'starting' | 'sign-in' | 'set-pin' | 'locked' | 'unlocked';

/** Signed in online, PIN still to choose (or to confirm when the person already has one here). */
export type PendingSignIn = SessionPerson & { hasPin: boolean };

/**
 * Above this difference between the tablet's clock and the server's, the tablet says so on every screen until
 * it is set right (clinical times are the device's; issue 17, item 8).
 */
export const CLOCK_SKEW_WARNING_MS = 5 * 60_000;

/** A measured skew worth a warning, else undefined. */
export function warnedSkew(skew: number | undefined): number | undefined {
  return skew !== undefined && Math.abs(skew) > CLOCK_SKEW_WARNING_MS ? skew : undefined;
}
/** An access token this close to expiry is renewed first. */
const TOKEN_MARGIN_MS = 30_000;

export type SignInOutcome =
  | { ok: true }
  /** `offlineUnlockUserId`: the server is unreachable, but this person can unlock offline with their PIN. */
  | { ok: false; error: AuthFailure; offlineUnlockUserId?: string };

export type PinChoiceOutcome = { ok: true } | { ok: false; problem: PinProblem | 'wrong-pin' | 'expired' };

export type UnlockOutcome = { ok: true } | Exclude<PinCheck, { ok: true }>;

export type TokenOutcome =
  { token: string } | { problem: 'not-unlocked' | 'unreachable' | 'sign-in-needed' | 'device-revoked' };

type SessionState = {
  screen: SessionScreen;
  /** The unlocked person; undefined while locked (then nobody can write). */
  person?: SessionPerson;
  /** Whom the lock screen offers first (the person who locked); undefined: choose among everyone. */
  lockedUserId?: string;
  pending?: PendingSignIn;
  /** The username the sign-in screen starts with (renewing a known person's session). */
  signInUsername?: string;
  /** Server minus tablet clock at the last sign-in or renewal, kept only when above CLOCK_SKEW_WARNING_MS. */
  clockSkewMs?: number;
  /**
   * When the unlocked person's session on this tablet began: their sign-in or unlock after someone else (or
   * after the page loaded). Locking and unlocking again continues it. Drafts saved before it are offered to
   * the person, not put back silently.
   */
  sessionStartedAt?: string;
  /**
   * The person whose tokens the sync uses (the last to unlock among the roles that sync: an administrator's
   * account holds no clinical data, the store's sync routes refuse it) and their device registration.
   */
  syncUser?: { userId: string; deviceId: string };
  /** The current person's session cannot be renewed: sync needs an online sign-in (work continues offline). */
  syncSignInNeeded: boolean;
  /** The server revoked this tablet's registration for the current person: nothing is discarded, sync stops. */
  deviceRevoked: boolean;

  /** Reads who can unlock this tablet and shows the lock or sign-in screen. */
  init(): Promise<void>;
  signIn(input: { username: string; password: string; deviceName: string }): Promise<SignInOutcome>;
  /** After an online sign-in: choose the PIN (twice). */
  choosePin(pin: string, confirmation: string): Promise<PinChoiceOutcome>;
  /** After an online sign-in, for a person who already has a PIN here: keep it by typing it once. */
  confirmExistingPin(pin: string): Promise<PinChoiceOutcome>;
  unlock(userId: string, pin: string): Promise<UnlockOutcome>;
  lock(): void;
  /** Locks and lets another person (or the same) choose themselves on the lock screen. */
  switchUser(): void;
  /** Shows the online sign-in screen (another person, or the same one to renew their session). */
  showSignIn(username?: string): void;
  /** Shows the lock screen, offering this person first (e.g. after "server unreachable" at sign-in). */
  showLockScreen(userId?: string): void;
  /** Leaves the sign-in / PIN screens without signing in. */
  cancelSignIn(): Promise<void>;
  /** Forgets the current person's PIN and tokens on this tablet (drafts and unsent data stay). */
  signOut(): Promise<void>;
};

type Secrets = { key?: CryptoKey; refreshToken?: string; accessToken?: string; accessExpiresAt?: number };

export type SessionDeps = {
  db: () => ChevetDb;
  api: AuthApiOptions;
  loadApi: () => Promise<typeof AuthApi>;
  pinIterations: number;
  now: () => number;
  online: () => boolean;
};

const defaultDeps: SessionDeps = {
  db: getDb,
  api: {},
  loadApi: () => import('./auth-api'),
  pinIterations: PIN_ITERATIONS,
  now: () => Date.now(),
  online: () => typeof navigator === 'undefined' || navigator.onLine,
};
let deps: SessionDeps = defaultDeps;

// Memory only, never in the store's state (nothing renders a token).
const secrets = new Map<string, Secrets>();
const refreshing = new Map<string, Promise<TokenOutcome>>();
let pendingTokens: Secrets | undefined;

const toPerson = (p: SessionPerson): SessionPerson => ({
  userId: p.userId,
  username: p.username,
  displayName: p.displayName,
  role: p.role,
  deviceId: p.deviceId,
});

let starting: Promise<void> | undefined;

// Whose session the page holds (memory only: a reload starts a new one).
let session: { userId: string; startedAt: string } | undefined;
function sessionStart(userId: string): string {
  if (session?.userId !== userId) session = { userId, startedAt: new Date(deps.now()).toISOString() };
  return session.startedAt;
}

const initialState = {
  screen: 'starting' as SessionScreen,
  person: undefined,
  lockedUserId: undefined,
  pending: undefined,
  signInUsername: undefined,
  clockSkewMs: undefined,
  sessionStartedAt: undefined,
  syncUser: undefined,
  syncSignInNeeded: false,
  deviceRevoked: false,
};

// Who could unlock when the page started, as the first screen showed them: the lock screen's people until its
// own query answers, on that first screen only (its markup was prerendered from them: src/boot).
let peopleAtStart: TabletPerson[] | undefined;
export function startPeople(): TabletPerson[] | undefined {
  return peopleAtStart;
}

// Hydratable: the first screen (prerendered) reads this store while React hydrates it (src/boot/hydration.ts).
export const useSession = createHydratable<SessionState>((set, get) => ({
  ...initialState,

  init() {
    if (get().screen !== 'starting') return Promise.resolve();
    // Started once (main.tsx, before the first render; the gate's call joins it).
    starting ??= (async () => {
      // Read by the page's boot script with raw IndexedDB, before Dexie is even loaded; else through Dexie. A
      // database that cannot be read leaves the online sign-in (which says what fails), never a blank screen.
      const early = await chevetBoot()?.people.catch(() => null);
      const people = early ?? (await listPeopleWithPin(deps.db()).catch(() => []));
      starting = undefined;
      if (get().screen !== 'starting') return;
      peopleAtStart = people;
      set({ lockedUserId: undefined, ...firstScreen(people) });
    })();
    return starting;
  },

  async signIn({ username, password, deviceName }) {
    const db = deps.db();
    const name = username.trim().toLowerCase();
    rememberDeviceName(deviceName);
    const known = await findPersonByUsername(db, name);
    const refused = (error: AuthFailure): SignInOutcome => {
      const canUnlock = error.kind === 'unreachable' && known?.pin && !known.offlineUnlockDisabled;
      return { ok: false, error, ...(canUnlock ? { offlineUnlockUserId: known.userId } : {}) };
    };
    // The sign-in code is a separate chunk (precached); if even that cannot load, the network is not there.
    const api = await deps.loadApi().catch(() => null);
    if (!api) return refused({ kind: 'unreachable' });
    const result = await api.login(deps.api, {
      username: name,
      password,
      deviceName: deviceName.trim(),
      // The same person on the same tablet keeps their device registration, unless it was revoked.
      ...(known && !known.deviceRevoked ? { deviceId: known.deviceId } : {}),
    });
    if (!result.ok) return refused(result.error);
    const { session } = result;
    let displayName = known?.userId === session.user.id ? known.displayName : session.user.username;
    const profile = await api.me(deps.api, session.accessToken);
    if (profile.ok && profile.me.user.displayName.trim()) displayName = profile.me.user.displayName.trim();
    pendingTokens = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      accessExpiresAt: deps.now() + session.expiresIn * 1000,
    };
    const skew = result.clockSkewMs;
    set({
      screen: 'set-pin',
      person: undefined,
      pending: {
        userId: session.user.id,
        username: session.user.username,
        displayName,
        role: session.user.role,
        deviceId: session.deviceId,
        hasPin: !!(known?.userId === session.user.id && known.pin),
      },
      clockSkewMs: warnedSkew(skew),
    });
    return { ok: true };
  },

  async choosePin(pin, confirmation) {
    const pending = get().pending;
    if (!pending || !pendingTokens) return { ok: false, problem: 'expired' };
    const problem = checkNewPin(pin, confirmation);
    if (problem) return { ok: false, problem };
    const { verifier, key } = await createPinKeys(pin, deps.pinIterations);
    await finishSignIn(pending, verifier, key);
    return { ok: true };
  },

  async confirmExistingPin(pin) {
    const pending = get().pending;
    if (!pending || !pendingTokens) return { ok: false, problem: 'expired' };
    const stored = await deps.db().people.get(pending.userId);
    const key = stored?.pin ? await verifyPin(pin, stored.pin) : null;
    // The person just proved their password: a wrong PIN here is not counted, they may choose a new one.
    if (!key || !stored?.pin) return { ok: false, problem: 'wrong-pin' };
    await finishSignIn(pending, stored.pin, key);
    return { ok: true };
  },

  async unlock(userId, pin) {
    const db = deps.db();
    const check = await checkPersonPin(db, userId, pin, new Date(deps.now()));
    if (!check.ok) return check;
    const person = (await db.people.get(userId))!;
    let entry = secrets.get(userId);
    if (!entry) {
      entry = {};
      secrets.set(userId, entry);
    }
    entry.key = check.key;
    if (!entry.refreshToken && person.refreshToken) {
      const token = await openSecret(check.key, person.refreshToken, userId);
      if (token) entry.refreshToken = token;
    }
    set({
      screen: 'unlocked',
      person: toPerson(person),
      lockedUserId: userId,
      sessionStartedAt: sessionStart(userId),
      syncUser: maySync(person.role) ? { userId, deviceId: person.deviceId } : get().syncUser,
      syncSignInNeeded: !!person.needsOnlineSignIn || !entry.refreshToken,
      deviceRevoked: !!person.deviceRevoked,
      // The clock as last measured online (a reload comes back through this lock screen).
      clockSkewMs: warnedSkew(person.clockSkewMs),
    });
    // Renew the session in the background when the network is there (the person works meanwhile).
    if (deps.online() && entry.refreshToken && !hasFreshAccessToken(entry))
      void tokenFor(userId).catch(() => undefined);
    return { ok: true };
  },

  lock() {
    const { person, screen } = get();
    if (screen !== 'unlocked') return;
    set({ screen: 'locked', person: undefined, lockedUserId: person?.userId });
  },

  switchUser() {
    if (get().screen !== 'unlocked') return;
    set({ screen: 'locked', person: undefined, lockedUserId: undefined });
  },

  showSignIn(username) {
    pendingTokens = undefined;
    set({ screen: 'sign-in', person: undefined, pending: undefined, signInUsername: username });
  },

  showLockScreen(userId) {
    pendingTokens = undefined;
    set({ screen: 'locked', person: undefined, pending: undefined, lockedUserId: userId });
  },

  async cancelSignIn() {
    pendingTokens = undefined;
    const people = await listPeopleWithPin(deps.db());
    set({ screen: people.length ? 'locked' : 'sign-in', pending: undefined, person: undefined });
  },

  async signOut() {
    const person = get().person;
    if (!person) return;
    const db = deps.db();
    const entry = secrets.get(person.userId);
    if (entry?.accessToken && deps.online()) {
      // Best effort: the tablet forgets the tokens whatever the answer.
      void deps.loadApi().then((api) => api.logout(deps.api, entry.accessToken!));
    }
    await db.people.update(person.userId, { pin: undefined, refreshToken: undefined });
    secrets.delete(person.userId);
    session = undefined;
    const people = await listPeopleWithPin(db);
    const syncUser = get().syncUser?.userId === person.userId ? undefined : get().syncUser;
    set({
      screen: people.length ? 'locked' : 'sign-in',
      person: undefined,
      lockedUserId: undefined,
      syncUser,
      syncSignInNeeded: false,
      deviceRevoked: false,
    });
  },
}));

// The first screen's people serve that screen only: any change of screen leaves them to the lock screen's query.
useSession.subscribe((state, previous) => {
  if (state.screen !== previous.screen && previous.screen !== 'starting') peopleAtStart = undefined;
});

async function finishSignIn(pending: PendingSignIn, verifier: PinVerifier, key: CryptoKey) {
  const db = deps.db();
  const tokens = pendingTokens!;
  const at = new Date(deps.now()).toISOString();
  const { clockSkewMs } = useSession.getState();
  const person: TabletPerson = {
    ...toPerson(pending),
    pin: verifier,
    failedPinCount: 0,
    offlineUnlockDisabled: false,
    refreshToken: await sealSecret(key, tokens.refreshToken!, pending.userId),
    lastOnlineSignInAt: at,
    lastUnlockAt: at,
    ...(clockSkewMs !== undefined ? { clockSkewMs } : {}),
    needsOnlineSignIn: false,
    deviceRevoked: false,
  };
  await db.people.put(person);
  secrets.set(pending.userId, { ...tokens, key });
  pendingTokens = undefined;
  useSession.setState({
    screen: 'unlocked',
    person: toPerson(person),
    pending: undefined,
    lockedUserId: person.userId,
    sessionStartedAt: sessionStart(person.userId),
    syncUser: maySync(person.role)
      ? { userId: person.userId, deviceId: person.deviceId }
      : useSession.getState().syncUser,
    syncSignInNeeded: false,
    deviceRevoked: false,
  });
}

function hasFreshAccessToken(entry: Secrets): boolean {
  return !!entry.accessToken && (entry.accessExpiresAt ?? 0) - TOKEN_MARGIN_MS > deps.now();
}

/**
 * A valid access token for this person, renewed with their refresh token when it expired (one renewal at a time
 * per person). A refused renewal marks the person "sign in online again" (and the device revoked if the server
 * says so); nothing else changes: they keep working offline.
 */
export function tokenFor(userId: string): Promise<TokenOutcome> {
  const entry = secrets.get(userId);
  if (!entry) return Promise.resolve({ problem: 'not-unlocked' });
  if (hasFreshAccessToken(entry)) return Promise.resolve({ token: entry.accessToken! });
  if (!entry.refreshToken) return Promise.resolve({ problem: 'sign-in-needed' });
  let running = refreshing.get(userId);
  if (!running) {
    running = renew(userId, entry).finally(() => refreshing.delete(userId));
    refreshing.set(userId, running);
  }
  return running;
}

async function renew(userId: string, entry: Secrets): Promise<TokenOutcome> {
  const db = deps.db();
  const api = await deps.loadApi().catch(() => null);
  if (!api) return { problem: 'unreachable' };
  const result = await api.refresh(deps.api, entry.refreshToken!);
  const isCurrent = () => useSession.getState().person?.userId === userId;
  if (result.ok) {
    const { session } = result;
    entry.accessToken = session.accessToken;
    entry.refreshToken = session.refreshToken;
    entry.accessExpiresAt = deps.now() + session.expiresIn * 1000;
    const sealed = entry.key ? await sealSecret(entry.key, session.refreshToken, userId) : undefined;
    const clockSkewMs = result.clockSkewMs;
    await db.people.update(userId, {
      ...(sealed ? { refreshToken: sealed } : {}),
      deviceId: session.deviceId,
      needsOnlineSignIn: false,
      deviceRevoked: false,
      ...(clockSkewMs !== undefined ? { clockSkewMs } : {}),
    });
    if (isCurrent())
      useSession.setState({
        syncSignInNeeded: false,
        deviceRevoked: false,
        ...(clockSkewMs !== undefined ? { clockSkewMs: warnedSkew(clockSkewMs) } : {}),
      });
    return { token: session.accessToken };
  }
  const { kind } = result.error;
  if (kind === 'unreachable' || kind === 'rate-limited' || kind === 'server')
    return { problem: 'unreachable' };
  // The server refused the refresh token: only an online sign-in helps. The person stays unlocked offline.
  entry.refreshToken = undefined;
  entry.accessToken = undefined;
  const revoked = kind === 'device-revoked';
  await db.people.update(userId, {
    refreshToken: undefined,
    needsOnlineSignIn: true,
    ...(revoked ? { deviceRevoked: true } : {}),
  });
  if (isCurrent())
    useSession.setState((s) => ({ syncSignInNeeded: true, deviceRevoked: s.deviceRevoked || revoked }));
  return { problem: revoked ? 'device-revoked' : 'sign-in-needed' };
}

/** The sync user's access token (renewed if needed), or null when there is none to be had. */
export async function getAccessToken(): Promise<string | null> {
  const userId = useSession.getState().syncUser?.userId;
  if (!userId) return null;
  const outcome = await tokenFor(userId);
  return 'token' in outcome ? outcome.token : null;
}

/** Forgets an access token the server refused (the next call renews it). */
export function invalidateAccessToken(userId = useSession.getState().syncUser?.userId) {
  const entry = userId ? secrets.get(userId) : undefined;
  if (entry) entry.accessToken = undefined;
}

/** The sync learned that this tablet's registration was revoked: say so, keep everything. */
export async function markDeviceRevoked(userId = useSession.getState().syncUser?.userId) {
  if (!userId) return;
  await deps.db().people.update(userId, { deviceRevoked: true, needsOnlineSignIn: true });
  if (useSession.getState().person?.userId === userId)
    useSession.setState({ deviceRevoked: true, syncSignInNeeded: true });
}

/**
 * Checks the signer's password with the server (signature by password, online only), through the store's
 * re-authentication route: the tablet's session and tokens stay as they are (POST /api/auth/reauthenticate).
 */
export async function reauthenticateWithPassword(
  userId: string,
  password: string,
): Promise<AuthResult<object>> {
  const outcome = await tokenFor(userId);
  if (!('token' in outcome))
    return {
      ok: false,
      error: { kind: outcome.problem === 'unreachable' ? 'unreachable' : 'unauthenticated' },
    };
  const api = await deps.loadApi().catch(() => null);
  if (!api) return { ok: false, error: { kind: 'unreachable' } };
  const result = await api.reauthenticate(deps.api, outcome.token, password);
  if (!result.ok && result.error.kind === 'unauthenticated') invalidateAccessToken(userId);
  return result.ok ? { ok: true } : result;
}

/** Every command's WriteContext for this person: who, with which role, on which device registration. */
export function writeContextFor(
  person: Pick<SessionPerson, 'userId' | 'role' | 'deviceId'>,
  now: () => Date = () => new Date(),
): WriteContext {
  return { userId: person.userId, role: person.role, deviceId: person.deviceId, now };
}

/** The unlocked person's WriteContext, or undefined while locked (nobody may write then). */
export function currentWriteContext(): WriteContext | undefined {
  const person = useSession.getState().person;
  return person ? writeContextFor(person) : undefined;
}

/** Hook: the unlocked person's WriteContext (stable while the same person is unlocked). */
export function useWriteContext(): WriteContext | undefined {
  const person = useSession((s) => s.person);
  return useMemo(() => (person ? writeContextFor(person) : undefined), [person]);
}

/** Hook: the unlocked person's role, for showing or hiding what a role may use. */
export function useRole(): Role | undefined {
  return useSession((s) => s.person?.role);
}

/** Replaces dependencies (tests: a fresh database, a fake server, fewer PBKDF2 iterations). */
export function configureSession(changes: Partial<SessionDeps>): () => void {
  const previous = deps;
  deps = { ...deps, ...changes };
  return () => {
    deps = previous;
  };
}

/** Back to "starting", with no secrets in memory (tests, and a full sign-out of the tablet). */
export function resetSession() {
  secrets.clear();
  refreshing.clear();
  pendingTokens = undefined;
  starting = undefined;
  session = undefined;
  peopleAtStart = undefined;
  useSession.setState({ ...initialState });
}

export function sessionDeps(): SessionDeps {
  return deps;
}
