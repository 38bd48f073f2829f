import type { Topic } from '../model.js';
import { builder } from './builder.js';
import { joinIdParts } from './global-id.js';
import { loadTopics } from './loaders.js';
import { TicketRef } from './ticket.js';

const topicKey = (topic: Pick<Topic, 'sourceKey' | 'key'>) => joinIdParts(topic.sourceKey, topic.key);

export const TopicRef = builder.loadableNode('Topic', {
  description: 'A category a source files tickets under.',
  id: { resolve: (topic: Topic) => topicKey(topic) },
  load: (keys: string[], ctx) => loadTopics(keys, ctx),
  cacheResolved: topicKey,
  fields: (t) => ({
    key: t.exposeString('key', { description: "The vendor's topic key (CreateTicketInput.topic)." }),
    name: t.exposeString('name', { description: 'Display name.' }),
  }),
});

builder.objectField(TicketRef, 'topic', (t) =>
  t.field({
    type: TopicRef,
    nullable: true,
    description: 'The topic it is filed under, where the source has topics.',
    resolve: (ticket, _args, ctx) =>
      ticket.topicKey === null ? null : TopicRef.getDataloader(ctx).load(topicKey({ sourceKey: ticket.sourceKey, key: ticket.topicKey })),
  }),
);
