import { type MessagesOf } from '../catalogue.ts'
import type en from './wizard.en.ts'

export default {
  progress: 'Avanzamento della prenotazione',
  stepOf: 'Passo {current} di {total} · {label}',
  backTo: 'Torna a: {label}',
  done: '(fatto)',
  summaryHeading: 'La tua prenotazione',
  summaryTreatment: 'Trattamento',
  summaryPrice: 'Prezzo',
  summaryWith: 'Con',
  summaryWhen: 'Quando',
  'step.treatment': 'Trattamento',
  'step.screening': 'Domande sulla salute',
  'step.time': 'Giorno e orario',
  'step.details': 'I tuoi dati',
  'step.verify': 'Codice email',
  'step.consent': 'Consenso',
  'step.confirmation': 'Conferma',
} satisfies MessagesOf<typeof en>
