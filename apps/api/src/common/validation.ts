import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { Violation } from '@lib/core';
import { HttpError, HttpErrorCode } from './http-errors.js';

const FIELD_MESSAGES: Record<string, (field: string) => { zh: string; en: string }> = {
  required: (f) => ({ zh: `缺少必填字段 ${f}`, en: `${f} is required` }),
  unknown_property: (f) => ({ zh: `不允许提交字段 ${f}（未知或只读）`, en: `${f} is not allowed (unknown or read-only)` }),
  checksum: (f) => ({ zh: `${f} 校验位错误`, en: `${f} has a wrong check digit` }),
  invalid: (f) => ({ zh: `字段 ${f} 的值无效`, en: `${f} is invalid` }),
};

export function fieldMessage(code: string, field: string) {
  return (FIELD_MESSAGES[code] ?? FIELD_MESSAGES.invalid!)(field);
}

/** Flattens class-validator errors to field-level violations with our codes. */
export function violationsOf(errors: ValidationError[], prefix = ''): Violation[] {
  const out: Violation[] = [];
  for (const e of errors) {
    const field = prefix ? (/^\d+$/.test(e.property) ? `${prefix}[${e.property}]` : `${prefix}.${e.property}`) : e.property;
    if (e.constraints) {
      const code = codeOf(e);
      out.push({ field, code, message: fieldMessage(code, field) });
    }
    if (e.children?.length) out.push(...violationsOf(e.children, field));
  }
  return out;
}

function codeOf(e: ValidationError): string {
  const constraints = Object.keys(e.constraints ?? {});
  if (constraints.includes('whitelistValidation')) return 'unknown_property';
  for (const c of constraints) {
    const declared = (e.contexts?.[c] as { code?: string } | undefined)?.code;
    if (declared) return declared;
  }
  if (e.value === undefined || e.value === null || constraints.includes('isDefined')) return 'required';
  return 'invalid';
}

export const validationFailed = (violations: Violation[]) =>
  new HttpError(HttpErrorCode.Validation, { zh: '请求内容有误', en: 'The request is invalid' }, violations);

/** whitelist + forbid unknown + transform, everywhere (read-only fields are unknown to the DTOs). */
export function globalValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationFailed(violationsOf(errors)),
  });
}
