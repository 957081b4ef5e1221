/** Extra structured context for a log line. */
export type LogFields = Readonly<Record<string, unknown>>;

/** Where the daemon reports what it does; the CLI passes its own, tests pass `silentLogger`. */
export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
  debug?(message: string, fields?: LogFields): void;
}

/** A logger that drops everything. */
export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function line(level: string, message: string, fields: LogFields | undefined): string {
  const extra = fields === undefined || Object.keys(fields).length === 0 ? '' : ` ${JSON.stringify(fields)}`;
  return `[tokentally] ${level} ${message}${extra}`;
}

/** A logger writing one line per message to stderr (stdout stays free for the CLI's own output). */
export function stderrLogger(): Logger {
  return {
    info: (message, fields) => process.stderr.write(`${line('info', message, fields)}\n`),
    warn: (message, fields) => process.stderr.write(`${line('warn', message, fields)}\n`),
    error: (message, fields) => process.stderr.write(`${line('error', message, fields)}\n`),
  };
}
