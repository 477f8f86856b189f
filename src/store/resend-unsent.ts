import type { TableServiceClientOptions } from '@azure/data-tables';

type PipelinePolicy = NonNullable<
  TableServiceClientOptions['additionalPolicies']
>[number]['policy'];

/** How many times a request whose body could not be written is sent again. */
const RESENDS = 2;

/**
 * Sends a request again when the connection closed while its body was still being written
 * (`EPIPE`): typically a kept-alive connection the service closed just as a large batch
 * began on it. The service cannot have acted on a request it did not receive in full, so
 * sending it again is safe; the SDK's own retries leave `EPIPE` alone.
 */
export const resendUnsentPolicy: PipelinePolicy = {
  name: 'actionTrackerResendUnsent',
  async sendRequest(request, next) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await next(request);
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        if (code !== 'EPIPE' || attempt >= RESENDS) throw error;
      }
    }
  },
};
