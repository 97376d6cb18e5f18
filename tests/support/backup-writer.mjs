// Worker threads run plain JavaScript: teach this one TypeScript (tsx), then run the real worker.
import { register } from 'tsx/esm/api'

register()
await import('./backup-writer.ts')
