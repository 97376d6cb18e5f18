import { type MessagesOf } from '../catalogue.ts'
import type en from './admin-staff.en.ts'

export default {
  title: 'Personale | Impostazioni della clinica | Dermadesk',
  heading: 'Personale',
  intro:
    'Tutte le persone che accedono alle pagine della clinica. Un nuovo collega riceve un invito via email e sceglie la propria password; nessun altro la conosce mai.',
  invitationSent: 'Invito inviato a {email}. Il link funziona una sola volta, per {hours} ore.',
  accounts: 'Account',
  staffAccounts: 'Account del personale',
  colName: 'Nome',
  colEmail: 'Email',
  colRoles: 'Ruoli',
  colTwoStep: 'Accesso in due passaggi',
  disabled: '(disattivato)',
  twoStepOn: 'Attivo',
  twoStepNotYet: 'Non ancora attivato',
  openInvitations: 'Inviti aperti',
  none: 'Nessuno.',
  invitationLine: '{name} ({email}), {roles}: il link funziona fino a {date} alle {time}.',
  roleName:
    '{role, select, clinician {clinico} admin {amministratore} reception {reception} other {{role}}}',
  and: ' e ',
  inviteColleague: 'Invita un collega',
  fullName: 'Nome e cognome',
  emailHint: 'L’invito arriva a questo indirizzo.',
  roles: 'Ruoli',
  roleClinician: 'Clinico (agenda, risposte sulla salute, consenso, trattamenti)',
  roleAdmin: 'Amministratore (impostazioni della clinica, personale, registro delle attività)',
  roleReception:
    'Reception (agenda, contatti dei pazienti, accettazione; mai le risposte sulla salute o i trattamenti)',
  sending: 'Invio in corso…',
  send: 'Invia l’invito',
  alreadyStaff: 'Questo indirizzo ha già un account del personale.',
  chooseRole: 'Scegli almeno un ruolo.',
  chooseLanguage: 'Scegli la lingua dell’invito.',
  invitationLanguage: 'Lingua dell’invito',
  invitationLanguageHint: 'L’email è scritta in questa lingua.',
} satisfies MessagesOf<typeof en>
