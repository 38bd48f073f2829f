/**
 * The people, APIs, apps and words the emulator's tenant (`acmepaymentscorp`, the seed's
 * own example) is made of. IDs follow the seed's `{uuid}.{fedmemberid}` form; the admin user
 * and the Payments API 1.0 IDs are the seed's own.
 */
export const FED_MEMBER_ID = 'acmepaymentscorp';

export interface EmulatedUser {
  id: string;
  name: string;
  /** Support staff answer tickets; developers file them. */
  support: boolean;
}

export const ADMIN: EmulatedUser = { id: `a71553bd-5ac5-4230-aa6d-c315bae0f781.${FED_MEMBER_ID}`, name: 'adminAcmepaymentscorp', support: true };

export const USERS: readonly EmulatedUser[] = [
  ADMIN,
  { id: `3f0c9a12-7b41-4d7e-9c11-0a5be2d4e871.${FED_MEMBER_ID}`, name: 'Dana Whitfield', support: true },
  { id: `8c2e77d0-1f93-4b6a-b0d4-51e9a0c3f2aa.${FED_MEMBER_ID}`, name: 'Kenji Watanabe', support: true },
  { id: `0b6f4e21-93ac-4c58-8e7f-2d10c9b7a654.${FED_MEMBER_ID}`, name: 'Priya Raman', support: false },
  { id: `d41e8a6c-25f7-4a90-b3c2-7e6f15d0b918.${FED_MEMBER_ID}`, name: 'Marco Bellini', support: false },
  { id: `5a9d3c70-e812-4f6b-a4d1-98c02b7e3f45.${FED_MEMBER_ID}`, name: 'Aisha Okafor', support: false },
  { id: `e7b20f19-4c3d-4e85-9a6f-c1d8b5203e7c.${FED_MEMBER_ID}`, name: 'Tomasz Nowak', support: false },
  { id: `2c8a5e4b-0d17-4b3f-86e9-f4a71c6d0b23.${FED_MEMBER_ID}`, name: 'Chen Wei', support: false },
  { id: `96f1d0a7-3b28-4c6e-b5d9-0e4c8a2f71b6.${FED_MEMBER_ID}`, name: 'Laura Gómez', support: false },
  { id: `c3e9b8f2-6a05-4d71-9f0e-5b2d7c41a8e9.${FED_MEMBER_ID}`, name: 'Ravi Menon', support: false },
];

export interface EmulatedApi {
  name: string;
  apiId: string;
  version: string;
  /** The API version's ID: the `APIID` a ticket is filed under. */
  versionId: string;
}

export const APIS: readonly EmulatedApi[] = [
  { name: 'ACME Payments API', apiId: `b28f3b3b-4c54-4ccf-a4db-55abc7a467f0.${FED_MEMBER_ID}`, version: '1.0', versionId: `037a3fad-45ba-4126-aae4-84a9dadae89e.${FED_MEMBER_ID}` },
  { name: 'ACME Payments API', apiId: `b28f3b3b-4c54-4ccf-a4db-55abc7a467f0.${FED_MEMBER_ID}`, version: '2.0', versionId: `ecbf7010-abcf-41f8-9f52-1c02b3a51984.${FED_MEMBER_ID}` },
  { name: 'Accounts API', apiId: `41d7c2e0-8b3a-4f19-a6e2-0c9d5b7f3a18.${FED_MEMBER_ID}`, version: '1.0', versionId: `7a2e9c41-5d06-4b8f-91c3-e8f0a4d26b57.${FED_MEMBER_ID}` },
  { name: 'FX Rates API', apiId: `fa03b6d9-2e7c-4a51-8d94-6c1e0b3f7a25.${FED_MEMBER_ID}`, version: '1.1', versionId: `1e5c8b2a-9f34-4d07-a6b1-3c7e2d9f0a84.${FED_MEMBER_ID}` },
  { name: 'Notifications API', apiId: `6b8e1f4c-0a29-4d73-b5e6-9f2c3a7d1e05.${FED_MEMBER_ID}`, version: '1.0', versionId: `c90d2a7e-4b15-4f8c-83a6-d1e7f05b2c39.${FED_MEMBER_ID}` },
  { name: 'Identity API', apiId: `2d4f7a9b-c136-4e08-9b2d-a5f80e1c6d73.${FED_MEMBER_ID}`, version: '3.0', versionId: `84b1e6f3-7c20-4a95-bd48-0f3a9c2e5d16.${FED_MEMBER_ID}` },
  { name: 'Loyalty Points API', apiId: `e15a0c8d-6f42-4b97-a3d0-7b9e1f2c4a68.${FED_MEMBER_ID}`, version: '1.2', versionId: `5f7d3b0e-a8c1-4e26-9d5f-2b4a6c8e0f91.${FED_MEMBER_ID}` },
];

