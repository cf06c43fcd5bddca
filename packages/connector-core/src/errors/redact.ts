// Redaction runs on every string an error may carry (URLs, body snippets), so a secret that
// reaches an error through a vendor echo or a query string is still masked.
const PATTERNS: RegExp[] = [
  /(authorization\s*[:=]\s*)(basic|bearer)?\s*[^\s",;]+/gi,
  /(\b(?:bearer|basic)\s+)[A-Za-z0-9._~+/=-]{8,}/gi,
  /((?:client_secret|access_token|refresh_token|id_token|password|api[_-]?key|subscription[_-]?key|token|sig)=)[^&\s"]+/gi,
  /("(?:client_secret|access_token|refresh_token|id_token|password|token|subscriptionKey|refreshToken|clientSecret)"\s*:\s*")[^"]*/gi,
];

/**
 * Masks credentials in `text`: auth headers, token-like query/body fields, and every literal secret given.
 *
 * @example
 * redact('GET /x?access_token=abc', ['hunter2']) // 'GET /x?access_token=[redacted]'
 */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const re of PATTERNS) {
    out = out.replace(re, (match, prefix: string | undefined) =>
      prefix && match.startsWith(prefix) ? `${prefix}[redacted]` : '[redacted]',
    );
  }
  return out;
}
