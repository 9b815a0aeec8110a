import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { authConfig, decodeCursor, encodeCursor, type AuthConfig, type Page, type Violation } from '@lib/core';
import { AuditService } from '@lib/audit';
import { AuthError, AuthErrorCode } from './auth.errors.js';
import { LoginThrottle } from './login-throttle.js';
import { dummyHash, hashPassword, verifyPassword } from './password.js';
import { ROLES, type Actor, type Agency, type Role } from './roles.js';
import { UserEntity } from './user.entity.js';
import type { CreateUserDto, LoginResultView, RegisterDto, RegisteredView, UserView } from './dto/auth.dto.js';

interface TokenClaims {
  sub: string;
  username: string;
  role: Role;
  agency: Agency | null;
  regionCode: string | null;
}

const SYSTEM = { id: null, role: 'system' } as const;

@Injectable()
export class AuthService {
  private readonly throttle: LoginThrottle;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {
    this.throttle = new LoginThrottle(config.loginMaxFailures, config.loginWindowSeconds * 1000);
  }

  async register(dto: RegisterDto): Promise<RegisteredView> {
    const user = await this.insertUser({ ...dto, role: 'operator' }, (u) => ({ id: u.id, role: 'operator' }));
    return { id: user.id, username: user.username, role: 'operator' };
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

  /** `clientKey` identifies the caller (its address): failures are counted per username and client. */
  async login(username: string, password: string, clientKey: string): Promise<LoginResultView> {
    const key = `${username.toLowerCase()}|${clientKey}`;
    const retryAfter = this.throttle.retryAfter(key);
    if (retryAfter > 0) {
      throw new AuthError(
        AuthErrorCode.Throttled,
        { zh: '登录失败次数过多，请稍后再试', en: 'Too many failed logins; try again later' },
        [],
        retryAfter,
      );
    }
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ username: username.toLowerCase() });
    const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
    if (!user || !ok) {
      this.throttle.fail(key);
      throw new AuthError(AuthErrorCode.BadCredentials, { zh: '用户名或密码错误', en: 'Wrong username or password' });
    }
    this.throttle.succeed(key);
    const claims: TokenClaims = {
      sub: user.id,
      username: user.username,
      role: user.role,
      agency: user.agency,
      regionCode: user.regionCode,
    };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtExpiresInSeconds, algorithm: 'HS256' });
    return { accessToken, expiresIn: this.config.jwtExpiresInSeconds, user: toView(user) };
  }

  /** The actor a bearer token names, or null when it is missing, forged, expired or of another algorithm. */
  async actorFromToken(token: string): Promise<Actor | null> {
    try {
      const c = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof c.sub !== 'string' || !ROLES.includes(c.role)) return null;
      return { id: c.sub, username: c.username, role: c.role, agency: c.agency ?? null, regionCode: c.regionCode ?? null };
    } catch {
      return null;
    }
  }

  /** A short-lived token for the queue dashboard's cookie: an admin's, for that purpose only. */
  issueQueuesToken(actor: Actor, ttlSeconds: number): Promise<string> {
    return this.jwt.signAsync({ sub: actor.id, role: actor.role, purpose: 'queues' }, { expiresIn: ttlSeconds, algorithm: 'HS256' });
  }

  async queuesTokenValid(token: string): Promise<boolean> {
    try {
      const c = await this.jwt.verifyAsync<{ role?: string; purpose?: string }>(token, { algorithms: ['HS256'] });
      return c.purpose === 'queues' && c.role === 'admin';
    } catch {
      return false;
    }
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

  async adminExists(): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).existsBy({ role: 'admin' });
  }

  private insertUser(input: NewUser, auditActor: (u: UserEntity) => { id: string | null; role: string }): Promise<UserEntity> {
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
  };
}
