import type { Account, CreateAccountRequest, UpdateAccountRequest } from '../../src/schema/auth';
import { audit, type AuditActor } from '../audit';
import { ApiError } from '../errors';
import type { Queryable, Store } from '../store/store';
import {
  countOtherActiveAdmins,
  createAccount,
  getAccount,
  setPasswordHash,
  updateAccount,
} from './accounts';
import { authPolicy } from './auth-policy';
import { hashPassword } from './passwords';
import { endSessions } from './sessions';
import { accountThrottleKey, clearSignInDelay } from './sign-in-throttle';

// Account administration, shared by the admin API and the `npm run user` CLI so that both apply the same rules
// and leave the same audit entries. The password is hashed before the transaction (the KDF is slow) and never
// leaves this module in any form but its hash.

export const userNotFound = () => new ApiError(404, 'user-not-found', 'No account has this id.');

export async function addAccount(
  store: Store,
  input: CreateAccountRequest,
  actor: AuditActor,
): Promise<Account> {
  const { password, ...fields } = input;
  const passwordHash = await hashPassword(password);
  return store.transaction(async (tx) => {
    const created = await createAccount(tx, { ...fields, passwordHash });
    if (!created)
      throw new ApiError(409, 'username-taken', `The username "${fields.username}" is already taken.`);
    await audit(tx, {
      ...actor,
      action: 'user-created',
      subject: `user:${created.id}`,
      detail: { username: created.username, role: created.role, displayName: created.displayName },
    });
    return created;
  });
}

/** Refuses a change that would leave the store with no active administrator to manage it. */
async function keepAnAdmin(tx: Queryable, before: Account, changes: UpdateAccountRequest): Promise<void> {
  const stopsBeingAdmin =
    (changes.role !== undefined && changes.role !== 'admin') || changes.disabled === true;
  const isActiveAdmin = before.role === 'admin' && !before.disabled;
  if (isActiveAdmin && stopsBeingAdmin && (await countOtherActiveAdmins(tx, before.id)) === 0) {
    throw new ApiError(
      409,
      'last-admin',
      'This is the last active administrator: appoint another one first.',
    );
  }
}

export async function changeAccount(
  store: Store,
  id: string,
  changes: UpdateAccountRequest,
  actor: AuditActor,
): Promise<Account> {
  const now = authPolicy().now();
  return store.transaction(async (tx) => {
    const before = await getAccount(tx, id);
    if (!before) throw userNotFound();
    await keepAnAdmin(tx, before, changes);
    const after = await updateAccount(tx, id, changes, now);
    if (!after) throw userNotFound();
    // Ends a disabled person's sessions for good: re-enabling them must not revive a stolen tablet's token.
    if (changes.disabled) await endSessions(tx, { userId: id }, now);
    const summary = (account: Account) => ({
      role: account.role,
      displayName: account.displayName,
      disabled: account.disabled,
    });
    await audit(tx, {
      ...actor,
      action: 'user-updated',
      subject: `user:${id}`,
      detail: { before: summary(before), after: summary(after) },
    });
    return after;
  });
}

/** Sets a new password, unlocks the account and ends the person's sessions (a reset often follows a leak). */
export async function resetPassword(
  store: Store,
  id: string,
  password: string,
  actor: AuditActor,
): Promise<void> {
  const now = authPolicy().now();
  const passwordHash = await hashPassword(password);
  await store.transaction(async (tx) => {
    if (!(await setPasswordHash(tx, id, passwordHash, now))) throw userNotFound();
    await endSessions(tx, { userId: id }, now);
    await clearDelayOf(tx, id);
    await audit(tx, { ...actor, action: 'password-reset', subject: `user:${id}` });
  });
}

async function clearDelayOf(tx: Queryable, id: string): Promise<Account> {
  const account = await getAccount(tx, id);
  if (!account) throw userNotFound();
  await clearSignInDelay(tx, accountThrottleKey(account.username));
  return account;
}

/** Ends the sign-in delay of an account's name (an administrator vouches for the person); audited. */
export async function clearAccountSignInDelay(store: Store, id: string, actor: AuditActor): Promise<Account> {
  return store.transaction(async (tx) => {
    await clearDelayOf(tx, id);
    await audit(tx, { ...actor, action: 'sign-in-delay-cleared', subject: `user:${id}` });
    return (await getAccount(tx, id))!;
  });
}
