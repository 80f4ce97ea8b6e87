import { InvalidEventPatternError } from './errors.js';

/** A parsed IP address: its family and its value as an unsigned integer. */
export interface IpAddress {
  readonly v6: boolean;
  readonly value: bigint;
}

const IPV4_PART = /^\d{1,3}$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses a dotted-quad IPv4 or an RFC 4291 text IPv6 address; `undefined` if it is neither. */
export function parseIp(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { v6: true, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { v6: false, value };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part) || Number(part) > 255) {
      return undefined;
    }
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (head === undefined || tail === undefined) {
    return undefined;
  }
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) {
    return undefined;
  }
  const all = [...head, ...new Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

/** Splits one side of `::` into 16-bit groups; a trailing dotted IPv4 counts as two groups. */
function groups(side: string): number[] | undefined {
  if (side === '') {
    return [];
  }
  const parts = side.split(':');
  const out: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (v4 === undefined) {
        return undefined;
      }
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (IPV6_GROUP.test(part)) {
      out.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return out;
}

/**
 * Compiles a `cidr` matcher for IPv4 or IPv6. Host bits in the base address are ignored
 * (`10.0.0.5/24` is the block `10.0.0.0/24`), as event-ruler does.
 *
 * @see https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html#eb-filtering-ip-matching
 */
export function compileCidr(spec: unknown): (value: string) => boolean {
  if (typeof spec !== 'string') {
    throw new InvalidEventPatternError('cidr match pattern must be a string');
  }
  const [address, bits, ...rest] = spec.split('/');
  const ip = address === undefined ? undefined : parseIp(address);
  const width = ip?.v6 ? 128 : 32;
  if (ip === undefined || bits === undefined || rest.length > 0 || !/^\d{1,3}$/.test(bits) || Number(bits) > width) {
    throw new InvalidEventPatternError(`Malformed CIDR: ${spec}`);
  }
  const shift = BigInt(width - Number(bits));
  const network = ip.value >> shift;
  return (value) => {
    const candidate = parseIp(value);
    return candidate !== undefined && candidate.v6 === ip.v6 && candidate.value >> shift === network;
  };
}
