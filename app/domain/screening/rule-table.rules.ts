import { type RuleKind, type ScreeningAnswers } from './screening.schema.ts'
import { type ScreeningNumberSetting, type ScreeningSettings } from './screening-settings.schema.ts'

/**
 * The screening rules as data (docs/clinical-reference.md table 1.2 and section 6; docs/product.md
 * section 5). Each rule has an id, a condition over the answers, a default outcome, a sentence
 * for the patient and one for the clinician, and the source tags behind it. Waiting windows and
 * "make this review rule not eligible" are clinic settings (screening.schema.ts), published as
 * rule-set versions. Add a rule here and to the table-driven test; never reuse an id.
 */

export type RuleContext = {
  answers: ScreeningAnswers
  settings: ScreeningSettings
  /** The clinic's calendar date when the answers were judged. */
  today: string
  /** Whole years on `today`. */
  age: number
  /** What this rule says under the rule set in use (a stricter or relaxed choice changes it). */
  kind: RuleKind
}

export type WaitingWindow = {
  /** The date the wait counts from (a last dose, a treatment). */
  from: (answers: ScreeningAnswers) => string | undefined
  setting: ScreeningNumberSetting
  unit: 'days' | 'months'
}

export type ScreeningRule = {
  id: string
  /** A few words for the clinician and the admin page. */
  label: string
  kind: RuleKind
  /** A review rule the clinic may treat as "not eligible" instead (a stricter choice). */
  stricter?: true
  /** A "not eligible" rule the clinic may treat as "review" instead, where sources split. */
  relaxable?: true
  window?: WaitingWindow
  /** The default source tags (docs/clinical-reference.md section 1.3); a rule set may change them. */
  sources: string
  applies: (context: RuleContext) => boolean
  /** What the patient reads; null for information meant for the clinician only. */
  patient: ((context: RuleContext) => string) | null
  clinician: (context: RuleContext) => string
}

const has = <T extends string>(list: readonly T[], value: T) => list.includes(value)

function span(settings: ScreeningSettings, window: WaitingWindow): string {
  const n = settings[window.setting]
  const unit = window.unit === 'months' ? (n === 1 ? 'month' : 'months') : n === 1 ? 'day' : 'days'
  return `${n} ${unit}`
}

const HEALED = 'Please book again when it has healed.'
const NO_NUMBING =
  'We may not be able to use numbing cream. A clinician will check how to treat you safely.'

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

