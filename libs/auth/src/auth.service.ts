import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { authConfig, decodeCursor, encodeCursor, SharedCounters, type AuthConfig, type Page, type Violation } from '@lib/core';
import { AuditService } from '@lib/audit';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { ROLES, type Actor, type Agency, type Role } from './roles.js';
import { UserEntity } from './user.entity.js';
import { passwordViolations } from './password-policy.js';
import type { CreateUserDto, LoginResultView, RegisterDto, RegisteredView, UpdateUserDto, UserView } from './dto/auth.dto.js';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  agency: Agency | null;
  regionCode: string | null;
  /** The user's token version when the token was signed (users.token_version). */
  tv: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface ActorRow {
  id: string;
  username: string;
  role: Role;
  agency: Agency | null;
  region_code: string | null;
  token_version: number;
  disabled_at: Date | null;
}

const SYSTEM = { id: null, role: 'system' } as const;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly counters: SharedCounters,
  ) {}

  /**
   * Self-registration: an operator (default) or a parent, under the same password rules and login throttle.
   * `clientKey` (the caller's address) is limited to REGISTER_RATE_LIMIT_PER_HOUR; closed while Redis is away.
   */
  async register(dto: RegisterDto, clientKey = 'internal'): Promise<RegisteredView> {
    const { count, retryAfter } = await this.counters.hit(`register:${clientKey}`, 3_600_000).catch(() => {
      throw limitsUnavailable();
    });
    if (count > this.config.registerRateLimitPerHour)
      throw new AuthError(
        AuthErrorCode.Throttled,
        { zh: '注册过于频繁，请稍后再试', en: 'Too many registrations; try again later' },
        [],
        retryAfter,
      );
    const { accountType, ...fields } = dto;
    const role = accountType ?? 'operator';
    const user = await this.insertUser({ ...fields, role }, (u) => ({ id: u.id, role }));
    return { id: user.id, username: user.username, role };
  }

  async createUser(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const violations = userShapeViolations(dto.role, dto.agency, dto.regionCode);
    if (violations.length > 0) {
      throw new AuthError(
        AuthErrorCode.InvalidUser,
        { zh: '用户信息不完整或不一致', en: 'The user is incomplete or inconsistent' },
        violations,
      );
    }
    return toView(await this.insertUser(dto, () => ({ id: actor.id, role: actor.role })));
  }

  /**
   * `clientKey` identifies the caller (its address, TRUST_PROXY): failures are counted in Redis, shared by every API
   * process, per username and client (LOGIN_MAX_FAILURES) and per username from all clients together
   * (LOGIN_ACCOUNT_MAX_FAILURES: the account is locked for the rest of the window, and the answer says so). While
   * Redis is away logins are refused (503): closed, so that no limit can be sidestepped.
   */
  async login(username: string, password: string, clientKey: string): Promise<LoginResultView> {
    const name = username.toLowerCase();
    const windowMs = this.config.loginWindowSeconds * 1000;
    const pairKey = `login:${name}|${clientKey}`;
    const accountKey = `login-account:${name}`;
    const [pairWait, accountWait] = await Promise.all([
      this.counters.retryAfter(pairKey, this.config.loginMaxFailures, windowMs),
      this.counters.retryAfter(accountKey, this.config.loginAccountMaxFailures, windowMs),
    ]).catch(() => {
      throw limitsUnavailable();
    });
    if (accountWait > 0) {
      const minutes = Math.ceil(accountWait / 60);
      throw new AuthError(
        AuthErrorCode.AccountLocked,
        {
          zh: `此账号登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试或联系管理员`,
          en: `This account is locked after too many failed logins; try again in ${minutes} minutes or ask an administrator`,
        },
        [],
        accountWait,
      );
    }
    if (pairWait > 0) {
      throw new AuthError(
        AuthErrorCode.Throttled,
        { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
        [],
        pairWait,
      );
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: name });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok) {
      await Promise.all([this.counters.record(pairKey, windowMs), this.counters.record(accountKey, windowMs)]).catch(() => {
        throw limitsUnavailable();
      });
      throw new AuthError(AuthErrorCode.BadCredentials, { zh: '用户名或密码错误', en: 'Wrong username or password' });
    }
    await this.counters.clear(pairKey).catch(() => undefined);
    if (user.disabledAt)
      throw new AuthError(AuthErrorCode.AccountDisabled, {
        zh: '账号已停用，请联系管理员',
        en: 'The account is disabled; ask an administrator',
      });
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      agency: user.agency,
      regionCode: user.regionCode,
      tv: user.tokenVersion,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, user: toView(user) };
  }

  /**
   * The actor a bearer token names, or null when it is missing, forged, expired, of another algorithm, for another
   * purpose (the queue dashboard's), or revoked: its user gone or disabled, or its token version older than the
   * user's (password changed or reset, logged out). Role, agency and region are the user's as they are now, so a
   * regulator's re-scoping takes effect at the next request.
   */
  async actorFromToken(token: string): Promise<Actor | null> {
    let c: TokenClaims & { purpose?: string };
    try {
      c = await this.jwt.verifyAsync<TokenClaims & { purpose?: string }>(token, { algorithms: ['HS256'] });
    } catch {
      return null;
    }
    if (typeof c.sub !== 'string' || !UUID.test(c.sub) || typeof c.tv !== 'number' || c.purpose !== undefined) return null;
    const user = await this.activeUser(c.sub, c.tv);
    if (!user || !ROLES.includes(user.role)) return null;
    return { id: user.id, username: user.username, role: user.role, agency: user.agency, regionCode: user.region_code };
  }

  private async activeUser(id: string, tokenVersion: number): Promise<ActorRow | null> {
    const [row] = (await this.dataSource.query(
      'SELECT id, username, role, agency, region_code, token_version, disabled_at FROM users WHERE id = $1',
      [id],
    )) as ActorRow[];
    return row && row.disabled_at === null && row.token_version === tokenVersion ? row : null;
  }

  /** A short-lived token for the queue dashboard's cookie: an admin's, for that purpose only (never a bearer token). */
  async issueQueuesToken(actor: Actor, ttlSeconds: number): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT token_version FROM users WHERE id = $1', [actor.id])) as { token_version: number }[];
    return this.jwt.signAsync(
      { sub: actor.id, role: actor.role, purpose: 'queues', tv: row?.token_version ?? -1 },
      { expiresIn: ttlSeconds, algorithm: 'HS256' },
    );
  }

  async queuesTokenValid(token: string): Promise<boolean> {
    try {
      const c = await this.jwt.verifyAsync<{ sub?: string; purpose?: string; tv?: number }>(token, { algorithms: ['HS256'] });
      if (c.purpose !== 'queues' || typeof c.sub !== 'string' || !UUID.test(c.sub) || typeof c.tv !== 'number') return false;
      return (await this.activeUser(c.sub, c.tv))?.role === 'admin';
    } catch {
      return false;
    }
  }

  /** The user's own password change: every token it holds ends (sign in again). */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: actor.id });
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, { zh: '用户不存在', en: 'No such user' });
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      const message = { zh: '当前密码不正确', en: 'The current password is wrong' };
      throw new AuthError(AuthErrorCode.WrongPassword, message, [{ field: 'currentPassword', code: 'wrong_password', message }]);
    }
    await this.setPassword(user, newPassword, { id: actor.id, role: actor.role }, 'user.password_changed');
  }

  /** An admin sets a new password (the user was locked out or it leaked): every token of the user ends. */
  async resetPassword(actor: Actor, id: string, newPassword: string): Promise<void> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, { zh: '用户不存在', en: 'No such user' });
    await this.setPassword(user, newPassword, { id: actor.id, role: actor.role }, 'user.password_reset');
  }

  /** Ends every token of the caller (all its sessions). */
  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET token_version = token_version + 1, updated_at = now() WHERE id = $1', [actor.id]);
      await this.audit.record(manager, {
        subjectType: 'user',
        subjectId: actor.id,
        actor: { id: actor.id, role: actor.role },
        action: 'user.logged_out',
      });
    });
  }

  /** An admin disables (or enables again) an account; a disabled one cannot sign in and its tokens answer 401. */
  async setDisabled(actor: Actor, id: string, disabled: boolean): Promise<UserView> {
    if (disabled && actor.id === id)
      throw new AuthError(AuthErrorCode.SelfDisable, { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AuthError(AuthErrorCode.UserNotFound, { zh: '用户不存在', en: 'No such user' });
      if ((user.disabledAt !== null) !== disabled) {
        user.disabledAt = disabled ? new Date() : null;
        user.tokenVersion += 1;
        await repo.save(user);
        await this.audit.record(manager, {
          subjectType: 'user',
          subjectId: id,
          actor: { id: actor.id, role: actor.role },
          action: disabled ? 'user.disabled' : 'user.enabled',
        });
      }
      return toView(user);
    });
  }

  /** An admin changes a user's name or a regulator's agency and region; the new reach holds from the next request. */
  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new AuthError(AuthErrorCode.UserNotFound, { zh: '用户不存在', en: 'No such user' });
      const next = {
        displayName: dto.displayName ?? user.displayName,
        agency: dto.agency ?? user.agency,
        regionCode: dto.regionCode ?? user.regionCode,
      };
      const violations = userShapeViolations(user.role, next.agency ?? undefined, next.regionCode ?? undefined);
      if (violations.length > 0)
        throw new AuthError(
          AuthErrorCode.InvalidUser,
          { zh: '用户信息不完整或不一致', en: 'The user is incomplete or inconsistent' },
          violations,
        );
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const k of ['displayName', 'agency', 'regionCode'] as const)
        if (next[k] !== user[k]) changes[k] = { from: user[k], to: next[k] };
      if (Object.keys(changes).length === 0) return toView(user);
      Object.assign(user, next);
      await repo.save(user).catch((e: unknown) => {
        throw translateInsertError(e);
      });
      await this.audit.record(manager, {
        subjectType: 'user',
        subjectId: id,
        actor: { id: actor.id, role: actor.role },
        action: 'user.updated',
        changes,
      });
      return toView(user);
    });
  }

  private async setPassword(user: UserEntity, password: string, auditActor: { id: string; role: string }, action: string): Promise<void> {
    assertPassword(password, user.username, 'newPassword');
    const passwordHash = await hashPassword(password);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, token_version = token_version + 1, updated_at = now() WHERE id = $1', [
        user.id,
        passwordHash,
      ]);
      // The password itself never enters the trail.
      await this.audit.record(manager, { subjectType: 'user', subjectId: user.id, actor: auditActor, action });
    });
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    // Users' reach: the admin sees everyone, anyone else only itself.
    const user = actor.role === 'admin' || actor.id === id ? await this.dataSource.getRepository(UserEntity).findOneBy({ id }) : null;
    if (!user) throw new AuthError(AuthErrorCode.UserNotFound, { zh: '用户不存在', en: 'No such user' });
    return toView(user);
  }

  async list(limit: number, cursor: string | undefined): Promise<Page<UserView>> {
    const after = decodeCursor(cursor, (v): v is string => typeof v === 'string');
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.username')
      .limit(limit + 1);
    if (after !== null) qb.where('u.username > :after', { after });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return { items: page.map(toView), nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]!.username) : null };
  }

  /** Creates `admin` with the given password when no admin exists; returns whether it did. */
  async ensureFirstAdmin(password: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      // Two processes starting at once must not both create it.
      await manager.query("SELECT pg_advisory_xact_lock(hashtextextended('first-admin', 0))");
      if (await manager.getRepository(UserEntity).existsBy({ role: 'admin' })) return false;
      await this.insertWith(manager, { username: 'admin', password, displayName: '系统管理员 Administrator', role: 'admin' }, () => SYSTEM);
      return true;
    });
  }

  /** Users of a role (and, if given, of one region), by username: for scripts (the seeds). */
  async usersWithRole(role: Role, regionCode?: string): Promise<UserView[]> {
    const rows = await this.dataSource
      .getRepository(UserEntity)
      .find({ where: { role, ...(regionCode ? { regionCode } : {}) }, order: { username: 'ASC' } });
    return rows.map(toView);
  }

  /** Whether a user has this username (as stored: usernames are created in lower case). */
  async usernameTaken(username: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ username });
  }

  async adminExists(): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ role: 'admin' });
  }

  /** Users from the API meet the password rules; the first admin's ADMIN_PASSWORD is the operator's choice. */
  private insertUser(input: NewUser, auditActor: (u: UserEntity) => { id: string | null; role: string }): Promise<UserEntity> {
    assertPassword(input.password, input.username, 'password');
    return this.dataSource.transaction((manager) => this.insertWith(manager, input, auditActor));
  }

  private async insertWith(
    manager: EntityManager,
    input: NewUser,
    auditActor: (u: UserEntity) => { id: string | null; role: string },
  ): Promise<UserEntity> {
    const repo = manager.getRepository(UserEntity);
    const user = repo.create({
      id: randomUUID(),
      username: input.username.toLowerCase(),
      passwordHash: await hashPassword(input.password),
      displayName: input.displayName,
      phone: input.phone ?? null,
      role: input.role,
      agency: input.agency ?? null,
      regionCode: input.regionCode ?? null,
    });
    await repo.insert(user).catch((e: unknown) => {
      throw translateInsertError(e);
    });
    await this.audit.record(manager, {
      subjectType: 'user',
      subjectId: user.id,
      actor: auditActor(user),
      action: 'user.created',
      changes: { username: user.username, role: user.role, agency: user.agency, regionCode: user.regionCode },
    });
    return user;
  }
}

