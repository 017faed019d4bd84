import { createHash, createVerify, type KeyObject } from 'node:crypto';

/**
 * An independent DKIM verifier for tests (RFC 6376, rsa-sha256, simple or relaxed canonicalisation), so
 * that what nodemailer signs is checked by code that is not nodemailer's. The public key is given instead
 * of looked up in DNS. Returns the problem, or null when the signature verifies.
 */
export function verifyDkim(raw: string, publicKey: KeyObject, expect: { domain: string; selector: string }): string | null {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) return 'no header/body separator (CRLF CRLF)';
  const headerBlock = raw.slice(0, split + 2);
  const body = raw.slice(split + 4);
  // Unfolded header fields, each with its original text (name ":" value, folding kept) for simple canonicalisation.
  const fields = headerBlock
    .split(/\r\n(?![ \t])/)
    .filter((f) => f !== '')
    .map((text) => ({ name: text.slice(0, text.indexOf(':')).trim().toLowerCase(), text }));
  const signatures = fields.filter((f) => f.name === 'dkim-signature');
  if (signatures.length !== 1) return `expected one DKIM-Signature, found ${signatures.length}`;
  const signature = signatures[0]!;
  const tags = new Map(
    signature.text
      .slice(signature.text.indexOf(':') + 1)
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t !== '')
      .map((t) => [t.slice(0, t.indexOf('=')).trim(), t.slice(t.indexOf('=') + 1).replace(/\s+/g, '')] as const),
  );
  if (tags.get('v') !== '1') return 'v= is not 1';
  if (tags.get('a') !== 'rsa-sha256') return `unexpected a=${tags.get('a')}`;
  if (tags.get('d') !== expect.domain) return `d=${tags.get('d')}, expected ${expect.domain}`;
  if (tags.get('s') !== expect.selector) return `s=${tags.get('s')}, expected ${expect.selector}`;
  const [headerCanon = 'simple', bodyCanon = 'simple'] = (tags.get('c') ?? 'simple/simple').split('/');

  const canonicalBody = bodyCanon === 'relaxed' ? relaxedBody(body) : simpleBody(body);
  const bh = createHash('sha256').update(canonicalBody, 'utf8').digest('base64');
  if (bh !== tags.get('bh')) return 'body hash (bh=) does not match the body';

  const header = (text: string): string => (headerCanon === 'relaxed' ? relaxedHeader(text) : `${text}\r\n`);
  // h= lists the signed fields; for a name given twice, the fields are taken from the bottom up (§5.4.2).
  const remaining = [...fields];
  let signed = '';
  for (const name of (tags.get('h') ?? '').split(':').map((n) => n.trim().toLowerCase())) {
    const at = remaining.map((f) => f.name).lastIndexOf(name);
    if (at < 0) continue; // a field signed as absent
    signed += header(remaining[at]!.text);
    remaining.splice(at, 1);
  }
  const withoutB = signature.text.replace(/(\bb=)[^;]*/, '$1');
  signed += header(withoutB).replace(/\r\n$/, '');
  const verifier = createVerify('RSA-SHA256');
  verifier.update(signed, 'utf8');
  return verifier.verify(publicKey, Buffer.from(tags.get('b') ?? '', 'base64')) ? null : 'the signature (b=) does not verify';
}

function relaxedHeader(text: string): string {
  const colon = text.indexOf(':');
  const name = text.slice(0, colon).trim().toLowerCase();
  const value = text
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}\r\n`;
}

function relaxedBody(body: string): string {
  const lines = body.split('\r\n').map((l) => l.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`;
}

function simpleBody(body: string): string {
  const trimmed = body.replace(/(\r\n)*$/, '');
  return `${trimmed}\r\n`;
}
