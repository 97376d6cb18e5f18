import { type MessagesOf } from '../catalogue.ts'
import type en from './confirmation.en.ts'

export default {
  title: 'Prenotazione confermata | Dermadesk',
  reserved: 'Il tuo orario è riservato',
  confirmed: 'La tua prenotazione è confermata',
  reference: 'Il tuo codice è <b>{reference}</b>. Ti abbiamo mandato i dettagli a {email}.',
  pendingReview:
    'Prima della visita un medico o un infermiere controlla le tue risposte alle domande sulla salute. Teniamo questo orario per te. Ti scriviamo quando la prenotazione è confermata o se abbiamo una domanda.',
  status: 'Stato',
  treatment: 'Trattamento',
  when: 'Quando',
  with: 'Con',
  where: 'Dove',
  addToCalendar: 'Aggiungi al mio calendario (.ics)',
  manage: 'Vedi, sposta o annulla questa prenotazione',
  beforeVisit: 'Prima della visita',
} satisfies MessagesOf<typeof en>