interface NewUser {
  username: string;
  password: string;
  displayName: string;
  phone?: string;
  role: Role;
  agency?: Agency;
  regionCode?: string;
}

const limitsUnavailable = () =>
  new AuthError(AuthErrorCode.LimitsUnavailable, {
    zh: '登录与注册暂时不可用，请稍后再试',
    en: 'Signing in and registering are unavailable for a moment; try again shortly',
  });

function assertPassword(password: string, username: string, field: string): void {
  const violations = passwordViolations(password, username).map((v) => ({ ...v, field }));
  if (violations.length > 0)
    throw new AuthError(AuthErrorCode.WeakPassword, { zh: '密码不符合要求', en: 'The password does not meet the rules' }, violations);
}

function translateInsertError(e: unknown): unknown {
  if (!(e instanceof QueryFailedError)) return e;
  const code = (e.driverError as { code?: string }).code;
  if (code === '23505')
    return new AuthError(AuthErrorCode.UsernameTaken, { zh: '用户名已被使用', en: 'The username is taken' }, [
      { field: 'username', code: 'taken', message: { zh: '用户名已被使用', en: 'The username is taken' } },
    ]);
  if (code === '23503')
    return new AuthError(AuthErrorCode.UnknownRegion, { zh: '没有这个区域', en: 'No such region' }, [
      { field: 'regionCode', code: 'unknown_region', message: { zh: '没有这个区域代码', en: 'No region has this code' } },
    ]);
  return e;
}

/** A regulator has an agency and a region; operators and admins have neither. */
export function userShapeViolations(role: Role, agency: string | undefined, regionCode: string | undefined): Violation[] {
  const out: Violation[] = [];
  if (role === 'regulator') {
    if (!agency)
      out.push({ field: 'agency', code: 'required', message: { zh: '监管人员必须有所属部门', en: 'A regulator needs an agency' } });
    if (!regionCode)
      out.push({ field: 'regionCode', code: 'required', message: { zh: '监管人员必须有辖区', en: 'A regulator needs a region' } });
  } else {
    if (agency)
      out.push({ field: 'agency', code: 'invalid', message: { zh: '只有监管人员有所属部门', en: 'Only regulators have an agency' } });
    if (regionCode)
      out.push({ field: 'regionCode', code: 'invalid', message: { zh: '只有监管人员有辖区', en: 'Only regulators have a region' } });
  }
  return out;
}

function toView(u: UserEntity): UserView {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    displayName: u.displayName,
    ...(u.agency ? { agency: u.agency } : {}),
    ...(u.regionCode ? { regionCode: u.regionCode } : {}),
    ...(u.disabledAt ? { disabled: true } : {}),
  };
}
