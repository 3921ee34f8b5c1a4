/** An http(s) URL with a host, as the inputs that name a service (Livy, Alertmanager, a webhook) take. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+/i.test(value);
}
