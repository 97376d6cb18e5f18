import { type Locale } from '#app/i18n/locales.ts'
import { QUESTIONNAIRE_IT } from './questionnaire.it.ts'
import {
  type ALLERGIES,
  type ChecklistName,
  type DIABETES_CONTROL,
  type FollowUpName,
  type HISTORY,
  type MEDICINES,
  type PREGNANCY,
  type PROCEDURES,
  type SKIN_NOW,
  type SKIN_TYPES,
  type TREATMENT_AREAS,
} from './screening.schema.ts'

/**
 * The words of questionnaire version 2 (version 1 plus the choices added in docs/decisions/032): what the patient reads (plain words, reading grade 8 or
 * lower; questionnaire.test.ts measures it) and the short terms a clinician reads beside each
 * answer. Client-safe, shared by the form, the answer summaries and the readability test.
 */

type Option<T extends string> = { value: T; label: string; clinician: string }

export type FollowUpText = { label: string; hint?: string }

export type ChecklistQuestion<T extends string> = {
  name: ChecklistName
  legend: string
  hint: string
  options: (Option<T> & { followUp?: FollowUpName })[]
}

export const DATE_OF_BIRTH_QUESTION = {
  label: 'Your date of birth',
  hint: 'We use it to check your age, as some rules depend on it.',
}

export const AREAS_QUESTION: {
  legend: string
  hint: string
  options: Option<(typeof TREATMENT_AREAS)[number]>[]
} = {
  legend: 'Where would you like the treatment?',
  hint: 'Tick all that apply.',
  options: [
    { value: 'face', label: 'Face, but not around the eyes', clinician: 'Face' },
    { value: 'eye_area', label: 'Around the eyes', clinician: 'Periorbital area' },
    { value: 'neck', label: 'Neck', clinician: 'Neck' },
    { value: 'chest', label: 'Chest', clinician: 'Chest (décolletage)' },
    { value: 'hands', label: 'Backs of the hands', clinician: 'Dorsal hands' },
    { value: 'body', label: 'Body, for example arms, legs, tummy or back', clinician: 'Body' },
  ],
}

export const SKIN_TYPE_QUESTION: {
  legend: string
  hint: string
  options: Option<(typeof SKIN_TYPES)[number]>[]
} = {
  legend: 'Which of these is most like your skin?',
  hint: 'This helps the clinician plan your care. There is no wrong answer.',
  options: [
    {
      value: 'I',
      label: 'Very pale. It always burns in the sun and never tans.',
      clinician: 'Fitzpatrick I',
    },
    {
      value: 'II',
      label: 'Pale. It burns easily and tans only a little.',
      clinician: 'Fitzpatrick II',
    },
    {
      value: 'III',
      label: 'Light to medium. It sometimes burns and slowly tans.',
      clinician: 'Fitzpatrick III',
    },
    {
      value: 'IV',
      label: 'Olive or light brown. It rarely burns and tans with ease.',
      clinician: 'Fitzpatrick IV',
    },
    { value: 'V', label: 'Brown. It very rarely burns.', clinician: 'Fitzpatrick V' },
    { value: 'VI', label: 'Dark brown or black. It never burns.', clinician: 'Fitzpatrick VI' },
    { value: 'unsure', label: 'I am not sure.', clinician: 'Not sure' },
  ],
}

export const SKIN_NOW_QUESTION: ChecklistQuestion<(typeof SKIN_NOW)[number]> = {
  name: 'skinNow',
  legend: 'Do you have any of these now, where you want the treatment?',
  hint: 'Tick all that apply.',
  options: [
    {
      value: 'infection',
      label: 'A skin infection, such as red, hot or weepy skin, or a rash from a fungus',
      clinician: 'Active infection at the site',
    },
    {
      value: 'open_wound',
      label: 'An open cut, wound or sore',
      clinician: 'Open wound or sore at the site',
    },
    { value: 'cold_sore', label: 'A cold sore', clinician: 'Active cold sore (HSV lesion)' },
    {
      value: 'inflamed_acne',
      label: 'Red, swollen or sore spots (acne)',
      clinician: 'Active inflamed acne',
    },
    {
      value: 'skin_flare',
      label: 'A flare of eczema, psoriasis or rosacea',
      clinician: 'Eczema, psoriasis or rosacea flare at the site',
    },
    { value: 'warts', label: 'Warts', clinician: 'Warts at the site' },
    {
      value: 'changed_mole',
      label: 'A mole that has changed, or skin cancer',
      clinician: 'Suspicious lesion or skin cancer at the site',
    },
    {
      value: 'actinic_keratosis',
      label: 'Rough, dry, scaly patches from sun damage',
      clinician: 'Actinic (solar) keratosis at the site',
    },
    {
      value: 'raised_lesion',
      label: 'A raised spot or lump that a doctor has not checked',
      clinician: 'Raised or unexplained lesion at the site, not yet assessed',
    },
    { value: 'sunburn', label: 'Sunburn', clinician: 'Sunburn' },
    {
      value: 'tan',
      label: 'A tan from the sun, a sunbed or fake tan',
      clinician: 'Recent tan or self-tan',
      followUp: 'tanDate',
    },
  ],
}

