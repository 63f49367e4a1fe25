// The government of the fictional Republic of Sumwhere (seed 001): its ministries,
// national agencies, provinces and councils, with the latent capability the demo draws answers from.

export const agencySectors = [
  'finance',
  'health',
  'education',
  'justice',
  'interior',
  'economy',
  'infrastructure',
  'social',
  'environment',
  'digital',
  'general-administration',
] as const;

export type AgencySector = (typeof agencySectors)[number];
export type AgencyLevel = 'national' | 'subnational' | 'local';

/** How many officers an agency puts forward: large bodies answer with more respondents. */
export type AgencySize = 'large' | 'medium' | 'small';

export interface AgencyProfile {
  /** A stable handle: parents refer to it, and it is the agency's mail subdomain. */
  key: string;
  name: string;
  acronym: string | null;
  level: AgencyLevel;
  sector: AgencySector;
  parentKey: string | null;
  size: AgencySize;
  /** Scale points above (or below) the whole of government's typical answer. */
  maturity: number;
  /** Dimension code → extra points where this agency stands out from its own average. */
  strengths?: Readonly<Record<string, number>>;
  /** The mailbox of the focal point at `<key>.sumwhere.example`; null where nobody is named yet. */
  focalPoint: string | null;
  /** The year of the first round this agency was in scope of; absent: every round. */
  firstAssessed?: number;
}

export const mailDomain = 'sumwhere.example';