/**
 * APIs tickets can be filed under but that no seeded ticket uses (so the seeded data stays as
 * it was): the API version of the docs' create sample (`m_tickets_submitTicket.htm`,
 * `"APIID":"7900ce71-62f7-4113-9e12-0e569a819cda.acmepaymentscorp"`).
 */
export const FILING_ONLY_APIS: readonly EmulatedApi[] = [
  { name: 'Security API', apiId: `5d2e8a41-0c7b-4f39-b6a2-91e3d7f0c58b.${FED_MEMBER_ID}`, version: '1.0', versionId: `7900ce71-62f7-4113-9e12-0e569a819cda.${FED_MEMBER_ID}` },
];

export const KNOWN_APIS: readonly EmulatedApi[] = [...APIS, ...FILING_ONLY_APIS];

export interface EmulatedApp {
  name: string;
  appId: string;
}

export const APPS: readonly EmulatedApp[] = [
  { name: 'Checkout Web', appId: `0d3a6f91-b2c8-4e57-a1d4-96e0c7b35f2a.${FED_MEMBER_ID}` },
  { name: 'Mobile Wallet iOS', appId: `7e1b4c8a-3d95-4f06-b2e7-c5a08d6f1e43.${FED_MEMBER_ID}` },
  { name: 'Mobile Wallet Android', appId: `a4c7e0b2-6f18-4d39-8e5a-1b9d3f7c2e60.${FED_MEMBER_ID}` },
  { name: 'Merchant Portal', appId: `3b9f2d6e-c471-4a8b-95f0-e2d6a1c84b7d.${FED_MEMBER_ID}` },
  { name: 'Partner Reconciliation', appId: `f6e2a9c3-1b87-4d54-a0c9-5d3f8e1b6a72.${FED_MEMBER_ID}` },
  { name: 'Fraud Scoring Service', appId: `9c5d1e7f-8a26-4b3e-b7f1-0a4e6c2d9f58.${FED_MEMBER_ID}` },
  { name: 'Statement Exporter', appId: `1a8e4b6d-5c93-4f20-9e7b-d3c1f0a5e284.${FED_MEMBER_ID}` },
];

export interface TitleTemplate {
  title: string;
  body: string;
  tags: readonly string[];
  markdown?: boolean;
}

