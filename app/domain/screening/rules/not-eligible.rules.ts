import { has, type ScreeningRule } from './rule-types.ts'

const HEALED = 'Please book again when it has healed.'

/** Not eligible now: the treatment cannot go ahead until the condition has passed. */
export const NOT_ELIGIBLE_RULES: readonly ScreeningRule[] = [
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
]
