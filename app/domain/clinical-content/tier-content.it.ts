import type { HealingStage, SharedClinicalText, TierContent } from './tier-content.ts'

/**
 * The tier content in Italian: the same stages, days, rules and course as the English in
 * tier-content.ts, written (not machine-translated) in the informal "tu", in short sentences, for
 * a Gulpease index of 60 or more (ADR 038). tier-content.test.ts checks that both languages have
 * the same structure: stages, days, pictures, and as many rules in each list.
 */

const WHEN_TO_CALL_COMMON = [
  'Dopo il giorno 2 rossore, calore, gonfiore o dolore non calano, ma crescono.',
  'Vedi del pus o delle croste gialle, oppure hai la febbre o non ti senti bene.',
  'Hai molto più rossore, lividi, gonfiore o sangue di quanto ti abbiamo detto.',
  'Ti viene l’herpes sul labbro.',
  'Rossore, gonfiore o pelle che si spella durano più di 7 giorni circa.',
  'Vedi nuovi puntini rossi che prudono, o piccoli noduli che fanno male. Anche dopo settimane.',
  'Una zona della pelle diventa più scura o più chiara.',
] as const

const SUN = [
  'Per 3 giorni stai lontano dal sole forte.',
  'Dal secondo giorno metti ogni giorno la crema solare SPF 50, per 2 settimane, anche se è nuvoloso.',
] as const

const TREATMENT_DAY_CARE: Pick<HealingStage, 'do' | 'avoid'> = {
  do: [
    'Lava la pelle solo con acqua tiepida. Asciugala piano con un asciugamano pulito.',
    'Metti la crema lenitiva che ti abbiamo dato.',
  ],
  avoid: [
    'Niente trucco e niente crema solare per le prime 24 ore.',
    'Niente sport, sauna, bagno turco o piscina.',
    'Stai lontano dal sole.',
  ],
}

const PRE_VISIT = [
  'Per 5 giorni prima, smetti di usare sulla zona retinolo, retinoidi, acidi (AHA, BHA) e scrub.',
  'Tieni la zona lontana dal sole forte. Non venire con una scottatura o con un autoabbronzante appena messo.',
  'Se ti viene l’herpes o un brufolo che sembra infetto, chiamaci: spostiamo la visita.',
  'Se non li ha prescritti un medico, evita aspirina, ibuprofene e olio di pesce per 3 giorni prima, e l’alcol il giorno prima. Fanno venire più facilmente sangue e lividi.',
  'Vieni con la pelle pulita e senza trucco sulla zona.',
] as const

export const MEDICAL_IT: TierContent = {
  tier: 'medical',
  depth: 'da 1 a 1,5 mm',
  stages: [
    {
      key: 'day-0',
      fromDay: 0,
      toDay: 0,
      when: 'Giorno 0',
      title: 'Il giorno del trattamento',
      text: 'La pelle è rossa, come dopo una leggera scottatura. Può essere calda, tesa e un po’ dolente. Qualche puntino di sangue è normale.',
      picture: 'bleeding',
      ...TREATMENT_DAY_CARE,
    },
    {
      key: 'days-1-3',
      fromDay: 1,
      toDay: 3,
      when: 'Dal giorno 1 al giorno 3',
      title: 'Il rossore cala',
      text: 'Il rossore e il gonfiore scendono. Entro il giorno 3 sono quasi spariti. La pelle può essere tesa e secca.',
      picture: 'fading',
      do: [
        'Lava la pelle con un detergente delicato e acqua tiepida.',
        'Usa la crema lenitiva ogni giorno.',
        'Metti la crema solare SPF 50 ogni giorno, anche se è nuvoloso.',
      ],
      avoid: [
        'Stai lontano dal sole forte.',
        'Niente sport, sauna, bagno turco o piscina fino alla fine del giorno 3.',
        'Niente retinolo, acidi, sieri alla vitamina C o scrub.',
      ],
    },
    {
      key: 'days-4-6',
      fromDay: 4,
      toDay: 6,
      when: 'Dal giorno 4 al giorno 6',
      title: 'Pellicine e piccole croste',
      text: 'La pelle può spellarsi e si possono formare piccole croste. Non toccarle: cadono da sole.',
      picture: 'flaking',
      do: [
        'Continua a usare ogni giorno la crema lenitiva e la crema solare.',
        'Lascia che pellicine e piccole croste cadano da sole.',
      ],
      avoid: [
        'Non staccare, grattare o strofinare pellicine o croste. Può restare una cicatrice.',
        'Ancora niente retinolo, acidi, sieri alla vitamina C o scrub.',
      ],
    },
    {
      key: 'days-7-10',
      fromDay: 7,
      toDay: 10,
      when: 'Dal giorno 7 al giorno 10',
      title: 'Pelle guarita',
      text: 'Vanno via gli ultimi rossori, croste o lividi. Ora quasi tutta la pelle è guarita.',
      picture: 'healed',
      do: [
        'Torna piano alla tua solita cura della pelle.',
        'Usa la crema lenitiva fino al giorno 10.',
        'Metti la crema solare ogni giorno finché non sono passate 2 settimane.',
      ],
      avoid: ['Non stare per ore sotto il sole forte.'],
    },
    {
      key: 'weeks-after',
      fromDay: 11,
      toDay: null,
      when: 'Dal giorno 11',
      title: 'Nuovo collagene',
      text: 'La pelle continua a fare nuovo collagene. I risultati arrivano piano, in settimane o mesi. Li valutiamo 3 mesi dopo l’ultima seduta.',
      picture: 'glow',
      do: ['Vieni alla prossima seduta, come previsto.'],
      avoid: [],
    },
  ],
  aftercare: [
    'Il primo giorno non truccarti. Lava la pelle solo con acqua tiepida. Dopo, usa un detergente delicato.',
    'Metti ogni giorno la crema lenitiva che ti diamo, da 7 a 10 giorni. Non usare altre creme, se non te lo diciamo noi.',
    'Per 7 giorni non usare retinolo, acidi (AHA o BHA), sieri alla vitamina C o scrub.',
    'Per 3 giorni niente sport pesante, piscina, sauna o bagno turco.',
    'Non staccare e non grattare pellicine o croste. Può restare una cicatrice.',
  ],
  sun: SUN,
  whenToCall: WHEN_TO_CALL_COMMON,
  course: {
    sessions: { min: 3, max: 6 },
    intervalWeeks: 4,
    maintenancePerYear: { min: 2, max: 3 },
  },
  preVisit: PRE_VISIT,
}

