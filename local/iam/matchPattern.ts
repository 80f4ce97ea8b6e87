const escapeRegExp = (text: string): string => text.replace(/[.+^${}()|[\]\\/]/g, '\\$&');

const actionCache = new Map<string, RegExp>();
const resourceCache = new Map<string, RegExp>();

/**
 * Whether an IAM `Action`/`NotAction` entry matches an action. Action names are case-insensitive
 * (service prefix and operation alike); `*` is any run of characters and `?` any one character.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
 */
export const actionMatches = (pattern: string, action: string): boolean => {
  let regex = actionCache.get(pattern);
  if (!regex) {
    const body = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c))).join('');
    regex = new RegExp(`^${body}$`, 'is');
    actionCache.set(pattern, regex);
  }
  return regex.test(action);
};

/**
 * Whether an IAM `Resource`/`NotResource` entry matches a resource ARN. ARNs are case-sensitive.
 * Wildcards stay inside one colon-separated segment, except a `*` that ends a segment, which "can
 * expand to match beyond the colon boundaries"; `*` alone matches every resource.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards
 */
export const resourceMatches = (pattern: string, resource: string): boolean => {
  if (pattern === '*') return true;
  let regex = resourceCache.get(pattern);
  if (!regex) {
    let body = '';
    for (let i = 0; i < pattern.length; i += 1) {
      const c = pattern[i] as string;
      if (c === '*') {
        const next = pattern[i + 1];
        body += next === undefined || next === ':' ? '.*' : '[^:]*';
      } else if (c === '?') {
        body += '[^:]';
      } else {
        body += escapeRegExp(c);
      }
    }
    regex = new RegExp(`^${body}$`, 's');
    resourceCache.set(pattern, regex);
  }
  return regex.test(resource);
};
