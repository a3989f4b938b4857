/**
 * Types for `zendesk_app_framework_sdk` (Zendesk's ZAF SDK ships none): `ZAFClient.init()` returns a client
 * when the page was opened by Zendesk (`origin` and `app_guid` in its URL), else `false`.
 */
declare module 'zendesk_app_framework_sdk' {
  import type { ZafClient } from './api/client.ts';

  const ZAFClient: { init(callback?: (context: unknown) => void): ZafClient | false };
  export default ZAFClient;
}