export const COSMETIC_IT: TierContent = {
  tier: 'cosmetic',
  depth: '0,5 mm o meno',
  stages: [
    {
      key: 'day-0',
      fromDay: 0,
      toDay: 0,
      when: 'Giorno 0',
      title: 'Il giorno del trattamento',
      text: 'La pelle è rosa, calda e tesa. Non deve uscire sangue.',
      picture: 'pink',
      ...TREATMENT_DAY_CARE,
    },
    {
      key: 'days-1-3',
      fromDay: 1,
      toDay: 3,
      when: 'Dal giorno 1 al giorno 3',
      title: 'Il rosa va via',
      text: 'Spesso il rosa va via in poche ore. Al massimo dura 2 o 3 giorni. La pelle può essere secca o spellarsi un poco. Non devono formarsi croste.',
      picture: 'fading',
      do: [
        'Lava la pelle con un detergente delicato e acqua tiepida.',
        'Usa la crema lenitiva per 1 o 2 giorni.',
        'Metti la crema solare SPF 50 ogni giorno, anche se è nuvoloso.',
      ],
      avoid: [
        'Stai lontano dal sole forte.',
        'Per 2 giorni niente retinolo, acidi, sieri alla vitamina C o scrub.',
        'Non staccare e non strofinare le pellicine.',
      ],
    },
    {
      key: 'weeks-after',
      fromDay: 4,
      toDay: null,
      when: 'Dal giorno 4',
      title: 'Pelle fresca',
      text: 'Per alcune settimane la pelle è più liscia e luminosa.',
      picture: 'glow',
      do: [
        'Torna alla tua solita cura della pelle.',
        'Metti la crema solare ogni giorno finché non sono passate 2 settimane.',
        'Vieni alla prossima seduta, come previsto.',
      ],
      avoid: [],
    },
  ],
  aftercare: [
    'Il primo giorno non truccarti. Lava la pelle solo con acqua tiepida. Dopo, usa un detergente delicato.',
    'Metti la crema lenitiva che ti diamo per 1 o 2 giorni. Non usare altre creme, se non te lo diciamo noi.',
    'Per 2 giorni non usare retinolo, acidi (AHA o BHA), sieri alla vitamina C o scrub.',
    'Per 1 giorno niente sport pesante, piscina, sauna o bagno turco.',
    'Non staccare e non grattare le pellicine. Può restare un segno.',
  ],
  sun: SUN,
  whenToCall: [
    ...WHEN_TO_CALL_COMMON,
    'Hai croste o sangue: dopo questo trattamento non devono esserci.',
  ],
  course: {
    sessions: { min: 4, max: 4 },
    intervalWeeks: 2,
    maintenancePerYear: { min: 2, max: 3 },
  },
  preVisit: PRE_VISIT,
}

export const SHARED_IT: SharedClinicalText = {
  intactSkinRule:
    'Trattiamo solo pelle integra e sana. Non usiamo mai gli aghi su una ferita, un’infezione, l’acne attiva o la pelle irritata.',
  needlingKinds: [
    'Il needling medico arriva a 1-1,5 mm di profondità, o di più per le cicatrici. Lo fa solo un medico, o un infermiere che lavora con un medico. Serve a far fare alla pelle nuovo collagene.',
    'Il needling estetico non è la stessa cosa. I suoi aghi sono lunghi 0,5 mm o meno. Arrivano solo allo strato più esterno della pelle.',
    'Nemmeno i rulli per uso a casa sono la stessa cosa. I loro aghi sono corti e non tagliano. Non possono fare quello che fa questo trattamento.',
  ],
  coldSoreReminder:
    'Ci hai detto che in passato hai avuto l’herpes sul labbro. Gli aghi possono farlo tornare. Prima della visita, chiedi al tuo medico o in farmacia se devi prendere una medicina per evitarlo.',
  consultationPreVisit: [
    'Porta una lista delle medicine e dei prodotti per la pelle che usi.',
    'Vieni con la pelle pulita, se vuoi che guardiamo da vicino una zona.',
  ],
}
