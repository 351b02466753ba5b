/**
 * --redact, for tickets: masks account ids (also inside ARNs), access key ids (keeping the
 * AKIA/ASIA prefix so the key type stays visible) and home paths. Request ids stay: AWS
 * Support needs them.
 */
export function redactForTicket(text: string, home: string): string {
  let out = text
    .replace(/\b(AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{12,16}\b/g, '$1****')
    .replace(/(?<![\d-])\d{12}(?![\d-])/g, '************');
  if (home && home.length > 1) out = out.split(home).join('~');
  return out;
}
