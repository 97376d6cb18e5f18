import { type MessagesOf } from '../catalogue.ts'
import type en from './errors.en.ts'

export default {
  forbiddenTitle: 'Non hai accesso a questa pagina',
  forbiddenDefault: 'Il tuo account non lo permette.',
  forbiddenHelp: 'Se pensi di doverlo avere, chiedi a un amministratore della clinica.',
  notFoundTitle: 'Pagina non trovata',
  notFoundText: 'Non troviamo questa pagina. Forse il link è vecchio o scritto male.',
  home: 'Vai alla pagina iniziale',
  statusTitle: 'Qualcosa è andato storto ({status})',
  tryAgain: 'Riprova.',
  unexpectedTitle: 'Qualcosa è andato storto',
  unexpectedText:
    'Ci dispiace, qualcosa non ha funzionato da parte nostra. Riprova tra un momento.',
  unexpectedHelp: 'Se succede ancora, chiama la clinica.',
  bookingNotFoundTitle: 'Non troviamo questa prenotazione',
  bookingNotFoundText: 'Controlla il codice, o cerca di nuovo la tua prenotazione.',
  findBooking: 'Trova la mia prenotazione',
} satisfies MessagesOf<typeof en>
