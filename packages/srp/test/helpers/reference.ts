// amazon-cognito-identity-js, the client real Cognito accepts every day, as an oracle for Node-only tests.
// Its CommonJS build is loaded with createRequire; its BigInteger is jsbn.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface JsbnBigInteger {
  toString(radix: number): string;
}
interface JsbnConstructor {
  new (value: string, radix: number): JsbnBigInteger;
}
interface ReferenceHelper {
  padHex(value: JsbnBigInteger): string;
}

const BigInteger = (require('amazon-cognito-identity-js/lib/BigInteger.js') as { default: JsbnConstructor }).default;
const AuthenticationHelper = (
  require('amazon-cognito-identity-js/lib/AuthenticationHelper.js') as { default: new (pool: string) => ReferenceHelper }
).default;

let helper: ReferenceHelper | undefined;

export function toJsbn(value: bigint): JsbnBigInteger {
  return value < 0n ? new BigInteger('-' + (-value).toString(16), 16) : new BigInteger(value.toString(16), 16);
}

/** amazon-cognito-identity-js AuthenticationHelper.padHex, lower-cased (it builds negatives in upper case). */
export function referencePadHex(value: bigint): string {
  helper ??= new AuthenticationHelper('pool');
  return helper.padHex(toJsbn(value)).toLowerCase();
}

export { require as referenceRequire };
