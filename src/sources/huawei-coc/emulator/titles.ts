/**
 * Realistic cloud-operations incidents, and the notes people leave while handling them.
 */
import type { SeededRandom } from '../../../emulator/kit.js';

export interface IncidentText {
  title: string;
  description: string;
  type: string;
}

type Template = (r: SeededRandom, region: string) => IncidentText;

const hex = (r: SeededRandom, n: number) => Array.from({ length: n }, () => r.int(0, 15).toString(16)).join('');
const ecs = (r: SeededRandom) => `ecs-${r.pick(['web', 'api', 'batch', 'gw', 'db-proxy'])}-${r.int(1, 40).toString().padStart(2, '0')}`;
const cluster = (r: SeededRandom) => `cce-${r.pick(['prod', 'prod-b', 'staging', 'bigdata'])}-${r.int(1, 3)}`;
const rds = (r: SeededRandom) => `rds-${r.pick(['orders', 'users', 'billing', 'inventory'])}-${r.pick(['primary', 'replica'])}`;

const REL = 'inc_type_p_reliability_issues';
const CFG = 'inc_type_p_config_issues';
const SEC = 'inc_type_p_security_issues';
const NET = 'inc_type_p_network_issues';
const CAP = 'inc_type_p_capacity_issues';

const TEMPLATES: readonly Template[] = [
  (r, region) => {
    const host = ecs(r);
    return { title: `ECS instance unreachable in ${region}`, type: REL, description: `${host} (${hex(r, 8)}) stopped answering ping and SSH; the console still shows it Running. Cloud Eye agent heartbeat lost.` };
  },
  (r) => ({ title: `RDS CPU at ${r.int(90, 99)}%`, type: CAP, description: `${rds(r)} has been above 90% CPU for 15 minutes; slow query log shows a full scan on the orders table.` }),
  (r) => ({ title: `RDS for MySQL replication lag above ${r.int(30, 600)}s`, type: REL, description: `Read replica of ${rds(r)} is falling behind; reports read stale data.` }),
  (r) => ({ title: `CCE node NotReady in cluster ${cluster(r)}`, type: REL, description: 'kubelet stopped posting status; pods on the node are being evicted. Disk pressure suspected.' }),
  (r) => ({ title: `CCE pods in CrashLoopBackOff after release ${r.int(1, 9)}.${r.int(0, 30)}.${r.int(0, 9)}`, type: CFG, description: 'The new image fails its readiness probe: missing environment variable DB_POOL_SIZE.' }),
  (r) => ({ title: `ELB health check failing for listener ${r.pick([80, 443, 8080])}`, type: REL, description: 'Half of the backend servers are marked unhealthy; 502 responses seen by users.' }),
  (r) => ({ title: `OBS bucket returning 503 SlowDown`, type: CAP, description: `Bucket media-${hex(r, 4)} throttles PUT requests during the nightly import.` }),
  (r) => ({ title: `DCS Redis memory usage above ${r.int(85, 98)}%`, type: CAP, description: 'Keys without TTL from the session service keep growing; evictions started.' }),
  (r) => ({ title: `Disk full on /data of ${ecs(r)}`, type: CAP, description: 'EVS volume at 100%; application logs are not rotated since the last change.' }),
  (r, region) => ({ title: `VPN connection down between ${region} and on-prem IDC`, type: NET, description: `IPsec tunnel vpn-${hex(r, 6)} renegotiation fails; phase 2 SA mismatch.` }),
  (r, region) => ({ title: `Direct Connect link flapping in ${region}`, type: NET, description: `BGP session on dc-${hex(r, 6)} went down ${r.int(3, 20)} times in an hour.` }),
  (r) => ({ title: `SSL certificate expiring in ${r.int(1, 14)} days for api.example.com`, type: CFG, description: 'The certificate bound to the ELB listener was not renewed by the automation.' }),
  (r) => ({ title: `Kafka consumer lag above ${r.int(50, 900)}k messages`, type: CAP, description: 'DMS Kafka consumer group order-events is not keeping up after the partition change.' }),
  () => ({ title: 'DNS resolution failures for *.internal.example.com', type: NET, description: 'Private zone record set was deleted by a Terraform run; services fail to resolve peers.' }),
  () => ({ title: 'SSO login failures after IdP certificate rotation', type: CFG, description: 'IAM federation rejects SAML assertions; users cannot sign in to the console.' }),
  (r, region) => ({ title: `NAT gateway SNAT connection limit reached in ${region}`, type: CAP, description: `nat-${hex(r, 6)} drops new outbound connections; crawlers and callbacks time out.` }),
  () => ({ title: 'CDN origin pull 5xx spike for static.example.com', type: REL, description: 'Origin returns 504 on cache misses; hit ratio dropped from 96% to 70%.' }),
  () => ({ title: 'WAF blocking legitimate traffic to /api/checkout', type: SEC, description: 'A new precise-protection rule matches the payment callback payload.' }),
  (r) => ({ title: `FunctionGraph timeouts in image-resize-${r.int(1, 4)}`, type: REL, description: 'Invocations hit the 30 s timeout when fetching source images from OBS.' }),
  (r) => ({ title: `CBR backup job failed for ${ecs(r)}`, type: REL, description: 'Snapshot creation fails with "volume busy"; the last good backup is 3 days old.' }),
  () => ({ title: 'GaussDB slow queries above threshold', type: CAP, description: 'P99 latency of the reporting queries rose from 200 ms to 4 s after statistics went stale.' }),
  (r) => ({ title: `API Gateway returns 429 for app ${r.pick(['mobile', 'partner', 'mini-program'])}`, type: CFG, description: 'Request throttling policy still has the test quota of 100 calls per minute.' }),
  () => ({ title: 'Security group change opened port 22 to 0.0.0.0/0', type: SEC, description: 'Config audit flagged an inbound rule added outside the change window.' }),
  (r) => ({ title: `HSS detected brute-force attempts on ${ecs(r)}`, type: SEC, description: 'Hundreds of failed SSH logins from a small set of foreign IP addresses.' }),
  (r) => ({ title: `EIP bandwidth saturated at 100%`, type: CAP, description: `EIP 121.36.${r.int(1, 254)}.${r.int(1, 254)} is capped at 20 Mbit/s during the promotion.` }),
  (r) => ({ title: `LTS log ingestion delayed by ${r.int(5, 90)} minutes`, type: REL, description: 'Dashboards and log alarms lag behind; ICAgent buffers are filling up.' }),
  () => ({ title: 'Invoice sync job to ERP failing since last release', type: CFG, description: 'The nightly invoice export fails with HTTP 401 from the ERP endpoint.' }),
  (r) => ({ title: `SWR image pull failures in cluster ${cluster(r)}`, type: CFG, description: 'Nodes get "unauthorized" pulling from SWR; the image pull secret expired.' }),
  (r) => ({ title: `SFS Turbo mount hangs on ${ecs(r)}`, type: REL, description: 'NFS mount of the shared file system blocks I/O; processes stuck in D state.' }),
  (r) => ({ title: `CES alarm storm: ${r.int(40, 400)} alarms in 5 minutes`, type: REL, description: 'A host group lost its monitoring agent at once; most alarms are duplicates.' }),
];

