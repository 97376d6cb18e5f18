import { type MessagesOf } from '../catalogue.ts'
import type en from './consent.en.ts'

export default {
  wizardMetaTitle: 'Leggi e firma il consenso | Dermadesk',
  wizardHeading: 'Leggi e firma il consenso',
  wizardLead:
    'Prima di prenotare {serviceName}, leggi questo modulo. Dice cosa facciamo, cosa aspettarti e a cosa fare attenzione. Poi rispondi a {count} domande brevi e firma. Prima di firmare puoi chiederci tutto.',
  holdKept:
    'Teniamo il tuo orario fino alle <hold>{time}</hold>. Prenditi il tempo che ti serve: se scade, puoi firmare lo stesso. L’orario è tuo se è ancora libero.',
  holdLost:
    'Non possiamo più tenere il tuo orario. Puoi firmare lo stesso: se quando firmi l’orario è ancora libero, è tuo.',
  seeAllTimes: 'Vedi tutti gli orari liberi',
  alreadySigned: 'Hai già firmato questo consenso.',
  chooseTimeToFinish: 'Scegli un orario per finire la prenotazione',
  signAndBook: 'Firma e prenota',
  pageMetaTitle: 'Il tuo consenso | Dermadesk',
  backToBooking: 'Torna alla prenotazione {reference}',
  pageHeading: 'Il tuo consenso per la prenotazione {reference}',
  pageLead: '{serviceName}, {when}.',
  signedThanks: 'Grazie: il consenso è firmato. Qui sotto puoi scaricarne una copia.',
  statusLabel: 'Stato:',
  withdrewSignAgain:
    'Hai ritirato il consenso. Per fare la visita, leggi di nuovo il modulo e firma.',
  newVersionSignAgain:
    'Dopo la tua firma abbiamo cambiato il modulo di consenso. Leggi la nuova versione e firmala prima della visita.',
  expiredSignAgain:
    'Hai firmato il consenso più di 12 mesi prima di questa visita. Leggilo e firmalo di nuovo.',
  signTheConsent: 'Firma il consenso',
  signedBeforeHeading: 'Cosa hai firmato prima',
  signedHeading: 'Cosa hai firmato',
  downloadPdf: 'Scarica il consenso firmato (PDF)',
  paperCopy: 'Puoi anche chiedere alla clinica una copia su carta, gratis e quando vuoi.',
  noSignedConsent: 'Per questa prenotazione non c’è un consenso firmato.',
  notNeededNow: 'Per ora questa prenotazione non ha bisogno del consenso.',
  versionLine: 'Versione {number}',
  englishOnly:
    'Questo modulo non è ancora nella tua lingua, quindi lo vedi in inglese. Se qualcosa non è chiaro, chiedici.',
  checkHeading: 'Controlla di aver capito',
  checkPassed: 'Tutte le risposte sono giuste. Grazie per aver letto con cura.',
  checkIntro:
    'Rispondi a queste {count} domande. Se una risposta non è giusta, ti mostriamo la parte del modulo che la spiega. Poi puoi riprovare.',
  signHeading: 'Firma',
  signAfterCheck: 'Puoi firmare quando tutte le risposte qui sopra sono giuste.',
  answerIsIn: 'La risposta è nella <link>parte {number}, “{title}”</link>. Eccola di nuovo:',
  checking: 'Controllo…',
  checkMyAnswers: 'Controlla le risposte',
  typedNameLabel: 'Scrivi nome e cognome',
  typedNameHint: 'Scrivili come ce li hai dati: {name}. Questa è la tua firma.',
  agreeLabel:
    'Ho letto questo modulo di consenso e l’ho capito. Accetto di fare questo trattamento e firmo il modulo online.',
  photosLegend: 'Foto (puoi dire di no a tutte e due)',
  photoClinicalLabel: 'Sì, la clinica può fare foto della pelle trattata per la mia cartella.',
  photoMarketingLabel:
    'Sì, la clinica può usare le mie foto anche per la pubblicità, per esempio sul suo sito o sui social.',
  signing: 'Firma in corso…',
  drawLegend: 'Disegna la tua firma (se vuoi)',
  drawArea: 'Spazio per disegnare la firma',
  drawHint:
    'Usa il mouse, un dito o una penna. Se non vuoi disegnare, basta il nome che hai scritto.',
  clearDrawing: 'Cancella il disegno',
  drawAdded: 'Il tuo disegno sarà aggiunto alla firma.',
  chooseAnswer: 'Scegli una risposta.',
  typedNameRequired: 'Per firmare, scrivi nome e cognome.',
  typedNameTooLong: 'Usa al massimo 120 caratteri.',
  agreeRequired:
    'Spunta la casella: così dici che hai letto il modulo, che sei d’accordo e che firmi.',
  drawingTooLarge: 'Il disegno è troppo grande. Cancellalo e riprova.',
  drawingUnreadable:
    'Non riusciamo a leggere il disegno. Cancellalo e riprova, oppure scrivi solo il tuo nome.',
  formIncomplete: 'Al modulo manca qualcosa. Ricarica la pagina.',
  formChanged:
    'Mentre leggevi, il modulo di consenso è cambiato. Leggi qui sotto la nuova versione, poi rispondi alle domande e firma di nuovo.',
  answerEvery: 'Rispondi a tutte le domande.',
  oneWrong: 'Una risposta non è ancora giusta. Leggi la parte che trovi sotto, poi riprova.',
  manyWrong:
    '{count} risposte non sono ancora giuste. Leggi le parti che trovi sotto, poi riprova.',
  notQuite: 'Non proprio. Leggi di nuovo questa parte e scegli un’altra risposta.',
  nameMismatch: 'Non è il nome che ci hai dato. Scrivilo così: {name}.',
  checkFirst: 'Prima rispondi alle domande qui sopra. Puoi firmare quando sono tutte giuste.',
  badDrawing:
    'Non riusciamo a leggere il disegno. Cancellalo e disegna di nuovo, oppure scrivi solo il tuo nome.',
  slotTakenAfterSigning:
    'Grazie: il consenso è firmato. Ma qualcuno ha preso il tuo orario quando non era più tenuto per te. Scegline un altro: ecco gli orari liberi più vicini.',
  tooCloseAfterSigning:
    'Grazie: il consenso è firmato. Ma fra una seduta e l’altra la pelle deve guarire. Scegli un orario dal {date} in poi.',
  statusMissing: 'Non ancora firmato',
  statusSigned: 'Firmato',
  statusCountersigned: 'Firmato e controfirmato',
  statusWithdrawn: 'Ritirato',
  statusNotRequired: 'Non serve (niente aghi)',
  signedBy: 'Firmato da',
  signedOn: 'Firmato il',
  dateAtTime: '{date} alle {time}',
  drawnSignature: 'Firma disegnata',
  drawnSignatureAlt: 'Firma disegnata da {name}',
  formVersion: 'Versione del modulo',
  signedLanguage: 'Lingua della firma',
  clinicalPhotos: 'Foto per la cartella',
  marketingPhotos: 'Foto per la pubblicità',
  yes: 'Sì',
  no: 'No',
  emailProvenBy: 'Email confermata con',
  proofCode: 'un codice inviato a {email}',
  proofLink: 'un link inviato a {email}',
  countersigned: 'Controfirmato',
  countersignedBy: 'Da {name} il {at}',
  notCountersignedStaff: 'Non ancora: controfirmalo qui sotto quando vedi il paziente.',
  notCountersignedPatient: 'Non ancora: il medico o l’operatore lo controfirma alla visita.',
  withdrawn: 'Ritirato',
} satisfies MessagesOf<typeof en>
