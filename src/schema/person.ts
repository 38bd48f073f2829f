import type { Person, Vote } from '../model.js';
import { builder } from './builder.js';

export const PersonRef = builder.objectRef<Person>('Person').implement({
  description: 'Someone as the vendor names them; any of the fields may be unknown.',
  fields: (t) => ({
    id: t.exposeString('id', { nullable: true, description: "The vendor's identifier for this person." }),
    name: t.exposeString('name', { nullable: true, description: 'Display name, when the vendor gives one.' }),
    email: t.exposeString('email', { nullable: true, description: 'Email address, when the vendor gives one.' }),
  }),
});

export const VoteRef = builder.objectRef<Vote>('Vote').implement({
  description: "A rating: a ticket's score on the source's scale, or a comment's thumbs up (1) / down (-1).",
  fields: (t) => ({
    score: t.exposeInt('score', { description: "On the source's scale (Source.capabilities)." }),
    comment: t.exposeString('comment', { nullable: true, description: 'A remark given with the rating.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', nullable: true, description: 'When it was given, when the vendor records it.' }),
  }),
});
