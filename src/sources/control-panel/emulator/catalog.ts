/**
 * The words the seeded data is made of: a hosting provider's Control panel, where a client
 * opens tickets about servers, domains, mail and invoices. Each summary comes with the first
 * message a client would write, so search (`q`) finds tickets by their description too.
 */

export interface TopicEntry {
  key: string;
  name: string;
}

/** `GET /topics`; `topic_key` on create must be one of these keys. */
export const TOPICS: readonly TopicEntry[] = [
  { key: 'billing', name: 'Billing and payments' },
  { key: 'network', name: 'Network and connectivity' },
  { key: 'accounts', name: 'Accounts and access' },
  { key: 'hosting', name: 'Servers and hosting' },
  { key: 'dns', name: 'Domains and DNS' },
  { key: 'email', name: 'Email' },
  { key: 'security', name: 'Security and abuse' },
  { key: 'other', name: 'Other questions' },
];

export interface TicketTemplate {
  topic: string;
  summary: string;
  description: string;
}

// Placeholders: {host} {host2} {domain} {ip} {inv} {plan} {region} {mailbox} {user} {project}
export const TEMPLATES: readonly TicketTemplate[] = [
  { topic: 'hosting', summary: 'VPS {host} does not respond after reboot', description: 'I rebooted {host} from the panel about an hour ago and it never came back. The console shows a black screen and ping to {ip} times out. Can you check the hypervisor?' },
  { topic: 'hosting', summary: 'Disk full on {host}', description: 'The root disk on {host} is at 100% and MySQL stopped writing. Can you extend the volume by 50 GB without a reboot, or tell me how to do it myself?' },
  { topic: 'hosting', summary: 'Upgrade {host} to {plan}', description: 'Please move {host} to the {plan} plan. We need more RAM for the Java services; a short downtime at night is fine.' },
  { topic: 'hosting', summary: 'High CPU steal on {host}', description: 'top shows 30-40% steal time on {host} since yesterday evening. Our application latency doubled. Is the host node overloaded?' },
  { topic: 'hosting', summary: 'Kernel panic on {host} after update', description: 'After apt upgrade and a reboot {host} stops with a kernel panic (unable to mount root fs). I need the rescue image to roll back the kernel.' },
  { topic: 'hosting', summary: 'Restore backup of {host} from last night', description: 'A deploy went wrong on {host}. Please restore the snapshot from last night to a new server so we can copy the data back.' },
  { topic: 'hosting', summary: 'Dedicated server {host}: failed drive in RAID', description: 'mdadm reports a degraded array on {host}; /dev/sdb has SMART errors. Please schedule a drive replacement.' },
  { topic: 'hosting', summary: 'Cannot mount network volume on {host}', description: 'The new network volume attached to {host} is not visible in lsblk. Do I need to rescan the SCSI bus or is the attach still pending?' },
  { topic: 'dns', summary: 'DNS records for {domain} not propagating', description: 'I changed the A record of {domain} to {ip} six hours ago, but your name servers still return the old address.' },
  { topic: 'dns', summary: 'Transfer {domain} to your registrar', description: 'We would like to transfer {domain} to you. The auth code is ready; what are the steps and how long does it take?' },
  { topic: 'dns', summary: 'Enable DNSSEC for {domain}', description: 'Please enable DNSSEC signing for the zone {domain} and tell me which DS record to publish at the registry.' },
  { topic: 'dns', summary: 'PTR record for {ip}', description: 'Please set the reverse DNS of {ip} to mail.{domain}. We send transactional mail from this address.' },
  { topic: 'dns', summary: 'Wildcard record for {domain} is ignored', description: 'A wildcard *.{domain} record exists in the zone but subdomains return NXDOMAIN.' },
  { topic: 'billing', summary: 'Invoice {inv} charged twice', description: 'Our card was charged twice for invoice {inv}. Please refund the duplicate payment.' },
  { topic: 'billing', summary: 'Refund for unused period on {host}', description: 'We deleted {host} in the middle of the month. Is the unused part of the prepaid period refunded to the balance?' },
  { topic: 'billing', summary: 'Switch payment method to bank transfer', description: 'Our finance department wants to pay by bank transfer instead of card from next month on. Please send the contract amendment.' },
  { topic: 'billing', summary: 'VAT number missing on invoice {inv}', description: 'Invoice {inv} does not show our VAT number although it is in the account profile. We need a corrected invoice.' },
  { topic: 'billing', summary: 'Prepaid balance not credited', description: 'We paid by bank transfer three days ago (reference {inv}) but the balance in the panel has not changed.' },
  { topic: 'email', summary: 'Mail from {domain} lands in spam', description: 'Messages sent from {domain} end up in spam at Gmail and Outlook. Could you check the SPF and DKIM setup?' },
  { topic: 'email', summary: 'SMTP port 25 blocked on {host}', description: 'Outgoing connections to port 25 from {host} time out. We run our own mail relay and need the port opened.' },
  { topic: 'email', summary: 'Mailbox quota exceeded for {mailbox}', description: 'The mailbox {mailbox} rejects new mail because the quota is exceeded. Please raise it to 20 GB.' },
  { topic: 'email', summary: 'Set up DKIM for {domain}', description: 'Please generate a DKIM key for {domain} on your mail service and tell me which TXT record to add.' },
  { topic: 'network', summary: 'Packet loss to {host} from {region}', description: 'Users in {region} report timeouts. mtr to {ip} shows 15% loss at the third hop inside your network.' },
  { topic: 'network', summary: 'Private network between {host} and {host2} is down', description: 'Since this morning {host} cannot reach {host2} over the private network; the public interfaces work.' },
  { topic: 'network', summary: 'Additional IPv4 address for {host}', description: 'We need one more public IPv4 address on {host} for a second TLS site. Please add it and tell me the price.' },
  { topic: 'network', summary: 'Floating IP not moved to {host2}', description: 'I reassigned the floating IP {ip} from {host} to {host2} in the panel, but traffic still goes to the old server.' },
  { topic: 'network', summary: 'VPN tunnel to office drops every hour', description: 'The IPsec VPN between {host} and our office in {region} drops every 60 minutes and needs a restart.' },
  { topic: 'accounts', summary: 'Lost 2FA device, cannot log in', description: 'I lost my phone with the authenticator app and cannot log in to the control panel. How can I reset 2FA for my account?' },
  { topic: 'accounts', summary: 'Add user {user} to project {project}', description: 'Please give {user} read-only access to the project {project}; the invitation email never arrived.' },
  { topic: 'accounts', summary: 'SSO login fails with invalid SAML signature', description: 'Since we rotated our IdP certificate, SSO to the panel fails with "invalid SAML signature". The new certificate is uploaded.' },
  { topic: 'accounts', summary: 'Change account owner email', description: 'The former owner of the account left the company. Please change the owner email to {mailbox}.' },
  { topic: 'accounts', summary: 'API token for project {project} stopped working', description: 'Our Terraform runs fail with 401 since yesterday. The API token for {project} was not changed on our side.' },
  { topic: 'security', summary: 'Abuse report: port scan from {ip}', description: 'We received your abuse notice about port scans from {ip}. The server has been isolated; please tell us the log excerpts.' },
  { topic: 'security', summary: 'DDoS on {ip}, please enable protection', description: 'Our site on {ip} is under a SYN flood since 14:00, inbound traffic is about 8 Gbit/s. Please enable DDoS protection.' },
  { topic: 'security', summary: 'SSL certificate renewal failed for {domain}', description: 'The automatic Let\'s Encrypt renewal for {domain} failed, the certificate expires in five days.' },
  { topic: 'security', summary: 'Suspicious SSH logins on {host}', description: 'auth.log on {host} shows successful logins from an unknown address at night. We rotated keys; can you share flow logs?' },
  { topic: 'other', summary: 'Question about the SLA for dedicated servers', description: 'What are the guaranteed response and replacement times for hardware failures on dedicated servers?' },
  { topic: 'other', summary: 'Data processing agreement request', description: 'Our legal team needs a signed data processing agreement (GDPR art. 28). Where can we get it?' },
  { topic: 'other', summary: 'Feature request: scheduled snapshots', description: 'It would help a lot to schedule snapshots from the panel (e.g. daily at 03:00, keep 7).' },
];

