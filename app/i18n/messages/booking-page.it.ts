import { type MessagesOf } from '../catalogue.ts'
import type en from './booking-page.en.ts'

export default {
  title: 'La tua prenotazione | Dermadesk',
  heading: 'La tua prenotazione <ref>{reference}</ref>',
  'event.held': 'Orario tenuto per te',
  'event.booked': 'Prenotata',
  'event.rescheduled': 'Spostata a un nuovo orario',
  'event.cancelled_by_patient': 'Annullata da te',
  'event.cancelled_by_clinic': 'Annullata dalla clinica',
  'event.screening_approved': 'Confermata dopo che un medico ha letto le tue risposte',
  'event.screening_declined': 'Rifiutata dalla clinica',
  'event.screening_recheck': 'In attesa che un medico legga le tue nuove risposte',
  'event.completed': 'Trattamento fatto',
  withdrawNotUpcoming: 'Questa visita è passata o annullata. Non c’è un consenso da ritirare.',
  withdrawNothing: 'Per questa prenotazione non c’è un consenso firmato da ritirare.',
  cancelTooClose: 'Manca troppo poco alla visita per annullarla online. Chiama la clinica.',
  cancelNotPossible: 'Questa prenotazione non si può più annullare.',
  cancelledNotice: 'La tua prenotazione è annullata. Ti abbiamo mandato un’email.',
  withdrawnNotice:
    'Hai ritirato il consenso. Lo abbiamo detto alla clinica. Non ti trattiamo se non firmi di nuovo.',
  movedNotice:
    'La tua prenotazione è stata spostata. Ti abbiamo mandato un’email con il nuovo orario.',
  visitHeading: 'La tua visita',
  rowStatus: 'Stato',
  rowTreatment: 'Trattamento',
  rowWhen: 'Quando',
  rowWith: 'Con',
  bookAgain: 'Prenota di nuovo',
  planHeading: 'Il tuo piano di cura',
  treatedOn:
    'Hai fatto il trattamento {date}. Il piano dice cosa fare e cosa evitare ogni giorno, e quando chiamarci.',
  openPlan: 'Apri il tuo piano di cura',
  beforeHeading: 'Prima della visita',
  afterHeading: 'Dopo il trattamento',
  readFullPlan: 'Leggi tutto il piano di cura, giorno per giorno',
  historyHeading: 'Storia di questa prenotazione',
  historyLine: '{event}: {at}',
  addToCalendar: 'Aggiungi al mio calendario (.ics)',
  move: 'Sposta a un altro orario',
  cancel: 'Annulla la prenotazione',
  changeUntil: 'Puoi annullarla o spostarla online fino a {deadline}.',
  keepBooking: 'No, tieni la prenotazione',
  tooLateToChange:
    'Manca poco alla visita, quindi non puoi cambiarla online. Per annullarla o spostarla, chiama il <tel>{phone}</tel>.',
  consentHeading: 'Il tuo consenso',
  consentStatus: 'Stato:',
  consentWithdrawn:
    'Hai ritirato il consenso. Non ti trattiamo se non firmi di nuovo. Puoi firmare di nuovo quando vuoi, prima della visita.',
  consentNewVersion:
    'Abbiamo cambiato il modulo del consenso. Leggi e firma la nuova versione prima della visita.',
  consentExpired:
    'Hai firmato il consenso più di 12 mesi prima di questa visita. Leggilo e firmalo di nuovo.',
  consentMissing: 'Leggi e firma il consenso prima della visita.',
  signConsent: 'Leggi e firma il consenso',
  seeConsent: 'Vedi il consenso firmato',
  downloadConsent: 'Scaricalo (PDF)',
  withdrawHeading: 'Hai cambiato idea?',
  withdrawText:
    'Puoi ritirare il consenso quando vuoi, prima della visita. Lo diciamo alla clinica e non ti trattiamo se non firmi di nuovo. La prenotazione resta: se non la vuoi più, annullala qui sopra.',
  withdrawReason: 'Perché ritiri il consenso? (se vuoi)',
  withdrawReasonHint: 'Lo legge solo il team della clinica.',
  withdrawing: 'Ritiro in corso…',
  withdraw: 'Ritira il mio consenso',
  healthHeading: 'Domande sulla salute',
  declinedIntro:
    'Abbiamo letto le tue risposte. La clinica non può fare questa visita. Il medico ha scritto:',
  declinedConsultation:
    'Puoi <link>prenotare una consulenza</link> per capire cosa è sicuro per te.',
  openQuestion: 'Un medico ha una domanda per te.',
  answerQuestion: 'Leggila e rispondi',
  pendingReview:
    'Un medico leggerà le tue risposte prima della visita. Ti scriviamo quando è confermata.',
  renewal:
    'La tua visita è vicina. Controlla che le tue risposte sulla salute siano ancora giuste.',
  checkAnswers: 'Controlla le mie risposte',
  seeOrChangeAnswers: 'Vedi o cambia le tue risposte sulla salute',
  seeAnswers: 'Vedi le tue risposte sulla salute',
  todoHeading: 'Prima della visita: cose da fare',
  todoIntro:
    'Possiamo fare il trattamento solo quando hai fatto tutte e due. Ci vogliono circa 10 minuti.',
  todoAnswer: 'Rispondi alle domande sulla salute',
  todoSign: 'Firma il consenso',
  todoDone: 'Fatto',
  answersMissing: 'Non abbiamo ancora le tue risposte sulla salute.',
  answerNow: 'Rispondi alle domande sulla salute',
} satisfies MessagesOf<typeof en>
