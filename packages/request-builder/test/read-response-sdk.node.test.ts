// readResponse against the AWS SDK v3 itself: for generated error replies (the name as __type, code or the
// X-Amzn-ErrorType header, with namespace prefixes and URL suffixes; every status class), CognitoServiceError has
// the SDK error's name, message and request id, and `retryable` is true exactly when the SDK's standard retry
// strategy sends the request again. Node only: the SDK client runs with an in-memory handler.
import { CognitoIdentityProviderClient, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { CognitoServiceError, readResponse } from '../src/index.js';

interface ErrorReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the SDK makes of `reply`: its error's name, message and request id, and how many times it sent. */
async function sdkOutcome(reply: ErrorReply): Promise<{ name: string; message: string; requestId: string | undefined; attempts: number }> {
  let attempts = 0;
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    maxAttempts: 2,
    requestHandler: {
      handle: async () => {
        attempts += 1;
        return { response: { statusCode: reply.status, headers: reply.headers, body: new TextEncoder().encode(reply.body) } };
      },
    } as never,
  });
  try {
    await client.send(new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client', AuthParameters: { USERNAME: 'a', PASSWORD: 'p' } }));
    throw new Error('the SDK accepted an error reply');
  } catch (error) {
    const sdkError = error as { name: string; message: string; $metadata?: { requestId?: string } };
    return { name: sdkError.name, message: sdkError.message, requestId: sdkError.$metadata?.requestId, attempts };
  }
}

const NAMES = [
  'NotAuthorizedException',
  'UserNotFoundException',
  'CodeMismatchException',
  'InvalidParameterException',
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'RequestTimeoutException',
  'InternalErrorException',
  'ResourceNotFoundException',
];

const errorReply: fc.Arbitrary<ErrorReply> = fc
  .record({
    status: fc.constantFrom(400, 403, 404, 429, 500, 502, 503, 504),
    name: fc.constantFrom(...NAMES),
    prefix: fc.constantFrom('', 'com.amazonaws.cognito.identity.idp.model#', 'aws.protocoltests#'),
    suffix: fc.constantFrom('', ':http://internal.amazon.com/coral/com.amazon.coral.validate/'),
    where: fc.constantFrom('__type', 'code', 'Code', 'header'),
    message: fc.constantFrom('Incorrect username or password.', 'Rate exceeded', 'x'),
    messageKey: fc.constantFrom('message', 'Message'),
    requestId: fc.option(fc.uuid(), { nil: undefined }),
  })
  .map(({ status, name, prefix, suffix, where, message, messageKey, requestId }) => {
    const type = `${prefix}${name}${suffix}`;
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
    if (where === 'header') headers['x-amzn-errortype'] = type;
    if (requestId !== undefined) headers['x-amzn-requestid'] = requestId;
    const body: Record<string, string> = { [messageKey]: message };
    if (where !== 'header') body[where] = type;
    return { status, headers, body: JSON.stringify(body) };
  });

describe('readResponse agrees with the AWS SDK', () => {
  test.prop([errorReply], { numRuns: 40 })('on the name, message, request id and whether to retry', async (reply) => {
    const sdk = await sdkOutcome(reply);
    const ours: unknown = await readResponse('InitiateAuth', new Response(reply.body, { status: reply.status, headers: reply.headers })).catch(
      (error: unknown) => error,
    );
    expect(ours).toBeInstanceOf(CognitoServiceError);
    const error = ours as CognitoServiceError;
    expect({ name: error.name, message: error.message, requestId: error.requestId, retryable: error.retryable }).toEqual({
      name: sdk.name,
      message: sdk.message,
      requestId: sdk.requestId,
      retryable: sdk.attempts > 1,
    });
  }, 120_000);
});