export const SCREENING_RULES: readonly ScreeningRule[] = [
  // --- Not eligible now ------------------------------------------------------------------
  {
    id: 'infection-at-site',
    label: 'Active infection at the site',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, B-2, D-1, D-3',
    applies: ({ answers }) => has(answers.skinNow, 'infection'),
    patient: () =>
      `You have a skin infection where you want the treatment. The needles could spread it. ${HEALED}`,
    clinician: () =>
      'Active bacterial, viral or fungal infection at the site: contraindicated until resolved.',
  },
  {
    id: 'open-wound-at-site',
    label: 'Open wound or sore at the site',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, D-1',
    applies: ({ answers }) => has(answers.skinNow, 'open_wound'),
    patient: () =>
      `You have an open cut or sore where you want the treatment. We only treat skin that is whole. ${HEALED}`,
    clinician: () =>
      'Open wound, sore or irritated skin at the site: contraindicated (SkinPen labeling).',
  },
  {
    id: 'cold-sore-now',
    label: 'Active cold sore',
    kind: 'not_eligible',
    sources: 'C-DP, D-4',
    applies: ({ answers }) => has(answers.skinNow, 'cold_sore'),
    patient: () => `You have a cold sore now. The treatment could spread it. ${HEALED}`,
    clinician: () => 'Active herpes simplex lesion: reschedule until healed.',
  },
  {
    id: 'skin-cancer-at-site',
    label: 'Skin cancer or changed mole at the site',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, D-1',
    applies: ({ answers }) => has(answers.skinNow, 'changed_mole'),
    patient: () =>
      'You told us about a mole that has changed, or skin cancer, where you want the treatment. A doctor should look at it first, so we cannot treat that skin now.',
    clinician: () =>
      'Active skin cancer or a changed mole at the site: contraindicated at that site (SkinPen labeling); refer for assessment.',
  },
  {
    id: 'actinic-keratosis-at-site',
    label: 'Actinic keratosis at the site',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, D-1',
    applies: ({ answers }) => has(answers.skinNow, 'actinic_keratosis'),
    patient: () =>
      'You told us about rough, scaly patches from sun damage where you want the treatment. A doctor should check them first, so we cannot treat that skin now.',
    clinician: () =>
      'Actinic (solar) keratosis at the site: not at that site; Dermapen requires a doctor’s consent. Offer a consultation.',
  },
  {
    id: 'raised-lesion-at-site',
    label: 'Raised or unchecked lesion at the site',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, D-1',
    applies: ({ answers }) => has(answers.skinNow, 'raised_lesion'),
    patient: () =>
      'You told us about a raised spot or lump that no doctor has checked, where you want the treatment. A doctor should look at it first, so we cannot treat that skin now.',
    clinician: () =>
      'Raised or suspicious lesion at the site, not yet assessed: not at that site until assessed. Offer a consultation.',
  },
  {
    id: 'flare-at-site',
    label: 'Eczema, psoriasis or rosacea flare at the site',
    kind: 'not_eligible',
    sources: 'C-DP, C-SP1, D-1, D-3, D-7',
    applies: ({ answers }) => has(answers.skinNow, 'skin_flare'),
    patient: () =>
      'Your eczema, psoriasis or rosacea is flaring where you want the treatment. Please book again when it has calmed down.',
    clinician: () => 'Active eczema, psoriasis, dermatitis or rosacea at the site: defer.',
  },
  {
    id: 'sunburn',
    label: 'Sunburn',
    kind: 'not_eligible',
    sources: 'D-4, D-5, D-8, D-9, D-10',
    applies: ({ answers }) => has(answers.skinNow, 'sunburn'),
    patient: () => `You have sunburn. Burnt skin must not be treated. ${HEALED}`,
    clinician: () => 'Sunburnt skin: hard stop on the day; reschedule.',
  },
  {
    id: 'bleeding-disorder',
    label: 'Bleeding disorder',
    kind: 'not_eligible',
    sources: 'C-SP1, C-DP, D-1',
    applies: ({ answers }) => has(answers.history, 'bleeding_disorder'),
    patient: () =>
      'You have a bleeding problem. The treatment makes the skin bleed a little, so it is not safe for you.',
    clinician: () =>
      'Haemorrhagic disorder or haemostatic dysfunction: contraindicated (SkinPen labeling); Dermapen requires a doctor’s consent.',
  },
  {
    id: 'isotretinoin-now',
    label: 'Isotretinoin, current',
    kind: 'not_eligible',
    sources: 'C-SP1',
    applies: ({ answers }) => has(answers.medicines, 'isotretinoin_now'),
    patient: () =>
      'You take isotretinoin now. While you take it, skin heals badly and may scar, so we cannot treat you.',
    clinician: () => 'Current isotretinoin: contraindicated (SkinPen labeling).',
  },
  {
    id: 'pregnancy-or-breastfeeding',
    label: 'Pregnancy or breastfeeding',
    kind: 'not_eligible',
    relaxable: true,
    sources: 'C-SP1, C-DP, D-20, D-29',
    applies: ({ answers }) => answers.pregnancy !== 'no',
    patient: ({ kind }) =>
      kind === 'not_eligible'
        ? 'We do not do this treatment while you are pregnant or breastfeeding. The maker of the needle device says not to. You are welcome to book again later.'
        : 'Many clinics do not treat people who are pregnant or breastfeeding. A clinician will check your answers.',
    clinician: ({ answers, kind }) =>
      `${answers.pregnancy === 'breastfeeding' ? 'Breastfeeding' : 'Pregnant or might be'}: contraindicated in SkinPen labeling; Dermapen contraindicates only the topical anaesthetic. Sources split; ${kind === 'not_eligible' ? 'not eligible by default' : 'this clinic asks for a clinician’s review'}.`,
  },
  {
    id: 'stainless-steel-allergy',
    label: 'Stainless-steel allergy',
    kind: 'not_eligible',
    sources: 'C-SP1, B-2',
    applies: ({ answers }) => has(answers.allergies, 'stainless_steel'),
    patient: () =>
      'The needles are made of stainless steel. If you are allergic to it, the treatment is not safe for you.',
    clinician: () =>
      'Known stainless-steel allergy: contraindicated in SkinPen labeling; metal allergy is a risk factor (nickel history alone is a review).',
  },
  {
    id: 'under-minimum-age',
    label: 'Under the minimum age',
    kind: 'not_eligible',
    sources: 'R-7, R-5, A-7',
    applies: ({ age, settings }) => age < settings.minimumAge,
    patient: ({ settings }) =>
      `This treatment is only for people aged ${settings.minimumAge} or older.`,
    clinician: ({ age, settings }) =>
      `Age ${age}: below the clinic minimum of ${settings.minimumAge} (Scotland proposes 18 for all non-surgical procedures).`,
  },
  // --- Clinician review (the clinic may treat any of these as not eligible) --------------
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
  // --- Waiting windows (the first bookable day moves) ------------------------------------
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
  // --- Information for the clinician -----------------------------------------------------
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

/** "Not eligible" rules the clinic may relax to a clinician's review (the admin page lists them). */
export const RELAXABLE_CHOICES = SCREENING_RULES.filter((rule) => rule.relaxable).map((rule) => ({
  id: rule.id,
  label: rule.label,
  sources: rule.sources,
}))

/** Review rules the clinic may make stricter (the admin page lists them). */
export const STRICTER_CHOICES = SCREENING_RULES.filter((rule) => rule.stricter).map((rule) => ({
  id: rule.id,
  label: rule.label,
  sources: rule.sources,
}))

/** The waiting windows, with the rule that uses each setting (the admin page lists them). */
export const WINDOW_SETTINGS = SCREENING_RULES.filter((rule) => rule.window).map((rule) => ({
  ruleId: rule.id,
  label: rule.label,
  setting: rule.window!.setting,
  unit: rule.window!.unit,
  sources: rule.sources,
}))
