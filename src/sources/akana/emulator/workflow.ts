/**
 * The platform's ticket vocabulary as the emulator knows it, written from the vendor docs on
 * the emulator's side (never imported from the adapter), so a wrong adapter table fails a test.
 *
 * - States: seed "State … For valid values, see Ticket State Values"; the sample records say
 *   `OPEN`; a reopened ticket is `REOPEN`, a resolved one `RESOLVED`, a closed one `CLOSED`.
 * - Actions: docs of POST /api/tickets/{TicketID}/actions, sample body
 *   `{"ActionName":"ticket.action.resolve", …}`; close and reopen follow the same naming.
 * - Labels: seed `"Label" : [ "com.soa.ticket.label.priority.high" ]` ("a ticket label
 *   indicating a ticket priority").
 */
export const STATES = ['OPEN', 'REOPEN', 'RESOLVED', 'CLOSED'] as const;
export type State = (typeof STATES)[number];

export const ACTIONS = ['ticket.action.resolve', 'ticket.action.close', 'ticket.action.reopen'] as const;
export type ActionName = (typeof ACTIONS)[number];

/** For each state, the actions the tenant admin may run and where each leads. */
export const WORKFLOW: Record<State, Partial<Record<ActionName, State>>> = {
  OPEN: { 'ticket.action.resolve': 'RESOLVED', 'ticket.action.close': 'CLOSED' },
  REOPEN: { 'ticket.action.resolve': 'RESOLVED', 'ticket.action.close': 'CLOSED' },
  RESOLVED: { 'ticket.action.close': 'CLOSED', 'ticket.action.reopen': 'REOPEN' },
  CLOSED: { 'ticket.action.reopen': 'REOPEN' },
};

export function actionsIn(state: State): ActionName[] {
  return Object.keys(WORKFLOW[state]) as ActionName[];
}

export const LABELS = [
  'com.soa.ticket.label.priority.high',
  'com.soa.ticket.label.priority.medium',
  'com.soa.ticket.label.priority.low',
] as const;
