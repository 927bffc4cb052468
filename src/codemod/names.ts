// Validation of the names codemods create: domains, channel names, pool names.

/** Pool names: at most 12 characters (English guides; the Korean editions say 11). */
export const MAX_POOL_NAME = 12;
/** Channel names: at most 32 characters (imta-cnf.md §7.2). */
export const MAX_CHANNEL_NAME = 32;
/** Official host names: at most 128 octets (imta-cnf.md §7.1). */
export const MAX_HOST_NAME = 128;

/** A domain name in lower case without a trailing dot, or an error message. */
export function checkDomain(input: string): { domain: string } | { error: string } {
  const domain = input.trim().replace(/\.$/, '').toLowerCase();
  const label = '[a-z0-9](?:[a-z0-9-]*[a-z0-9])?';
  if (!new RegExp(`^${label}(?:\\.${label})+$`).test(domain))
    return { error: `'${input}' is not a domain name such as example.com (letters, digits and '-' in dot-separated labels)` };
  return { domain };
}

export function checkChannelName(name: string, what = 'channel name'): string | undefined {
  if (!name) return `the ${what} is empty`;
  if (!/^[A-Za-z0-9_$-]+$/.test(name))
    return `${what} '${name}' may only contain letters, digits, '_', '$' and '-' (it is also a file and directory name on the server)`;
  if (name.length > MAX_CHANNEL_NAME) return `${what} '${name}' has ${name.length} characters; the MTA allows at most ${MAX_CHANNEL_NAME}`;
  if (/^(no)?defaults$/i.test(name)) return `'${name}' is not a channel name: the MTA reads a block named ${name.toLowerCase()} as default keywords`;
  return undefined;
}

export function checkPoolName(name: string, how = 'pass another one with --pool'): string | undefined {
  if (!name) return 'the pool name is empty';
  if (!/^[A-Za-z0-9_$-]+$/.test(name)) return `pool name '${name}' may only contain letters, digits, '_', '$' and '-'`;
  if (name.length > MAX_POOL_NAME)
    return `pool name '${name}' has ${name.length} characters; the Job Controller allows at most ${MAX_POOL_NAME}: ${how}`;
  return undefined;
}

/** A note for names the Korean editions of the guides would reject (11 characters). */
export function poolLengthNote(name: string): string | undefined {
  return name.length === MAX_POOL_NAME
    ? `note: pool name '${name}' has ${MAX_POOL_NAME} characters, the documented maximum; the Korean editions of the guides allow only 11`
    : undefined;
}

export function checkJobLimit(n: number | undefined): string | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 1) return `job limit '${n}' is not a whole number of 1 or more`;
  return undefined;
}
