import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-consent.en.ts'

export default {
  consentForms: 'Moduli di consenso',
  intro:
    'Prima di prenotare, il paziente firma il modulo di consenso del livello del suo trattamento. Una versione pubblicata non cambia mai: per cambiare il testo, scrivi una nuova versione e pubblicala. Dalla data in cui vale, chi ha firmato una versione più vecchia firma di nuovo prima della seduta successiva.',
  tierLabel: '{tier, select, medical {Microneedling medico} other {Microneedling estetico}}',
  publishedAt: '{date} alle {time}',
  installedWithApp: 'Installato con l’app',
  inUseNow: 'In uso ora: <a>versione {n}</a>, per le sedute dal {date}.',
  scheduledLine: 'In programma: la <a>versione {n}</a> vale per le sedute dal {date}.',
  editDraft: 'Modifica la bozza della versione {n}',
  starting: 'Avvio…',
  writeVersion: 'Scrivi la versione {n}',
  historyCaption:
    'Versioni pubblicate del modulo per il {tier, select, medical {microneedling medico} other {microneedling estetico}}',
  colVersion: 'Versione',
  colForSessionsFrom: 'Per le sedute dal',
  colPublished: 'Pubblicata',
  colBy: 'Da',
  versionRow: 'Versione {n}',
} satisfies MessagesOf<typeof en>
