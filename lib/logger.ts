import { pino, type Logger } from 'pino';

/**
 * Structured logs. Personal identifiers never reach a log: the fields below are redacted
 * wherever they appear, and code logs resident ids, never SINs, names or health numbers.
 */
const PERSONAL_FIELDS = [
  'sin', 'uci', 'healthNumber', 'givenName', 'familyName', 'dateOfBirth', 'postalCode', 'authorization',
  'variables',
];

export function createLogger(service: string): Logger {
  return pino({
    name: service,
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' || process.env.VITEST ? 'silent' : 'info'),
    redact: { paths: PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]), censor: '[redacted]' },
  });
}

export type { Logger };