export const HISTORY_QUESTION: ChecklistQuestion<(typeof HISTORY)[number]> = {
  name: 'history',
  legend: 'Have you ever had any of these?',
  hint: 'Tick all that apply, even if it was long ago.',
  options: [
    {
      value: 'cold_sores',
      label: 'Cold sores, even once',
      clinician: 'History of HSV (cold sores)',
    },
    {
      value: 'keloid',
      label: 'Scars that grew raised, thick or lumpy (keloid scars)',
      clinician: 'Keloid or hypertrophic scar tendency',
    },
    { value: 'diabetes', label: 'Diabetes', clinician: 'Diabetes', followUp: 'diabetesControlled' },
    {
      value: 'autoimmune',
      label: 'An illness where the body attacks itself, such as lupus',
      clinician: 'Autoimmune or collagen-vascular disease',
    },
    {
      value: 'immunosuppression',
      label: 'A weak immune system, or medicine that weakens it, such as after a transplant',
      clinician: 'Immunosuppression',
    },
    {
      value: 'cancer_treatment_now',
      label: 'Chemo or radiation treatment for cancer, and I have it now',
      clinician: 'Chemotherapy or radiotherapy, current',
    },
    {
      value: 'cancer_treatment_past',
      label: 'Chemo or radiation treatment for cancer in the past',
      clinician: 'Chemotherapy or radiotherapy, past',
      followUp: 'cancerTreatmentEndDate',
    },
    {
      value: 'bleeding_disorder',
      label: 'A bleeding problem, or blood that does not clot well',
      clinician: 'Bleeding disorder or haemostatic dysfunction',
    },
    {
      value: 'skin_disease',
      label: 'Eczema, psoriasis or rosacea, even if it is calm now',
      clinician: 'History of eczema, psoriasis or rosacea',
    },
    {
      value: 'radiation_to_area',
      label: 'Radiation treatment on the skin you want treated',
      clinician: 'Radiotherapy to the treatment area',
    },
    {
      value: 'blood_borne_infection',
      label: 'Hepatitis B or C, HIV, or another infection in the blood',
      clinician: 'Systemic or blood-borne infection (e.g. hepatitis, HIV)',
    },
    {
      value: 'liver_disease',
      label: 'Liver disease',
      clinician: 'Hepatic disease',
    },
    {
      value: 'pseudocholinesterase',
      label: 'Being told your body is slow to break down some drugs used for surgery',
      clinician: 'Pseudocholinesterase deficiency',
    },
    {
      value: 'methaemoglobinaemia',
      label: 'A blood problem called methemoglobinemia, which can make lips look blue',
      clinician: 'Methaemoglobinaemia',
    },
  ],
}

export const MEDICINES_QUESTION: ChecklistQuestion<(typeof MEDICINES)[number]> = {
  name: 'medicines',
  legend: 'Do you take or use any of these?',
  hint: 'Tick all that apply. Your medicine leaflet can help.',
  options: [
    {
      value: 'isotretinoin_now',
      label: 'Acne tablets called isotretinoin, such as Roaccutane. I take them now.',
      clinician: 'Isotretinoin, current',
    },
    {
      value: 'isotretinoin_past',
      label: 'Acne tablets called isotretinoin. I took them, but I have stopped.',
      clinician: 'Isotretinoin, stopped',
      followUp: 'isotretinoinLastDose',
    },
    {
      value: 'blood_thinners',
      label: 'Medicine that thins the blood, such as warfarin, or aspirin every day',
      clinician: 'Anticoagulant or antiplatelet',
    },
    {
      value: 'retinoids_acids',
      label: 'Creams with retinol or acids, or peels you do at home',
      clinician: 'Topical retinoid or AHA/BHA',
      followUp: 'retinoidLastUse',
    },
    {
      value: 'photosensitising',
      label: 'Medicine that makes your skin burn more in the sun',
      clinician: 'Photosensitising medicine',
    },
    {
      value: 'heart_rhythm',
      label: 'Medicine for a heartbeat that is too fast or not even',
      clinician: 'Antiarrhythmic medicine',
    },
  ],
}

