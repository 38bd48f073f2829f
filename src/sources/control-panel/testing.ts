/**
 * For this folder's unit tests: a SourceHttp that answers fixed vendor bodies by path, so the
 * adapter's parser and mapper can be fed records exactly as written (docs' samples, odd records)
 * without a server. It stands in for the transport only; nothing of the adapter is replaced.
 */
import type { HttpRequest, HttpResponse, SourceHttp } from '../http.js';
import { ControlPanelAdapter } from './adapter.js';
import type { SourceAdapter } from '../adapter.js';

export interface FakeVendor {
  adapter: SourceAdapter;
  requests: HttpRequest[];
}

export function fakeVendor(answers: Record<string, unknown>): FakeVendor {
  const requests: HttpRequest[] = [];
  const http: SourceHttp = {
    source: 'cp',
    async request(request: HttpRequest): Promise<HttpResponse> {
      requests.push(request);
      const key = `${request.method} ${request.path}`;
      const found = Object.prototype.hasOwnProperty.call(answers, key);
      return {
        status: found ? 200 : 404,
        headers: {},
        body: found ? answers[key] : { error: { code: 'not_found', message: 'not found' } },
        contentType: 'application/json',
      };
    },
    circuitState: () => 'closed',
    close: async () => {},
  };
  const adapter = new ControlPanelAdapter(
    { key: 'cp', kind: 'control-panel', name: 'Control panel', baseUrl: 'http://127.0.0.1:1', credentials: { token: 't' }, timeoutMs: 1000, settings: {} },
    http,
  );
  return { adapter, requests };
}
