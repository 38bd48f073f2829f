/**
 * A minimal OTLP/HTTP trace receiver for tests: 127.0.0.1, an ephemeral port, keeping the JSON
 * bodies posted to /v1/traces and decoding their spans.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExportedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  attributes: Record<string, string | number | boolean>;
  resource: Record<string, string | number | boolean>;
}

export interface Receiver {
  url: string;
  bodies: string[];
  spans(): ExportedSpan[];
  close(): Promise<void>;
}

type OtlpValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
type OtlpAttributes = { key: string; value: OtlpValue }[] | undefined;

function attributes(list: OtlpAttributes): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const { key, value } of list ?? []) {
    out[key] = value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : undefined) ?? value.boolValue ?? value.doubleValue ?? '';
  }
  return out;
}

/** A minimal OTLP/HTTP JSON trace receiver. */
export async function startReceiver(): Promise<Receiver> {
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/traces`,
    bodies,
    spans() {
      const spans: ExportedSpan[] = [];
      for (const body of bodies) {
        const parsed = JSON.parse(body) as {
          resourceSpans: { resource: { attributes: OtlpAttributes }; scopeSpans: { spans: (Omit<ExportedSpan, 'attributes' | 'resource'> & { attributes: OtlpAttributes })[] }[] }[];
        };
        for (const rs of parsed.resourceSpans) {
          for (const ss of rs.scopeSpans) {
            for (const span of ss.spans) spans.push({ ...span, parentSpanId: span.parentSpanId ?? '', attributes: attributes(span.attributes), resource: attributes(rs.resource.attributes) });
          }
        }
      }
      return spans;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

