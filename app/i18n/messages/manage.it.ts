import { type MessagesOf } from '../catalogue.ts'
import type en from './manage.en.ts'

export default {
  findTitle: 'Trova la tua prenotazione | Dermadesk',
  findHeading: 'Trova la tua prenotazione',
  findIntro:
    'Scrivi il codice della prenotazione: lo trovi nell’email di conferma. Poi scrivi l’email con cui hai prenotato. Ti mandiamo un codice per aprire la prenotazione.',
  referenceLabel: 'Codice della prenotazione',
  referenceHint: 'Per esempio DD-7K4Q2M',
  emailLabel: 'Email',
  sending: 'Invio in corso…',
  sendCode: 'Mandami un codice',
  referenceMissing: 'Scrivi il codice della prenotazione.',
  referenceInvalid: 'Scrivi il codice che trovi nell’email, per esempio DD-7K4Q2M.',
  verifyTitle: 'Controlla la tua email | Dermadesk',
  verifyHeading: 'Controlla la tua email',
  verifyIntro:
    'Se il codice e l’email sono di una tua prenotazione, ti abbiamo mandato un codice di 6 cifre. Vale per {minutes, plural, one {# minuto} other {# minuti}}.',
  codeLabel: 'Codice ricevuto via email',
  checking: 'Controllo in corso…',
  openBooking: 'Apri la mia prenotazione',
  newCode: 'Mandami un nuovo codice',
  openTitle: 'Apri la tua prenotazione | Dermadesk',
  openHeading: 'Apri la tua prenotazione',
  opening: 'Apertura in corso…',
  linkExpired:
    'Questo link è scaduto o non è valido. Puoi sempre trovare la prenotazione con il suo codice.',
  linkIncomplete: 'Questo link non è completo. Aprilo di nuovo dalla tua email.',
  findInstead: 'Trova la prenotazione con il suo codice',
  cancelTitle: 'Annulla la prenotazione | Dermadesk',
  cancelHeading: 'Vuoi annullare la prenotazione?',
  cancelFacts: '{service}, {when}, con {practitioner}. Codice {reference}.',
  policyUntil:
    'Le nostre regole: puoi annullare o spostare la prenotazione online, gratis, fino a {deadline}.',
  policyCall: 'Dopo, chiamaci al {phone}.',
  policyFinal:
    'Se annulli, l’orario passa a un’altra persona e non puoi tornare indietro. Ma puoi prenotare di nuovo quando vuoi.',
  reasonLabel: 'Perché annulli? (se vuoi)',
  cancelling: 'Annullamento in corso…',
  confirmCancel: 'Sì, annulla la prenotazione',
  keepBooking: 'No, tieni la prenotazione',
  moveTitle: 'Sposta la prenotazione | Dermadesk',
  moveHeading: 'Sposta la prenotazione',
  moveCurrent: '{service}, fissato per {when}.',
  keepTime: 'Non cambiare orario',
  moveHere: 'Sposta la prenotazione a questo orario',
  moveTaken:
    'Ci dispiace, qualcuno ha appena preso questo orario. Ecco gli orari liberi più vicini.',
  moveTooClose:
    'La pelle ha bisogno di tempo per guarire tra una seduta e l’altra. Scegli un orario dal {date} in poi.',
  moveScreeningWait:
    'Per le tue risposte alle domande sulla salute, scegli un orario dal {date} in poi.',
  moveOutsideWindow: 'Manca troppo poco all’appuntamento per spostarlo online. Chiama la clinica.',
  moveNotChangeable: 'Questa prenotazione non si può più spostare.',
  moveNotAvailable: 'Questo orario non è disponibile. Scegli uno degli orari mostrati.',
  'status.confirmed': 'Confermata',
  'status.pending_review': 'In attesa del controllo di un medico',
  'status.held': 'Orario tenuto, non ancora prenotato',
  'status.expired': 'Non prenotata',
  'status.declined': 'Rifiutata dalla clinica',
  'status.cancelled': 'Annullata',
  'status.completed': 'Fatta',
  'status.no_show': 'Mancata',
} satisfies MessagesOf<typeof en>
