import { type MessagesOf } from '../catalogue.ts'
import type en from './consent-staff.en.ts'

export default {
  metaTitle: 'Consenso | Staff | Dermadesk',
  backToAppointment: 'Torna all’appuntamento',
  heading: 'Consenso di {name}',
  countersignedDone: 'Controfirmato. Il tuo nome e l’ora sono registrati.',
  consentRow: 'Consenso',
  newVersion:
    'Il paziente ha firmato una versione precedente del modulo. Per questa visita vale una nuova versione: deve firmare di nuovo prima del trattamento.',
  expired: 'Per questa visita il consenso del paziente ha più di 12 mesi. Deve firmare di nuovo.',
  recordHeading: 'Firma e dati di controllo',
  downloadPdf: 'Scarica il consenso firmato (PDF)',
  countersignHeading: 'Controfirma alla visita',
  answersHeading: 'Verifica della comprensione',
  textHeading: 'Il testo firmato dal paziente',
  signedIn: 'Firmato in {language}. Questo testo è quello che vale legalmente.',
  readIn: 'Leggilo in {language}',
  readSigned: 'Torna al testo firmato ({language})',
  translationHeading: 'Traduzione di riferimento: {language}',
  translationNote:
    'È la stessa versione del modulo in {language}, solo come riferimento. Il paziente ha firmato il testo in {signed}: vale legalmente quel testo.',
  noTranslation: 'Questa versione del modulo non ha un testo in {language}.',
  notSignedYet: 'Il paziente non ha ancora firmato un consenso per questa visita.',
  errNotSigned: 'Il paziente non ha firmato un consenso valido per questa visita.',
  errWithdrawn:
    'Il paziente ha ritirato questo consenso. Deve firmare di nuovo prima del trattamento.',
  errNotRequired: 'Una consulenza non ha bisogno del consenso.',
  errNotActive: 'Questa prenotazione è annullata, rifiutata o non più tenuta.',
  errNotQualified:
    'Può controfirmare solo chi può fare questo trattamento (per il needling medico, un medico).',
  reasonNotSigned: 'Non c’è un consenso firmato valido per questa visita da controfirmare.',
  reasonAlready: 'Già controfirmato.',
  reasonNotQualified:
    'Non puoi controfirmare questo consenso: può farlo solo chi può fare questo trattamento (per il needling medico, un medico).',
  otherPractitioner:
    'Questa visita è prenotata con {name}. Se tratti tu il paziente, controfirmi come chi fa il trattamento.',
  confirmLabel:
    'Ho visto questo consenso di persona con il paziente, ho risposto alle sue domande e farò io il trattamento.',
  confirmRequired: 'Spunta la casella per confermare che hai visto il modulo con il paziente.',
  countersigning: 'Controfirma in corso…',
  countersign: 'Controfirma',
  ipAddress: 'Indirizzo IP',
  notKnown: 'non noto',
  browser: 'Browser',
  textHash: 'SHA-256 del testo',
  recordHash: 'SHA-256 della firma',
  integrity: 'Integrità',
  integrityOk: 'Testo e firma corrispondono ai loro hash',
  integrityBad:
    'Non corrisponde: {text, select, yes {testo } other {}}{record, select, yes {firma} other {}}',
} satisfies MessagesOf<typeof en>
