import { type MessagesOf } from '../catalogue.ts'
import type en from './verify.en.ts'

export default {
  title: 'Controlla la tua email | Dermadesk',
  heading: 'Controlla la tua email',
  sent: 'Ti abbiamo mandato un codice di 6 cifre a {email}. Vale per {minutes} minuti.',
  wrongAddress: 'Indirizzo sbagliato? Cambialo',
  resent: 'Ti abbiamo mandato un nuovo codice. Vale solo l’ultimo codice.',
  seeAllTimes: 'Vedi tutti gli orari liberi',
  codeLabel: 'Codice ricevuto per email',
  checking: 'Controllo…',
  confirmBooking: 'Conferma la prenotazione',
  checkAndContinue: 'Controlla il codice e continua',
  noEmail: 'Non hai ricevuto l’email? Guarda nella cartella spam, oppure {resend}',
  sendNewCode: 'chiedi un nuovo codice',
  slotTaken:
    'La tua email è confermata. Però qualcuno ha preso il tuo orario, che non era più tenuto per te. Scegline un altro: ecco gli orari liberi più vicini.',
  codeRequired: 'Scrivi il codice di 6 cifre che trovi nell’email.',
  wrongCode:
    'Il codice non è giusto. {left, plural, one {Ti resta # tentativo} other {Ti restano # tentativi}}.',
  expired: 'Il codice è scaduto. Chiedine uno nuovo qui sotto.',
  tooManyAttempts: 'Il codice è stato scritto male troppe volte. Chiedine uno nuovo qui sotto.',
  noCode: 'Non c’è nessun codice in attesa per questa pagina. Chiedine uno nuovo qui sotto.',
  otherAddress: 'Questo codice è stato mandato a un altro indirizzo. Chiedine uno nuovo qui sotto.',
  limited:
    'Per questo indirizzo sono stati scritti troppi codici sbagliati. Riprova {wait}, oppure chiama la clinica.',
  tooManyCodes: 'Ti abbiamo già mandato diversi codici. Riprova {wait}, oppure chiama la clinica.',
} satisfies MessagesOf<typeof en>
