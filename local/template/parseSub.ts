/** A piece of an `Fn::Sub` string: literal text or a `${Name}` / `${Logical.Attr}` variable. */
export type SubPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'var'; readonly name: string };

/**
 * Split an `Fn::Sub` string into literal text and variables. `${!Literal}` stays as the literal text
 * `${Literal}`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
 */
export function parseSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  const pattern = /\$\{([^}]*)\}/g;
  let last = 0;
  for (let match = pattern.exec(template); match !== null; match = pattern.exec(template)) {
    if (match.index > last) parts.push({ kind: 'text', text: template.slice(last, match.index) });
    const inner = match[1]!;
    if (inner.startsWith('!')) parts.push({ kind: 'text', text: `\${${inner.slice(1)}}` });
    else parts.push({ kind: 'var', name: inner.trim() });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ kind: 'text', text: template.slice(last) });
  return parts;
}
