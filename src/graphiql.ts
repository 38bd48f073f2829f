/**
 * GraphiQL served entirely by the gateway. Yoga's default page loads GraphiQL from a public CDN,
 * which fails offline and behind egress filters; @graphql-yoga/render-graphiql ships the same
 * build but inlines all of it (~9 MB) into every page. Here the page is small and the script,
 * style and editor workers are separate same-origin files under a content-hashed path, so the
 * browser caches them and compiles the script off the main thread.
 */
import { createHash } from 'node:crypto';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

type Bundle = typeof import('@graphql-yoga/render-graphiql/graphiql');

export const GRAPHIQL_ASSET_PREFIX = '/graphiql-assets/';

interface Asset {
  body: string | Uint8Array<ArrayBuffer>;
  type: string;
}

interface Assets {
  /** Changes with the bundle: the URLs can be cached forever. */
  version: string;
  files: Map<string, Asset>;
}

let loading: Promise<Assets> | undefined;

/** The 9 MB bundle is imported on the first GraphiQL request, not at start-up. */
function assets(): Promise<Assets> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then((bundle: Bundle) => {
    const js = { body: bundle.js, type: 'text/javascript; charset=utf-8' };
    const worker = (body: string) => ({ body, type: 'text/javascript; charset=utf-8' });
    const files = new Map<string, Asset>([
      ['graphiql.js', js],
      ['graphiql.css', { body: bundle.css, type: 'text/css; charset=utf-8' }],
      ['editor.worker.js', worker(bundle.editorWorkerService)],
      ['json.worker.js', worker(bundle.jsonWorker)],
      ['graphql.worker.js', worker(bundle.graphqlWorker)],
      ['favicon.ico', { body: Buffer.from(bundle.favicon.replace(/^data:[^,]*,/, ''), 'base64'), type: 'image/x-icon' }],
    ]);
    const hash = createHash('sha256');
    for (const [name, file] of files) hash.update(name).update(file.body);
    return { version: hash.digest('hex').slice(0, 12), files };
  });
  return loading;
}

/** For `<script>`: JSON that cannot close the script element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Yoga's `renderGraphiQL`: the page, with the bundle referenced instead of inlined. */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { version } = await assets();
  const base = `${GRAPHIQL_ASSET_PREFIX}${version}/`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${base}favicon.ico" />
    <link rel="stylesheet" href="${base}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>You need to enable JavaScript to run this app.</noscript>
    <div id="root"></div>
    <script>
      const workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: (_moduleId, label) => ${scriptJson(base)} + workers[label] };
    </script>
    <script src="${base}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** Serves the files the page references. */
export function useGraphiQLAssets(): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) return;
      const [version, name] = url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length).split('/');
      const bundle = await assets();
      const file = name === undefined ? undefined : bundle.files.get(name);
      if (version !== bundle.version || !file) {
        endResponse(new fetchAPI.Response('Not Found', { status: 404 }));
        return;
      }
      endResponse(new fetchAPI.Response(file.body, { headers: { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' } }));
    },
  };
}
