// cognito-kit's default login in an isolate that called `warmUp()` in its global scope (what the README advises for
// Workers): the same cases and checks as kit.mjs's default, in a bundle of their own, because warmUp changes the
// state of the whole isolate.
import { warmUp } from '@cognito-kit/srp';
import kit from './kit.mjs';

warmUp();

const cases = kit.cases
  .filter((c) => c.id.startsWith('kit-1024/'))
  .map((c) => ({ ...c, id: c.id.replace('kit-1024/', 'kit-warm1024/'), variant: 'default, warmUp() in the global scope' }));

export default { library: 'cognito-kit', cases, check: kit.check };
