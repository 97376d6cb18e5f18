import { type MessagesOf } from '../catalogue.ts'
import type en from './services.en.ts'

export default {
  kindConsultation: 'Consulenza',
  tierMedical: 'Medico',
  tierCosmetic: 'Cosmetico',
  minutes: '{minutes, plural, one {# minuto} other {# minuti}}',
} satisfies MessagesOf<typeof en>
