/** The account id every local ARN uses. */
export const LOCAL_ACCOUNT_ID = '000000000000';

/** The region local ARNs use unless `AWS_REGION` says otherwise. */
export const DEFAULT_LOCAL_REGION = 'us-east-1';

/** The partition of local ARNs. */
export const LOCAL_PARTITION = 'aws';

/** The default EventBridge bus name when a PutEvents entry names none. */
export const DEFAULT_EVENT_BUS_NAME = 'default';
