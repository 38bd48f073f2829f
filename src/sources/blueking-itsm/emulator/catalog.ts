/** Static material for the seeded BlueKing ITSM data: people, services, wording. */

export interface User {
  username: string;
  display: string;
}

export const USERS: readonly User[] = [
  { username: 'admin', display: 'Administrator' },
  { username: 'zhangsan', display: 'Zhang San' },
  { username: 'lisi', display: 'Li Si' },
  { username: 'wangwu', display: 'Wang Wu' },
  { username: 'zhaoliu', display: 'Zhao Liu' },
  { username: 'sunqi', display: 'Sun Qi' },
  { username: 'zhouba', display: 'Zhou Ba' },
  { username: 'wujiu', display: 'Wu Jiu' },
  { username: 'chenjie', display: 'Chen Jie' },
  { username: 'linfeng', display: 'Lin Feng' },
  { username: 'huangwei', display: 'Huang Wei' },
  { username: 'liuyang', display: 'Liu Yang' },
  { username: 'yangmin', display: 'Yang Min' },
  { username: 'xuqiang', display: 'Xu Qiang' },
  { username: 'guojing', display: 'Guo Jing' },
  { username: 'tangli', display: 'Tang Li' },
];

/** Who handles tickets (current-step processors); the rest mostly file them. */
export const OPERATORS = ['admin', 'wangwu', 'zhaoliu', 'chenjie', 'linfeng', 'huangwei'] as const;

export interface Service {
  id: number;
  catalogId: number;
  flowId: number;
  name: string;
  desc: string;
  serviceType: 'request' | 'change' | 'incident' | 'question';
  /** Nodes after "Submit", in order; the last is the requester's confirmation. */
  nodes: readonly string[];
  titles: readonly string[];
}

export const SERVICES: readonly Service[] = [
  {
    id: 11, catalogId: 3, flowId: 21, name: 'Server resource application', desc: 'Apply for CVM / physical servers', serviceType: 'request',
    nodes: ['Leader approval', 'Resource delivery', 'Confirm'],
    titles: ['Apply for server resources for {project}', 'Apply for {n} CVM instances ({spec}) for {project}', 'Expand {project} cluster by {n} nodes', 'Apply for GPU server for {project} model training'],
  },
  {
    id: 12, catalogId: 3, flowId: 22, name: 'VPN access', desc: 'Remote access to the office network', serviceType: 'request',
    nodes: ['Leader approval', 'Security review', 'Account opening'],
    titles: ['VPN access request', 'VPN access request for new hire {user}', 'Extend VPN access for {project} contractors', 'VPN cannot connect from home network'],
  },
  {
    id: 13, catalogId: 4, flowId: 23, name: 'Database permission change', desc: 'MySQL / Redis / MongoDB grants', serviceType: 'change',
    nodes: ['DBA approval', 'Grant execution', 'Confirm'],
    titles: ['MySQL permission change for {project}', 'Grant read-only access on {db} to {user}', 'Revoke write access on {db}', 'Redis cluster ACL update for {project}'],
  },
  {
    id: 14, catalogId: 5, flowId: 24, name: 'Incident report', desc: 'Report a production fault', serviceType: 'incident',
    nodes: ['Triage', 'Handling', 'Confirm'],
    titles: ['Disk full on {host}', 'High CPU alarm on {host}', '{project} API returns 502', 'Nginx upstream timeout on {host}', 'Log collection stopped for {project}', 'Certificate expiring on {domain}'],
  },
  {
    id: 15, catalogId: 3, flowId: 25, name: 'Account & SSO', desc: 'Accounts, SSO and permissions', serviceType: 'request',
    nodes: ['Leader approval', 'Account opening'],
    titles: ['SSO login fails for {user}', 'Reset 2FA token for {user}', 'Create BlueKing account for {user}', 'Add {user} to {project} project permissions'],
  },
  {
    id: 16, catalogId: 4, flowId: 26, name: 'Network change', desc: 'Firewall, DNS and load balancer changes', serviceType: 'change',
    nodes: ['Change review', 'Change execution', 'Confirm'],
    titles: ['Open firewall port {port} for {project}', 'Add DNS record {domain}', 'CLB listener change for {project}', 'Whitelist partner IPs for {project}'],
  },
  {
    id: 17, catalogId: 6, flowId: 27, name: 'Office & procurement', desc: 'Equipment, software licences, invoices', serviceType: 'request',
    nodes: ['Leader approval', 'Procurement', 'Confirm'],
    titles: ['Laptop replacement for {user}', 'Purchase {n} software licences for {project}', 'Invoice reimbursement for {project} cloud costs', 'Monitor request for {user}'],
  },
  {
    id: 18, catalogId: 5, flowId: 28, name: 'Consultation', desc: 'Questions to the ops team', serviceType: 'question',
    nodes: ['Answer'],
    titles: ['How to apply for a test environment?', 'Question about {project} release window', 'Where to find {project} monitoring dashboards?'],
  },
];

export const PROJECTS = ['bk-monitor', 'payment-gateway', 'game-login', 'data-platform', 'cmdb', 'job-platform', 'ai-lab', 'mall-backend'] as const;
export const HOSTS = ['10.0.1.23', 'db-master-02', 'gz-web-07', 'sh-cache-11', 'log-agent-04', '10.12.8.150'] as const;
export const DATABASES = ['order_db', 'user_center', 'report_ro', 'game_stat'] as const;
export const DOMAINS = ['api.example.cn', 'pay.example.cn', 'cdn.example.cn', 'sso.example.cn'] as const;
export const SPECS = ['4C8G', '8C16G', '16C32G', '32C64G'] as const;

export const SUSPEND_REASONS = ['Waiting for budget approval', 'Waiting for vendor delivery', 'Requester on leave', 'Blocked by change freeze'] as const;
export const TERMINATE_REASONS = ['Duplicate ticket', 'Requirement cancelled', 'Handled offline', 'Wrong service selected'] as const;
export const NODE_ACTIONS = ['approve', 'submit', 'deliver', 'claim', 'distribute'] as const;
export const RATING_TEXTS = ['Fast and helpful', 'Solved quickly, thanks', 'OK', 'Took longer than expected', 'Had to follow up several times', 'Great support from the ops team'] as const;
export const DESCRIPTIONS = [
  'Business: {project}. Please handle before the weekend release.',
  'Needed for {project} capacity planning; the team lead has agreed.',
  'Affects {project} production traffic; monitoring screenshot attached.',
  'Requested by {user} for the {project} migration.',
] as const;

export function displayName(username: string): string {
  return USERS.find((u) => u.username === username)?.display ?? username;
}
