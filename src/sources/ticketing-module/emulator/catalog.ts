/**
 * Word lists for the seeded helpdesk data: the kinds of tickets an IT service desk sees,
 * with the category/subcategory pairs and teams the seed's records carry ("Network"/"VPN",
 * "Software"/"Installation", team "operation").
 */

export interface TicketKind {
  subjects: readonly string[];
  category: string;
  subcategory: string;
  team: string;
  descriptions: readonly string[];
}

export const TICKET_KINDS: readonly TicketKind[] = [
  {
    subjects: ['Unable to access VPN', 'VPN disconnects every few minutes', 'VPN client shows certificate error'],
    category: 'Network',
    subcategory: 'VPN',
    team: 'network',
    descriptions: [
      'User is experiencing connectivity issues with the corporate VPN.',
      'The GlobalProtect client drops the tunnel when switching between Wi-Fi and ethernet.',
      'Connection fails at the authentication step since this morning; home broadband works fine.',
    ],
  },
  {
    subjects: ['Wi-Fi drops in meeting room 4B', 'Guest Wi-Fi portal not loading', 'Slow network on the third floor'],
    category: 'Network',
    subcategory: 'Wireless',
    team: 'network',
    descriptions: [
      'Laptops lose the wireless connection several times per hour in this area.',
      'Visitors cannot reach the captive portal page to accept the terms.',
    ],
  },
  {
    subjects: ['Laptop battery swelling', 'Laptop will not boot after update', 'Docking station not detecting monitors'],
    category: 'Hardware',
    subcategory: 'Laptop',
    team: 'field-services',
    descriptions: [
      'The trackpad is lifting and the case no longer closes flat. Device is not being used until replaced.',
      'After last night\'s firmware update the machine stops at a black screen with the fan running.',
      'External displays stay dark when the laptop is docked; they work over direct HDMI.',
    ],
  },
  {
    subjects: ['Printer on 3rd floor jamming', 'Cannot add network printer', 'Scanner emails never arrive'],
    category: 'Hardware',
    subcategory: 'Printer',
    team: 'field-services',
    descriptions: [
      'Paper jams on every second job from tray 2.',
      'The print queue is not listed when adding a printer from the self-service portal.',
    ],
  },
  {
    subjects: ['SSO login loop on Salesforce', 'MFA prompt not arriving', 'SAML error when opening the HR portal'],
    category: 'Access',
    subcategory: 'SSO',
    team: 'identity',
    descriptions: [
      'Single sign-on redirects back to the login page endlessly after entering credentials.',
      'Push notifications for multi-factor authentication stopped arriving on the new phone.',
    ],
  },
  {
    subjects: ['Account locked after password reset', 'New starter account request', 'Remove access for leaver'],
    category: 'Access',
    subcategory: 'Account',
    team: 'identity',
    descriptions: [
      'The directory account locks again within minutes of each unlock.',
      'Please create accounts and a mailbox for a new team member starting on Monday.',
      'Employee leaves on Friday: disable the account and transfer file ownership to the manager.',
    ],
  },
  {
    subjects: ['Software installation request', 'Request licence for Visio', 'Update Java runtime on workstation'],
    category: 'Software',
    subcategory: 'Installation',
    team: 'operation',
    descriptions: [
      'Request to install Adobe Creative Suite on workstation.',
      'Team lead approved the licence; please install on the user\'s laptop.',
    ],
  },
  {
    subjects: ['Outlook keeps asking for password', 'Shared mailbox not visible', 'Calendar invites arrive late'],
    category: 'Email',
    subcategory: 'Outlook',
    team: 'operation',
    descriptions: [
      'The credential prompt reappears every few minutes even after entering the correct password.',
      'The shared mailbox was granted yesterday but does not show in the folder pane.',
    ],
  },
  {
    subjects: ['Disk full on build server', 'OneDrive sync stuck', 'Restore deleted project folder'],
    category: 'Storage',
    subcategory: 'Files',
    team: 'infrastructure',
    descriptions: [
      'Builds fail with "no space left on device"; the artifacts volume is at 100%.',
      'Sync has shown "processing changes" for two days and new files are not uploaded.',
      'A folder on the team share was deleted by mistake on Tuesday; please restore from backup.',
    ],
  },
  {
    subjects: ['Invoice PDF fails to generate', 'ERP report times out', 'Expense app rejects receipts'],
    category: 'Business Applications',
    subcategory: 'Finance',
    team: 'applications',
    descriptions: [
      'Generating the monthly invoice run stops with an error for customers with more than 50 lines.',
      'The quarterly ledger report never completes and the session times out.',
    ],
  },
  {
    subjects: ['Database connection pool exhausted', 'Production API latency alert', 'SSL certificate expiring on intranet'],
    category: 'Infrastructure',
    subcategory: 'Servers',
    team: 'infrastructure',
    descriptions: [
      'Monitoring reports the application cannot open new database connections during peak hours.',
      'The certificate on the intranet site expires in 10 days and needs renewal.',
    ],
  },
];

export const FIRST_NAMES = [
  'Aisha', 'Ben', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam', 'Maya',
  'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sanjay', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe',
] as const;

export const LAST_NAMES = [
  'Anderson', 'Bauer', 'Chen', 'Dubois', 'Evans', 'Fischer', 'García', 'Hughes', 'Iyer', 'Jensen', 'Kowalski',
  'Lopez', 'Murphy', 'Nakamura', 'Okafor', 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Varga', 'Walsh', 'Zhang',
] as const;

export const TEAMS = ['network', 'field-services', 'identity', 'operation', 'infrastructure', 'applications'] as const;
