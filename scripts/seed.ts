import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Agency, Role } from '@lib/auth';
import { args, scriptContext } from './context.js';

/**
 * Seeds the demo's accounts (idempotent): a city health regulator, a district health regulator,
 * one city regulator of each other agency, two operators and two parents. Passwords are generated once per
 * machine and kept in the file given by --accounts (default .demo/accounts.json, never committed).
 */
interface Account {
  username: string;
  displayName: string;
  role: Role;
  agency?: Agency;
  regionCode?: string;
  password: string;
}

const ACCOUNTS: Omit<Account, 'password'>[] = [
  {
    username: 'health-city',
    displayName: '长春市卫健委 City Health Commission',
    role: 'regulator',
    agency: 'health',
    regionCode: '220100',
  },
  {
    username: 'health-nanguan',
    displayName: '南关区卫健局 Nanguan Health Bureau',
    role: 'regulator',
    agency: 'health',
    regionCode: '220102',
  },
  { username: 'fire-city', displayName: '长春市消防救援支队 City Fire Rescue', role: 'regulator', agency: 'fire', regionCode: '220100' },
  {
    username: 'market-city',
    displayName: '长春市市场监管局 City Market Regulation',
    role: 'regulator',
    agency: 'market',
    regionCode: '220100',
  },
  {
    username: 'housing-city',
    displayName: '长春市住建局 City Housing and Construction',
    role: 'regulator',
    agency: 'housing',
    regionCode: '220100',
  },
  { username: 'operator-sunshine', displayName: '阳光托育 Sunshine Childcare', role: 'operator' },
  { username: 'operator-xiaohe', displayName: '小禾托育 Xiaohe Childcare', role: 'operator' },
  // Parents (issue #17): each has an application in 南关区 with an open offer to accept or decline.
  { username: 'parent-wang', displayName: '王女士 Ms Wang', role: 'parent' },
  { username: 'parent-li', displayName: '李先生 Mr Li', role: 'parent' },
];

const a = args();
const file = a.get('accounts') ?? '.demo/accounts.json';
const stored: Account[] = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Account[]) : [];
const accounts: Account[] = ACCOUNTS.map((acc) => ({
  ...acc,
  password: stored.find((s) => s.username === acc.username)?.password ?? randomBytes(9).toString('base64url'),
}));

const ctx = await scriptContext();
try {
  const auth = ctx.auth();
  const adminPassword = process.env.ADMIN_PASSWORD;
  if (adminPassword) await auth.ensureFirstAdmin(adminPassword);
  const [admin] = await auth.usersWithRole('admin');
  if (!admin) throw new Error('seed: no admin exists; set ADMIN_PASSWORD');
  const actor = { id: admin.id, username: admin.username, role: 'admin' as const, agency: null, regionCode: null };
  for (const acc of accounts) {
    if (await auth.usernameTaken(acc.username)) continue;
    await auth.createUser(actor, acc);
  }
  mkdirSync(file.replace(/[^/]*$/, '') || '.', { recursive: true });
  writeFileSync(file, JSON.stringify(accounts, null, 2), { mode: 0o600 });
  console.log(`seed: ${accounts.length} demo accounts ready (${file})`);
} finally {
  await ctx.close();
}
