import { type MessagesOf } from '../catalogue.ts'
import type en from './retention.en.ts'

export default {
  title: 'Conservazione dei dati | Dermadesk',
  heading: 'Conservazione dei dati',
  intro:
    'Per quanto tempo l’app tiene i dati personali, e quando è passata l’ultima pulizia. Gli orari sono {zone}.',
  fixedPolicy:
    'Questi tempi sono la regola del prodotto, scritta in un solo punto del codice. Qui non si possono cambiare.',
  rulesHeading: 'Cosa tiene l’app, e per quanto',
  colWhat: 'Cosa',
  colHowLong: 'Per quanto',
  colWhy: 'Perché',
  'what.drafts': 'Bozze di prenotazione non finite, e i loro legami con orari bloccati e scaduti',
  'what.unverified_patients':
    'Schede paziente senza prenotazioni, consensi, risposte sulla salute o foto',
  'what.email_codes': 'Codici via email (ognuno vale 10 minuti)',
  'what.outbox_bodies': 'Il testo, l’HTML e il file del calendario di ogni email',
  'what.clinical_records':
    'Consensi firmati, risposte sulla salute, schede di trattamento, foto e arrivi in clinica',
  'howLong.drafts': '{days, plural, one {# giorno} other {# giorni}} dopo l’ultimo uso della bozza',
  'howLong.unverified_patients':
    '{days, plural, one {# giorno} other {# giorni}} dopo la creazione della scheda',
  'howLong.email_codes':
    '{days, plural, one {# giorno} other {# giorni}} dopo la scadenza del codice',
  'howLong.outbox_bodies':
    '{days, plural, one {# giorno} other {# giorni}} dopo l’invio; poi restano solo destinatario, oggetto, stato e date',
  'howLong.clinical_records':
    'Mai cancellati dall’app; {years, plural, one {# anno} other {# anni}} secondo la regola della clinica',
  'why.drafts':
    'Una bozza contiene nome, email, telefono e data di nascita scritti dal paziente. Dopo le 12 ore della sessione nessuno può tornarci, quindi una settimana basta per capire un problema.',
  'why.unverified_patients':
    'Questa persona non è mai diventata paziente. Un mese basta per seguire una prenotazione fallita a metà.',
  'why.email_codes':
    'Dopo un giorno un codice non serve più, neanche per rispondere a una domanda su tanti tentativi.',
  'why.outbox_bodies':
    'Le intestazioni rispondono a “mi avete scritto?”. Il contenuto (orari, trattamenti, nomi) non resta più a lungo di quanto possa servire al paziente.',
  'why.clinical_records':
    'La legge chiede alla clinica di tenere la documentazione clinica. Il database rifiuta di cancellarla.',
  jobsHeading: 'Pulizie automatiche',
  jobsIntro:
    'Il sistema fa ogni pulizia una volta all’ora. Se una pulizia toglie qualcosa, lo scrive anche nel registro delle attività, solo con gli id dei dati.',
  colJob: 'Pulizia',
  colLastRan: 'Ultima volta',
  colRemoved: 'Tolto l’ultima volta',
  'job.drafts': 'Bozze di prenotazione',
  'job.unverified_patients': 'Schede paziente mai usate',
  'job.email_codes': 'Codici via email',
  'job.outbox_bodies': 'Testi delle email',
  'removed.drafts':
    '{drafts, plural, =0 {Niente} one {# bozza, {lapsedHolds} con un orario bloccato scaduto} other {# bozze, {lapsedHolds} con un orario bloccato scaduto}}',
  'removed.unverified_patients':
    '{patients, plural, =0 {Niente} one {# scheda paziente} other {# schede paziente}}',
  'removed.email_codes': '{codes, plural, =0 {Niente} one {# codice} other {# codici}}',
  'removed.outbox_bodies':
    '{emails, plural, =0 {Niente} one {# email ridotta alle intestazioni} other {# email ridotte alle intestazioni}}',
  neverRan: 'Non ancora fatta',
  at: '{date}, {time}',
} satisfies MessagesOf<typeof en>