export function pickIncidentText(r: SeededRandom, region: string): IncidentText {
  return r.pick(TEMPLATES)(r, region);
}

export const REMARKS: readonly string[] = [
  'Checked Cloud Eye metrics; the curve is flat since the failover.',
  'Opened a WarRoom and paged the database on-call.',
  'Impact confirmed: about 3% of checkout requests fail.',
  'Rolled back the last release of payment-gateway.',
  'Waiting for the cloud vendor to replace the faulty host.',
  'Scaled the node pool out from 6 to 9 nodes.',
  'Raised the connection limit from 20k to 50k as a stopgap.',
  'Customer success notified the three affected key accounts.',
  'Collected kubelet and containerd logs, attached to the ticket.',
  'Monitoring for another 30 minutes before committing a solution.',
  'Traffic shifted to ap-southeast-3 while the primary recovers.',
  'The change that caused this was not in the change calendar.',
];

export const SOLUTIONS: readonly string[] = [
  'Restarted the affected instance and moved it to a healthy host.',
  'Added the missing index and killed the runaway queries.',
  'Renewed the certificate and enabled auto-renewal.',
  'Restored the deleted DNS records from the Terraform state.',
  'Expanded the EVS volume and enabled log rotation.',
  'Reverted the WAF rule and added an allow-list for the callback.',
  'Increased the quota and documented the new limit.',
  'Re-established the tunnel with matching phase 2 proposals.',
];

export const CONFIRMATIONS: readonly string[] = [
  'Verified: error rate back to baseline for 24 hours.',
  'Verified with the business owner, closing.',
  'No recurrence over the weekend.',
];

export const REJECTIONS: readonly string[] = [
  'Duplicate of an incident already being handled.',
  'Not an incident: planned maintenance window.',
  'Alarm threshold misconfigured, no user impact.',
];