/** `{api}`, `{app}`, `{env}` are filled per ticket. */
export const TITLES: readonly TitleTemplate[] = [
  { title: 'OAuth token expired for app {app}', body: 'Access tokens issued to {app} stop working after about 10 minutes instead of the documented hour. Calls to {api} then fail with 401 invalid_token.', tags: ['oauth', 'token'] },
  { title: 'Rate limit exceeded on {api}', body: 'We get HTTP 429 from {api} in {env} at roughly 40 requests per second although our contract allows 100.', tags: ['rate-limit', 'quota'] },
  { title: '401 Unauthorized from {api} after key rotation', body: 'We rotated the shared secret for {app} yesterday. Since then every call to {api} answers 401.', tags: ['security', 'api-key'] },
  { title: 'Sandbox {api} returns 500 on POST', body: 'POST requests to the {api} sandbox return **500 Internal Server Error** with an empty body.\n\n**Steps**\n1. Get a sandbox token\n2. POST a minimal payload\n3. Observe the 500', tags: ['sandbox', 'bug'], markdown: true },
  { title: 'Webhook callbacks from {api} not delivered', body: 'Our endpoint has not received any callbacks from {api} since the weekend. The delivery log shows retries but no errors.', tags: ['webhook', 'notifications'] },
  { title: 'TLS handshake failure calling {api} in {env}', body: 'Clients on Java 8 fail the TLS handshake with {api} in {env}. It looks like TLS 1.0 was switched off without notice.', tags: ['tls', 'connectivity'] },
  { title: 'Contract approval pending for {app}', body: 'The contract request from {app} to {api} has been pending for a week. Who approves it?', tags: ['contract', 'onboarding'] },
  { title: 'Latency spike on {api} since last release', body: 'p95 latency of {api} went from 180 ms to over 2 s right after the last release. Graphs attached.', tags: ['performance', 'latency'] },
  { title: 'CORS error calling {api} from the browser', body: 'Browser calls from {app} to {api} are blocked: the preflight answer has no `Access-Control-Allow-Origin` header.', tags: ['cors', 'bug'], markdown: true },
  { title: 'Quota for {app} not reset at midnight UTC', body: 'The daily quota of {app} on {api} was still exhausted at 00:15 UTC, so morning batch jobs failed.', tags: ['quota', 'rate-limit'] },
  { title: 'JWT signature validation fails for {app}', body: 'Tokens minted for {app} fail signature validation at {api}: the kid in the header does not match any key in the JWKS.', tags: ['jwt', 'security'] },
  { title: 'Cannot download OpenAPI document for {api}', body: 'The "Download OpenAPI" link on the {api} documentation page returns 404.', tags: ['documentation'] },
  { title: 'API key for {app} rejected after promotion to Production', body: '{app} was promoted from Sandbox to Production today; its key is accepted in Sandbox but rejected by {api} in Production.', tags: ['api-key', 'production'] },
  { title: 'Documentation for {api} out of date', body: 'The request schema in the {api} docs still lists fields that were removed. Could the reference be regenerated?', tags: ['documentation'] },
  { title: 'Bug when using multiple payment types', body: 'When I try to use **more than one payment type** the transaction hangs up.', tags: ['bug', 'payment'], markdown: true },
  { title: 'Cannot log in after timeout', body: "After a timeout, users cannot log back in. Password reset is the only way I've been able to figure to get a user back in.", tags: ['login', 'timeout'] },
  { title: 'Intermittent 504 Gateway Timeout on {api}', body: 'About 1 in 200 calls to {api} ends in a 504 from the gateway after 30 seconds.', tags: ['timeout', 'connectivity'] },
  { title: 'Client credentials grant returns invalid_scope for {app}', body: '{app} requests the scopes listed in its contract but the token endpoint answers invalid_scope.', tags: ['oauth', 'scopes'] },
  { title: 'Pagination broken on {api} list endpoint', body: 'Requesting the second page of the {api} list endpoint returns the first page again.', tags: ['bug', 'paging'] },
  { title: 'Request higher rate limit tier for {app}', body: 'Black Friday is coming: {app} needs the Gold tier on {api} for November.', tags: ['rate-limit', 'request'] },
  { title: 'SOAP fault on legacy {api} endpoint', body: 'The legacy SOAP endpoint of {api} answers a fault "Policy Falsified" for requests that worked last month.', tags: ['soap', 'legacy'] },
  { title: 'Refresh token revoked unexpectedly for {app}', body: 'Users of {app} are logged out every few hours: refresh tokens are reported as revoked.', tags: ['oauth', 'token'] },
  { title: 'Duplicate transactions after retry on {api}', body: 'A client retry after a timeout created two transactions. Does {api} honour the Idempotency-Key header?', tags: ['payment', 'idempotency'] },
  { title: 'IP allowlist change not applied for {app}', body: 'We added our new egress IPs for {app} on Monday; {api} still rejects calls from them with 403.', tags: ['security', 'network'] },
  { title: 'Sandbox test data reset for {app}', body: 'Please reset the sandbox test accounts used by {app}; several are locked.', tags: ['sandbox', 'request'] },
];

export const REPLIES_FROM_SUPPORT: readonly string[] = [
  'Thanks for reporting this. We can reproduce it in Sandbox and are looking into it.',
  'Could you share the X-Request-ID of a failing call and the approximate time (UTC)?',
  'The token lifetime for this app is configured to 3600 seconds; please make sure the client refreshes before expiry.',
  'We deployed a fix to the gateway policy this morning. Please retry and let us know.',
  'This is a known issue in the current release; a patch is scheduled for next week.',
  'Your contract has been approved. Keys may take up to 15 minutes to propagate.',
  'We raised the limit for your app temporarily. The permanent change needs a tier upgrade.',
  'The documentation has been regenerated from the latest OpenAPI document.',
  'Escalated to the API owner team.',
  'Can you confirm which environment (Sandbox or Production) you are calling?',
];

export const REPLIES_FROM_DEVELOPER: readonly string[] = [
  'Here is a request ID from this morning: 7f3c9a1e-02b4-4d8f-9e61-5a0c2b7d4e13.',
  'Still seeing the issue after the fix, on about half of the calls.',
  'Confirmed working now, thanks!',
  'We are calling Production. Sandbox works fine.',
  'Any update on this? It is blocking our release.',
  'Attached the full response headers from a failing call.',
  'Our clock skew is under a second, so that should not be it.',
  'Thanks, that explains it. We will update our client.',
];
