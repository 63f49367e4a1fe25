// The 17 Sustainable Development Goals of the 2030 Agenda and their 169
// targets: reference data a plan's goals link to. Codes are the UN's ("16.6",
// "16.a"); names are short, in our own words, in every catalogue language.
import type { Named } from './cepa-principles.ts';

export interface SdgTarget {
  code: string;
  name: Named;
}

export interface SdgGoal {
  number: number;
  name: Named;
  targets: readonly SdgTarget[];
}

type Row = readonly [string, string, string];
const goal = (number: number, en: string, es: string, rows: readonly Row[]): SdgGoal => ({
  number,
  name: { en, es },
  targets: rows.map(([suffix, targetEn, targetEs]) => ({
    code: `${number}.${suffix}`,
    name: { en: targetEn, es: targetEs },
  })),
});

export const sdgGoals: readonly SdgGoal[] = [
  goal(1, 'No poverty', 'Fin de la pobreza', [
    ['1', 'End extreme poverty', 'Erradicar la pobreza extrema'],
    [
      '2',
      'Halve poverty in all its dimensions',
      'Reducir a la mitad la pobreza en todas sus dimensiones',
    ],
    ['3', 'Social protection for all', 'Protección social para todos'],
    [
      '4',
      'Equal rights to resources and basic services',
      'Igualdad de derechos a los recursos y servicios básicos',
    ],
    [
      '5',
      'Resilience of the poor to shocks and disasters',
      'Resiliencia de los pobres ante crisis y desastres',
    ],
    [
      'a',
      'Resources mobilised to end poverty',
      'Movilización de recursos para poner fin a la pobreza',
    ],
    ['b', 'Pro-poor policy frameworks', 'Marcos de políticas en favor de los pobres'],
  ]),
  goal(2, 'Zero hunger', 'Hambre cero', [
    [
      '1',
      'End hunger, safe and nutritious food for all',
      'Poner fin al hambre, alimentos sanos y nutritivos para todos',
    ],
    ['2', 'End all forms of malnutrition', 'Poner fin a todas las formas de malnutrición'],
    [
      '3',
      'Double small-scale farmers’ productivity and income',
      'Duplicar la productividad y los ingresos de los pequeños productores',
    ],
    [
      '4',
      'Sustainable and resilient food production',
      'Producción de alimentos sostenible y resiliente',
    ],
    ['5', 'Genetic diversity of seeds and animals', 'Diversidad genética de semillas y animales'],
    [
      'a',
      'Investment in rural infrastructure and agricultural research',
      'Inversión en infraestructura rural e investigación agrícola',
    ],
    ['b', 'Fair world agricultural markets', 'Mercados agrícolas mundiales justos'],
    [
      'c',
      'Well-functioning food commodity markets',
      'Buen funcionamiento de los mercados de productos alimentarios',
    ],
  ]),
  goal(3, 'Good health and well-being', 'Salud y bienestar', [
    ['1', 'Lower maternal mortality', 'Reducir la mortalidad materna'],
    [
      '2',
      'End preventable deaths of newborns and children',
      'Poner fin a las muertes evitables de recién nacidos y niños',
    ],
    [
      '3',
      'End epidemics and fight communicable diseases',
      'Poner fin a las epidemias y combatir las enfermedades transmisibles',
    ],
    [
      '4',
      'Fewer deaths from non-communicable diseases; mental health',
      'Menos muertes por enfermedades no transmisibles; salud mental',
    ],
    ['5', 'Prevent and treat substance abuse', 'Prevenir y tratar el abuso de sustancias'],
    [
      '6',
      'Halve road traffic deaths and injuries',
      'Reducir a la mitad las muertes y lesiones de tráfico',
    ],
    [
      '7',
      'Sexual and reproductive health care for all',
      'Acceso universal a la salud sexual y reproductiva',
    ],
    ['8', 'Universal health coverage', 'Cobertura sanitaria universal'],
    [
      '9',
      'Fewer deaths from pollution and hazardous chemicals',
      'Menos muertes por contaminación y productos químicos peligrosos',
    ],
    ['a', 'Tobacco control', 'Control del tabaco'],
    [
      'b',
      'Research and access to vaccines and medicines',
      'Investigación y acceso a vacunas y medicamentos',
    ],
    ['c', 'Health financing and health workforce', 'Financiación de la salud y personal sanitario'],
    [
      'd',
      'Early warning and management of health risks',
      'Alerta temprana y gestión de riesgos sanitarios',
    ],
  ]),
  goal(4, 'Quality education', 'Educación de calidad', [
    [
      '1',
      'Free primary and secondary education for all',
      'Enseñanza primaria y secundaria gratuita para todos',
    ],
    [
      '2',
      'Early childhood development and pre-primary education',
      'Desarrollo en la primera infancia y educación preescolar',
    ],
    [
      '3',
      'Affordable technical, vocational and tertiary education',
      'Formación técnica, profesional y superior asequible',
    ],
    [
      '4',
      'Skills for work, including ICT skills',
      'Competencias para el trabajo, incluidas las digitales',
    ],
    ['5', 'Equal access to education', 'Igualdad de acceso a la educación'],
    [
      '6',
      'Literacy and numeracy for all young people and adults',
      'Alfabetización y aritmética para jóvenes y adultos',
    ],
    ['7', 'Education for sustainable development', 'Educación para el desarrollo sostenible'],
    [
      'a',
      'Safe and inclusive learning facilities',
      'Instalaciones educativas seguras e inclusivas',
    ],
    ['b', 'Scholarships for developing countries', 'Becas para países en desarrollo'],
    ['c', 'More qualified teachers', 'Más docentes cualificados'],
  ]),
  goal(5, 'Gender equality', 'Igualdad de género', [
    [
      '1',
      'End discrimination against women and girls',
      'Poner fin a la discriminación contra mujeres y niñas',
    ],
    ['2', 'End violence against women and girls', 'Eliminar la violencia contra mujeres y niñas'],
    [
      '3',
      'End harmful practices such as child marriage',
      'Eliminar prácticas nocivas como el matrimonio infantil',
    ],
    [
      '4',
      'Value unpaid care and domestic work',
      'Valorar los cuidados y el trabajo doméstico no remunerados',
    ],
    [
      '5',
      'Women’s full participation in leadership',
      'Participación plena de las mujeres en el liderazgo',
    ],
    ['6', 'Sexual and reproductive health and rights', 'Salud y derechos sexuales y reproductivos'],
    ['a', 'Equal rights to economic resources', 'Igualdad de derechos a los recursos económicos'],
    [
      'b',
      'Technology, including ICT, to empower women',
      'Tecnología, incluidas las TIC, para empoderar a las mujeres',
    ],
    ['c', 'Policies and laws for gender equality', 'Políticas y leyes para la igualdad de género'],
  ]),
  goal(6, 'Clean water and sanitation', 'Agua limpia y saneamiento', [
    ['1', 'Safe and affordable drinking water', 'Agua potable segura y asequible'],
    ['2', 'Sanitation and hygiene for all', 'Saneamiento e higiene para todos'],
    ['3', 'Better water quality, less pollution', 'Mejor calidad del agua, menos contaminación'],
    ['4', 'Efficient use of water', 'Uso eficiente de los recursos hídricos'],
    ['5', 'Integrated water resources management', 'Gestión integrada de los recursos hídricos'],
    ['6', 'Protect water-related ecosystems', 'Proteger los ecosistemas relacionados con el agua'],
    [
      'a',
      'Cooperation and capacity for water and sanitation',
      'Cooperación y capacidad en agua y saneamiento',
    ],
    ['b', 'Local participation in water management', 'Participación local en la gestión del agua'],
  ]),
  goal(7, 'Affordable and clean energy', 'Energía asequible y no contaminante', [
    ['1', 'Universal access to modern energy', 'Acceso universal a energía moderna'],
    ['2', 'More renewable energy', 'Más energía renovable'],
    ['3', 'Double energy efficiency gains', 'Duplicar la mejora de la eficiencia energética'],
    [
      'a',
      'Cooperation and investment in clean energy',
      'Cooperación e inversión en energía limpia',
    ],
    [
      'b',
      'Energy infrastructure in developing countries',
      'Infraestructura energética en países en desarrollo',
    ],
  ]),
  goal(8, 'Decent work and economic growth', 'Trabajo decente y crecimiento económico', [
    ['1', 'Sustained economic growth', 'Crecimiento económico sostenido'],
    [
      '2',
      'Productivity through diversification and innovation',
      'Productividad mediante diversificación e innovación',
    ],
    [
      '3',
      'Policies for jobs, entrepreneurship and small firms',
      'Políticas para el empleo, el emprendimiento y las pequeñas empresas',
    ],
    [
      '4',
      'Resource efficiency in consumption and production',
      'Eficiencia de los recursos en el consumo y la producción',
    ],
    ['5', 'Full employment and equal pay', 'Pleno empleo e igualdad salarial'],
    ['6', 'Fewer young people out of work or education', 'Menos jóvenes sin empleo ni estudios'],
    [
      '7',
      'End forced labour and child labour',
      'Erradicar el trabajo forzoso y el trabajo infantil',
    ],
    ['8', 'Labour rights and safe workplaces', 'Derechos laborales y entornos de trabajo seguros'],
    ['9', 'Sustainable tourism', 'Turismo sostenible'],
    [
      '10',
      'Access to banking and financial services',
      'Acceso a servicios bancarios y financieros',
    ],
    ['a', 'Aid for trade', 'Ayuda para el comercio'],
    ['b', 'A global strategy for youth employment', 'Estrategia mundial para el empleo juvenil'],
  ]),
  goal(9, 'Industry, innovation and infrastructure', 'Industria, innovación e infraestructura', [
    [
      '1',
      'Quality, reliable and resilient infrastructure',
      'Infraestructura fiable, resiliente y de calidad',
    ],
    [
      '2',
      'Inclusive and sustainable industrialisation',
      'Industrialización inclusiva y sostenible',
    ],
    [
      '3',
      'Small enterprises’ access to finance and markets',
      'Acceso de las pequeñas empresas a financiación y mercados',
    ],
    ['4', 'Cleaner, more efficient industry', 'Industria más limpia y eficiente'],
    ['5', 'Research and technological capability', 'Investigación y capacidad tecnológica'],
    [
      'a',
      'Support for infrastructure in developing countries',
      'Apoyo a la infraestructura en países en desarrollo',
    ],
    [
      'b',
      'Domestic technology development and innovation',
      'Desarrollo tecnológico e innovación nacionales',
    ],
    ['c', 'Universal and affordable internet access', 'Acceso universal y asequible a internet'],
  ]),
  goal(10, 'Reduced inequalities', 'Reducción de las desigualdades', [
    [
      '1',
      'Income growth of the poorest 40 per cent',
      'Crecimiento de los ingresos del 40 % más pobre',
    ],
    [
      '2',
      'Social, economic and political inclusion of all',
      'Inclusión social, económica y política de todos',
    ],
    [
      '3',
      'Equal opportunity, no discriminatory laws',
      'Igualdad de oportunidades, sin leyes discriminatorias',
    ],
    [
      '4',
      'Fiscal, wage and social protection policies for equality',
      'Políticas fiscales, salariales y de protección social para la igualdad',
    ],
    ['5', 'Regulation of financial markets', 'Regulación de los mercados financieros'],
    [
      '6',
      'A voice for developing countries in global institutions',
      'Voz de los países en desarrollo en las instituciones mundiales',
    ],
    ['7', 'Safe, orderly and regular migration', 'Migración segura, ordenada y regular'],
    [
      'a',
      'Special treatment for developing countries in trade',
      'Trato especial a los países en desarrollo en el comercio',
    ],
    [
      'b',
      'Aid and investment where the need is greatest',
      'Ayuda e inversión donde más se necesitan',
    ],
    ['c', 'Cheaper migrant remittances', 'Remesas de migrantes más baratas'],
  ]),
  goal(11, 'Sustainable cities and communities', 'Ciudades y comunidades sostenibles', [
    ['1', 'Adequate, safe and affordable housing', 'Vivienda adecuada, segura y asequible'],
    ['2', 'Safe and sustainable transport for all', 'Transporte seguro y sostenible para todos'],
    [
      '3',
      'Inclusive urbanisation and participatory planning',
      'Urbanización inclusiva y planificación participativa',
    ],
    ['4', 'Protect cultural and natural heritage', 'Proteger el patrimonio cultural y natural'],
    ['5', 'Fewer losses from disasters', 'Menos pérdidas por desastres'],
    ['6', 'Less environmental impact of cities', 'Menor impacto ambiental de las ciudades'],
    ['7', 'Safe and inclusive public spaces', 'Espacios públicos seguros e inclusivos'],
    ['a', 'Links between urban and rural areas', 'Vínculos entre zonas urbanas y rurales'],
    [
      'b',
      'Integrated policies for resilient settlements',
      'Políticas integradas para asentamientos resilientes',
    ],
    [
      'c',
      'Sustainable buildings in least developed countries',
      'Edificios sostenibles en los países menos adelantados',
    ],
  ]),
  goal(12, 'Responsible consumption and production', 'Producción y consumo responsables', [
    [
      '1',
      'Programmes for sustainable consumption and production',
      'Programas de consumo y producción sostenibles',
    ],
    ['2', 'Sustainable use of natural resources', 'Uso sostenible de los recursos naturales'],
    ['3', 'Halve food waste', 'Reducir a la mitad el desperdicio de alimentos'],
    [
      '4',
      'Sound management of chemicals and wastes',
      'Gestión racional de productos químicos y desechos',
    ],
    [
      '5',
      'Less waste: prevention, reduction, recycling, reuse',
      'Menos desechos: prevención, reducción, reciclaje y reutilización',
    ],
    [
      '6',
      'Companies adopt sustainable practices and reporting',
      'Empresas con prácticas e informes sostenibles',
    ],
    ['7', 'Sustainable public procurement', 'Adquisiciones públicas sostenibles'],
    ['8', 'Awareness of sustainable lifestyles', 'Conciencia sobre estilos de vida sostenibles'],
    [
      'a',
      'Science and technology for sustainable patterns',
      'Ciencia y tecnología para modalidades sostenibles',
    ],
    ['b', 'Monitoring sustainable tourism', 'Seguimiento del turismo sostenible'],
    [
      'c',
      'Rationalise fossil-fuel subsidies',
      'Racionalizar los subsidios a los combustibles fósiles',
    ],
  ]),
  goal(13, 'Climate action', 'Acción por el clima', [
    [
      '1',
      'Resilience and adaptation to climate hazards',
      'Resiliencia y adaptación a los riesgos climáticos',
    ],
    [
      '2',
      'Climate measures in national policies',
      'Medidas climáticas en las políticas nacionales',
    ],
    [
      '3',
      'Education and capacity on climate change',
      'Educación y capacidad sobre el cambio climático',
    ],
    ['a', 'Climate finance commitments', 'Compromisos de financiación climática'],
    [
      'b',
      'Climate planning capacity in the least developed countries',
      'Capacidad de planificación climática en los países menos adelantados',
    ],
  ]),
  goal(14, 'Life below water', 'Vida submarina', [
    ['1', 'Less marine pollution', 'Menos contaminación marina'],
    ['2', 'Protect marine and coastal ecosystems', 'Proteger los ecosistemas marinos y costeros'],
    ['3', 'Less ocean acidification', 'Menos acidificación de los océanos'],
    ['4', 'End overfishing', 'Poner fin a la sobrepesca'],
    ['5', 'Conserve coastal and marine areas', 'Conservar zonas costeras y marinas'],
    ['6', 'End harmful fisheries subsidies', 'Eliminar las subvenciones perjudiciales a la pesca'],
    [
      '7',
      'Economic benefits from sustainable use of the sea',
      'Beneficios económicos del uso sostenible del mar',
    ],
    ['a', 'Marine science and research capacity', 'Ciencia marina y capacidad de investigación'],
    [
      'b',
      'Small-scale fishers’ access to resources and markets',
      'Acceso de los pescadores artesanales a recursos y mercados',
    ],
    [
      'c',
      'Ocean conservation through international law',
      'Conservación de los océanos mediante el derecho internacional',
    ],
  ]),
  goal(15, 'Life on land', 'Vida de ecosistemas terrestres', [
    [
      '1',
      'Conserve land and freshwater ecosystems',
      'Conservar los ecosistemas terrestres y de agua dulce',
    ],
    [
      '2',
      'Sustainable forests, halt deforestation',
      'Bosques sostenibles, detener la deforestación',
    ],
    [
      '3',
      'Fight desertification, restore degraded land',
      'Luchar contra la desertificación, restaurar tierras degradadas',
    ],
    ['4', 'Conserve mountain ecosystems', 'Conservar los ecosistemas montañosos'],
    ['5', 'Halt biodiversity loss', 'Detener la pérdida de biodiversidad'],
    ['6', 'Fair sharing of genetic resources', 'Reparto justo de los recursos genéticos'],
    [
      '7',
      'End poaching and wildlife trafficking',
      'Poner fin a la caza furtiva y al tráfico de fauna',
    ],
    ['8', 'Prevent invasive alien species', 'Prevenir las especies exóticas invasoras'],
    [
      '9',
      'Ecosystem values in national planning',
      'Valores de los ecosistemas en la planificación nacional',
    ],
    ['a', 'Finance for biodiversity', 'Financiación para la biodiversidad'],
    [
      'b',
      'Finance for sustainable forest management',
      'Financiación para la gestión forestal sostenible',
    ],
    ['c', 'Global support against poaching', 'Apoyo mundial contra la caza furtiva'],
  ]),
  goal(16, 'Peace, justice and strong institutions', 'Paz, justicia e instituciones sólidas', [
    ['1', 'Less violence and related deaths', 'Menos violencia y muertes relacionadas'],
    [
      '2',
      'End abuse and violence against children',
      'Poner fin al maltrato y la violencia contra los niños',
    ],
    [
      '3',
      'Rule of law and equal access to justice',
      'Estado de derecho e igualdad de acceso a la justicia',
    ],
    [
      '4',
      'Fewer illicit financial and arms flows',
      'Menos corrientes financieras ilícitas y de armas',
    ],
    ['5', 'Less corruption and bribery', 'Menos corrupción y soborno'],
    [
      '6',
      'Effective, accountable and transparent institutions',
      'Instituciones eficaces, responsables y transparentes',
    ],
    [
      '7',
      'Responsive, inclusive and participatory decision-making',
      'Decisiones inclusivas, participativas y representativas',
    ],
    [
      '8',
      'Developing countries in global governance',
      'Países en desarrollo en la gobernanza mundial',
    ],
    [
      '9',
      'Legal identity for all, including birth registration',
      'Identidad jurídica para todos, incluido el registro de nacimientos',
    ],
    [
      '10',
      'Public access to information, fundamental freedoms',
      'Acceso público a la información, libertades fundamentales',
    ],
    [
      'a',
      'Strong national institutions against violence and crime',
      'Instituciones nacionales sólidas contra la violencia y el delito',
    ],
    ['b', 'Non-discriminatory laws and policies', 'Leyes y políticas no discriminatorias'],
  ]),
  goal(17, 'Partnerships for the goals', 'Alianzas para lograr los objetivos', [
    ['1', 'Domestic resource mobilisation', 'Movilización de recursos internos'],
    [
      '2',
      'Official development assistance commitments',
      'Compromisos de asistencia oficial para el desarrollo',
    ],
    ['3', 'Additional financial resources', 'Recursos financieros adicionales'],
    ['4', 'Debt sustainability', 'Sostenibilidad de la deuda'],
    [
      '5',
      'Investment promotion for the least developed countries',
      'Promoción de inversiones en los países menos adelantados',
    ],
    [
      '6',
      'Cooperation on science, technology and innovation',
      'Cooperación en ciencia, tecnología e innovación',
    ],
    [
      '7',
      'Transfer of environmentally sound technologies',
      'Transferencia de tecnologías ecológicamente racionales',
    ],
    [
      '8',
      'Technology bank and enabling technologies, ICT',
      'Banco de tecnología y tecnologías instrumentales, TIC',
    ],
    ['9', 'Capacity building for the SDGs', 'Creación de capacidad para los ODS'],
    [
      '10',
      'A universal, rules-based trading system',
      'Sistema de comercio universal basado en normas',
    ],
    [
      '11',
      'More exports from developing countries',
      'Más exportaciones de los países en desarrollo',
    ],
    [
      '12',
      'Duty-free, quota-free market access',
      'Acceso a mercados libre de derechos y contingentes',
    ],
    ['13', 'Global macroeconomic stability', 'Estabilidad macroeconómica mundial'],
    [
      '14',
      'Policy coherence for sustainable development',
      'Coherencia de las políticas para el desarrollo sostenible',
    ],
    ['15', 'Respect for each country’s policy space', 'Respeto del margen normativo de cada país'],
    [
      '16',
      'The global partnership for sustainable development',
      'Alianza mundial para el desarrollo sostenible',
    ],
    [
      '17',
      'Public, public-private and civil society partnerships',
      'Alianzas públicas, público-privadas y con la sociedad civil',
    ],
    [
      '18',
      'Capacity for high-quality, disaggregated data',
      'Capacidad para datos de calidad y desglosados',
    ],
    ['19', 'Measures of progress beyond GDP', 'Medidas del progreso más allá del PIB'],
  ]),
];

const goalByNumber = new Map(sdgGoals.map((sdg) => [sdg.number, sdg]));
const targetByCode = new Map(
  sdgGoals.flatMap((sdg) => sdg.targets.map((target) => [target.code, target] as const)),
);

export function findSdgGoal(number: number): SdgGoal | undefined {
  return goalByNumber.get(number);
}

export function findSdgTarget(code: string): SdgTarget | undefined {
  return targetByCode.get(code);
}

/** The goal a target belongs to: "16.a" → 16. */
export const goalOfTarget = (code: string) => Number(code.split('.')[0]);
