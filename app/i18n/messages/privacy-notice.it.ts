import { type MessagesOf } from '../catalogue.ts'
import type en from './privacy-notice.en.ts'

export default {
  boxHeading: 'Prima delle domande sulla salute: la tua privacy',
  readFull: 'Leggi l’informativa privacy completa',
  openPage: 'Apri l’informativa privacy in una pagina a parte',
  'section.controller': 'Chi tiene i tuoi dati',
  'section.collected': 'Cosa raccogliamo e perché',
  'section.legalBasis': 'Perché la legge ci permette di usarli',
  'section.retention': 'Per quanto tempo li teniamo',
  'section.rights': 'I tuoi diritti',
  'section.contact': 'Come contattarci',
  pageTitle: 'Informativa privacy | Dermadesk',
  versionLine: 'Versione {n}. In uso dal {date}.',
  olderVersion: 'Questa è una versione vecchia dell’informativa. <a>Leggi quella in uso ora.</a>',
  versionNotFound: 'Non c’è un’informativa privacy con quel numero.',
  staleNotice:
    'L’informativa privacy è cambiata da quando hai aperto questa pagina. Leggi quella nuova qui sotto, poi manda di nuovo le risposte.',
} satisfies MessagesOf<typeof en>
