// What `import … from 'vitest'` resolves to when scripts/runtimes/suite.mjs bundles the vitest test files for
// workerd, Deno, Bun and Chromium (esbuild alias). It is vitest's own machinery, not a re-implementation:
// describe/it/test and the hooks are @vitest/runner's collectors (the runner vitest itself uses, also in its browser
// mode), `expect` is chai with @vitest/expect's plugins (the matchers vitest registers), `vi.fn`/`vi.spyOn` are
// @vitest/spy, and `expectTypeOf` is expect-type, as vitest re-exports it. Only the wiring lives here.
//
// Left out on purpose, and refused loudly rather than faked: fake timers, module mocking, snapshots. A test that
// needs them runs in Node only (name it `*.node.test.ts`).
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  createTaskCollector,
  describe,
  getCurrentSuite,
  getCurrentTest,
  getFn,
  getHooks,
  it,
  onTestFailed,
  onTestFinished,
  suite,
  test,
} from '@vitest/runner';
import {
  ASYMMETRIC_MATCHERS_OBJECT,
  ChaiStyleAssertions,
  GLOBAL_EXPECT,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  chai,
  customMatchers,
  getState,
  setState,
} from '@vitest/expect';
import { clearAllMocks, fn, isMockFunction, resetAllMocks, restoreAllMocks, spyOn } from '@vitest/spy';
import { expectTypeOf } from 'expect-type';

chai.use(JestExtend);
chai.use(JestChaiExpect);
chai.use(ChaiStyleAssertions);
chai.use(JestAsymmetricMatchers);

function makeExpect() {
  const expect = (value, message) => {
    const { assertionCalls } = getState(expect);
    setState({ assertionCalls: assertionCalls + 1 }, expect);
    return chai.expect(value, message);
  };
  Object.assign(expect, chai.expect);
  Object.assign(expect, globalThis[ASYMMETRIC_MATCHERS_OBJECT]);
  expect.getState = () => getState(expect);
  expect.setState = (state) => setState(state, expect);
  setState(
    {
      assertionCalls: 0,
      isExpectingAssertions: false,
      isExpectingAssertionsError: null,
      expectedAssertionsNumber: null,
      expectedAssertionsNumberErrorGen: null,
      testPath: undefined,
      currentTestName: '',
    },
    expect,
  );
  expect.assert = chai.assert;
  expect.extend = (matchers) => chai.expect.extend(expect, matchers);
  expect.unreachable = (message) => chai.assert.fail(`expected${message ? ` "${message}" ` : ' '}not to be reached`);
  expect.soft = () => {
    throw new Error('expect.soft is not available in the bundled runner: make this a *.node.test.ts file');
  };
  expect.extend(customMatchers);
  return expect;
}

export const expect = makeExpect();
Object.defineProperty(globalThis, GLOBAL_EXPECT, { value: expect, writable: true, configurable: true });

const nodeOnly = (name) => () => {
  throw new Error(`vi.${name} is not available outside Node here: make this a *.node.test.ts file`);
};

export const vi = {
  fn,
  spyOn,
  isMockFunction,
  clearAllMocks,
  resetAllMocks,
  restoreAllMocks,
  useFakeTimers: nodeOnly('useFakeTimers'),
  useRealTimers: nodeOnly('useRealTimers'),
  setSystemTime: nodeOnly('setSystemTime'),
  mock: nodeOnly('mock'),
  stubGlobal: nodeOnly('stubGlobal'),
  stubEnv: nodeOnly('stubEnv'),
};
export const vitest = vi;
export const assert = chai.assert;

/** The statics of vitest's TestRunner that @fast-check/vitest reads (its test.prop finds hooks through them). */
export const TestRunner = {
  createTaskCollector,
  getCurrentSuite,
  getCurrentTest,
  getSuiteHooks: getHooks,
  getTestFn: getFn,
};

export {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expectTypeOf,
  it,
  onTestFailed,
  onTestFinished,
  suite,
  test,
};
