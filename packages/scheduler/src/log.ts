// Structured log events, named after OpenTelemetry's semantic conventions where one exists
// (`messaging.*` for the queue, `vectis.*` for ours), so a collector can map them without parsing text.

/** One structured event; `name` is dotted and stable, attributes are flat and never hold a secret. */
export interface SchedulerLogEvent {
  name:
    | 'vectis.job.scheduled'
    | 'vectis.job.enqueued'
    | 'vectis.job.started'
    | 'vectis.job.completed'
    | 'vectis.job.failed'
    | 'vectis.job.dead_lettered'
    | 'vectis.job.progress';
  severity: 'INFO' | 'WARN' | 'ERROR';
  attributes: Record<string, string | number | boolean | undefined>;
}

export type SchedulerLogger = (event: SchedulerLogEvent) => void;

/**
 * A logger writing one JSON line per event to stderr (the default for workers).
 *
 * @example
 * createScheduler({ connectionString, execute, log: jsonLogger() });
 */
export function jsonLogger(write: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): SchedulerLogger {
  return (e) => write(JSON.stringify({ timestamp: new Date().toISOString(), severityText: e.severity, name: e.name, attributes: e.attributes }));
}
