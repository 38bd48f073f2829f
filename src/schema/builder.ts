import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import { EmailAddressResolver, JSONObjectResolver, URLResolver } from 'graphql-scalars';
import type { GatewayContext } from '../context.js';
import { DateTimeScalar } from './date-time.js';
import { decodeGlobalId, encodeGlobalId } from './global-id.js';
import './sync-global-id.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
  Connection: {
    totalCount?: number | null;
    totalCountHint?: string | null;
    sourceErrors?: readonly import('../federation/source-errors.js').SourceFailure[];
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    URL: { Input: URL; Output: URL | string };
    EmailAddress: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  // Federation last: it wraps resolvers the others define (its README's order).
  plugins: [RelayPlugin, DataloaderPlugin, DirectivePlugin, FederationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'optional',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    // node/nodes are defined in schema/node.ts so that a malformed ID is a clear user error.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    // A neighbouring subgraph defines the same Relay types: they must compose (@shareable).
    nodeTypeOptions: { description: 'An object with a global ID, refetchable with Query.node(id:).' },
    idFieldOptions: { description: 'Global ID: opaque, stable, accepted by node(id:) and by mutations.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its connection (Relay cursor connections).', shareable: true },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page (paging forward).', shareable: true },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page (paging backward).', shareable: true },
    startCursorFieldOptions: { description: 'Cursor of the first edge; pass as `before` for the previous page.', shareable: true },
    endCursorFieldOptions: { description: 'Cursor of the last edge; pass as `after` for the next page.', shareable: true },
    pageInfoFieldOptions: { description: 'Paging state of this page.' },
    edgesFieldOptions: { description: 'The items of this page, in order, each with its cursor.' },
    cursorFieldOptions: { description: 'Opaque position of this edge; valid only for the same field and arguments.' },
    nodeFieldOptions: { description: 'The item.' },
    clientMutationIdInputOptions: { description: 'Echoed back in the payload unchanged (Relay classic); not an idempotency key.' },
    clientMutationIdFieldOptions: { description: 'The clientMutationId of the input.' },
    mutationInputArgOptions: { description: 'The mutation input.' },
    defaultEdgeTypeOptions: { description: 'An item of a connection page with its cursor.' },
  },
});

builder.addScalarType('DateTime', DateTimeScalar);
builder.addScalarType('URL', URLResolver);
builder.addScalarType('EmailAddress', EmailAddressResolver);
builder.addScalarType('JSONObject', JSONObjectResolver);

builder.queryType({ description: 'Reads across every configured source.' });
