import pino from 'pino'

/**
 * Structured JSON logs, one line per event (security goal E4: input cannot forge a line, because
 * pino escapes every value). Health answers, passwords, tokens and codes are never passed to the
 * logger; the redact list is a second line of defence for keys that slip through.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: { service: 'dermadesk' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'code',
        '*.code',
        'cookie',
        '*.cookie',
        'headers.cookie',
        'answers',
        '*.answers',
      ],
      censor: '[redacted]',
    },
  },
  // LOG_FILE sends the lines to a file instead of stdout (the end-to-end tests search it).
  process.env.LOG_FILE ? pino.destination({ dest: process.env.LOG_FILE, sync: true }) : undefined,
)

export type Logger = typeof logger
