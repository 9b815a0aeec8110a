import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { languageOf } from './language.js';
import { problemOf, sendProblem, transportProblem } from './problem.filter.js';

/**
 * Errors Fastify's router raises before Nest sees the request (a path parameter over `maxParamLength`, a malformed
 * percent-escape): answered as problem+json like every other error, instead of Fastify's own JSON.
 */
export function frameworkProblem(error: { code?: string }, request: FastifyRequest, reply: FastifyReply): void {
  const lang = languageOf(request.headers['accept-language']);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const known = transportProblem(414)!;
    return sendProblem(reply, problemOf(414, known.detail, [], lang, known.code));
  }
  sendProblem(reply, problemOf(400, { zh: '请求地址无效', en: 'The URL is not valid' }, [], lang, 'malformed_url'));
}

/** Beyond this many bytes an oversized body is not read to its end: the connection is cut (a client sending 64 MB is not a form). */
const DRAIN_CAP_BYTES = 64 * 1024 * 1024;
/** Nor for longer than this. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * A body announced larger than the limit is read and discarded before the 413 goes out with `Connection: close`.
 * Answering while the client still sends, as Fastify does, closes a socket with unread data, which resets the
 * connection: the client sees ECONNRESET instead of the 413 that tells it why.
 */
export function answerOversizeBodiesCleanly(fastify: FastifyInstance, limitBytes: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const announced = Number(request.headers['content-length'] ?? 0);
    if (!(announced > limitBytes)) return;
    if (announced <= DRAIN_CAP_BYTES) await drain(request.raw);
    const known = transportProblem(413)!;
    void reply.header('Connection', 'close');
    sendProblem(reply, problemOf(413, known.detail, [], languageOf(request.headers['accept-language']), known.code));
    return reply;
  });
}

function drain(stream: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, DRAIN_TIMEOUT_MS);
    stream.on('end', done);
    stream.on('error', done);
    stream.on('close', done);
    stream.resume();
  });
}
