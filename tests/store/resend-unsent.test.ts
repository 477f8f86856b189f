import { describe, expect, it } from 'vitest';
import { resendUnsentPolicy } from '../../src/store/resend-unsent.js';

type Next = Parameters<typeof resendUnsentPolicy.sendRequest>[1];
type Request = Parameters<typeof resendUnsentPolicy.sendRequest>[0];

const request = { url: 'http://127.0.0.1/devstoreaccount1/$batch', method: 'POST' } as Request;
const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

/** A `next` that fails with each of `codes` in turn, then answers 202; counts its calls. */
function service(codes: readonly string[]) {
  let calls = 0;
  const next: Next = () => {
    const code = codes[calls];
    calls += 1;
    return code === undefined
      ? Promise.resolve({ status: 202, headers: {} as never, request })
      : Promise.reject(failure(code));
  };
  return { next, calls: () => calls };
}

describe('a request whose body could not be written', () => {
  it('is sent again when the connection closed under it (EPIPE), and answers', async () => {
    const azure = service(['EPIPE']);
    const response = await resendUnsentPolicy.sendRequest(request, azure.next);
    expect(response.status).toBe(202);
    expect(azure.calls()).toBe(2);
  });

  it('gives up after two more tries, with the failure the caller can report', async () => {
    const azure = service(['EPIPE', 'EPIPE', 'EPIPE', 'EPIPE']);
    await expect(resendUnsentPolicy.sendRequest(request, azure.next)).rejects.toThrow(
      'write EPIPE',
    );
    expect(azure.calls()).toBe(3);
  });

  it("leaves every other failure to the SDK's own retries, which know when a resend is safe", async () => {
    const azure = service(['ECONNRESET']);
    await expect(resendUnsentPolicy.sendRequest(request, azure.next)).rejects.toThrow(
      'write ECONNRESET',
    );
    expect(azure.calls()).toBe(1);
  });
});
