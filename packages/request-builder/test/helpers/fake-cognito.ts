// A Cognito user pool for the AWS SDK's in-memory request handler: the CLI demo's EmbeddedCognito (which answers
// with the SRP server half of @cognito-kit/srp, so signatures and SECRET_HASH are really verified), plus a log of
// the calls and Cognito's HTTP error shape.
import { EmbeddedCognito } from '../../src/cli/demo-server.js';

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
  const server = new EmbeddedCognito({
    userPoolId: pool.userPoolId,
    clientId: pool.clientId,
    ...(pool.clientSecret === undefined ? {} : { clientSecret: pool.clientSecret }),
  });
  server.addUser(pool.username, pool.password, pool.userIdForSrp);
  const calls: { operation: string; body: Record<string, unknown> }[] = [];

  /** Answers one operation as Cognito would over HTTP: the JSON body, or status 400 with `__type` and `message`. */
  function answer(operation: string, body: Record<string, unknown>): { status?: number; body: unknown } {
    calls.push({ operation, body });
    const reply = server.handle(`AWSCognitoIdentityProviderService.${operation}`, body);
    return reply.ok ? { body: reply.body } : { status: 400, body: { __type: reply.type, message: reply.message } };
  }

  return { answer, calls };
}