export const ALLERGIES_QUESTION: ChecklistQuestion<(typeof ALLERGIES)[number]> = {
  name: 'allergies',
  legend: 'Are you allergic to any of these?',
  hint: 'Tick all that apply.',
  options: [
    { value: 'stainless_steel', label: 'Stainless steel', clinician: 'Stainless-steel allergy' },
    {
      value: 'nickel',
      label: 'Nickel, for example a rash from cheap jewellery',
      clinician: 'Nickel allergy',
    },
    {
      value: 'anaesthetic',
      label: 'Numbing creams or numbing injections',
      clinician: 'Local anaesthetic allergy',
    },
    {
      value: 'sulpha_paba',
      label: 'Sulfa drugs, or PABA, which is in some sun creams',
      clinician: 'Sulphonamide or PABA allergy',
    },
  ],
}

export const PREGNANCY_QUESTION: {
  legend: string
  hint: string
  options: Option<(typeof PREGNANCY)[number]>[]
} = {
  legend: 'Are you pregnant or breastfeeding?',
  hint: 'Answer “No” if this does not apply to you.',
  options: [
    { value: 'no', label: 'No', clinician: 'No' },
    {
      value: 'pregnant',
      label: 'Yes, I am pregnant or I might be',
      clinician: 'Pregnant or might be',
    },
    { value: 'breastfeeding', label: 'Yes, I am breastfeeding', clinician: 'Breastfeeding' },
  ],
}

export const PROCEDURES_QUESTION: ChecklistQuestion<(typeof PROCEDURES)[number]> = {
  name: 'procedures',
  legend: 'Have you had any of these in the last 12 months?',
  hint: 'Tick all that apply.',
  options: [
    {
      value: 'toxin',
      label: 'Injections to smooth lines, such as Botox',
      clinician: 'Botulinum toxin',
      followUp: 'toxinDate',
    },
    {
      value: 'filler',
      label: 'Filler injections',
      clinician: 'Dermal filler',
      followUp: 'fillerDate',
    },
    {
      value: 'peel',
      label: 'A chemical peel at a clinic',
      clinician: 'Chemical peel',
      followUp: 'peelDate',
    },
    {
      value: 'laser',
      label: 'Laser or light (IPL) treatment',
      clinician: 'Laser or IPL',
      followUp: 'laserDate',
    },
    {
      value: 'dermabrasion_deep_peel',
      label: 'Dermabrasion, or a deep peel',
      clinician: 'Dermabrasion or deep peel',
      followUp: 'deepPeelDate',
    },
    {
      value: 'facial_surgery',
      label: 'A facelift or surgery on the eyelids',
      clinician: 'Facelift or blepharoplasty',
      followUp: 'facialSurgeryDate',
    },
  ],
}

export const NONE_LABEL = 'None of these'

export const CHECKLIST_QUESTIONS = [
  SKIN_NOW_QUESTION,
  HISTORY_QUESTION,
  MEDICINES_QUESTION,
  ALLERGIES_QUESTION,
  PROCEDURES_QUESTION,
] as const

