/**
 * Every source through every part of the graph, with the typed documents the README's
 * clients use (client/generated): sources, Source.tickets, ticket with comments, node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeByIdDocument, SourcesDocument, SourceTicketsDocument, TicketWithCommentsDocument, TopicsDocument } from '../client/generated/graphql.js';
import { availableSourceKinds, SOURCE_KINDS } from '../src/sources/registry.js';
import { startStack, type Stack } from './support/stack.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

// From the registry: a sixth kind is covered here without editing this file. Source.kind is an
// enum: the config kind in SCREAMING_SNAKE_CASE.
const KINDS: readonly string[] = SOURCE_KINDS.map((kind) => kind.replaceAll('-', '_').toUpperCase());
const KEYS = availableSourceKinds().map((kind) => kind.defaultKey);

describe('every source', () => {
  it('lists every registered kind with honest capabilities', async () => {
    const result = await stack.run(SourcesDocument);
    expect(result.errors).toBeUndefined();
    expect(result.data!.sources.map((s) => s.kind).sort()).toEqual([...KINDS].sort());
    for (const source of result.data!.sources) {
      expect(source.capabilities.maxPageSize).toBeGreaterThan(0);
      expect(source.capabilities.sorts.length).toBeGreaterThan(0);
      expect(source.capabilities.batchLookup).toBe(source.capabilities.maxBatchSize !== null);
    }
  });

  it.each(KEYS)('%s: tickets, one ticket with comments, node lookup, topics', async (key) => {
    const list = await stack.run(SourceTicketsDocument, { key, first: 5 });
    expect(list.errors).toBeUndefined();
    const edges = list.data!.source!.tickets.edges;
    expect(edges).toHaveLength(5);
    const times = edges.map((e) => Date.parse(e.node.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const number = edges[0]!.node.number;
    const detail = await stack.run(TicketWithCommentsDocument, { source: key, number });
    expect(detail.errors).toBeUndefined();
    const ticket = detail.data!.ticket!;
    expect(ticket.number).toBe(number);
    expect(ticket.id).toBe(edges[0]!.node.id);
    expect(ticket.nativeStatus).toBeTruthy();
    expect(ticket.comments.edges.length).toBe(Math.min(50, ticket.comments.totalCount ?? ticket.comments.edges.length));

    const node = await stack.run(NodeByIdDocument, { id: ticket.id });
    expect(node.errors).toBeUndefined();
    expect(node.data!.node).toMatchObject({ __typename: 'Ticket', id: ticket.id });
    const firstComment = ticket.comments.edges[0]?.node;
    if (firstComment) {
      const comment = await stack.run(NodeByIdDocument, { id: firstComment.id });
      expect(comment.data!.node).toMatchObject({ __typename: 'Comment', body: firstComment.body });
    }

    const topics = await stack.run(TopicsDocument, { key });
    expect(topics.errors).toBeUndefined();
    for (const topic of topics.data!.source!.topics.slice(0, 2)) {
      const viaNode = await stack.run(NodeByIdDocument, { id: topic.id });
      expect(viaNode.data!.node).toMatchObject({ __typename: 'Topic', key: topic.key });
    }
  });
});
