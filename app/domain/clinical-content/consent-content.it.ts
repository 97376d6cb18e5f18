import { type ConsentContent, type ConsentSectionKey } from '#app/domain/consent/consent.schema.ts'
import { type ContentTier } from './tier-content.ts'

/**
 * The parts of the consent form that are not tier content, in Italian (ADR 039): the same
 * sections, the same risks and the same check questions as the English in consent-content.ts,
 * with the same keys, as many options and the same right option (the check is graded by
 * option). Informal "tu", short sentences, Gulpease 60 or more per section. The tier's own
 * sentences (healing course, aftercare, sun, when to call, course plan) come from
 * tier-content.it.ts, never from here.
 */

export const RESULTS_VARY_IT =
  'I risultati non sono uguali per tutti. Non possiamo promettere un risultato.'

export const ASK_IT =
  'Se qualcosa non è chiaro, chiedici prima di firmare. Puoi chiamare {{clinic_name}} al {{clinic_phone}}.'

export const PROCEDURE_IT: Record<ContentTier, { intro: string[]; numbing: string | null }> = {
  medical: {
    intro: [
      'Il microneedling medico è un trattamento per la pelle. Una penna con aghi molto sottili e puliti fa tanti piccoli fori nella pelle. Usiamo aghi nuovi per ogni persona e poi li buttiamo.',
      'La pelle guarisce queste piccole ferite. Mentre guarisce, fa nuovo collagene. Il collagene tiene la pelle soda e liscia. Può aiutare con rughe sottili, cicatrici da acne, macchie scure e smagliature.',
    ],
    numbing: 'Prima possiamo mettere sulla pelle una crema che toglie il dolore.',
  },
  cosmetic: {
    intro: [
      'Il needling estetico è un trattamento di bellezza. Lo fa un esperto della cura della pelle. Una penna con aghi puliti e molto corti, lunghi 0,5 mm o meno, tocca lo strato più esterno della pelle. Usiamo aghi nuovi per ogni persona e poi li buttiamo.',
      'Gli aghi aprono piccoli canali nello strato più esterno della pelle. Così i sieri che mettiamo sulla pelle entrano meglio. Questo trattamento non va così a fondo da fare nuovo collagene. Se vuoi questo, chiedici del microneedling medico.',
    ],
    numbing: null,
  },
}

export const NEEDLING_KINDS_INTRO_IT = 'In cosa è diverso dagli altri needling:'
export const DAY_BY_DAY_IT = 'Giorno per giorno:'
export const SUN_INTRO_IT = 'Il sole:'
export const NEXT_SESSION_IT = 'Vieni alla prossima seduta, come previsto.'
export const CALL_INTRO_IT = 'Chiamaci al {{clinic_phone}} lo stesso giorno se:'
export const EMERGENCY_IT =
  'Se non riesci a parlare con noi e ti sembra grave, vai da un medico o al pronto soccorso.'

const RARE_RISKS_IT = (product: string) => `Problemi rari. Possono essere gravi:
- un’infezione della pelle
- l’herpes sul labbro, se lo hai già avuto
- zone di pelle che diventano più scure o più chiare. Succede più spesso con la pelle scura, o se vai al sole.
- un’allergia a ${product} o al metallo degli aghi. Può iniziare giorni o settimane dopo.
- piccoli noduli duri sotto la pelle, che possono durare mesi`

const TELL_US_IT =
  'Prima del trattamento, dicci i tuoi problemi di salute e le medicine e i prodotti per la pelle che usi. Così il rischio è più basso.'

export const RISKS_IT: Record<ContentTier, string> = {
  medical: `Problemi comuni. Sono lievi e passano in pochi giorni:
- rossore, gonfiore e dolore
- pelle secca, pellicine e piccole croste
- piccoli puntini di sangue, o un piccolo livido
- prurito, pizzicore o bruciore
- piccoli puntini bianchi, o qualche brufolo

${RARE_RISKS_IT('una crema')}
- cicatrici, come linee sottili nella pelle
- una brutta reazione alla crema che toglie il dolore
- il risultato non è quello che speravi

${TELL_US_IT}`,
  cosmetic: `Problemi comuni. Sono lievi e passano in poche ore, o al massimo in 2 o 3 giorni:
- pelle rosa, calda e tesa
- pelle secca, o qualche pellicina
- prurito o pizzicore

${RARE_RISKS_IT('un siero')}
- il risultato non è quello che speravi

${TELL_US_IT}`,
}

const NO_NEED_IT =
  'Non devi per forza fare questo trattamento. Puoi scegliere di non fare niente. La tua pelle non avrà danni se aspetti o dici di no.'
const OTHER_CHOICES_IT =
  'Altre scelte sono le creme date da un medico, i peeling chimici, il laser o i filler.'
const ASK_CHOICES_IT =
  'Ognuna ha i suoi rischi e i suoi costi. Chiedici di queste scelte prima di decidere. Puoi anche prenotare prima un colloquio con noi, senza aghi.'

export const ALTERNATIVES_IT: Record<ContentTier, string> = {
  medical: `${NO_NEED_IT}\n\n${OTHER_CHOICES_IT} ${ASK_CHOICES_IT}`,
  cosmetic: `${NO_NEED_IT}\n\n${OTHER_CHOICES_IT} Il nostro needling medico va più a fondo e può aiutare la pelle a fare nuovo collagene. ${ASK_CHOICES_IT}`,
}

export const PHOTOS_IT = `Per ora non facciamo foto della tua pelle. Per questo non ti promettiamo foto di prima e dopo.

Se un giorno inizieremo a farle, le faremo solo se spunti qui sotto la casella per le foto. Useremo una tua foto per altro, per esempio sul nostro sito, solo se spunti anche l’altra casella. Se dici di no, le tue cure non cambiano. Puoi cambiare idea quando vuoi.`