// The digital ministry, its agency, revenue and the capital lead; the seed's
// sudden wealth bought equipment everywhere, so the weak spots are elsewhere:
// small councils, remote provinces, and bodies still run on paper.
// biome-ignore format: one agency per line reads as a table and diffs line by line
export const sumwhereAgencies: readonly AgencyProfile[] = [
  // Ministries and the centre of government
  { key: 'opm', name: 'Office of the Prime Minister', acronym: 'OPM', level: 'national', sector: 'general-administration', parentKey: null, size: 'medium', maturity: 0.2, strengths: { LEA: 0.3, GOV: 0.2 }, focalPoint: 'cio' },
  { key: 'mof', name: 'Ministry of Finance', acronym: 'MOF', level: 'national', sector: 'finance', parentKey: null, size: 'large', maturity: 0.5, focalPoint: 'cio' },
  { key: 'moh', name: 'Ministry of Health', acronym: 'MOH', level: 'national', sector: 'health', parentKey: null, size: 'large', maturity: 0, focalPoint: 'cio' },
  { key: 'moe', name: 'Ministry of Education', acronym: 'MOE', level: 'national', sector: 'education', parentKey: null, size: 'large', maturity: -0.2, focalPoint: 'cio' },
  { key: 'moi', name: 'Ministry of the Interior', acronym: 'MOI', level: 'national', sector: 'interior', parentKey: null, size: 'large', maturity: -0.1, focalPoint: 'cio' },
  { key: 'moj', name: 'Ministry of Justice', acronym: 'MOJ', level: 'national', sector: 'justice', parentKey: null, size: 'medium', maturity: -0.3, strengths: { LEG: 0.4 }, focalPoint: 'cio' },
  { key: 'mofa', name: 'Ministry of Foreign Affairs', acronym: 'MOFA', level: 'national', sector: 'general-administration', parentKey: null, size: 'medium', maturity: 0.1, focalPoint: 'cio' },
  { key: 'moal', name: 'Ministry of Agriculture and Livestock', acronym: 'MOAL', level: 'national', sector: 'economy', parentKey: null, size: 'medium', maturity: -0.5, focalPoint: 'ict' },
  { key: 'motpw', name: 'Ministry of Transport and Public Works', acronym: 'MOTPW', level: 'national', sector: 'infrastructure', parentKey: null, size: 'medium', maturity: -0.3, focalPoint: 'ict' },
  { key: 'mem', name: 'Ministry of Energy and Mines', acronym: 'MEM', level: 'national', sector: 'infrastructure', parentKey: null, size: 'medium', maturity: 0.2, strengths: { TEC: 0.3, PWD: -0.2 }, focalPoint: 'cio' },
  { key: 'mole', name: 'Ministry of Labour and Employment', acronym: 'MOLE', level: 'national', sector: 'social', parentKey: null, size: 'medium', maturity: -0.4, focalPoint: 'ict' },
  { key: 'mosp', name: 'Ministry of Social Protection', acronym: 'MOSP', level: 'national', sector: 'social', parentKey: null, size: 'medium', maturity: -0.3, focalPoint: 'ict' },
  { key: 'mew', name: 'Ministry of Environment and Water', acronym: 'MEW', level: 'national', sector: 'environment', parentKey: null, size: 'medium', maturity: -0.5, focalPoint: 'ict' },
  { key: 'motc', name: 'Ministry of Tourism and Culture', acronym: 'MOTC', level: 'national', sector: 'economy', parentKey: null, size: 'medium', maturity: -0.2, focalPoint: 'ict' },
  { key: 'moti', name: 'Ministry of Trade and Industry', acronym: 'MOTI', level: 'national', sector: 'economy', parentKey: null, size: 'medium', maturity: 0.1, focalPoint: 'cio' },
  // The ministry that owns the public service knows its own staffing gaps best.
  { key: 'mops', name: 'Ministry of Public Service', acronym: 'MOPS', level: 'national', sector: 'general-administration', parentKey: null, size: 'medium', maturity: -0.2, strengths: { PWD: 0.4 }, focalPoint: 'cio' },
  { key: 'moda', name: 'Ministry of Digital Affairs', acronym: 'MODA', level: 'national', sector: 'digital', parentKey: null, size: 'medium', maturity: 0.9, strengths: { STR: 0.3, LEA: 0.2 }, focalPoint: 'cio' },

  // National agencies under a ministry
  { key: 'sra', name: 'Sumwhere Revenue Authority', acronym: 'SRA', level: 'national', sector: 'finance', parentKey: 'mof', size: 'large', maturity: 0.9, strengths: { GOV: 0.2 }, focalPoint: 'cio' },
  { key: 'customs', name: 'Sumwhere Customs Service', acronym: 'SCS', level: 'national', sector: 'finance', parentKey: 'mof', size: 'medium', maturity: 0.4, focalPoint: 'cio' },
  { key: 'ppa', name: 'Public Procurement Authority', acronym: 'PPA', level: 'national', sector: 'finance', parentKey: 'mof', size: 'small', maturity: 0.2, strengths: { LEG: 0.3 }, focalPoint: 'cio' },
  { key: 'nso', name: 'National Statistics Office', acronym: 'NSO', level: 'national', sector: 'general-administration', parentKey: 'mof', size: 'small', maturity: 0.3, focalPoint: 'cio' },
  { key: 'cria', name: 'Civil Registry and Identity Agency', acronym: 'CRIA', level: 'national', sector: 'interior', parentKey: 'moi', size: 'medium', maturity: 0.4, focalPoint: 'cio' },
  { key: 'ips', name: 'Immigration and Passport Service', acronym: 'IPS', level: 'national', sector: 'interior', parentKey: 'moi', size: 'medium', maturity: 0.2, focalPoint: 'cio' },
  { key: 'lrca', name: 'Land Registry and Cadastre Agency', acronym: 'LRCA', level: 'national', sector: 'justice', parentKey: 'moj', size: 'small', maturity: -0.1, focalPoint: 'ict' },
  { key: 'sif', name: 'Social Insurance Fund', acronym: 'SIF', level: 'national', sector: 'social', parentKey: 'mosp', size: 'medium', maturity: 0.3, focalPoint: 'cio' },
  // Set up in 2024, out of the trade ministry's registry unit: first assessed in 2025.
  { key: 'bipr', name: 'Business and Intellectual Property Registry', acronym: 'BIPR', level: 'national', sector: 'economy', parentKey: 'moti', size: 'small', maturity: 0, focalPoint: 'ict', firstAssessed: 2025 },
  { key: 'ndga', name: 'National Digital Government Agency', acronym: 'NDGA', level: 'national', sector: 'digital', parentKey: 'moda', size: 'medium', maturity: 1.1, strengths: { TEC: 0.3 }, focalPoint: 'cio' },
  // Still largely on paper: the equipment arrived, the work did not change.
  { key: 'archives', name: 'National Archives of Sumwhere', acronym: 'NAS', level: 'national', sector: 'general-administration', parentKey: 'opm', size: 'small', maturity: -0.6, strengths: { TEC: -0.3 }, focalPoint: 'records' },

  // Provinces
  { key: 'ambervale', name: 'Ambervale Provincial Administration', acronym: 'APA', level: 'subnational', sector: 'general-administration', parentKey: null, size: 'medium', maturity: 0, focalPoint: 'ict' },
  { key: 'saltcrest', name: 'Saltcrest Provincial Administration', acronym: 'SPA', level: 'subnational', sector: 'general-administration', parentKey: null, size: 'medium', maturity: -0.2, focalPoint: 'ict' },
  { key: 'dunmora', name: 'Dunmora Provincial Administration', acronym: 'DPA', level: 'subnational', sector: 'general-administration', parentKey: null, size: 'medium', maturity: -0.5, focalPoint: 'ict' },
  { key: 'kivura', name: 'Kivura Highlands Provincial Administration', acronym: 'KHPA', level: 'subnational', sector: 'general-administration', parentKey: null, size: 'small', maturity: -0.9, strengths: { TEC: -0.2 }, focalPoint: 'ict' },

  // Councils. Four small councils joined the assessment only in 2025, once the
  // provinces had brought them onto the shared network.
  { key: 'portaurelia', name: 'Port Aurelia City Council', acronym: 'PACC', level: 'local', sector: 'general-administration', parentKey: null, size: 'large', maturity: 0.7, focalPoint: 'digital' },
  { key: 'ambervaletown', name: 'Ambervale Town Council', acronym: null, level: 'local', sector: 'general-administration', parentKey: 'ambervale', size: 'small', maturity: -0.3, focalPoint: 'clerk', firstAssessed: 2025 },
  { key: 'brindlemoor', name: 'Brindlemoor District Council', acronym: null, level: 'local', sector: 'general-administration', parentKey: 'dunmora', size: 'small', maturity: -0.8, focalPoint: 'clerk', firstAssessed: 2025 },
  { key: 'kessow', name: 'Kessow Town Council', acronym: null, level: 'local', sector: 'general-administration', parentKey: 'saltcrest', size: 'small', maturity: -0.9, focalPoint: 'clerk', firstAssessed: 2025 },
  { key: 'marrowby', name: 'Marrowby District Council', acronym: null, level: 'local', sector: 'general-administration', parentKey: 'kivura', size: 'small', maturity: -1.1, focalPoint: null, firstAssessed: 2025 },
  { key: 'talliscreek', name: 'Tallis Creek Town Council', acronym: null, level: 'local', sector: 'general-administration', parentKey: 'dunmora', size: 'small', maturity: -1.2, focalPoint: null },
];
