// The 11 principles of effective governance for sustainable development and
// their 62 strategies, as the UN Committee of Experts on Public Administration
// (CEPA) groups them (seed 001): reference data a plan's vision chooses from.
// Strategies are numbered 1–62 as in the UN's list; names are short, in every
// catalogue language.

export interface Named {
  en: string;
  es: string;
}

export const cepaGroups = ['effectiveness', 'accountability', 'inclusiveness'] as const;
export type CepaGroup = (typeof cepaGroups)[number];

export interface CepaStrategy {
  /** 1–62, the UN's numbering. */
  number: number;
  name: Named;
}

export interface CepaPrinciple {
  key: string;
  group: CepaGroup;
  name: Named;
  strategies: readonly CepaStrategy[];
}

type Row = readonly [number, string, string];
const strategies = (rows: readonly Row[]): CepaStrategy[] =>
  rows.map(([number, en, es]) => ({ number, name: { en, es } }));

export const cepaPrinciples: readonly CepaPrinciple[] = [
  {
    key: 'competence',
    group: 'effectiveness',
    name: { en: 'Competence', es: 'Competencia' },
    strategies: strategies([
      [1, 'A professional public sector workforce', 'Una función pública profesional'],
      [2, 'Strategic human resources management', 'Gestión estratégica de los recursos humanos'],
      [
        3,
        'Leadership development and training of civil servants',
        'Desarrollo del liderazgo y formación de los funcionarios',
      ],
      [4, 'Performance management', 'Gestión del desempeño'],
      [5, 'Results-based management', 'Gestión basada en resultados'],
      [6, 'Financial management and control', 'Gestión y control financieros'],
      [
        7,
        'Efficient and fair revenue administration',
        'Administración tributaria eficiente y justa',
      ],
      [8, 'Investment in e-government', 'Inversión en gobierno electrónico'],
    ]),
  },
  {
    key: 'sound-policymaking',
    group: 'effectiveness',
    name: { en: 'Sound policymaking', es: 'Formulación de políticas racional' },
    strategies: strategies([
      [9, 'Strategic planning and foresight', 'Planificación estratégica y prospectiva'],
      [10, 'Regulatory impact analysis', 'Análisis de impacto regulatorio'],
      [11, 'Coherent policymaking', 'Coherencia de las políticas'],
      [12, 'Stronger national statistical systems', 'Sistemas estadísticos nacionales más sólidos'],
      [13, 'Monitoring and evaluation systems', 'Sistemas de seguimiento y evaluación'],
      [14, 'Science-policy interface', 'Interfaz entre ciencia y políticas'],
      [15, 'Risk management frameworks', 'Marcos de gestión de riesgos'],
      [16, 'Data sharing', 'Intercambio de datos'],
    ]),
  },
  {
    key: 'collaboration',
    group: 'effectiveness',
    name: { en: 'Collaboration', es: 'Colaboración' },
    strategies: strategies([
      [
        17,
        'Centre-of-government coordination under the head of state or government',
        'Coordinación desde el centro de gobierno bajo la jefatura del Estado o del Gobierno',
      ],
      [
        18,
        'Coordination and dialogue across levels of government and functional areas',
        'Coordinación y diálogo entre niveles de gobierno y áreas funcionales',
      ],
      [19, 'Raising awareness of the SDGs', 'Difusión de los ODS'],
      [20, 'Network-based governance', 'Gobernanza en red'],
      [21, 'Multi-stakeholder partnerships', 'Alianzas entre múltiples actores'],
    ]),
  },
  {
    key: 'integrity',
    group: 'accountability',
    name: { en: 'Integrity', es: 'Integridad' },
    strategies: strategies([
      [
        22,
        'Anti-corruption policies, practices and bodies',
        'Políticas, prácticas y órganos contra la corrupción',
      ],
      [
        23,
        'Codes of conduct for public officials',
        'Códigos de conducta para los funcionarios públicos',
      ],
      [24, 'Competitive public procurement', 'Contratación pública competitiva'],
      [
        25,
        'Ending bribery and influence trading',
        'Eliminación del soborno y el tráfico de influencias',
      ],
      [26, 'Conflict of interest policies', 'Políticas sobre conflictos de intereses'],
      [27, 'Whistle-blower protection', 'Protección de los denunciantes'],
      [
        28,
        'Adequate pay and equitable pay scales for public servants',
        'Remuneración adecuada y escalas salariales equitativas para los servidores públicos',
      ],
    ]),
  },
  {
    key: 'transparency',
    group: 'accountability',
    name: { en: 'Transparency', es: 'Transparencia' },
    strategies: strategies([
      [29, 'Proactive disclosure of information', 'Divulgación proactiva de información'],
      [30, 'Budget transparency', 'Transparencia presupuestaria'],
      [31, 'Open government data', 'Datos abiertos de gobierno'],
      [32, 'Registries of beneficial ownership', 'Registros de beneficiarios finales'],
      [33, 'Lobby registries', 'Registros de cabilderos'],
    ]),
  },
  {
    key: 'independent-oversight',
    group: 'accountability',
    name: { en: 'Independent oversight', es: 'Supervisión independiente' },
    strategies: strategies([
      [34, 'Independent regulatory agencies', 'Independencia de los organismos reguladores'],
      [
        35,
        'Review of administrative decisions by courts or other bodies',
        'Revisión de las decisiones administrativas por tribunales u otros órganos',
      ],
      [36, 'Independent audit', 'Auditoría independiente'],
      [37, 'Respect for legality', 'Respeto de la legalidad'],
    ]),
  },
  {
    key: 'leaving-no-one-behind',
    group: 'inclusiveness',
    name: { en: 'Leaving no one behind', es: 'No dejar a nadie atrás' },
    strategies: strategies([
      [38, 'Equitable fiscal and monetary policy', 'Política fiscal y monetaria equitativa'],
      [39, 'Social equity', 'Equidad social'],
      [40, 'Data disaggregation', 'Desglose de los datos'],
      [41, 'Systematic follow-up and review', 'Seguimiento y examen sistemáticos'],
    ]),
  },
  {
    key: 'non-discrimination',
    group: 'inclusiveness',
    name: { en: 'Non-discrimination', es: 'No discriminación' },
    strategies: strategies([
      [42, 'A diverse public sector workforce', 'Diversidad en la función pública'],
      [
        43,
        'No discrimination in public service delivery',
        'Prohibición de la discriminación en la prestación de servicios públicos',
      ],
      [44, 'Multilingual service delivery', 'Servicios en varios idiomas'],
      [45, 'Accessibility standards', 'Normas de accesibilidad'],
      [46, 'Cultural audit of institutions', 'Auditoría cultural de las instituciones'],
      [47, 'Universal birth registration', 'Registro universal de nacimientos'],
      [48, 'Gender-responsive budgeting', 'Presupuestos con perspectiva de género'],
    ]),
  },
  {
    key: 'participation',
    group: 'inclusiveness',
    name: { en: 'Participation', es: 'Participación' },
    strategies: strategies([
      [49, 'Free and fair elections', 'Elecciones libres y justas'],
      [50, 'Public consultation in regulation', 'Consulta pública en la elaboración de normas'],
      [51, 'Multi-stakeholder forums', 'Foros de múltiples actores'],
      [52, 'Participatory budgeting', 'Presupuestos participativos'],
      [53, 'Community-driven development', 'Desarrollo impulsado por la comunidad'],
    ]),
  },
  {
    key: 'subsidiarity',
    group: 'inclusiveness',
    name: { en: 'Subsidiarity', es: 'Subsidiariedad' },
    strategies: strategies([
      [54, 'Fiscal federalism', 'Federalismo fiscal'],
      [55, 'Stronger urban governance', 'Fortalecimiento de la gobernanza urbana'],
      [
        56,
        'Stronger municipal and local finance',
        'Fortalecimiento de las finanzas municipales y locales',
      ],
      [
        57,
        'Local capacity to prevent, adapt to and mitigate external shocks',
        'Capacidad local para prevenir, adaptarse y mitigar crisis externas',
      ],
    ]),
  },
  {
    key: 'intergenerational-equity',
    group: 'inclusiveness',
    name: { en: 'Intergenerational equity', es: 'Equidad intergeneracional' },
    strategies: strategies([
      [58, 'Multilevel governance', 'Gobernanza multinivel'],
      [
        59,
        'Sustainable development impact assessment',
        'Evaluación del impacto en el desarrollo sostenible',
      ],
      [60, 'Long-term public debt management', 'Gestión de la deuda pública a largo plazo'],
      [
        61,
        'Long-term territorial planning and spatial development',
        'Planificación territorial y desarrollo espacial a largo plazo',
      ],
      [62, 'Ecosystem management', 'Gestión de los ecosistemas'],
    ]),
  },
];

const byKey = new Map(cepaPrinciples.map((principle) => [principle.key, principle]));

export function findCepaPrinciple(key: string): CepaPrinciple | undefined {
  return byKey.get(key);
}

/** A name in the reader's language; English for any other. */
export function nameIn(name: Named, language: string): string {
  return language === 'es' ? name.es : name.en;
}
