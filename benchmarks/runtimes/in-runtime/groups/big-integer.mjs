// big-integer's modPow (the naive baseline many write) on the same inputs as kit/modpow-*.
import bigInt from 'big-integer';
import F from 'cognito-kit:runtime-bench-fixture';

const N = bigInt(F.modpow.nHex, 16);
const two = bigInt(2);
const exponent = bigInt(F.modpow.aHex, 16);
const base = bigInt(F.modpow.baseHex, 16);
const cases = [
  { id: 'big-integer/modpow-g^a', op: 'modpow-g^a', run: () => two.modPow(exponent, N).toString(16), expected: F.modpow.gaHex },
  { id: 'big-integer/modpow-base^e', op: 'modpow-base^e', run: () => base.modPow(exponent, N).toString(16), expected: F.modpow.baseEHex },
];
function check() {
  const rows = cases.map((c) => ({ name: c.id, ok: c.run() === c.expected, detail: '' }));
  return { ok: rows.every((r) => r.ok), rows };
}
export default { library: 'big-integer', cases, check };
