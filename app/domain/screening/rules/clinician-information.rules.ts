import { has, type ScreeningRule } from './rule-types.ts'

/** Information for the clinician only: nothing changes for the patient. */
export const CLINICIAN_INFORMATION_RULES: readonly ScreeningRule[] = [
  {
    id: 'darker-skin-type',
    label: 'Fitzpatrick IV–VI',
    kind: 'info',
    sources: 'B-2, B-11, B-21, D-8, D-34',
    applies: ({ answers }) => ['IV', 'V', 'VI'].includes(answers.skinType),
    patient: null,
    clinician: ({ answers }) =>
      `Fitzpatrick ${answers.skinType}: higher risk of post-inflammatory hyperpigmentation; match depth to skin thickness, avoid excess pressure over bone, strict UV protection.`,
  },
  {
    id: 'eye-area',
    label: 'Eye area requested',
    kind: 'info',
    sources: 'C-SP1, D-16, D-17',
    applies: ({ answers }) => has(answers.areas, 'eye_area'),
    patient: null,
    clinician: () =>
      'Periorbital area requested: never inside the orbital rim (SkinPen); thin skin, consumer charts give 0.2–0.3 mm.',
  },
  {
    id: 'diabetes-controlled',
    label: 'Diabetes, controlled',
    kind: 'info',
    sources: 'D-1, D-2, D-3, D-31',
    applies: ({ answers }) =>
      has(answers.history, 'diabetes') && answers.diabetesControlled === 'yes',
    patient: null,
    clinician: () => 'Diabetes reported as well controlled; some clinics exclude any diabetes.',
  },
]