/** Tickets support opens on the client's behalf (`is_client_author: false`). */
export const STAFF_TEMPLATES: readonly TicketTemplate[] = [
  { topic: 'security', summary: 'Abuse complaint: outgoing port scan from {ip}', description: 'We received complaints about port scans originating from {ip}. Please investigate within 24 hours, otherwise the address will be blocked.' },
  { topic: 'hosting', summary: 'Planned maintenance of the host node of {host}', description: 'The host node of {host} needs a firmware update. We will live-migrate the server; a reboot may be required. Please tell us a convenient window.' },
  { topic: 'billing', summary: 'Invoice {inv} is overdue', description: 'Invoice {inv} is 14 days overdue. Please pay it to avoid suspension of the services.' },
  { topic: 'dns', summary: 'Domain {domain} expires in 30 days', description: 'The registration of {domain} expires in 30 days and auto-renewal is off. Do you want us to renew it?' },
];

export const HOSTS = ['web-01', 'web-02', 'db-main', 'db-replica', 'cache-01', 'build-runner', 'vpn-gw', 'mail-relay', 'k8s-node-3', 'backup-01', 'shop-prod', 'crm-app'];
export const DOMAINS = ['acme-shop.example', 'northwind.example', 'fabrikam.example', 'contoso-labs.example', 'blue-river.example', 'tailspin.example'];
export const PLANS = ['Standard 4 vCPU / 16 GB', 'Memory 8 vCPU / 64 GB', 'CPU-optimized 16 vCPU', 'Standard 2 vCPU / 8 GB'];
export const REGIONS = ['Frankfurt', 'Amsterdam', 'Helsinki', 'Warsaw', 'Riga', 'Stockholm'];
export const PEOPLE = ['anna.k', 'dmitry.s', 'maria.l', 'john.d', 'lena.p', 'oleg.v'];
export const PROJECTS = ['production', 'staging', 'analytics', 'internal-tools'];