export const CANCELLATION_IT =
  'Puoi annullare o spostare la visita dalla pagina della prenotazione fino a {{cancellation_hours}} ore prima dell’inizio. Dopo, chiamaci al {{clinic_phone}}. Se non puoi venire, dillo appena puoi: così diamo l’orario a un’altra persona.'

export const WITHDRAWAL_IT = `Puoi cambiare idea quando vuoi, anche il giorno stesso. Non devi dare un motivo. Per ritirare questo consenso, usa la pagina della prenotazione, o dillo a noi di persona.

Se lo ritiri, non ti trattiamo finché non firmi di nuovo. Le cure che hai già avuto non cambiano.`

export const E_SIGNATURE_IT = `Firmi questo modulo online. Il nome che scrivi vale come firma. Vale anche la firma che disegni, se la aggiungi. Se firmi, accetti di firmare in questo modo.

Teniamo una copia del modulo che hai firmato, con l’ora della firma. Puoi scaricarla quando vuoi dalla pagina della prenotazione. Puoi chiederci gratis una copia su carta. Puoi anche chiedere di firmare su carta in clinica.`

export const SECTION_TITLES_IT: Record<ConsentSectionKey, string> = {
  procedure: 'Cosa facciamo e perché',
  what_to_expect: 'Cosa aspettarti, giorno per giorno',
  risks: 'Rischi',
  alternatives: 'Altre scelte, anche non fare niente',
  aftercare: 'Come curare la pelle',
  when_to_call: 'Quando chiamarci',
  photos: 'Foto',
  cancellation: 'Se devi annullare',
  withdrawal: 'Puoi cambiare idea',
  e_signature: 'Firma online e copia su carta',
}

export const TITLES_IT: Record<ContentTier, string> = {
  medical: 'Consenso per il microneedling medico',
  cosmetic: 'Consenso per il needling estetico',
}

type Question = Omit<ConsentContent['questions'][number], 'key'>

const SUN_QUESTION_IT: Question = {
  prompt: 'Cosa devi fare con il sole dopo il trattamento?',
  options: [
    'Stare lontano dal sole forte per 3 giorni, poi mettere SPF 50 ogni giorno per 2 settimane',
    'Mettere la crema solare solo nei giorni di sole, per circa una settimana',
    'Prendere un po’ di sole per aiutare la pelle a guarire, ma senza scottarti',
  ],
  answer: 0,
  sectionKey: 'aftercare',
}

const INFECTION_QUESTION_IT: Question = {
  prompt: 'Al giorno 4 la pelle è più rossa, calda e dolente, e vedi del pus. Cosa devi fare?',
  options: [
    'Continuare con la crema lenitiva e aspettare la prossima visita',
    'Lavare la pelle con un detergente delicato e guardarla di nuovo fra 3 giorni',
    'Chiamare la clinica lo stesso giorno',
  ],
  answer: 2,
  sectionKey: 'when_to_call',
}

const PIGMENT_QUESTION_IT: Question = {
  prompt:
    'Qualche settimana dopo, una zona della pelle trattata è più scura del resto. Cosa è meglio fare?',
  options: [
    'Niente: fa parte della normale guarigione e va sempre via',
    'Dirlo alla clinica, così possiamo controllare',
    'Metterci sopra una crema schiarente comprata in negozio',
  ],
  answer: 1,
  sectionKey: 'when_to_call',
}

const SKIN_ON_THE_DAY_IT = 'Come sarà molto probabilmente la tua pelle il giorno del trattamento?'

export const QUESTIONS_IT: Record<ContentTier, Question[]> = {
  medical: [
    {
      prompt: SKIN_ON_THE_DAY_IT,
      options: [
        'Rosa per circa un’ora, poi come prima',
        'Rossa, come dopo una leggera scottatura, forse con piccoli puntini di sangue',
        'Rossa, con tanti piccoli lividi che durano circa due settimane',
      ],
      answer: 1,
      sectionKey: 'what_to_expect',
    },
    {
      prompt: 'Al giorno 5 si formano piccole croste sulla pelle trattata. Cosa devi fare?',
      options: [
        'Ammorbidirle con una crema ricca, poi toglierle',
        'Strofinarle piano con un panno umido, quando sembrano staccarsi',
        'Non toccarle: cadono da sole',
      ],
      answer: 2,
      sectionKey: 'what_to_expect',
    },
    SUN_QUESTION_IT,
    INFECTION_QUESTION_IT,
    PIGMENT_QUESTION_IT,
  ],
  cosmetic: [
    {
      prompt: SKIN_ON_THE_DAY_IT,
      options: [
        'Rossa, come dopo una leggera scottatura, con piccoli puntini di sangue',
        'Rosa, calda e tesa, senza sangue',
        'Secca e con pellicine, con piccole croste',
      ],
      answer: 1,
      sectionKey: 'what_to_expect',
    },
    {
      prompt: 'Due giorni dopo il trattamento vedi piccole croste sulla pelle. Cosa è vero?',
      options: [
        'Dopo questo trattamento non devono esserci croste: non toccarle e chiamaci',
        'Le croste sono normali per circa una settimana: non serve dirlo a nessuno',
        'Toglierle piano con un panno umido, poi usare la crema lenitiva',
      ],
      answer: 0,
      sectionKey: 'when_to_call',
    },
    SUN_QUESTION_IT,
    INFECTION_QUESTION_IT,
    PIGMENT_QUESTION_IT,
  ],
}
