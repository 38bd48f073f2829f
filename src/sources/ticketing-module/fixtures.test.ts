/**
 * The vendor's own sample records, copied verbatim from seed 003 ("Success Response Example",
 * the same text as the public page docs.rezolve.ai/docs/api-reference/ticketing/list-tickets),
 * through the adapter's parser and mapper. Expected values are read off the documents by hand.
 */
import { describe, expect, it } from 'vitest';
import { TmErrorResponse, TmListResponse } from './native.js';
import { readTickets, toListBody } from './map.js';

const SEED_SUCCESS_RESPONSE = `{
"success": true,
"message": "Tickets retrieved successfully",
"data": {
"tickets": [
{
"id": "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
"ticketNumber": "TKT-2025-001234",
"subject": "Unable to access VPN",
"description": "User is experiencing connectivity issues with the corporate VPN.",
"status": "open",
"priority": "high",
"category": "Network",
"subcategory": "VPN",
"assignee": {
"id": "1876278a-3634-4833-b73e-1536d806e117",
"name": "Deepak Purohit",
"email": "deepak.purohit@example.com"
},
"requester": {
"id": "user-uuid-here",
"name": "John Doe",
"email": "john.doe@example.com"
},
"team": "operation",
"createdAt": "2025-07-09T10:30:00.000Z",
"updatedAt": "2025-07-10T14:22:00.000Z",
"dueDate": "2025-07-12T18:00:00.000Z",
"slaStatus": "on_track"
},
{
"id": "b2c3d4e5-f6a7-8901-bcde-f12345678901",
"ticketNumber": "TKT-2025-001235",
"subject": "Software installation request",
"description": "Request to install Adobe Creative Suite on workstation.",
"status": "in_progress",
"priority": "medium",
"category": "Software",
"subcategory": "Installation",
"assignee": {
"id": "agent-uuid-here",
"name": "Support Agent",
"email": "support.agent@example.com"
},
"requester": {
"id": "user-uuid-here",
"name": "Jane Smith",
"email": "jane.smith@example.com"
},
"team": "operation",
"createdAt": "2025-07-09T08:15:00.000Z",
"updatedAt": "2025-07-10T11:45:00.000Z",
"dueDate": "2025-07-15T18:00:00.000Z",
"slaStatus": "on_track"
}
],
"pagination": {
"total": 156,
"top": 30,
"offset": 0,
"hasMore": true
},
"module": "ticketing",
"type": "template"
},
"timestamp": "2025-07-10T12:34:56.789Z"
}`;

const SEED_ERROR_RESPONSE = `{
"success": false,
"error": {
"code": "INVALID_FILTER",
"message": "Invalid filter configuration",
"details": "The operator 'INVALID_OP' is not supported. Supported operators: EQ, NE, GT, GE, LT, LE, LIKE, IN"
},
"timestamp": "2025-07-10T12:34:56.789Z"
}`;

// Seed 003 "Example Request Body", verbatim.
const SEED_REQUEST_BODY = `{
"search": "",
"top": 30,
"offset": 0,
"sort": "updatedAt",
"searchOrder": "DESC",
"sortOrder": [],
"filter": {
"op": "AND",
"operand": [
{
"id": "bc6f4312-d421-4ee7-89c4-0b7e3af7e22f",
"op": "GE",
"column": "createdAt",
"operand": "2025-07-08T18:30:00.000Z"
}
]
}
}`;

describe("seed 003's example request", () => {
  it('is what the adapter sends for the same question, up to the condition id', () => {
    const body = toListBody({
      filter: { createdAfter: new Date('2025-07-08T18:30:00.000Z') },
      order: { field: 'UPDATED_AT', direction: 'DESC' },
      offset: 0,
      limit: 30,
    });
    const seed = JSON.parse(SEED_REQUEST_BODY) as { filter: { operand: { id: string }[] } };
    const ours = structuredClone(body)!;
    for (const condition of [...seed.filter.operand, ...ours.filter.operand]) condition.id = 'id';
    expect(ours).toEqual(seed);
  });
});

describe("seed 003's sample records", () => {
  const page = TmListResponse.parse(JSON.parse(SEED_SUCCESS_RESPONSE));
  const [vpn, install] = readTickets('tm', page.data.tickets);

  it('reads the envelope', () => {
    expect(page.data.pagination).toEqual({ total: 156, top: 30, offset: 0, hasMore: true });
    expect(page.data.tickets).toHaveLength(2);
  });

  it('maps TKT-2025-001234 field by field', () => {
    expect(vpn).toBeDefined();
    expect(vpn!.sourceKey).toBe('tm');
    expect(vpn!.number).toBe('TKT-2025-001234');
    expect(vpn!.title).toBe('Unable to access VPN');
    expect(vpn!.description).toBe('User is experiencing connectivity issues with the corporate VPN.');
    expect(vpn!.status).toBe('OPEN');
    expect(vpn!.nativeStatus).toBe('open');
    expect(vpn!.priority).toBe('HIGH');
    expect(vpn!.nativePriority).toBe('high');
    expect(vpn!.creator).toEqual({ id: 'user-uuid-here', name: 'John Doe', email: 'john.doe@example.com' });
    expect(vpn!.assignee).toEqual({ id: '1876278a-3634-4833-b73e-1536d806e117', name: 'Deepak Purohit', email: 'deepak.purohit@example.com' });
    expect(vpn!.createdAt.toISOString()).toBe('2025-07-09T10:30:00.000Z');
    expect(vpn!.updatedAt.toISOString()).toBe('2025-07-10T14:22:00.000Z');
    expect(vpn!.closedAt).toBeNull();
    expect(vpn!.tags).toEqual(['Network', 'VPN']);
    expect(vpn!.topicKey).toBeNull();
    expect(vpn!.url).toBeNull();
    expect(vpn!.vote).toBeNull();
    // Fields with no unified home stay in raw.
    expect(vpn!.raw).toMatchObject({ team: 'operation', dueDate: '2025-07-12T18:00:00.000Z', slaStatus: 'on_track' });
  });

  it('maps TKT-2025-001235 field by field', () => {
    expect(install!.number).toBe('TKT-2025-001235');
    expect(install!.title).toBe('Software installation request');
    expect(install!.description).toBe('Request to install Adobe Creative Suite on workstation.');
    expect(install!.status).toBe('IN_PROGRESS');
    expect(install!.nativeStatus).toBe('in_progress');
    expect(install!.priority).toBe('NORMAL');
    expect(install!.nativePriority).toBe('medium');
    expect(install!.creator).toEqual({ id: 'user-uuid-here', name: 'Jane Smith', email: 'jane.smith@example.com' });
    expect(install!.assignee).toEqual({ id: 'agent-uuid-here', name: 'Support Agent', email: 'support.agent@example.com' });
    expect(install!.createdAt.toISOString()).toBe('2025-07-09T08:15:00.000Z');
    expect(install!.updatedAt.toISOString()).toBe('2025-07-10T11:45:00.000Z');
    expect(install!.tags).toEqual(['Software', 'Installation']);
  });

  it('reads the error example as an error envelope, not a page', () => {
    const body = JSON.parse(SEED_ERROR_RESPONSE) as unknown;
    expect(TmListResponse.safeParse(body).success).toBe(false);
    expect(TmErrorResponse.parse(body).error).toEqual({
      code: 'INVALID_FILTER',
      message: 'Invalid filter configuration',
      details: "The operator 'INVALID_OP' is not supported. Supported operators: EQ, NE, GT, GE, LT, LE, LIKE, IN",
    });
  });
});
