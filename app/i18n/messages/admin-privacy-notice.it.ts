import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-privacy-notice.en.ts'

export default {
  heading: 'Informativa privacy',
  intro:
    'I pazienti leggono questa informativa prima della prima domanda sulla salute. Ogni modifica è una nuova versione: scrivi una bozza, controlla le due lingue, poi pubblica. Una versione pubblicata non cambia più, e le risposte di ogni paziente registrano la versione che ha visto.',
  inUseNow: 'In uso ora: <a>versione {n}</a>, pubblicata il {date}.',
  editDraft: 'Modifica la bozza (versione {n})',
  writeVersion: 'Scrivi la versione {n}',
  starting: 'Un momento…',
  historyCaption: 'Tutte le versioni, dalla più recente',
  colVersion: 'Versione',
  colStatus: 'Stato',
  colPublished: 'Pubblicata',
  colBy: 'Da',
  status: '{status, select, draft {Bozza} other {Pubblicata}}',
  versionRow: 'Versione {n}',
  installedWithApp: 'Arrivata con l’app',
  publishedAt: '{date} alle {time}',
  allVersions: 'Tutte le versioni dell’informativa privacy',
  versionTitle: 'Versione dell’informativa privacy',
  versionHeading:
    '{draft, select, yes {Informativa privacy: bozza della versione {n}} other {Informativa privacy: versione {n}}}',
  publishedLine: 'Pubblicata il {at} da {by}. Non si può più cambiare.',
  editorHeading: 'Modifica la bozza',
  editorHint:
    'Lascia una riga vuota tra un paragrafo e l’altro. Questi segnaposto vengono riempiti quando un paziente legge l’informativa: {placeholders}.',
  fieldTitle: 'Titolo',
  fieldSummary: 'Riassunto sopra le domande sulla salute',
  saveDraft: 'Salva la bozza',
  saving: 'Salvataggio…',
  publishHeading: 'Pubblica',
  publishIntro:
    'Una volta pubblicata, la versione {n} è quella che i pazienti vedono da ora in poi. Non si potrà più cambiare: per correggerla serve una nuova versione.',
  confirmLabel: 'Ho controllato le due lingue e voglio pubblicare ora la versione {n}',
  confirmRequired: 'Spunta la casella per confermare che vuoi pubblicare.',
  publishVersion: 'Pubblica la versione {n}',
  publishing: 'Pubblicazione…',
  previewHeading: 'Come la vedono i pazienti',
  textHeading: 'Il testo',
  unknownPlaceholders:
    'Questi segnaposto non si possono riempire: {names}. Usa solo questi: {allowed}.',
  publishedLocked: 'Questa versione è pubblicata e non si può più cambiare.',
  versionNotFound: 'Qui non c’è nessuna versione dell’informativa privacy.',
  required: 'Scrivi questa parte.',
  staffShown: 'Informativa privacy mostrata con queste risposte: <a>versione {n}</a>.',
  staffNotShown:
    'Con queste risposte non è registrata nessuna informativa privacy: sono state date prima che l’app ne mostrasse una.',
  tooLong: 'Usa al massimo {max} caratteri.',
} satisfies MessagesOf<typeof en>
