import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { displayNameSchema, newPasswordSchema, usernameSchema, type Account } from '../../src/schema/auth';
import type { AuditActor } from '../audit';
import { addAccount, changeAccount, resetPassword } from '../auth/account-admin';
import { findAccountByUsername, listAccounts } from '../auth/accounts';
import { roleSchema } from '../auth/roles';
import { ApiError } from '../errors';
import type { Store } from '../store/store';
import { onConfiguredStore, runIfEntryPoint } from './store-command';

// `npm run user -- <command>`: account administration from the server's shell, for the first administrator
// (first run creates nobody silently) and for when no administrator can sign in. Same rules and audit as the
// admin API (auth/account-admin.ts).

export const USAGE = `Usage: npm run user -- <command> [options]
  add --role <nurse|physician|data-manager|admin> [--name "Display Name"] [--password-stdin] <username>
  list
  disable <username>
  enable <username>
  reset-password [--password-stdin] <username>
Add --demo to work on the demo store. The password is asked twice on a terminal (hidden), or read from
standard input with --password-stdin.`;

export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** The password to set: from standard input, or typed twice at a hidden prompt. */
  readPassword(fromStdin: boolean): Promise<string>;
};

class UsageError extends Error {}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new UsageError(`Invalid ${what}: ${result.error.issues[0]?.message ?? 'invalid'}.`);
  return result.data;
}

async function accountNamed(store: Store, username: string | undefined): Promise<Account> {
  const name = parse(usernameSchema, username, 'username');
  const account = await findAccountByUsername(store, name);
  if (!account) throw new UsageError(`No account is named "${name}".`);
  return account;
}

function describe(account: Account): string {
  const state = account.disabled
    ? 'disabled'
    : account.lockedUntil && new Date(account.lockedUntil) > new Date()
      ? `locked until ${account.lockedUntil}`
      : 'active';
  return [account.username.padEnd(20), account.role.padEnd(13), state.padEnd(10), account.displayName].join(
    ' ',
  );
}

function parseCommandLine(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        role: { type: 'string' },
        name: { type: 'string' },
        'password-stdin': { type: 'boolean' },
        demo: { type: 'boolean' },
      },
    });
  } catch (error) {
    // Unknown option, missing value: node:util's own message says which.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Runs one command on an open store; answers the process exit code. */
export async function runUserCommand(store: Store, argv: readonly string[], io: CliIo): Promise<number> {
  const actor: AuditActor = { address: `cli:${userInfo().username}` };
  try {
    const { values, positionals } = parseCommandLine(argv);
    const [command, username, ...extra] = positionals;
    if (extra.length > 0) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}.`);
    const fromStdin = values['password-stdin'] === true;
    switch (command) {
      case 'add': {
        const account = await addAccount(
          store,
          {
            username: parse(usernameSchema, username, 'username'),
            role: parse(roleSchema, values.role, 'role (--role nurse|physician|data-manager|admin)'),
            displayName: parse(displayNameSchema, values.name ?? '', 'display name'),
            password: parse(newPasswordSchema, await io.readPassword(fromStdin), 'password'),
          },
          actor,
        );
        io.out(`Created ${account.username} (${account.role}).`);
        return 0;
      }
      case 'list': {
        const accounts = await listAccounts(store);
        if (accounts.length === 0)
          io.out('No accounts yet: create the first with `npm run user -- add --role admin <name>`.');
        for (const account of accounts) io.out(describe(account));
        return 0;
      }
      case 'disable':
      case 'enable': {
        const account = await accountNamed(store, username);
        await changeAccount(store, account.id, { disabled: command === 'disable' }, actor);
        io.out(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${account.username}.`);
        return 0;
      }
      case 'reset-password': {
        const account = await accountNamed(store, username);
        const password = parse(newPasswordSchema, await io.readPassword(fromStdin), 'password');
        await resetPassword(store, account.id, password, actor);
        io.out(`New password set for ${account.username}; the account is unlocked and its sessions ended.`);
        return 0;
      }
      default:
        throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(error.message);
      io.err(USAGE);
      return 64; // EX_USAGE (sysexits.h)
    }
    if (error instanceof ApiError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One final newline is the shell's (`echo`), not the password's.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          return resolve(typed.join(''));
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          return reject(new Error('Cancelled.'));
        }
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed.push(char);
      }
    };
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    input.on('data', onData);
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) {
    throw new UsageError('No terminal to type the password on: pipe it in with --password-stdin.');
  }
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UsageError('The two passwords differ: nothing was changed.');
  return first;
}

async function main(argv: readonly string[]): Promise<number> {
  const io: CliIo = {
    out: (line) => console.log(line),
    err: (line) => console.error(line),
    readPassword,
  };
  return onConfiguredStore(argv, 'npm run user', io.err, (store) => runUserCommand(store, argv, io));
}

runIfEntryPoint(import.meta.url, main);
