// The workshops held after Sumwhere's 2025 round (seed 001's story): who sat
// in which, on which dimensions, and what the room brought up, from which the
// demo writes the note beside each consensus.

export type Verdict = 'lowered' | 'kept' | 'raised';

/**
 * What participants brought up, per verdict, in words that fit any item of the
 * dimension. `lowered` and `raised` end a sentence ("…, but <evidence>.");
 * `kept` are whole sentences.
 */
export type Evidence = Readonly<Record<Verdict, readonly string[]>>;

export interface WorkshopSession {
  /** The agency's name; null: the whole of government. */
  agency: string | null;
  daysAfterClose: number;
  /** Per dimension code the session agreed every item of, what the room said. */
  evidence: Readonly<Record<string, Evidence>>;
  /** How many items the room rated a step above the self-assessments. */
  raised: number;
}

// biome-ignore format: one note to a line reads as a list and diffs line by line
export const workshopSessions: readonly WorkshopSession[] = [
  {
    agency: 'Port Aurelia City Council',
    daysAfterClose: 2,
    raised: 0,
    evidence: {
      TEC: {
        lowered: [
          'the council’s IT team could not show the tests or the records behind the answers',
          'what officers described is the plan for next year, not what runs today',
          'it works in the town hall and nowhere else, as the staff of the district offices explained',
        ],
        kept: [
          'The council’s IT team confirmed the answers from its own inventory.',
          'The IT manager and the heads of service told the same story as the answers.',
          'The room saw no reason to differ from the officers.',
        ],
        raised: [],
      },
    },
  },
  {
    agency: 'Ministry of Health',
    daysAfterClose: 5,
    raised: 0,
    evidence: {
      PWD: {
        lowered: [
          'the ministry’s training unit serves clinical staff, and administrative officers have had no digital training since the new records system went live',
          'what the answers describe covers the headquarters only, not the regional hospitals',
        ],
        kept: [
          'The human resources director confirmed the picture: a plan is being drafted and nothing is funded yet.',
          'Staff representatives and managers in the room agreed with the self-assessments.',
        ],
        raised: [],
      },
    },
  },
  {
    agency: null,
    daysAfterClose: 6,
    raised: 1,
    evidence: {
      STR: {
        lowered: [
          'most agencies could show a strategy document and none could show the budget or the timetable behind it',
          'of the sixteen projects in the national strategy only one has been completed, so what is on paper was not counted as done',
          'several officers had answered for the national strategy rather than for their own agency',
          'the documents put forward were drafts that were never formally approved',
          'nobody could show a progress report or a decision that followed from it',
        ],
        kept: [
          'Participants recognised the picture: this is in place in the larger ministries and the digital agency, and missing or out of date elsewhere.',
          'The national digital strategy is well known; agencies have turned it into plans of their own unevenly.',
          'Examples from the revenue authority and the health ministry matched the self-assessments, and nobody challenged them.',
          'The room agreed that this is written into most strategies and carried out in few.',
        ],
        raised: [
          'the Ministry of Digital Affairs showed guidelines adopted in 2024 that bind every agency and that many respondents had not seen',
          'every agency on the shared platform already meets this through the platform, whether or not its officers know it',
        ],
      },
      PWD: {
        lowered: [
          'no agency could show a skills assessment, or a training plan with money behind it',
          'the training mentioned in the answers was a one-off session from the supplier when the new equipment was delivered',
          'what exists is open only to officers whose manager approves, and few managers do',
          'there is no programme across the public service for this, and nobody manages the change the new systems bring',
        ],
        kept: [
          'The room agreed with the self-assessments: it happens now and then, and depends on the manager.',
          'Participants confirmed that staff worry the new systems will replace them, and that nobody is managing that change.',
          'Answers and discussion matched: the Ministry of Public Service has started on this, most others have not.',
        ],
        raised: [
          'the Ministry of Public Service showed what it started in 2024 for every officer, which many respondents had never heard of',
        ],
      },
    },
  },
  {
    agency: null,
    daysAfterClose: 7,
    raised: 1,
    evidence: {
      GOV: {
        lowered: [
          'the committees and units named in the answers had mostly met once and then stopped',
          'it runs on personal contacts between offices, not through anyone with a mandate to do it',
          'the units named as responsible turned out to have neither a budget nor any authority over other departments',
          'officers had answered for what the rules say should happen rather than for what happens',
          'no agency could show a document or a decision from the last two years to back the answers',
        ],
        kept: [
          'Participants agreed with the self-assessments: a few agencies do this well, most do not.',
          'The discussion confirmed the answers: it is written down in places and rarely followed up.',
          'Several participants said this has become harder since 2023, with more systems and no more coordination.',
          'Nobody in the room disputed the self-assessments.',
        ],
        raised: [
          'the digital agency showed that this is now arranged centrally for every agency on the shared platform, which several respondents did not know',
          'the revenue authority and the civil registry described joint work with the councils that the answers did not reflect',
        ],
      },
    },
  },
];
