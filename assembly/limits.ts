// The execution time limit (the API's timeoutMs): the current run's deadline, the slow paths of
// the VM's poll points, and the abort. Polls only spend counters; the host clock is read once
// POLL_UNITS of a counter are spent. Past the deadline the run is aborted for good: every later
// poll fails at once and vm.ts's unwind abandons frames without running a handler, so Python code
// can neither catch the abort nor delay it (no `except`, `finally` or `__exit__` runs).
//
// Two counters, each tested once per poll:
//   heap.ts safepointCountdown  back-edges (1 each) and allocation (bytes); its slow path in vm.ts
//                               also collects, so a back-edge still costs one test;
//   entryCountdown              Python function entry, generator resume, native iteration steps
//                               (no collection there: not a safepoint).

import { Value, NULL, mkPtr } from "./value";
import { bytesSinceGC, gcThreshold, safepointCountdown } from "./heap";
import { newInstance } from "./objects";
import { setCurExc, E_BaseException, memoryErrorInstance } from "./errors";
import { hostNow } from "./host";

/** Units (polls, or bytes allocated) between two looks at the clock: well under 10 ms of the
 * tightest loop, while a host call per 2**18 polls costs nothing measurable. */
const POLL_UNITS: i64 = 1 << 18;
/** The entry budget while no limit is set: never spent in practice. */
const UNLIMITED: i64 = i64.MAX_VALUE >> 1;

let deadline: f64 = Infinity;   // host clock (ms), hostNow's scale
let limited = false;
/** Set once the deadline has passed; cleared by beginRun. */
export let executionAborted = false;
export let entryCountdown: i64 = UNLIMITED;
let armedCountdown: i64 = 4 << 20;   // safepointCountdown when last armed: tells what was spent
let unitsUntilClock: i64 = POLL_UNITS;
let abortValue: Value = NULL;

/** Before every run or call from the host: the deadline in host-clock ms (Infinity = none). */
export function beginRun(deadlineMs: f64): void {
  deadline = deadlineMs;
  limited = deadlineMs < Infinity; // NaN too means no limit
  executionAborted = false;
  abortValue = NULL;
  unitsUntilClock = POLL_UNITS;
  entryCountdown = limited ? POLL_UNITS : UNLIMITED;
  armSafepoint();
}

/** Sets the back-edge budget: until a collection is due, or until the clock is due. */
export function armSafepoint(): void {
  if (executionAborted) { safepointCountdown = -1; return; }
  let credit: i64 = bytesSinceGC > gcThreshold ? 0 : <i64>(gcThreshold - bytesSinceGC);
  if (limited && unitsUntilClock < credit) credit = unitsUntilClock;
  armedCountdown = credit;
  safepointCountdown = credit;
}

/** The clock part of a back-edge's slow path (vm.ts backEdgeSafepoint), before any collection:
 * false = the run is aborted (the abort is in curExc). */
export function safepointClockOk(): bool {
  if (executionAborted) return raiseAbort();
  if (limited) {
    unitsUntilClock -= armedCountdown - safepointCountdown;
    if (unitsUntilClock <= 0) {
      unitsUntilClock = POLL_UNITS;
      if (hostNow() >= deadline) return beginAbort();
    }
  }
  return true;
}

/** A poll at function entry, generator resume or a native iteration step: false = aborted
 * (raised; the caller fails as for any exception). */
@inline export function pollEntry(): bool {
  return --entryCountdown >= 0 || entryBudgetSpent();
}
function entryBudgetSpent(): bool {
  if (executionAborted) return raiseAbort();
  entryCountdown = limited ? POLL_UNITS : UNLIMITED;
  if (limited && hostNow() >= deadline) return beginAbort();
  return true;
}

function beginAbort(): bool {
  executionAborted = true;
  // both budgets stay spent, so every later poll lands in a slow path that fails
  safepointCountdown = -1;
  entryCountdown = -1;
  // a plain BaseException: native code that filters exceptions by class never mistakes it for
  // one it handles (StopIteration, AttributeError, ...); the host reports the abort by the flag
  let o = newInstance(E_BaseException);
  abortValue = o != 0 ? mkPtr(o) : memoryErrorInstance();
  return raiseAbort();
}
function raiseAbort(): bool {
  setCurExc(abortValue);
  return false;
}

/** The exception value the abort travels as (curExc while frames are abandoned). */
export function abortException(): Value { return abortValue; }
