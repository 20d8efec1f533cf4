// Signing Admin requests with aws4fetch (small, Web-Crypto-based, runs in workers): its signature for the HTTP
// request of toHttpRequest equals what @smithy/signature-v4 (the AWS SDK's signer) computes for the same request,
// headers and instant. This package bundles neither; it documents aws4fetch and this test keeps that advice true.
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsClient } from 'aws4fetch';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildAdminInitiateAuth, requiresSigV4, toHttpRequest } from '../src/index.js';
import * as arb from './arbitraries.js';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-example' };

async function signBoth(http: ReturnType<typeof toHttpRequest>, region: string, when: Date) {
  const aws = new AwsClient({ ...credentials, service: 'cognito-idp', region });
  const amzDate = when.toISOString().replace(/[-:]|\.\d{3}/g, '');
  const signed = await aws.sign(http.url, { method: http.method, headers: http.headers, body: http.body, aws: { datetime: amzDate } });
  const headers: Record<string, string> = {};
  signed.headers.forEach((value, name) => {
    headers[name] = value;
  });

  const url = new URL(http.url);
  const smithy = new SignatureV4({ credentials, region, service: 'cognito-idp', sha256: Sha256, applyChecksum: false });
  // Sign exactly the headers aws4fetch signed, so the two canonical requests can be compared.
  const signedNames = /SignedHeaders=([^,]+)/.exec(headers.authorization!)![1]!.split(';');
  const toSign = Object.fromEntries(signedNames.filter((n) => n !== 'x-amz-date' && n !== 'x-amz-security-token').map((n) => [n, n === 'host' ? url.host : headers[n]!]));
  const reference = await smithy.sign(
    { method: 'POST', protocol: url.protocol, hostname: url.hostname, path: url.pathname, headers: toSign, body: http.body, query: {} },
    { signingDate: when },
  );
  return { ours: headers, reference: reference.headers as Record<string, string> };
}

describe('SigV4 for the Admin operations', () => {
  it('is required for Admin operations only', () => {
    expect(requiresSigV4('AdminInitiateAuth')).toBe(true);
    expect(requiresSigV4('AdminRespondToAuthChallenge')).toBe(true);
    expect(requiresSigV4('InitiateAuth')).toBe(false);
    expect(requiresSigV4('RespondToAuthChallenge')).toBe(false);
  });

  test.prop([arb.userPoolId, arb.clientId, arb.username, arb.password, fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true })], {
    numRuns: 25,
  })('aws4fetch signs the HTTP request as the AWS SDK signer does', async (userPoolId, clientId, username, password, when) => {
    const { request } = buildAdminInitiateAuth({ authFlow: 'ADMIN_USER_PASSWORD_AUTH', userPoolId, clientId, username, password });
    const region = userPoolId.split('_')[0]!;
    const http = toHttpRequest('AdminInitiateAuth', request, { region });
    const { ours, reference } = await signBoth(http, region, new Date(Math.floor(when.getTime() / 1000) * 1000));
    expect(ours.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${region}/cognito-idp/aws4_request, SignedHeaders=`));
    expect(ours.authorization).toBe(reference.authorization);
    expect(ours['x-amz-security-token']).toBe(credentials.sessionToken);
  });
});
