/** `datacontenttype` of a JSON payload in the envelope. */
export const JSON_CONTENT_TYPE = 'application/json';
/** `datacontenttype` of a form payload in the envelope. */
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';
