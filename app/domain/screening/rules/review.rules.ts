import { has, type ScreeningRule } from './rule-types.ts'

const NO_NUMBING =
  'We may not be able to use numbing cream. A clinician will check how to treat you safely.'

/** A clinician reviews the answers first (the clinic may treat any of these as not eligible). */
export const REVIEW_RULES: readonly ScreeningRule[] = [
  {
    id: 'cold-sores-history',
    label: 'History of cold sores',
    kind: 'review',
    stricter: true,
    sources: 'D-4, D-5, D-10, D-13, D-21',
    applies: ({ answers }) => has(answers.history, 'cold_sores'),
    patient: () =>
      'You have had cold sores. The treatment can bring one on. A clinician will check if you need medicine to prevent one.',
    clinician: () =>
      'History of HSV: consider antiviral cover (clinic practice 1–3 days around treatment; no peer-reviewed microneedling protocol).',
  },
  {
    id: 'keloid-tendency',
    label: 'Keloid or raised scar tendency',
    kind: 'review',
    stricter: true,
    sources: 'D-1, D-2, B-21, D-32, B-4',
    applies: ({ answers }) => has(answers.history, 'keloid'),
    patient: () =>
      'Your skin can form raised scars. A clinician will check if the treatment is right for you.',
    clinician: () =>
      'Keloid or hypertrophic scar tendency: relative contraindication; often a hard stop in practice.',
  },
  {
    id: 'diabetes-not-controlled',
    label: 'Diabetes, not known to be controlled',
    kind: 'review',
    stricter: true,
    sources: 'D-1, D-2, D-3, D-31, C-SP3',
    applies: ({ answers }) =>
      has(answers.history, 'diabetes') && answers.diabetesControlled !== 'yes',
    patient: () =>
      'Diabetes that is not well controlled can slow healing. A clinician will check your answers.',
    clinician: ({ answers }) =>
      `Diabetes, control reported as "${answers.diabetesControlled === 'no' ? 'no' : 'not sure'}": uncontrolled diabetes is excluded by most clinic lists.`,
  },
  {
    id: 'autoimmune-disease',
    label: 'Autoimmune disease',
    kind: 'review',
    stricter: true,
    sources: 'C-DP, D-25, D-9',
    applies: ({ answers }) => has(answers.history, 'autoimmune'),
    patient: () =>
      'An illness where the body attacks itself can change how skin heals. A clinician will check your answers.',
    clinician: () =>
      'Autoimmune or collagen-vascular disease (e.g. scleroderma, lupus, RA): needs a doctor’s consent; ask about autoimmune therapy.',
  },
  {
    id: 'immunosuppression',
    label: 'Immunosuppression',
    kind: 'review',
    stricter: true,
    sources: 'D-1, D-3, D-22',
    applies: ({ answers }) => has(answers.history, 'immunosuppression'),
    patient: () =>
      'A weak immune system makes infection more likely. A clinician will check your answers.',
    clinician: () => 'Immunosuppression: defer during active therapy; infection risk.',
  },
  {
    id: 'cancer-treatment-now',
    label: 'Chemotherapy or radiotherapy now',
    kind: 'review',
    stricter: true,
    sources: 'D-1, D-3, D-22',
    applies: ({ answers }) => has(answers.history, 'cancer_treatment_now'),
    patient: () =>
      'Cancer treatment can slow healing and raise the risk of infection. A clinician will check your answers.',
    clinician: () => 'Current chemotherapy or radiotherapy: defer during active therapy.',
  },
  {
    id: 'skin-disease-history',
    label: 'History of eczema, psoriasis or rosacea',
    kind: 'review',
    stricter: true,
    sources: 'C-DP, C-SP1, D-1, D-3, D-7',
    applies: ({ answers }) => has(answers.history, 'skin_disease'),
    patient: () =>
      'Eczema, psoriasis or rosacea can flare after the treatment. A clinician will check your answers.',
    clinician: () =>
      'History of eczema, psoriasis, dermatitis or rosacea: review (defer if active at site).',
  },
  {
    id: 'inflamed-acne',
    label: 'Active inflamed acne',
    kind: 'review',
    stricter: true,
    sources: 'C-DP, D-9, D-10, B-20',
    applies: ({ answers }) => has(answers.skinNow, 'inflamed_acne'),
    patient: () =>
      'You have red or sore spots now. A clinician will check if we should treat around them or wait.',
    clinician: () =>
      'Active inflamed acne: grade III–IV needs a doctor’s consent; not over active breakouts (a review abstract disagrees).',
  },
  {
    id: 'warts-at-site',
    label: 'Warts at the site',
    kind: 'review',
    stricter: true,
    sources: 'C-DP, D-7',
    applies: ({ answers }) => has(answers.skinNow, 'warts'),
    patient: () =>
      'Warts can spread with the needles. A clinician will check if we can treat around them.',
    clinician: () => 'Warts (HPV) in the area: defer or avoid the area.',
  },
  {
    id: 'anticoagulants',
    label: 'Anticoagulant or antiplatelet',
    kind: 'review',
    stricter: true,
    sources: 'D-1, D-4, D-6, D-7',
    applies: ({ answers }) => has(answers.medicines, 'blood_thinners'),
    patient: () =>
      'Blood thinners make bleeding and bruising more likely. A clinician will check your answers. Do not stop your medicine unless your own doctor tells you to.',
    clinician: () =>
      'Anticoagulant or antiplatelet: prescriber involvement; no source says the patient should stop it on their own.',
  },
  {
    id: 'photosensitising-medicine',
    label: 'Photosensitising medicine',
    kind: 'review',
    stricter: true,
    sources: 'D-7, D-32',
    applies: ({ answers }) => has(answers.medicines, 'photosensitising'),
    patient: () =>
      'Some medicines make skin more likely to burn or change colour. A clinician will check your answers.',
    clinician: () => 'Photosensitising drug: possible contraindication; raise with a doctor.',
  },
  {
    id: 'nickel-allergy',
    label: 'Nickel allergy',
    kind: 'review',
    stricter: true,
    sources: 'B-16, B-2',
    applies: ({ answers }) => has(answers.allergies, 'nickel'),
    patient: () =>
      'Steel needles hold a little nickel. A clinician will check if the treatment is safe for you.',
    clinician: () =>
      'Nickel history: 316L steel holds about 10–14 % nickel, but tips tested negative; no guideline for nickel pre-screening.',
  },
  {
    id: 'anaesthetic-allergy',
    label: 'Local anaesthetic allergy',
    kind: 'review',
    stricter: true,
    sources: 'C-SP1, C-DP',
    applies: ({ answers }) => has(answers.allergies, 'anaesthetic'),
    patient: () =>
      'You may be allergic to numbing cream. A clinician will check if we can treat you without it.',
    clinician: () =>
      'Topical anaesthetic allergy: hard stop for anaesthetic use; whether to treat without it, sources split.',
  },
  {
    id: 'radiation-to-area',
    label: 'Radiotherapy to the treatment area',
    kind: 'review',
    stricter: true,
    sources: 'D-3, D-22',
    applies: ({ answers }) => has(answers.history, 'radiation_to_area'),
    patient: () =>
      'Skin that had radiation treatment can heal more slowly. A clinician will check your answers.',
    clinician: () =>
      'Radiotherapy to the treatment area: one consent form excludes it, one clinic for the last 3 months; judge the skin.',
  },
  {
    id: 'blood-borne-infection',
    label: 'Systemic infection (e.g. hepatitis, HIV)',
    kind: 'review',
    stricter: true,
    sources: 'D-1',
    applies: ({ answers }) => has(answers.history, 'blood_borne_infection'),
    patient: () =>
      'You told us about an infection in the blood. A clinician will check your answers and plan your care.',
    clinician: () =>
      'Systemic or blood-borne infection (hepatitis, HIV): excluded by a spa list; review (immune status, universal precautions).',
  },
  {
    id: 'numbing-liver-disease',
    label: 'Liver disease (numbing cream)',
    kind: 'review',
    stricter: true,
    sources: 'C-DP',
    applies: ({ answers }) => has(answers.history, 'liver_disease'),
    patient: () => `You have liver disease. ${NO_NUMBING}`,
    clinician: () =>
      'Hepatic disease: topical anaesthetic contraindicated (Dermapen manual); treat without it, or decide.',
  },
  {
    id: 'numbing-pseudocholinesterase',
    label: 'Pseudocholinesterase deficiency (numbing cream)',
    kind: 'review',
    stricter: true,
    sources: 'C-DP',
    applies: ({ answers }) => has(answers.history, 'pseudocholinesterase'),
    patient: () => `Your body is slow to break down some drugs. ${NO_NUMBING}`,
    clinician: () =>
      'Pseudocholinesterase deficiency: topical anaesthetic contraindicated (Dermapen manual); treat without it, or decide.',
  },
  {
    id: 'numbing-methaemoglobinaemia',
    label: 'Methaemoglobinaemia (numbing cream)',
    kind: 'review',
    stricter: true,
    sources: 'C-DP',
    applies: ({ answers }) => has(answers.history, 'methaemoglobinaemia'),
    patient: () =>
      `You have a blood problem that some numbing creams can make worse. ${NO_NUMBING}`,
    clinician: () =>
      'Methaemoglobinaemia: topical anaesthetic contraindicated (Dermapen manual); treat without it, or decide.',
  },
  {
    id: 'numbing-sulpha-paba-allergy',
    label: 'Sulphonamide or PABA allergy (numbing cream)',
    kind: 'review',
    stricter: true,
    sources: 'C-DP',
    applies: ({ answers }) => has(answers.allergies, 'sulpha_paba'),
    patient: () => `You are allergic to sulfa drugs or PABA. ${NO_NUMBING}`,
    clinician: () =>
      'PABA or sulphonamide allergy: topical anaesthetic contraindicated (Dermapen manual); treat without it, or decide.',
  },
  {
    id: 'numbing-heart-rhythm-medicine',
    label: 'Heart-rhythm medicine (numbing cream)',
    kind: 'review',
    stricter: true,
    sources: 'C-DP',
    applies: ({ answers }) => has(answers.medicines, 'heart_rhythm'),
    patient: () => `You take medicine for your heartbeat. ${NO_NUMBING}`,
    clinician: () =>
      'Antiarrhythmic medicine: topical anaesthetic contraindicated (Dermapen manual); treat without it, or decide.',
  },
  {
    id: 'young-adult',
    label: 'Younger than the review age',
    kind: 'review',
    stricter: true,
    sources: 'A-7, R-7, R-5',
    applies: ({ age, settings }) => age >= settings.minimumAge && age < settings.reviewUnderAge,
    patient: ({ settings }) =>
      `You are younger than ${settings.reviewUnderAge}. A clinician will check that the treatment suits you.`,
    clinician: ({ age }) =>
      `Age ${age}: FDA-cleared SkinPen indications are for patients aged 22 or older.`,
  },
]
