// `vectis test [vendor…]`: testConnection() per configured distributor; exit 1 when any fails.
import { connectorsFromEnv, type FileConfig } from '../config';
import { describeError, EXIT, type Io } from '../io';

/** @example await testCommand(io, process.env, ['ingram'], false) */
export async function testCommand(io: Io, env: NodeJS.ProcessEnv, vendors: readonly string[], json: boolean, tuning: FileConfig['connectors'] = {}): Promise<number> {
  const configured = connectorsFromEnv(env, vendors, tuning);
  const results: { vendor: string; ok: boolean; message: string; error?: string; correlationId?: string | undefined }[] = [];
  for (const { entry, connector } of configured) {
    try {
      const r = await connector.testConnection();
      results.push({ vendor: entry.id, ok: true, message: r.message });
      if (!json) io.out(`✔ ${entry.label}: ${r.message}`);
    } catch (err) {
      const d = describeError(err);
      results.push({ vendor: entry.id, ok: false, message: d.message, error: d.name, correlationId: d.correlationId });
      if (!json) io.out(`✘ ${entry.label}: ${d.message}`);
    } finally {
      await connector.dispose();
    }
  }
  const ok = results.every((r) => r.ok);
  if (json) io.out(JSON.stringify({ ok, results }));
  return ok ? EXIT.ok : EXIT.failed;
}
