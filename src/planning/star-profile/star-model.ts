// The star profiling model of UN DESA's toolkit (seed 002, chapter 3) as
// reference data: its core — the leadership commitment the model rests on, in
// three parts — and the self-assessment it asks for — three diagnostic
// analyses and an envisioning of the future — each a point of the star, with
// the levels a team rates each point at. Labels in every catalogue language.

/** Text in each language the catalogues have. */
export interface ModelText {
  en: string;
  es: string;
}

export const starGroups = ['commitment', 'selfAssessment'] as const;
export type StarGroup = (typeof starGroups)[number];

export interface StarPoint {
  key: string;
  group: StarGroup;
  name: ModelText;
  /** What a team asks itself when rating the point. */
  description: ModelText;
}

export const starGroupNames: Record<StarGroup, ModelText> = {
  commitment: {
    en: 'Leadership capacity and commitment',
    es: 'Capacidad y compromiso de liderazgo',
  },
  selfAssessment: {
    en: 'Self-assessment',
    es: 'Autoevaluación',
  },
};

export const starPoints: readonly StarPoint[] = [
  {
    key: 'leadership-commitment',
    group: 'commitment',
    name: { en: 'Commitment at the highest level', es: 'Compromiso al más alto nivel' },
    description: {
      en: 'How far the head of government and ministers own the transformation: they speak for it, fund it and hold others to it.',
      es: 'Hasta qué punto el jefe de gobierno y los ministros asumen la transformación: la defienden, la financian y piden cuentas por ella.',
    },
  },
  {
    key: 'stakeholder-engagement',
    group: 'commitment',
    name: {
      en: 'Broad stakeholder engagement',
      es: 'Participación amplia de las partes interesadas',
    },
    description: {
      en: 'Whether agencies, businesses, academia and partners take part in shaping the strategy, not only hear about it.',
      es: 'Si los organismos, las empresas, la academia y los socios participan en la elaboración de la estrategia, y no solo reciben información.',
    },
  },
  {
    key: 'civil-society-involvement',
    group: 'commitment',
    name: {
      en: 'Involvement of people and civil society',
      es: 'Participación de las personas y la sociedad civil',
    },
    description: {
      en: 'Whether individuals and civil society organisations, including those who speak for vulnerable groups, have a real voice.',
      es: 'Si las personas y las organizaciones de la sociedad civil, incluidas las que representan a grupos vulnerables, tienen una voz real.',
    },
  },
  {
    key: 'governance-diagnosis',
    group: 'selfAssessment',
    name: {
      en: 'Public governance and administration',
      es: 'Gobernanza y administración públicas',
    },
    description: {
      en: 'How well the team understands the state of public governance and of the public administration that will carry the change.',
      es: 'Cuánto comprende el equipo el estado de la gobernanza pública y de la administración que llevará a cabo el cambio.',
    },
  },
  {
    key: 'history-diagnosis',
    group: 'selfAssessment',
    name: {
      en: 'Social, political and economic history',
      es: 'Historia social, política y económica',
    },
    description: {
      en: 'How well past reforms, politics and the economy are understood as forces that help or hold back the transformation.',
      es: 'Cuánto se comprenden las reformas pasadas, la política y la economía como fuerzas que impulsan o frenan la transformación.',
    },
  },
  {
    key: 'environment-diagnosis',
    group: 'selfAssessment',
    name: {
      en: 'National, regional and global environment',
      es: 'Entorno nacional, regional y mundial',
    },
    description: {
      en: 'How well the team reads the surroundings of the plan: national conditions, the region and global trends and commitments.',
      es: 'Cuánto conoce el equipo el contexto del plan: las condiciones nacionales, la región y las tendencias y compromisos mundiales.',
    },
  },
  {
    key: 'envisioning',
    group: 'selfAssessment',
    name: { en: 'Envisioning the future', es: 'Visión de futuro' },
    description: {
      en: 'Whether missions, strategic objectives and the actions that reach them are written down and shared.',
      es: 'Si las misiones, los objetivos estratégicos y las acciones para alcanzarlos están escritos y compartidos.',
    },
  },
];

export const starPointKeys = starPoints.map((point) => point.key);

export function findStarPoint(key: string): StarPoint | undefined {
  return starPoints.find((point) => point.key === key);
}

/** A level a team rates a point at, from 1 (absent) to 5 (leading). */
export interface StarLevel {
  value: number;
  name: ModelText;
  description: ModelText;
}

export const STAR_LEVEL_MIN = 1;
export const STAR_LEVEL_MAX = 5;

export const starLevels: readonly StarLevel[] = [
  {
    value: 1,
    name: { en: 'Absent', es: 'Ausente' },
    description: {
      en: 'Nothing in place yet, or only intentions.',
      es: 'Aún no hay nada en marcha, o solo intenciones.',
    },
  },
  {
    value: 2,
    name: { en: 'Emerging', es: 'Incipiente' },
    description: {
      en: 'First steps by a few people, not yet shared or lasting.',
      es: 'Primeros pasos de unas pocas personas, aún no compartidos ni duraderos.',
    },
  },
  {
    value: 3,
    name: { en: 'Developing', es: 'En desarrollo' },
    description: {
      en: 'Under way in parts of government, with gaps a team can name.',
      es: 'En marcha en partes del gobierno, con carencias que el equipo sabe nombrar.',
    },
  },
  {
    value: 4,
    name: { en: 'Established', es: 'Consolidado' },
    description: {
      en: 'Done across government as a matter of course, with evidence to show it.',
      es: 'Se hace en todo el gobierno como algo habitual, con pruebas que lo muestran.',
    },
  },
  {
    value: 5,
    name: { en: 'Leading', es: 'Referente' },
    description: {
      en: 'Done well, renewed as things change, and an example to others.',
      es: 'Se hace bien, se renueva cuando cambian las cosas y sirve de ejemplo a otros.',
    },
  },
];

/** The text in the reader's language; English when the model has none in it. */
export function modelText(text: ModelText, language: string): string {
  return language === 'es' ? text.es : text.en;
}

export function starLevelName(value: number, language: string): string {
  const level = starLevels.find((candidate) => candidate.value === value);
  return level ? modelText(level.name, language) : String(value);
}
