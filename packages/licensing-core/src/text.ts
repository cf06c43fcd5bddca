/**
 * A template literal tag that returns the text as one flat string. A plain template literal in V8
 * returns a rope (a tree of string pieces), and the report keeps ~230k finding texts: as ropes they
 * were several small objects each, which every garbage collection copied (a tenth of the report's
 * time); built with `join` they are one string each, about a third less memory.
 *
 * @example
 * flat`${3} seat(s) billed` // '3 seat(s) billed'
 */
export function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts = new Array<string>(strings.length + values.length);
  parts[0] = strings[0] as string;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts[2 * i + 1] = typeof v === 'string' ? v : String(v); // as a template would (`join` drops undefined)
    parts[2 * i + 2] = strings[i + 1] as string;
  }
  return parts.join('');
}
