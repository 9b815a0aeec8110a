import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CursorError, CursorErrorCode, DomainError, type Message, type Violation } from '@lib/core';
import { AuthError, AuthErrorCode } from '@lib/auth';
import { RegionError, RegionErrorCode } from '@lib/regions';
import { FacilityError, FacilityErrorCode } from '@lib/facilities';
import { StaffError, StaffErrorCode } from '@lib/staff';
import { FilingError, FilingErrorCode } from '@lib/filing';
import { InspectionError, InspectionErrorCode } from '@lib/inspections';
import { IncidentError, IncidentErrorCode } from '@lib/incidents';
import { ApplicationError, ApplicationErrorCode } from '@lib/applications';
import { ComplaintError, ComplaintErrorCode } from '@lib/complaints';
import { CreditError, CreditErrorCode } from '@lib/credit';
import { HttpError, HttpErrorCode } from './http-errors.js';
import { languageOf, type Language } from './language.js';
import { sendWebNotFound } from './web-pages.js';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { field?: string; code: string; message: string }[];
}

const TITLES: Record<number, Message> = {
  400: { zh: '请求无效', en: 'Bad request' },
  401: { zh: '未登录', en: 'Unauthorized' },
  403: { zh: '无权操作', en: 'Forbidden' },
  404: { zh: '未找到', en: 'Not found' },
  405: { zh: '方法不允许', en: 'Method not allowed' },
  409: { zh: '状态冲突', en: 'Conflict' },
  412: { zh: '版本已过期', en: 'Precondition failed' },
  413: { zh: '请求体过大', en: 'Payload too large' },
  414: { zh: '请求地址过长', en: 'URI too long' },
  415: { zh: '不支持的内容类型', en: 'Unsupported media type' },
  422: { zh: '不符合业务规则', en: 'Unprocessable content' },
  428: { zh: '缺少 If-Match', en: 'Precondition required' },
  429: { zh: '请求过于频繁', en: 'Too many requests' },
  500: { zh: '服务器内部错误', en: 'Internal server error' },
  503: { zh: '服务不可用', en: 'Service unavailable' },
};

