// The vendor's own examples, copied verbatim, through the adapter's parser and mapper. The
// expected unified values are written out by hand from the documents, not computed with the
// adapter's tables, so a wrong table fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidIdentifier } from '../identifiers.js';
import { identifierShapes, ticketFromNative } from './map.js';
import { nativeTicket, nativeTicketList, parseRecords } from './native.js';
import { parseNative } from '../parse.js';

// Seed 001, "Sample response body: application/vnd.soa.v72+json", byte for byte.
const SEED_PAGE: unknown = JSON.parse(readFileSync(new URL('./fixtures/seed-get-tickets.v72.json', import.meta.url), 'utf8'));
const ORIGIN = 'https://portal.example';
const ADMIN = { id: 'a71553bd-5ac5-4230-aa6d-c315bae0f781.acmepaymentscorp', name: 'adminAcmepaymentscorp', email: null };
const API_VERSION = '037a3fad-45ba-4126-aae4-84a9dadae89e.acmepaymentscorp';

function seedTickets() {
  const list = parseNative('akana', nativeTicketList, SEED_PAGE, 'ticket list');
  return parseRecords('akana', nativeTicket, list.Ticket, 'ticket').map((record) => ticketFromNative('akana', record, ORIGIN));
}

describe('the seed sample response of GET /api/tickets', () => {
  it('reads both records', () => {
    expect(seedTickets()).toHaveLength(2);
  });

  it('maps the first record field by field', () => {
    const [ticket] = seedTickets();
    expect(ticket!.sourceKey).toBe('akana');
    expect(ticket!.number).toBe('ticket11623.acmepaymentscorp');
    expect(ticket!.title).toBe('Bug when using multiple payment types');
    expect(ticket!.description).toBe('When I try to use **more than one payment type** the transaction hangs up.');
    expect(ticket!.status).toBe('OPEN');
    expect(ticket!.nativeStatus).toBe('OPEN');
    expect(ticket!.priority).toBe('HIGH');
    expect(ticket!.nativePriority).toBe('com.soa.ticket.label.priority.high');
    expect(ticket!.creator).toEqual(ADMIN);
    expect(ticket!.assignee).toBeNull();
    expect(ticket!.createdAt.toISOString()).toBe('2015-05-12T17:27:06.000Z');
    expect(ticket!.updatedAt.toISOString()).toBe('2015-05-12T17:27:06.000Z');
    expect(ticket!.closedAt).toBeNull();
    expect(ticket!.url).toBe('https://portal.example/acmepaymentscorp#/forum/discussions/ticket11623.acmepaymentscorp/details');
    expect(ticket!.tags).toEqual(['bug', 'payment']);
    expect(ticket!.topicKey).toBe(API_VERSION);
    expect(ticket!.vote).toBeNull();
    expect(ticket!.raw).toMatchObject({ Environment: 'Production', Visibility: 'Limited', DescriptionMediaType: 'text/markdown' });
  });

  it('maps the second record field by field', () => {
    const [, ticket] = seedTickets();
    expect(ticket!.number).toBe('ticket11622.acmepaymentscorp');
    expect(ticket!.title).toBe('Cannot log in after timeout');
    expect(ticket!.description).toBe(
      "After a timeout, users cannot log back in. Password reset is the only way I've been able to figure to get a user back in.",
    );
    expect(ticket!.status).toBe('OPEN');
    expect(ticket!.nativeStatus).toBe('OPEN');
    expect(ticket!.priority).toBe('HIGH');
    expect(ticket!.nativePriority).toBe('com.soa.ticket.label.priority.high');
    expect(ticket!.creator).toEqual(ADMIN);
    expect(ticket!.createdAt.toISOString()).toBe('2015-05-12T17:06:08.000Z');
    expect(ticket!.updatedAt.toISOString()).toBe('2015-05-12T17:06:08.000Z');
    expect(ticket!.url).toBe('https://portal.example/acmepaymentscorp#/forum/discussions/ticket11622.acmepaymentscorp/details');
    expect(ticket!.tags).toEqual(['login', 'timeout']);
    expect(ticket!.topicKey).toBe(API_VERSION);
    expect(ticket!.raw).toMatchObject({ DescriptionMediaType: 'text/plain' });
  });
});

describe('the identifiers the documents show', () => {
  const shapes = identifierShapes('acmepaymentscorp');
  it('accepts the TicketIDs of the seed and of the workflow-action docs', () => {
    // Seed records; POST /api/tickets/{TicketID}/actions sample URL.
    for (const id of ['ticket11623.acmepaymentscorp', 'ticket11622.acmepaymentscorp', 'ticket25687.acmepaymentscorp']) {
      expect(isValidIdentifier(shapes, 'ticketNumber', id), id).toBe(true);
    }
  });

  it('accepts the UUID CommentID of the comment-action docs and the counter form', () => {
    // POST /api/boards/items/comments/{CommentID}/actions sample URL.
    expect(isValidIdentifier(shapes, 'commentId', '3e6cd742-e779-4d73-848d-ed07eec8240e.acmepaymentscorp')).toBe(true);
    expect(isValidIdentifier(shapes, 'commentId', 'comment11624.acmepaymentscorp')).toBe(true);
  });

  it('refuses other board items and other tenants', () => {
    // POST /api/workflow/objects/{ObjectID}/actions sample: a discussion, not a ticket.
    expect(isValidIdentifier(shapes, 'ticketNumber', 'discussion11018.acmepaymentscorp')).toBe(false);
    expect(isValidIdentifier(shapes, 'ticketNumber', 'ticket11623.automation')).toBe(false);
    expect(isValidIdentifier(shapes, 'ticketNumber', '037a3fad-45ba-4126-aae4-84a9dadae89e.acmepaymentscorp')).toBe(false);
  });
});
