import { type MessagesOf } from '../catalogue.ts'
import type en from './tablet.en.ts'

export default {
  pageTitle: 'Tablet per l’accettazione | Dermadesk',
  chromeLabel: 'Tablet per l’accettazione',
  yourSteps: 'I tuoi passi',
  welcomeHeading: 'Ti diamo il benvenuto',
  lead: 'La tua visita: {service}, {when}.',
  stepsIntro: 'Prima del trattamento, fai questi passi su questo tablet.',
  stepsLabel: 'I tuoi passi',
  stepScreening: 'Rispondi alle domande sulla salute',
  stepConsent: 'Leggi e firma il consenso',
  statusDone: 'Fatto',
  statusNow: 'Adesso',
  statusLater: 'Dopo',
  startScreening: 'Inizia le domande sulla salute',
  startConsent: 'Vai al consenso',
  doneTitle: 'Grazie | Dermadesk',
  doneHeading: 'Grazie! Ora ridai il tablet',
  doneText: 'Hai finito. Ridai il tablet al personale della clinica.',
  staffHeading: 'Per il personale',
  staffIntro: 'Scrivi la tua password per sbloccare il tablet.',
  passwordLabel: 'La tua password',
  passwordMissing: 'Scrivi la tua password.',
  unlock: 'Sblocca',
  unlocking: 'Sblocco in corso…',
  wrongPassword: 'La password non è giusta. Il tablet resta bloccato.',
  throttled:
    'Troppi tentativi sbagliati. Aspetta {minutes, plural, one {# minuto} other {# minuti}} e poi riprova.',
  handOver: 'Dai il tablet al paziente',
  handOverHint:
    'Il paziente risponde alle domande sulla salute e firma il consenso su questo tablet. Le pagine dello staff restano chiuse finché non scrivi la tua password.',
  notNeeded: 'Il paziente non ha più niente da compilare.',
  unlocked: 'Il tablet è sbloccato. Qui sotto vedi lo stato di adesso.',
} satisfies MessagesOf<typeof en>
