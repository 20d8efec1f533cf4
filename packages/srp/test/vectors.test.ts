// Every vector of every file on the default (pure) engine: see helpers/vector-suite.ts.
import { describeVectors } from './helpers/vector-suite.js';

describeVectors();
