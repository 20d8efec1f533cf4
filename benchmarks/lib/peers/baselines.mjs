// Raw modPow baselines: big-integer 1.6.52's modPow (the naive baseline many write), jsbn (amazon-cognito-identity-js's
// BigInteger, what the jsbn-based clients run) and a plain bigint square-and-multiply (the benchmark's own, three lines).
import bigInt from 'big-integer';
import jsbnModule from 'amazon-cognito-identity-js/lib/BigInteger.js';

// a CommonJS module imported from ESM: its exports object (as Node gives it); the class is its `default`
const JsbnBigInteger = jsbnModule.default;

const noop = () => {};
export const bigInteger = {
  name: 'big-integer 1.6.52: modPow',
  prepare: (b, e, m) => [bigInt(b.toString(16), 16), bigInt(e.toString(16), 16), bigInt(m.toString(16), 16)],
  run: ([b, e, m]) => b.modPow(e, m),
  toBigint: (v) => BigInt('0x' + v.toString(16)),
};
export const jsbn = {
  name: 'jsbn (identity-js BigInteger): modPow',
  prepare: (b, e, m) => [new JsbnBigInteger(b.toString(16), 16), new JsbnBigInteger(e.toString(16), 16), new JsbnBigInteger(m.toString(16), 16)],
  run: ([b, e, m]) => b.modPow(e, m, noop),
  toBigint: (v) => BigInt('0x' + v.toString(16)),
};
function naiveModPow(b, e, m) {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}
export const naive = {
  name: 'naive bigint square-and-multiply',
  prepare: (b, e, m) => [b, e, m],
  run: ([b, e, m]) => naiveModPow(b, e, m),
  toBigint: (v) => v,
};
export const baselines = [bigInteger, jsbn, naive];
export const adapters = [];
