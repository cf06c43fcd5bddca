// Scans every tracked file for credential formats that must never be committed
// (public repositories around these APIs have leaked live Ingram credentials).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const patterns = [
  ['private key', /-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----/],
  ['AWS access key', /\bAKIA[0-9A-Z]{16}\b/],
  ['GitHub token', /\bgh[pousr]_[A-Za-z0-9]{36,}\b/],
  ['Slack token', /\bxox[abprs]-[A-Za-z0-9-]{10,}/],
  ['signed JWT', /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,}/],
  ['Azure SAS signature', /[?&]sig=[A-Za-z0-9%]{40,}/],
];
const files = execFileSync('git', ['ls-files'], { encoding: 'utf8' }).split('\n').filter(Boolean);
let hits = 0;
for (const file of files) {
  if (/\.(png|jpg|gif|ico|woff2?)$/.test(file) || file.endsWith('package-lock.json')) continue;
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue;
  }
  for (const [label, re] of patterns) {
    if (re.test(text)) {
      hits++;
      console.log(`✗ ${file}: looks like a ${label}`);
    }
  }
}
if (hits) process.exit(1);
console.log(`secret scan: ${files.length} files clean`);