export const FOLLOW_UP_TEXT: Record<FollowUpName, FollowUpText & { clinician: string }> = {
  tanDate: {
    label: 'When did you last tan, or use fake tan?',
    hint: 'If you still do, enter today’s date.',
    clinician: 'Last tan or self-tan',
  },
  diabetesControlled: {
    label: 'Is your diabetes well controlled?',
    hint: 'Your doctor or nurse can tell you.',
    clinician: 'Diabetes controlled',
  },
  cancerTreatmentEndDate: {
    label: 'When did your last treatment end?',
    clinician: 'Chemotherapy or radiotherapy ended',
  },
  isotretinoinLastDose: {
    label: 'When did you take your last tablet?',
    hint: 'A close guess is fine.',
    clinician: 'Last isotretinoin dose',
  },
  retinoidLastUse: {
    label: 'When did you last use it on the area?',
    hint: 'If you still use it, enter today’s date. You will need to stop a few days before your visit.',
    clinician: 'Last topical retinoid or acid',
  },
  toxinDate: { label: 'When did you have the injections?', clinician: 'Botulinum toxin on' },
  fillerDate: { label: 'When did you have the filler?', clinician: 'Filler on' },
  peelDate: { label: 'When did you have the peel?', clinician: 'Peel on' },
  laserDate: {
    label: 'When did you have the laser or light treatment?',
    clinician: 'Laser or IPL on',
  },
  deepPeelDate: {
    label: 'When did you have the dermabrasion or deep peel?',
    clinician: 'Dermabrasion or deep peel on',
  },
  facialSurgeryDate: {
    label: 'When did you have the surgery?',
    clinician: 'Facelift or eyelid surgery on',
  },
}

export const DIABETES_CONTROL_OPTIONS: Option<(typeof DIABETES_CONTROL)[number]>[] = [
  { value: 'yes', label: 'Yes', clinician: 'Yes' },
  { value: 'no', label: 'No', clinician: 'No' },
  { value: 'unsure', label: 'I am not sure', clinician: 'Not sure' },
]

/** Section headings of the form, in order. */
export const SECTION_TITLES = {
  about: 'About you',
  skin: 'Your skin now',
  health: 'Your health',
  medicines: 'Medicines and skin products',
  allergies: 'Allergies',
  pregnancy: 'Pregnancy',
  treatments: 'Other skin treatments',
} as const

/** What one choice reads, for the patient and for the clinician. */
type ChoiceWords = { label: string; clinician: string }
type ChoicesWords<T extends string> = Record<T, ChoiceWords>
type QuestionWords<T extends string> = { legend: string; hint: string; options: ChoicesWords<T> }

type ClinicianTitles = {
  dateOfBirth: string
  areas: string
  skinType: string
  pregnancy: string
  none: string
} & Record<ChecklistName, string>

const CLINICIAN_TITLES: ClinicianTitles = {
  dateOfBirth: 'Date of birth',
  areas: 'Areas',
  skinType: 'Skin type',
  skinNow: 'At the site now',
  history: 'History',
  medicines: 'Medicines and topicals',
  allergies: 'Allergies',
  pregnancy: 'Pregnancy or breastfeeding',
  procedures: 'Procedures in the last 12 months',
  none: 'None',
}

type ResultTexts = {
  [K in keyof typeof RESULT_TEXTS]: (typeof RESULT_TEXTS)[K] extends string
    ? string
    : { [P in keyof (typeof RESULT_TEXTS)[K]]: string }
}

/**
 * The words of the questionnaire in another language, keyed by the same values as the English
 * lists, so a translation cannot add, drop or reorder a question or a choice (questionnaire.it.ts).
 */
export type QuestionnaireWords = {
  dateOfBirth: { label: string; hint: string }
  areas: QuestionWords<(typeof TREATMENT_AREAS)[number]>
  skinType: QuestionWords<(typeof SKIN_TYPES)[number]>
  checklists: {
    skinNow: QuestionWords<(typeof SKIN_NOW)[number]>
    history: QuestionWords<(typeof HISTORY)[number]>
    medicines: QuestionWords<(typeof MEDICINES)[number]>
    allergies: QuestionWords<(typeof ALLERGIES)[number]>
    procedures: QuestionWords<(typeof PROCEDURES)[number]>
  }
  pregnancy: QuestionWords<(typeof PREGNANCY)[number]>
  followUps: Record<FollowUpName, FollowUpText & { clinician: string }>
  diabetesControl: ChoicesWords<(typeof DIABETES_CONTROL)[number]>
  noneLabel: string
  sections: Record<keyof typeof SECTION_TITLES, string>
  clinician: ClinicianTitles
  result: ResultTexts
}

