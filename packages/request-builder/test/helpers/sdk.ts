// The AWS SDK v3 Cognito client with an in-memory request handler that captures what it would send (nothing leaves
// the process) and answers with a function, so sdk-bytes.test.ts compares the SDK's bodies with the builders'. Full
// logins through the SDK run against the local pool: packages/local-pool/test/sdk-login.node.test.ts.
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';

export interface SentRequest {
  method: string;
  hostname: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** The reply to one request: the JSON body and its HTTP status (200 unless given). */
export interface AnswerReply {
  status?: number;
  body: unknown;
}

/** Answers one request: its operation (from X-Amz-Target), its parsed body, and the request as sent (headers included). */
export type Answer = (operation: string, body: Record<string, unknown>, request: SentRequest) => AnswerReply | Promise<AnswerReply>;

/** A client whose handler answers every request with `answer` (status 400 bodies become SDK errors). */
export function sdkClient(answer: Answer, sent: SentRequest[] = []): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
    requestHandler: {
      handle: async (request: { method: string; hostname: string; path: string; headers: Record<string, string>; body: unknown }) => {
        const body = typeof request.body === 'string' ? request.body : new TextDecoder().decode(request.body as Uint8Array);
        const captured: SentRequest = { method: request.method, hostname: request.hostname, path: request.path, headers: request.headers, body };
        sent.push(captured);
        const operation = (request.headers['x-amz-target'] ?? '').split('.').pop() ?? '';
        const reply = await answer(operation, JSON.parse(body) as Record<string, unknown>, captured);
        return {
          response: {
            statusCode: reply.status ?? 200,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: new TextEncoder().encode(JSON.stringify(reply.body)),
          },
        };
      },
    } as never,
  });
}

/** The body and headers the SDK serializes for a command, captured without sending anything. */
export async function sdkSerialize(command: object): Promise<SentRequest> {
  const sent: SentRequest[] = [];
  await sdkClient(() => ({ body: {} }), sent).send(command as never);
  return sent[0]!;
}