/** The one place where library error codes become HTTP statuses (exhaustive per library). */
export function statusOf(error: DomainError): number {
  if (error instanceof HttpError) {
    switch (error.code) {
      case HttpErrorCode.Validation:
        return 400;
      case HttpErrorCode.Unauthenticated:
        return 401;
      case HttpErrorCode.Forbidden:
        return 403;
      case HttpErrorCode.RouteNotFound:
        return 404;
      case HttpErrorCode.RateLimited:
        return 429;
      case HttpErrorCode.IdempotencyKeyReused:
        return 422;
      case HttpErrorCode.IdempotencyConflict:
        return 409;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof CursorError) {
    switch (error.code) {
      case CursorErrorCode.Invalid:
        return 400;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof AuthError) {
    switch (error.code) {
      case AuthErrorCode.InvalidUser:
        return 400;
      case AuthErrorCode.BadCredentials:
        return 401;
      case AuthErrorCode.UserNotFound:
        return 404;
      case AuthErrorCode.UsernameTaken:
        return 409;
      case AuthErrorCode.UnknownRegion:
        return 422;
      case AuthErrorCode.Throttled:
        return 429;
      case AuthErrorCode.WeakPassword:
        return 400;
      case AuthErrorCode.WrongPassword:
        return 400;
      case AuthErrorCode.AccountDisabled:
        return 401;
      case AuthErrorCode.SelfDisable:
        return 409;
      case AuthErrorCode.AccountLocked:
        return 429;
      case AuthErrorCode.LimitsUnavailable:
        return 503;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof RegionError) {
    switch (error.code) {
      case RegionErrorCode.NotFound:
        return 404;
      case RegionErrorCode.DerivedPopulation:
        return 422;
      case RegionErrorCode.ImplausiblePopulation:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof FacilityError) {
    switch (error.code) {
      case FacilityErrorCode.NotFound:
        return 404;
      case FacilityErrorCode.ClassNotFound:
        return 404;
      case FacilityErrorCode.WrongState:
        return 409;
      case FacilityErrorCode.ClassHeld:
        return 409;
      case FacilityErrorCode.VersionMismatch:
        return 412;
      case FacilityErrorCode.VersionRequired:
        return 428;
      case FacilityErrorCode.OutsideJurisdiction:
        return 422;
      case FacilityErrorCode.ClassRules:
        return 422;
      case FacilityErrorCode.ChangeFilingRequired:
        return 409;
      case FacilityErrorCode.AffordableFeeCeiling:
        return 422;
      case FacilityErrorCode.AffordableRules:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof StaffError) {
    switch (error.code) {
      case StaffErrorCode.NotFound:
        return 404;
      case StaffErrorCode.UnknownClass:
      case StaffErrorCode.Invalid:
        return 400;
      case StaffErrorCode.NotMultiListed:
        return 409;
      case StaffErrorCode.Closed:
        return 409;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof FilingError) {
    switch (error.code) {
      case FilingErrorCode.Requirements:
        return 422;
      case FilingErrorCode.IncidentMismatch:
        return 422;
      case FilingErrorCode.ChangeNotFound:
        return 404;
      case FilingErrorCode.ChangeWrongState:
      case FilingErrorCode.ChangePending:
      case FilingErrorCode.ChangeNotAllowed:
        return 409;
      case FilingErrorCode.ChangeInvalid:
        return 400;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof InspectionError) {
    switch (error.code) {
      case InspectionErrorCode.InvalidItems:
        return 400;
      case InspectionErrorCode.WrongAgency:
        return 403;
      case InspectionErrorCode.NotRegulator:
        return 403;
      case InspectionErrorCode.ImplausibleDate:
        return 422;
      case InspectionErrorCode.NotFound:
        return 404;
      case InspectionErrorCode.OrderNotFound:
        return 404;
      case InspectionErrorCode.WrongState:
        return 409;
      case InspectionErrorCode.IncidentMismatch:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof IncidentError) {
    switch (error.code) {
      case IncidentErrorCode.Invalid:
        return 400;
      case IncidentErrorCode.WrongAgency:
        return 403;
      case IncidentErrorCode.NotFound:
        return 404;
      case IncidentErrorCode.WrongState:
        return 409;
      case IncidentErrorCode.FacilityState:
        return 409;
      case IncidentErrorCode.Rules:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof ApplicationError) {
    switch (error.code) {
      case ApplicationErrorCode.Invalid:
        return 400;
      case ApplicationErrorCode.NotFound:
      case ApplicationErrorCode.OfferNotFound:
        return 404;
      case ApplicationErrorCode.Duplicate:
      case ApplicationErrorCode.WrongState:
        return 409;
      case ApplicationErrorCode.Rules:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof ComplaintError) {
    switch (error.code) {
      case ComplaintErrorCode.InvalidSubject:
        return 400;
      case ComplaintErrorCode.WrongAgency:
        return 403;
      case ComplaintErrorCode.NotFound:
        return 404;
      case ComplaintErrorCode.WrongState:
        return 409;
      case ComplaintErrorCode.OutsideJurisdiction:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  if (error instanceof CreditError) {
    switch (error.code) {
      case CreditErrorCode.InvalidPenalty:
        return 400;
      case CreditErrorCode.WrongAgency:
        return 403;
      case CreditErrorCode.PenaltyNotFound:
      case CreditErrorCode.CreditNotFound:
        return 404;
      case CreditErrorCode.AlreadyRevoked:
        return 409;
      case CreditErrorCode.Barred:
        return 422;
      default:
        return exhausted(error.code);
    }
  }
  throw new Error(`no HTTP mapping for ${error.context}/${error.code}`);
}

function exhausted(code: never): never {
  throw new Error(`unmapped error code ${String(code)}`);
}

export function problemOf(status: number, detail: Message, violations: Violation[], lang: Language, code?: string): Problem {
  const title = TITLES[status] ?? TITLES[status >= 500 ? 500 : 400]!;
  return {
    type: code ? `urn:childcare:problem:${code}` : 'about:blank',
    title: title[lang],
    status,
    detail: detail[lang],
    ...(violations.length
      ? { errors: violations.map((v) => ({ ...(v.field ? { field: v.field } : {}), code: v.code, message: v.message[lang] })) }
      : {}),
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number): void {
  if (retryAfterSeconds !== undefined) void reply.header('Retry-After', String(retryAfterSeconds));
  void reply.status(problem.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(problem);
}

/** Errors raised before a handler runs (body parsing, size, media type), which Nest hands over as HttpExceptions. */
export function transportProblem(status: number): { detail: Message; code: string } | null {
  switch (status) {
    case 400:
      return { code: 'malformed_json', detail: { zh: '请求体不是有效的 JSON', en: 'The body is not valid JSON' } };
    case 413:
      return { code: 'payload_too_large', detail: { zh: '请求体超过 1 MB 上限', en: 'The body is larger than the 1 MB limit' } };
    case 414:
      return { code: 'uri_too_long', detail: { zh: '请求地址中的参数过长', en: 'A parameter in the URL is too long' } };
    case 415:
      return { code: 'unsupported_media_type', detail: { zh: '请求体须为 application/json', en: 'The body must be application/json' } };
    default:
      return null;
  }
}

const INTERNAL: Message = { zh: '服务器内部错误，请稍后再试', en: 'Something went wrong on our side; please try again' };

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const lang = languageOf(request.headers['accept-language']);

    if (exception instanceof DomainError) {
      const status = statusOf(exception);
      const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
      return sendProblem(reply, problemOf(status, exception.detail, exception.violations, lang, exception.code), retryAfter);
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const status = exception.getStatus();
      if (status === 404) {
        // A browser's unknown page: the web app's not-found page (the API's own paths keep problem+json).
        if (exception.message.startsWith('Cannot ') && sendWebNotFound(request, reply)) return;
        return sendProblem(reply, problemOf(404, { zh: '没有这个地址', en: 'No such route' }, [], lang, 'route_not_found'));
      }
      const known = transportProblem(status);
      if (known) return sendProblem(reply, problemOf(status, known.detail, [], lang, known.code));
      return sendProblem(reply, problemOf(status, { zh: exception.message, en: exception.message }, [], lang));
    }
    if (databaseUnavailable(exception)) {
      this.logger.warn({ url: request.url, method: request.method, code: errorCode(exception) }, 'database unavailable');
      return sendProblem(reply, problemOf(503, DATABASE_DOWN, [], lang, 'database_unavailable'), 5);
    }
    this.logger.error({ err: exception, url: request.url, method: request.method }, 'unhandled error');
    sendProblem(reply, problemOf(500, INTERNAL, [], lang, 'internal'));
  }
}

const DATABASE_DOWN: Message = { zh: '数据库暂时不可用，请稍后再试', en: 'The database is unavailable; please try again shortly' };

/**
 * Errors that say PostgreSQL cannot be reached (refused, reset, shut down, starting up), not that a query was wrong:
 * the client may retry, so 503 (with Retry-After) rather than 500. The pool reconnects by itself once the database
 * is back.
 */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

function errorCode(exception: unknown): string | undefined {
  const e = exception as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}

export function databaseUnavailable(exception: unknown): boolean {
  const code = errorCode(exception);
  if (code && UNAVAILABLE.has(code)) return true;
  const message = (exception as { message?: unknown })?.message;
  return typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message);
}
