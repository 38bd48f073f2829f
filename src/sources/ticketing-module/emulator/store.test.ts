import { describe, expect, it } from 'vitest';
import { createTicketingStore } from './store.js';

const NOW = new Date('2025-09-01T00:00:00.000Z');
// Seed 003's numbers look like "TKT-2025-001234"; written here, not taken from the adapter.
const SEED_NUMBER = /^TKT-\d{4}-\d{6}$/;

describe('ticketing-module store at scale', () => {
  it('keeps the default demo tenant at 320 tickets', () => {
    expect(createTicketingStore(7, NOW).demo.tickets).toHaveLength(320);
  });

  it('seeds 5,000 tickets deterministically in well under a second', () => {
    const started = performance.now();
    const store = createTicketingStore(7, NOW, 5000);
    expect(performance.now() - started).toBeLessThan(1000);
    const tickets = store.demo.tickets;
    expect(tickets).toHaveLength(5000);
    expect(new Set(tickets.map((t) => t.ticketNumber)).size).toBe(5000);
    expect(new Set(tickets.map((t) => t.createdAt)).size).toBe(5000);
    expect(tickets.every((t) => SEED_NUMBER.test(t.ticketNumber))).toBe(true);
    expect(tickets.every((t) => Date.parse(t.createdAt) < NOW.getTime() && Date.parse(t.updatedAt) >= Date.parse(t.createdAt))).toBe(true);
    expect(createTicketingStore(7, NOW, 5000).demo.tickets).toEqual(tickets);
    expect(createTicketingStore(8, NOW, 5000).demo.tickets[0]).not.toEqual(tickets[0]);
    // The second tenant is not resized.
    expect(store.tenants[1]!.tickets).toHaveLength(60);
  });

  it('adds tickets after seeding, newest last, with the next number', () => {
    const store = createTicketingStore(7, NOW, 10);
    const added = store.addTicket({ subject: 'Printer on fire' });
    expect(store.demo.tickets).toHaveLength(11);
    expect(store.demo.tickets.at(-1)).toBe(added);
    expect(added.ticketNumber).toMatch(SEED_NUMBER);
    expect(added.ticketNumber.endsWith('-001011')).toBe(true);
    expect(Date.parse(added.createdAt)).toBe(Date.parse(store.demo.tickets[9]!.createdAt) + 1000);
  });
});
