import { type ScreeningSettings } from '../screening-settings.schema.ts'
import { has, type ScreeningRule, type WaitingWindow } from './rule-types.ts'

function span(settings: ScreeningSettings, window: WaitingWindow): string {
  const n = settings[window.setting]
  const unit = window.unit === 'months' ? (n === 1 ? 'month' : 'months') : n === 1 ? 'day' : 'days'
  return `${n} ${unit}`
}

const ISO_WINDOW: WaitingWindow = {
  from: (a) => a.isotretinoinLastDose,
  setting: 'isotretinoinMonths',
  unit: 'months',
}
const CANCER_WINDOW: WaitingWindow = {
  from: (a) => a.cancerTreatmentEndDate,
  setting: 'cancerTreatmentMonths',
  unit: 'months',
}
const DEEP_PEEL_WINDOW: WaitingWindow = {
  from: (a) => a.deepPeelDate,
  setting: 'deepPeelMonths',
  unit: 'months',
}
const FACIAL_SURGERY_WINDOW: WaitingWindow = {
  from: (a) => a.facialSurgeryDate,
  setting: 'facialSurgeryMonths',
  unit: 'months',
}

/** Waiting windows: the first bookable day moves to after the window. */
export const WAITING_WINDOW_RULES: readonly ScreeningRule[] = [
  {
    id: 'isotretinoin-recent',
    label: 'Isotretinoin stopped recently',
    kind: 'wait_until',
    window: ISO_WINDOW,
    sources: 'B-12, B-13, B-14, D-3, D-4, D-6, D-7, D-9, D-10',
    applies: ({ answers }) => has(answers.medicines, 'isotretinoin_past'),
    patient: ({ settings }) =>
      `After the last isotretinoin tablet, skin needs time to heal well. We wait ${span(settings, ISO_WINDOW)} after your last tablet.`,
    clinician: ({ answers }) =>
      `Last isotretinoin dose ${answers.isotretinoinLastDose}. Package insert: no skin-smoothing procedures for 6 months; ASDS 2017 finds too little evidence to delay superficial procedures.`,
  },
  {
    id: 'toxin-recent',
    label: 'Botulinum toxin recently',
    kind: 'wait_until',
    window: { from: (a) => a.toxinDate, setting: 'toxinDays', unit: 'days' },
    sources: 'D-1, D-3, D-7, D-8, D-28',
    applies: ({ answers }) => has(answers.procedures, 'toxin'),
    patient: ({ settings }) =>
      `Injections to smooth lines need time to settle. We wait ${settings.toxinDays} days after them.`,
    clinician: ({ answers }) =>
      `Botulinum toxin on ${answers.toxinDate}. Clinic windows range from 1 week to 6 months; no evidence base.`,
  },
  {
    id: 'filler-recent',
    label: 'Filler recently',
    kind: 'wait_until',
    window: { from: (a) => a.fillerDate, setting: 'fillerDays', unit: 'days' },
    sources: 'D-1, D-3, D-7, D-8, D-28',
    applies: ({ answers }) => has(answers.procedures, 'filler'),
    patient: ({ settings }) =>
      `Filler needs time to settle. We wait ${settings.fillerDays} days after it.`,
    clinician: ({ answers }) =>
      `Dermal filler on ${answers.fillerDate}. Clinic windows range from 2 weeks to 12 months; no evidence base.`,
  },
  {
    id: 'retinoids-recent',
    label: 'Topical retinoid or acid',
    kind: 'wait_until',
    window: { from: (a) => a.retinoidLastUse, setting: 'retinoidDays', unit: 'days' },
    sources: 'D-4, D-5, D-6, D-9, D-10, D-11, D-13, D-14, D-20, D-33',
    applies: ({ answers }) => has(answers.medicines, 'retinoids_acids'),
    patient: ({ settings }) =>
      `Creams with retinol or acids make skin thin and tender. Stop using them on the area ${settings.retinoidDays} days before your visit.`,
    clinician: ({ answers }) =>
      `Topical retinoid or AHA/BHA last used ${answers.retinoidLastUse}. Clinic stop times range from 24 hours to 10 days.`,
  },
  {
    id: 'peel-recent',
    label: 'Chemical peel recently',
    kind: 'wait_until',
    window: { from: (a) => a.peelDate, setting: 'peelDays', unit: 'days' },
    sources: 'D-8, D-30, C-IM',
    applies: ({ answers }) => has(answers.procedures, 'peel'),
    patient: ({ settings }) =>
      `After a peel, skin needs time to heal. We wait ${settings.peelDays} days after it.`,
    clinician: ({ answers }) =>
      `Chemical peel on ${answers.peelDate}. Deep peel within 30 days excluded by clinics; 3 months after a deep peel or dermabrasion.`,
  },
  {
    id: 'laser-recent',
    label: 'Laser or IPL recently',
    kind: 'wait_until',
    window: { from: (a) => a.laserDate, setting: 'laserDays', unit: 'days' },
    sources: 'D-4, C-IM',
    applies: ({ answers }) => has(answers.procedures, 'laser'),
    patient: ({ settings }) =>
      `After laser or light treatment, skin needs time to heal. We wait ${settings.laserDays} days after it.`,
    clinician: ({ answers }) =>
      `Laser or IPL on ${answers.laserDate}. 2 weeks after IPL or laser; 2–3 weeks after non-ablative and 6–12 weeks after ablative fractional work.`,
  },
  {
    id: 'deep-peel-recent',
    label: 'Dermabrasion or deep peel recently',
    kind: 'wait_until',
    window: DEEP_PEEL_WINDOW,
    sources: 'D-8, D-30',
    applies: ({ answers }) => has(answers.procedures, 'dermabrasion_deep_peel'),
    patient: ({ settings }) =>
      `After dermabrasion or a deep peel, skin needs a long time to heal. We wait ${span(settings, DEEP_PEEL_WINDOW)} after it.`,
    clinician: ({ answers }) =>
      `Dermabrasion or deep peel on ${answers.deepPeelDate}. One clinic waits 3 months; deep peels within 30 days are excluded by another.`,
  },
  {
    id: 'facial-surgery-recent',
    label: 'Facelift or eyelid surgery recently',
    kind: 'wait_until',
    window: FACIAL_SURGERY_WINDOW,
    sources: 'D-8',
    applies: ({ answers }) => has(answers.procedures, 'facial_surgery'),
    patient: ({ settings }) =>
      `After a facelift or eyelid surgery, the skin and scars need time to settle. We wait ${span(settings, FACIAL_SURGERY_WINDOW)} after it.`,
    clinician: ({ answers }) =>
      `Facelift or blepharoplasty on ${answers.facialSurgeryDate}. One clinic waits 1 year; no evidence base found.`,
  },
  {
    id: 'tan-recent',
    label: 'Recent tan or self-tan',
    kind: 'wait_until',
    window: { from: (a) => a.tanDate, setting: 'tanDays', unit: 'days' },
    sources: 'D-4, D-5, D-8, D-9, D-10',
    applies: ({ answers }) => has(answers.skinNow, 'tan'),
    patient: ({ settings }) =>
      `Fresh tan makes marks on the skin more likely. We wait ${settings.tanDays} days after you last tan.`,
    clinician: ({ answers }) =>
      `Last tan or self-tan ${answers.tanDate}. Clinic windows 24 hours to 2 weeks; self-tan 48 hours.`,
  },
  {
    id: 'cancer-treatment-recent',
    label: 'Chemotherapy or radiotherapy ended recently',
    kind: 'wait_until',
    window: CANCER_WINDOW,
    sources: 'D-1, D-3, D-22',
    applies: ({ answers }) => has(answers.history, 'cancer_treatment_past'),
    patient: ({ settings }) =>
      `After cancer treatment, skin needs time to recover. We wait ${span(settings, CANCER_WINDOW)} after it ends.`,
    clinician: ({ answers }) =>
      `Chemotherapy or radiotherapy ended ${answers.cancerTreatmentEndDate}. One consent form excludes radiation to the area in the last 3 months.`,
  },
]
