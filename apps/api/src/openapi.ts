import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ResponseObject,
} from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { ProblemView } from './common/problem.view.js';

export const PROBLEM_JSON = 'application/problem+json';

/** What each problem status means on an operation, as the document says it (zh-CN first, then English). */
const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: '请求无效：字段、查询参数或 JSON 不合规则（errors 逐项指明字段） · Bad request: a field, query parameter or the JSON is invalid (errors name each field)',
  401: '未登录或令牌无效 · Not signed in, or the token is invalid or expired',
  403: '当前角色、部门或辖区无权操作 · The role, agency or region may not do this',
  404: '不存在，或调用者无权看到 · Not found, or not visible to the caller',
  409: '与当前状态冲突 · Conflicts with the current state',
  412: 'If-Match 版本已过期 · If-Match names an outdated version',
  413: '请求体超过上限 · The body is larger than the limit',
  415: '请求体须为 application/json · The body must be application/json',
  422: '不符合业务规则 · Refused by a business rule',
  428: '缺少 If-Match · If-Match is required',
  429: '请求过于频繁（见 Retry-After） · Too many requests (see Retry-After)',
  500: '服务器内部错误 · Internal server error',
  503: '数据库暂时不可用（见 Retry-After） · The database is unavailable (see Retry-After)',
};

/** Every POST takes it (apps/api common/idempotency.interceptor.ts, docs/api.md "Idempotency-Key"). */
const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  schema: { type: 'string', minLength: 8, maxLength: 200 },
  description:
    '重试同一请求时使用同一个键（如 UUID）：24 小时内重放首次的回答；键用于不同请求 422；首次请求仍在处理或已完成但回答丢失 409 · ' +
    'The same key (a UUID, say) on every retry of one request: its first answer is replayed for 24 hours; 422 with another request; 409 while the first runs or when it completed and its answer was lost',
};

/** The problem+json answers an operation can give, read from its shape: parameters, body, security, If-Match, public path. */
export function problemStatuses(path: string, method: string, operation: OperationObject): number[] {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const hasBody = operation.requestBody !== undefined;
  const secured = (operation.security?.length ?? 0) > 0;
  const write = ['post', 'put', 'patch', 'delete'].includes(method);
  const statuses = new Set<number>([500, 503]);
  if (hasBody || parameters.some((p) => p.in === 'query')) statuses.add(400);
  if (secured) [401, 403].forEach((s) => statuses.add(s));
  if (parameters.some((p) => p.in === 'path')) statuses.add(404);
  if (hasBody) [413, 415].forEach((s) => statuses.add(s));
  if (write && (secured || hasBody)) [409, 422].forEach((s) => statuses.add(s));
  // Idempotency-Key: 400 malformed, 409 running or answer lost, 422 reused with another request.
  if (method === 'post') [400, 409, 422].forEach((s) => statuses.add(s));
  if (parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match')) [412, 428].forEach((s) => statuses.add(s));
  if (path.startsWith('/api/v1/public/')) statuses.add(429);
  if (path === '/health') statuses.delete(503);
  return [...statuses].sort((a, b) => a - b);
}

/** Adds the problem+json answers to every operation (those a controller declares itself are kept). */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  const schema = { $ref: getSchemaPath(ProblemView) };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      if (method === 'post') operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
      for (const status of problemStatuses(path, method, operation)) {
        const existing = operation.responses[String(status)] as ResponseObject | undefined;
        if (existing?.content?.[PROBLEM_JSON]) continue;
        operation.responses[String(status)] = {
          description: existing?.description ?? PROBLEM_DESCRIPTIONS[status]!,
          content: { ...existing?.content, [PROBLEM_JSON]: { schema } },
        };
      }
    }
  }
  return document;
}

/** The API's OpenAPI document: served at /api/docs-json and the source of the web app's generated types. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('托育机构登记备案与监管系统 API · Childcare registry and supervision API')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return documentProblems(SwaggerModule.createDocument(app, config, { extraModels: [ProblemView] }));
}

/**
 * The same document without a database, Redis or configuration: Nest's preview mode resolves the modules and
 * controllers but instantiates nothing (scripts/contract/generate.ts runs it offline, in CI and in lint).
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create(AppModule, new FastifyAdapter(), { preview: true, logger: false, abortOnError: false });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
