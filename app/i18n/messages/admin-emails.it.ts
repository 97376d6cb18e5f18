import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-emails.en.ts'

export default {
  title: 'Email inviate | Dermadesk',
  heading: 'Email inviate',
  noMailServer:
    '<b>Non è configurato un server di posta</b>, quindi nessuna email esce dalla clinica. Ogni messaggio resta qui: aprilo per leggere cosa avrebbe ricevuto il paziente. Per inviarli, imposta <code>SMTP_URL</code> e riavvia l’app; i messaggi tenuti partono allora.',
  intro: 'Ogni email che l’app scrive ai pazienti, dalla più recente. Gli orari sono {zone}.',
  noEmails: 'Ancora nessuna email.',
  noEmailsOnPage: 'Non ci sono email in questa pagina.',
  caption: '{shown} {total, plural, one {email} other {email}}',
  captionPaged: '{shown} {total, plural, one {email} other {email}}, pagina {page} di {pageCount}',
  colCreated: 'Creata',
  colTo: 'A',
  colSubject: 'Oggetto',
  colStatus: 'Stato',
  at: '{date}, {time}',
  sentAttempt: '{at} (tentativo {attempts})',
  failedAfter: 'Dopo {attempts} tentativi',
  retrying:
    '{attempts} {attempts, plural, one {tentativo fallito} other {tentativi falliti}}; prossimo tentativo {at}',
  status:
    '{status, select, sent {Inviata} failed {Non inviata} sending {Invio in corso} kept {Tenuta in uscita – nessun server di posta configurato} retrying {In attesa di un nuovo tentativo} other {In attesa di invio}}',
  pagesLabel: 'Pagine delle email inviate',
  newer: 'Email più recenti',
  older: 'Email meno recenti',
  pageOf: 'Pagina {page} di {pageCount}',
  emailTitle: 'Email | Dermadesk',
  back: 'Torna alle email inviate',
  timesRecorded: 'Gli orari sono {zone}. L’apertura di questa pagina viene registrata.',
  delivery: 'Consegna',
  attempts: 'Tentativi',
  sent: 'Inviata',
  nextTry: 'Prossimo tentativo',
  lastError: 'Ultimo errore',
  none: 'Nessuno',
  headers: 'Intestazioni',
  from: 'Da',
  booking: 'Prenotazione',
  calendarFile: 'File del calendario',
  attached: 'Allegato:',
  download: 'Scarica il file del calendario ({filename})',
  noCalendarFile: 'Questa email non ha un file del calendario.',
  bodyCleared:
    'Il testo di questa email non è più conservato: le regole di conservazione della clinica lo cancellano {days} giorni dopo l’invio, e una richiesta di cancellazione lo cancella prima. I dati qui sopra restano.',
  messageText: 'Testo del messaggio',
  hasHtml:
    'L’email ha anche una versione formattata (HTML) con le stesse parole; qui non è mostrata.',
  notFoundTitle: 'Email non trovata',
  notFoundText: 'Non esiste un’email a questo indirizzo. Forse è stato scritto male.',
} satisfies MessagesOf<typeof en>
