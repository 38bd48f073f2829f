/**
 * `gateway.bodyLimitBytes`, in place of Yoga's `maxRequestBodySize`, with the same errors. Yoga
 * pipes every request body through a counting TransformStream; Node's `stream.pipeline` then
 * creates and aborts an AbortController per request, building a DOMException each time (about
 * 8% of the gateway's CPU on `{ __typename }` in the bench's profile). A body that node:http
 * reads for us with a declared Content-Length cannot be longer than declared (llhttp reads
 * exactly that many bytes and refuses Content-Length beside Transfer-Encoding), so checking
 * the header is enough; only a body of unknown length (chunked, or outside node:http) is
 * counted as it streams.
 */
import { createGraphQLError, type Plugin } from 'graphql-yoga';

const CONTENT_LENGTH = /^\d+$/;

function tooLarge() {
  return createGraphQLError('Request body too large', { extensions: { http: { status: 413 }, code: 'REQUEST_ENTITY_TOO_LARGE' } });
}

function invalidLength() {
  return createGraphQLError('Content-Length header is invalid.', { extensions: { http: { status: 400 }, code: 'BAD_REQUEST' } });
}

type FetchAPI = { Request: typeof Request; TransformStream: typeof TransformStream };

/** The request with its body counted as it streams (Yoga's own limiter, for bodies of unknown length). */
function counted(request: Request, limit: number, fetchAPI: FetchAPI): Request {
  const body = request.body;
  if (!body) return request;
  // A native ReadableStream needs the native TransformStream (graphql-yoga issue 4583).
  const Transform = body instanceof ReadableStream ? globalThis.TransformStream : fetchAPI.TransformStream;
  let bytesRead = 0;
  const limited = body.pipeThrough(
    new Transform<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        if (bytesRead > limit) {
          controller.error(tooLarge());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, signal: request.signal, body: limited, duplex: 'half' } as RequestInit);
}

export function useBodyLimit(limit: number): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI, serverContext }) {
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (!CONTENT_LENGTH.test(declared)) throw invalidLength();
        if (Number(declared) > limit) throw tooLarge();
        // node:http (serverContext.req) holds the body to the declared length.
        if ((serverContext as { req?: unknown }).req !== undefined) return;
      }
      if (requestParser === undefined || request.body === null) return;
      setRequestParser((req) => requestParser(counted(req, limit, fetchAPI as unknown as FetchAPI)));
    },
  };
}
