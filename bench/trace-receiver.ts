/**
 * The bench's local OTLP/HTTP trace receiver (issue 19, "tracing on, exporting to a local
 * receiver"): 127.0.0.1, an ephemeral port, POST /v1/traces. It runs in the emulator host's
 * process, so its CPU is neither the gateway's nor the load generator's.
 *
 * @opentelemetry/exporter-trace-otlp-http 0.57 posts `application/json` (the OTLP JSON
 * encoding: resourceSpans[].scopeSpans[].spans[], ids as hex strings), gzipped only when
 * OTEL_EXPORTER_OTLP_(TRACES_)COMPRESSION asks for it; it reads the answer as an
 * ExportTraceServiceResponse, for which `{}` is a full success. The receiver decodes each body
 * as a collector would, and keeps counts only: spans, root spans, export requests. It decodes
 * when asked for the counts (after a comparison's load), not as each body arrives: parsing up to
 * 512 spans of JSON per export took CPU in the emulators' process during the tracing-on side's
 * windows only, on a machine whose two cores the whole bench shares; a collector's CPU is not
 * the gateway's cost. A body that does not decode is counted as rejected then. A root span
 * (no parentSpanId) is one GraphQL request's `graphql.request` when the caller sent no
 * `traceparent`, as the bench's load doesn't: roots count the traced requests exactly, where
 * spans per request vary (concurrent identical upstream GETs are shared, so are their spans).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

export interface TraceCounts {
  /** Export requests whose body decoded as OTLP JSON traces. */
  exports: number;
  spans: number;
  /** Spans without a parent: one per traced request. */
  roots: number;
  /** Requests refused (wrong method, path or type; too large), or answered but not OTLP JSON. */
  rejected: number;
}

export interface TraceReceiver {
  url: string;
  counts(): TraceCounts;
  clear(): void;
  close(): Promise<void>;
}

/** A body larger than this is refused (the exporter sends at most 512 spans a request). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

interface OtlpTraces {
  resourceSpans?: { scopeSpans?: { spans?: { parentSpanId?: unknown }[] }[] }[];
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : null));
    req.on('error', reject);
  });
}

export async function startTraceReceiver(): Promise<TraceReceiver> {
  let counts: TraceCounts = { exports: 0, spans: 0, roots: 0, rejected: 0 };
  /** Bodies answered but not decoded yet. */
  let received: { raw: Buffer; encoding: string | undefined }[] = [];

  /** Spans and root spans, or null when the body is not OTLP JSON traces. */
  const decode = (raw: Buffer, encoding: string | undefined): { spans: number; roots: number } | null => {
    try {
      const text = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
      const parsed = JSON.parse(text) as OtlpTraces;
      if (!Array.isArray(parsed.resourceSpans)) return null;
      let spans = 0;
      let roots = 0;
      for (const rs of parsed.resourceSpans) {
        for (const ss of rs.scopeSpans ?? []) {
          for (const span of ss.spans ?? []) {
            spans++;
            // The JSON encoding leaves an empty parent out (or, from other SDKs, sends "").
            if (span.parentSpanId === undefined || span.parentSpanId === '') roots++;
          }
        }
      }
      return { spans, roots };
    } catch {
      return null;
    }
  };

  const server = createServer((req, res) => {
    const refuse = (status: number) => {
      counts.rejected++;
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    };
    readBody(req).then(
      (raw) => {
        const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
        if (req.method !== 'POST' || req.url !== '/v1/traces') return refuse(404);
        if (type !== 'application/json') return refuse(415);
        if (raw === null) return refuse(413);
        received.push({ raw, encoding: req.headers['content-encoding'] });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      },
      () => refuse(400),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`,
    counts() {
      for (const { raw, encoding } of received) {
        const decoded = decode(raw, encoding);
        if (!decoded) {
          counts.rejected++;
          continue;
        }
        counts.exports++;
        counts.spans += decoded.spans;
        counts.roots += decoded.roots;
      }
      received = [];
      return { ...counts };
    },
    clear() {
      counts = { exports: 0, spans: 0, roots: 0, rejected: 0 };
      received = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
