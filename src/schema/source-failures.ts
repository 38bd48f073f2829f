import type { SourceFailure } from '../federation/source-errors.js';
import { builder } from './builder.js';
import { TicketConnection } from './ticket.js';

const SourceErrorRef = builder.objectRef<SourceFailure>('SourceError').implement({
  description: 'A source that could not answer its part of this connection.',
  fields: (t) => ({
    source: t.exposeString('source', { description: 'The source key.' }),
    code: t.exposeString('code'),
    message: t.exposeString('message'),
  }),
});

builder.objectField(TicketConnection, 'sourceErrors', (t) =>
  t.field({
    type: [SourceErrorRef],
    description: 'Sources missing from this page; their position is kept, so the next page retries them.',
    resolve: (connection) => [...(connection.sourceErrors ?? [])],
  }),
);