/** The questionnaire in one language: the English structure, with that language's words. */
export type Questionnaire = {
  dateOfBirth: typeof DATE_OF_BIRTH_QUESTION
  areas: typeof AREAS_QUESTION
  skinType: typeof SKIN_TYPE_QUESTION
  checklists: readonly ChecklistQuestion<string>[]
  pregnancy: typeof PREGNANCY_QUESTION
  followUps: typeof FOLLOW_UP_TEXT
  diabetesControl: typeof DIABETES_CONTROL_OPTIONS
  noneLabel: string
  sections: Record<keyof typeof SECTION_TITLES, string>
  clinician: ClinicianTitles
  result: ResultTexts
}

const english = (): Questionnaire => ({
  dateOfBirth: DATE_OF_BIRTH_QUESTION,
  areas: AREAS_QUESTION,
  skinType: SKIN_TYPE_QUESTION,
  checklists: CHECKLIST_QUESTIONS as readonly ChecklistQuestion<string>[],
  pregnancy: PREGNANCY_QUESTION,
  followUps: FOLLOW_UP_TEXT,
  diabetesControl: DIABETES_CONTROL_OPTIONS,
  noneLabel: NONE_LABEL,
  sections: SECTION_TITLES,
  clinician: CLINICIAN_TITLES,
  result: RESULT_TEXTS,
})

function withWords<O extends { value: string; label: string; clinician: string }>(
  options: readonly O[],
  words: Record<string, ChoiceWords>,
): O[] {
  return options.map((option) => ({ ...option, ...words[option.value]! }))
}

function translated(words: QuestionnaireWords): Questionnaire {
  const question = <O extends Option<string>, Q extends { options: O[] }>(
    english: Q,
    own: QuestionWords<string>,
  ): Q => ({
    ...english,
    legend: own.legend,
    hint: own.hint,
    options: withWords(english.options, own.options),
  })
  return {
    dateOfBirth: words.dateOfBirth,
    areas: question(AREAS_QUESTION, words.areas),
    skinType: question(SKIN_TYPE_QUESTION, words.skinType),
    checklists: CHECKLIST_QUESTIONS.map((english) =>
      question(english as ChecklistQuestion<string>, words.checklists[english.name]),
    ),
    pregnancy: question(PREGNANCY_QUESTION, words.pregnancy),
    followUps: words.followUps,
    diabetesControl: withWords(DIABETES_CONTROL_OPTIONS, words.diabetesControl),
    noneLabel: words.noneLabel,
    sections: words.sections,
    clinician: words.clinician,
    result: words.result,
  }
}

const BUILD: Record<Locale, () => Questionnaire> = {
  en: english,
  it: () => translated(QUESTIONNAIRE_IT),
}
const built = new Map<Locale, Questionnaire>()

/** The questionnaire in a language: the same keys, choices and follow-ups in every language. */
export function questionnaire(locale: Locale = 'en'): Questionnaire {
  let q = built.get(locale)
  if (!q) {
    q = BUILD[locale]()
    built.set(locale, q)
  }
  return q
}

/** What the result page says for each outcome (before the rules' own explanations). */
export const RESULT_TEXTS = {
  eligible: {
    title: 'Thank you, you can book',
    body: 'Your answers do not stop you from having this treatment. Now choose a day and time.',
  },
  review: {
    title: 'A clinician will check your answers',
    body: 'You can choose a time now. We keep it for you, and a clinician will check your answers before your visit. We will email you when your booking is confirmed, or if we have a question.',
  },
  wait: {
    title: 'You can book from a later date',
    body: 'Some of your answers mean we need to wait a little before the treatment. You can choose a time from the date below.',
  },
  notEligible: {
    title: 'We cannot book this treatment for you now',
    body: 'Thank you for your honest answers. They keep you safe. For the reasons below, this treatment is not right for you at the moment.',
    consultation:
      'You can book a consultation instead. A clinician will look at your skin and talk with you about what is safe for you.',
  },
  consultation: {
    review:
      'If you would like to talk first, you can book a consultation instead. A clinician will look at your skin and your answers with you.',
  },
  headings: {
    notEligible: 'Why we cannot book it now',
    review: 'What a clinician will check',
    wait: 'Dates to wait for',
  },
  privacy: 'Only the clinicians who treat you can see your answers. We never put them in emails.',
  intro:
    'These questions help us keep you safe. Please answer them for the skin you want treated. It takes about five minutes.',
} as const
