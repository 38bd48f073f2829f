/**
 * A typed ticketgraph client in plain `fetch`: the documents and their result/variable types come
 * from `npm run codegen` (client/operations.graphql -> client/generated). Requests use automatic
 * persisted queries: the hash first, the full text only when the gateway does not know it yet.
 * Run as a test by test/client-example.test.ts; the README quotes it.
 */
import { createHash } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { RecentTicketsDocument, TicketWithCommentsDocument, type RecentTicketsQueryVariables, type TicketStatus } from '../client/generated/graphql.js';

export class GraphQLRequestError extends Error {
  constructor(readonly errors: readonly { message: string; extensions?: Record<string, unknown> }[]) {
    super(errors.map((e) => e.message).join('; '));
  }
}

interface Response<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export function createClient(url: string) {
  const texts = new WeakMap<object, { query: string; hash: string }>();
  const textOf = (document: DocumentNode) => {
    let entry = texts.get(document);
    if (!entry) {
      const query = print(document);
      entry = { query, hash: createHash('sha256').update(query).digest('hex') };
      texts.set(document, entry);
    }
    return entry;
  };

  async function post<T>(body: object): Promise<Response<T>> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Response<T>;
  }

  return {
    /** `data` typed by the document; throws when the gateway answers with errors only. */
    async request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<{ data: TResult; errors: Response<TResult>['errors'] }> {
      const { query, hash } = textOf(document);
      const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
      let result = await post<TResult>({ variables, extensions });
      if (result.errors?.some((e) => e.message === 'PersistedQueryNotFound')) result = await post<TResult>({ query, variables, extensions });
      if (result.data == null) throw new GraphQLRequestError(result.errors ?? [{ message: 'no data' }]);
      return { data: result.data, errors: result.errors };
    },
  };
}

/** The example: the newest tickets with the given statuses across every source, page by page, then the first in full. */
export async function example(url: string, options: { pages: number; status: TicketStatus[] }) {
  const client = createClient(url);
  const tickets: { source: string; number: string; title: string; status: TicketStatus }[] = [];
  let after: string | null | undefined = null;
  for (let page = 0; page < options.pages; page++) {
    const variables: RecentTicketsQueryVariables = { first: 5, after, filter: { status: options.status } };
    const { data } = await client.request(RecentTicketsDocument, variables);
    tickets.push(...data.tickets.edges.map(({ node }) => ({ source: node.source.key, number: node.number, title: node.title, status: node.status })));
    if (!data.tickets.pageInfo.hasNextPage) break;
    after = data.tickets.pageInfo.endCursor;
  }
  const newest = tickets[0];
  const details = newest ? (await client.request(TicketWithCommentsDocument, { source: newest.source, number: newest.number })).data.ticket : null;
  return { tickets, details };
}