/** Who the client signs as; many tickets have none. */
export const ALIASED_NAMES = ['Anna Kowalska', 'DevOps team', 'Dmitry S.', 'Finance department', 'Maria Lopez', 'John Doe (CTO)'];
export const CLIENT_EMAILS = ['ops@acme-shop.example', 'billing@acme-shop.example', 'admin@northwind.example', 'devops@fabrikam.example', 'cto@contoso-labs.example'];

export const STAFF_REPLIES: readonly string[] = [
  'Thank you for the report. We are looking into it and will get back to you shortly.',
  'Could you please send the output of `ip a` and `mtr` from the affected server?',
  'We have checked the host node: it is healthy. Please confirm the problem persists on your side.',
  'The issue was caused by a faulty switch port in the rack. It has been replaced; please check again.',
  'We have applied the change. It may take up to 30 minutes to take effect.',
  'Please try a hard reboot from the panel and tell us whether the server comes back.',
  'We have escalated the ticket to our network engineers.',
  'The refund has been issued to your balance; it will appear in the panel within an hour.',
  'Please confirm that the issue is resolved so that we can close the ticket.',
  'Unfortunately this is not possible on the current plan. We can offer a migration to a dedicated server.',
  'We need a confirmation from the account owner before making this change.',
  'A corrected document has been uploaded to the Documents section of the panel.',
];

export const CLIENT_REPLIES: readonly string[] = [
  'Thanks, I will check and come back to you.',
  'Here is the output you asked for, see the attached files.',
  'The problem is still there, nothing has changed.',
  'Any update on this? It is affecting our customers.',
  'Confirmed, it works now. Thank you!',
  'We did a reboot, same behaviour.',
  'Can you give an estimate for when this will be fixed?',
  'I am the account owner and I confirm the change.',
  'Sorry for the delay, here are the details.',
  'It happened again tonight around 02:00 UTC.',
];

export const VOTE_COMMENTS = ['Fast and helpful, thanks!', 'Took too long to get a real answer.', 'Solved, great support.', 'Had to ask three times.', 'Excellent, the engineer explained everything.'];
