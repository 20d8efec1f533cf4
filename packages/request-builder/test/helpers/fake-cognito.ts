// A Cognito user pool for the AWS SDK's in-memory request handler (helpers/sdk.ts): the request builder's test pool
// (helpers/test-pool.ts, which answers with the SRP server half of @cognito-kit/srp, so signatures and SECRET_HASH
// are really verified), with device tracking on, behind the handler's signature, plus its log of the calls.
import type { AnswerReply, SentRequest } from './sdk.js';
import { createTestPool } from './test-pool.js';

export interface FakePool {
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  /** The name the user signs in with (an alias when it differs from userIdForSrp). */
  username: string;
  userIdForSrp: string;
  password: string;
}

export function fakeCognito(pool: FakePool) {
  const testPool = createTestPool({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    ...(pool.clientSecret === undefined ? {} : { clientSecret: pool.clientSecret }),
    users: [{ username: pool.userIdForSrp, password: pool.password, ...(pool.username === pool.userIdForSrp ? {} : { aliases: [pool.username] }) }],
    deviceTracking: true,
  });

  /** Answers one request as Cognito does over HTTP: the JSON body, or status 400 with `__type` and `message`. */
  async function answer(_operation: string, _body: Record<string, unknown>, sent: SentRequest): Promise<AnswerReply> {
    const request = new Request(`https://${sent.hostname}${sent.path}`, { method: sent.method, headers: sent.headers, body: sent.body });
    const response = await testPool.fetch(request);
    return { status: response.status, body: (await response.json()) as unknown };
  }

  return { answer, calls: testPool.calls };
}
