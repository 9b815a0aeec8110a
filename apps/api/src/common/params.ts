import { ParseUUIDPipe } from '@nestjs/common';
import { HttpError, HttpErrorCode } from './http-errors.js';

/** An id that is not a UUID names nothing: 404, as for an object the caller may not see. */
export function notFoundUuid(): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => new HttpError(HttpErrorCode.RouteNotFound, { zh: '未找到', en: 'Not found' }),
  });
}
