/**
 * Partition and URL suffix of a region, and ARN building.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */

/** `aws`, `aws-cn` or `aws-us-gov`, from the region name. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** `amazonaws.com`, or `amazonaws.com.cn` in China regions. */
export function urlSuffixOf(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `arn:<partition>:<service>:<region>:<account>:<resource>`; pass '' for a global service's region/account. */
export function buildArn(region: string, service: string, arnRegion: string, account: string, resource: string): string {
  return `arn:${partitionOf(region)}:${service}:${arnRegion}:${account}:${resource}`;
}

/** The last segment of an ARN's resource part after `/` (or the input when it is not an ARN). */
export function nameFromArn(value: string, marker: string): string {
  if (!value.startsWith('arn:')) return value;
  const index = value.indexOf(marker);
  return index === -1 ? value : value.slice(index + marker.length);
}
