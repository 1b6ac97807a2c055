// The VM's precise, non-moving mark-sweep collector. It runs at back-edge safepoints after
// pc/sp are spilled; in the outermost dispatch loop it is a full collection (collect), in a
// nested run it frees only what that run allocated (collectNested). Every live value is in a
// root: the frame chain (locals, cells and each frame's value stack up to its saved sp), the
// handled and in-flight exceptions, the builtins/sys/intern tables, the builtin types and the
// registered run roots (module code, globals). A new object kind must add a case to markChildren
// (its Value and pointer fields) and, if it owns a side buffer, to freeObject.

import { lazyIterTypes } from "./lazyiter";
import { Value, NULL, isPtr, ptrOf, mkPtr } from "./value";
import { GC_INTERIOR, objType, allObjects, setAllObjects, resetGCCounter, gcFree, rawFree, liveBytes, setGCThreshold } from "./heap";
import * as O from "./objects";
import { K, typeKind } from "./objects";
import * as I from "./image";
import { modulesRoot } from "./modules";
import { findFinalizable, pendingAt, pendingCount, runFinalizers } from "./generators";
import { handledExc, frameBack, GEN_RUNNING, GEN_FINISHED, genBlock, dropSpareExit } from "./vm";
import { curExc, memoryErrorInstance } from "./errors";
import { builtinsDict, sysModule, gcRootClasses } from "./builtins";

let stack: usize = 0;
let stackCap: usize = 0;
let stackLen: usize = 0;
/** Objects the host keeps alive across runs (module code, globals): a VM list. */
export let runRoots: usize = 0;
export let collections: u32 = 0;
/** Keep the threshold the host set (0 = collect at every safepoint) instead of adapting it. */
export let stress = false;
export function setStress(on: bool): void { stress = on; }

/** Every generator object, oldest first (appended by gcAllocGen, compacted by collect): the
 * unreachable suspended ones need finalizing, and scanning this array instead of the whole
 * all-objects list for them halved a collection's cost per dead object (exitpaths bench). */
let gens: usize = 0;
let gensLen: usize = 0;
let gensCap: usize = 0;
export function trackGenerator(g: usize): void {
  if (gensLen == gensCap) {
    gensCap = gensCap == 0 ? 64 : gensCap << 1;
    gens = gens == 0 ? heap.alloc(gensCap << 2) : heap.realloc(gens, gensCap << 2);
  }
  store<u32>(gens + (gensLen << 2), <u32>g);
  gensLen++;
}
/** Drops the generators the coming sweep frees (unmarked), keeping the others in order. */
function compactGenerators(): void {
  let n: usize = 0;
  for (let i: usize = 0; i < gensLen; i++) {
    let g = <usize>load<u32>(gens + (i << 2));
    if (isMarked(g)) { store<u32>(gens + (n << 2), <u32>g); n++; }
  }
  gensLen = n;
}

export function gcInit(): void {
  stackCap = 4096;
  stack = heap.alloc(stackCap << 2);
  runRoots = O.newList(8);
}

@inline function isMarked(p: usize): bool { return (load<u32>(p, 4) & 1) != 0; }

function markPtr(p: usize): void {
  if (p == 0) return;
  let w = load<u32>(p, 4);
  if ((w & GC_INTERIOR) != 0) {
    // an exception's inner traceback: the sweep never sees it, so it has no mark bit; its fields
    // are traced each time it is reached (a constant amount of work), and it keeps its exception
    pushMark(p);
    p -= O.EXC_INNER_TB;
    w = load<u32>(p, 4);
  }
  if ((w & 1) != 0) return;
  store<u32>(p, w | 1, 4);
  pushMark(p);
}
@inline function pushMark(p: usize): void {
  if (stackLen == stackCap) {
    stackCap <<= 1;
    stack = heap.realloc(stack, stackCap << 2);
  }
  store<u32>(stack + (stackLen << 2), <u32>p);
  stackLen++;
}
@inline function markValue(v: Value): void { if (isPtr(v)) markPtr(ptrOf(v)); }
function markValues(p: usize, n: usize): void {
  for (let i: usize = 0; i < n; i++) markValue(load<u64>(p + (i << 3)));
}

function markChildren(p: usize): void {
  let t = objType(p);
  markPtr(t);
  switch (typeKind(t)) {
    case K.TYPE:
      markPtr(<usize>load<u32>(p, 16)); markPtr(<usize>load<u32>(p, 20)); markPtr(<usize>load<u32>(p, 24));
      markValue(load<u64>(p, 40)); markValue(load<u64>(p, 48)); markValue(load<u64>(p, 56));
      break;
    case K.TUPLE: markValues(p + 24, <usize>O.tupLen(p)); break;
    case K.LIST: markValues(O.listItems(p), <usize>O.listLen(p)); break;
    case K.DICT: case K.SET: {
      let n = O.dictUsed(p);
      for (let i: u32 = 0; i < n; i++) { markValue(O.entryKey(p, i)); markValue(O.entryVal(p, i)); }
      break;
    }
    case K.FUNC:
      for (let off: usize = 16; off <= 44; off += 4) markPtr(<usize>load<u32>(p + off));
      break;
    case K.CODE:
      for (let off: usize = 24; off <= 52; off += 4) markPtr(<usize>load<u32>(p + off));
      break;
    case K.CELL: markValue(load<u64>(p, 16)); break;
    case K.INST: markPtr(<usize>load<u32>(p, 16)); break;
    case K.EXC: // (its inner traceback is traced only when something reaches it: markPtr)
      markPtr(<usize>load<u32>(p, 16));
      markValue(load<u64>(p, 24)); markValue(load<u64>(p, 32)); markValue(load<u64>(p, 40)); markValue(load<u64>(p, 48));
      break;
    case K.BOUND: markValue(load<u64>(p, 16)); markValue(load<u64>(p, 24)); break;
    case K.SEQITER: case K.DICTVIEW: markValue(load<u64>(p, 16)); break;
    case K.LAZYITER: markValue(load<u64>(p, 16)); markValue(load<u64>(p, 24)); break;
    case K.SLICE: case K.PROP: case K.SMETH: case K.CMETH:
      markValue(load<u64>(p, 16)); markValue(load<u64>(p, 24)); markValue(load<u64>(p, 32));
      break;
    case K.BUILTIN: markPtr(<usize>load<u32>(p, 20)); markValue(load<u64>(p, 24)); break;
    case K.TB: markPtr(<usize>load<u32>(p, 16)); markPtr(<usize>load<u32>(p, 20)); break;
    case K.SUPER: markPtr(<usize>load<u32>(p, 16)); markValue(load<u64>(p, 24)); break;
    case K.MODULE: markPtr(<usize>load<u32>(p, 16)); markPtr(<usize>load<u32>(p, 20)); break;
    case K.GCM: // generators.ts: generator, func, args, kwargs
      markValue(load<u64>(p, 16)); markValue(load<u64>(p, 24)); markValue(load<u64>(p, 32)); markValue(load<u64>(p, 40));
      break;
    case K.GEN: {
      markPtr(<usize>load<u32>(p, 24));
      markPtr(<usize>load<u32>(p, 28));
      // a running generator's frame is on the frame stack (markFrames); a suspended one is here,
      // with sp stored relative to the block
      if (load<u32>(p, 20) == GEN_RUNNING || load<u32>(p, 20) == GEN_FINISHED) break;
      let blk = genBlock(p);
      let code = <usize>load<u32>(blk);
      markPtr(<usize>load<u32>(blk, 24));
      markPtr(<usize>load<u32>(blk, 28));
      markPtr(<usize>load<u32>(blk, 32));
      let lb = blk + I.FRAME_HDR + (<usize>I.codeMaxBlocks(code) << 4);
      let sp = blk + <usize>load<u32>(blk, 8);
      if (sp > lb) markValues(lb, (sp - lb) >> 3);
      break;
    }
    default: break; // str, int, range, range iterator: no references
  }
}

function markFrames(f: usize): void {
  while (f != 0) {
    let code = <usize>load<u32>(f);
    markPtr(code);
    markPtr(<usize>load<u32>(f, 24));
    markPtr(<usize>load<u32>(f, 28));
    markPtr(<usize>load<u32>(f, 32));
    markValue(load<u64>(f, 40));
    let lb = f + I.FRAME_HDR + (<usize>I.codeMaxBlocks(code) << 4);
    let sp = <usize>load<u32>(f, 8);
    if (sp > lb) markValues(lb, (sp - lb) >> 3);
    f = frameBack(f);
  }
}

function freeObject(p: usize): void {
  switch (typeKind(objType(p))) {
    case K.LIST: O.listFree(p); break;
    // K.GEN: the suspended frame is inline in the object (gcAllocGen)
    case K.DICT: case K.SET: O.dictFree(p); break;
    case K.CODE: {
      let n = <usize>I.codeNUnits(p);
      rawFree(I.codeUnits(p), n << 2 | 4);
      rawFree(I.codePositions(p), n << 4 | 16);
      if (I.codeCell2Arg(p) != 0) rawFree(I.codeCell2Arg(p), <usize>I.codeNCells(p) << 2);
      if (I.codeGlobalCache(p) != 0) rawFree(I.codeGlobalCache(p), n << 3);
      break;
    }
    default: break;
  }
  gcFree(p);
}

/** Marks every root: the frame chain from `top` and the VM's global tables and types. */
function markRoots(top: usize): void {
  markFrames(top);
  markValue(handledExc);
  markValue(curExc);
  markValue(memoryErrorInstance());
  markValue(O.buildClassFn);
  markPtr(builtinsDict);
  markPtr(sysModule);
  markPtr(gcRootClasses());
  markPtr(O.internTable);
  markPtr(O.emptyTuple);
  markPtr(O.emptyStr());
  markPtr(runRoots);
  markPtr(modulesRoot());
  markPtr(O.T_type); markPtr(O.T_object); markPtr(O.T_int); markPtr(O.T_bool); markPtr(O.T_float);
  markPtr(O.T_str); markPtr(O.T_none); markPtr(O.T_tuple); markPtr(O.T_list); markPtr(O.T_dict);
  markPtr(O.T_set); markPtr(O.T_frozenset); markPtr(O.T_function); markPtr(O.T_code); markPtr(O.T_cell);
  markPtr(O.T_method); markPtr(O.T_range); markPtr(O.T_rangeiter); markPtr(O.T_seqiter); markPtr(O.T_slice);
  markPtr(O.T_builtin); markPtr(O.T_traceback); markPtr(O.T_staticmethod); markPtr(O.T_classmethod);
  markPtr(O.T_property); markPtr(O.T_super); markPtr(O.T_module); markPtr(O.T_ellipsis); markPtr(O.T_notimpl);
  markPtr(O.T_generator); markPtr(O.T_dict_keys); markPtr(O.T_dict_values); markPtr(O.T_dict_items);
  for (let i = 0; i < 6; i++) markPtr(lazyIterTypes(i));
}

/** Full collection with `top` the innermost frame (its pc/sp already stored). */
export function collect(top: usize): void {
  stackLen = 0;
  dropSpareExit();
  markRoots(top);
  while (stackLen > 0) {
    stackLen--;
    markChildren(<usize>load<u32>(stack + (stackLen << 2)));
  }
  // unreachable generators suspended in a try/with survive until runFinalizers has closed them
  let first = pendingCount();
  if (findFinalizable(gens, gensLen) > 0) {
    for (let i = first; i < pendingCount(); i++) markPtr(pendingAt(i));
    while (stackLen > 0) {
      stackLen--;
      markChildren(<usize>load<u32>(stack + (stackLen << 2)));
    }
  }
  compactGenerators();
  sweepUntil(0);
  resetGCCounter();
  // grow the trigger with the live heap so collection cost stays proportional to allocation
  if (!stress) {
    let live = liveBytes;
    setGCThreshold(live < (2 << 20) ? (4 << 20) : live * 2);
  }
  collections++;
  // closed generators are garbage now: free them at once, so that objects kept only for their
  // finalizer never count as live data when the next trigger is sized (the heap would grow)
  if (runFinalizers()) collect(top);
}

/** Sweeps the all-objects list from its head up to `stop` (0 = the whole list): unlinks and
 * frees the unmarked objects, clears the marks of the survivors; returns where it stopped. */
function sweepUntil(stop: usize): usize {
  let prev: usize = 0;
  let p = allObjects;
  let head = allObjects;
  while (p != 0 && p != stop) {
    let next = <usize>load<u32>(p, 8);
    if (isMarked(p)) {
      store<u32>(p, load<u32>(p, 4) & ~1, 4);
      prev = p;
    } else {
      if (prev == 0) head = next; else store<u32>(prev, <u32>next, 8);
      freeObject(p);
    }
    p = next;
  }
  setAllObjects(head);
  return p;
}

/** Collection at a safepoint of a nested run (Python called from native code), `top` its
 * innermost frame. Native code below the run may hold raw pointers to objects it allocated
 * before the run started, so everything older than `youngMark` (the head of the all-objects
 * list when the innermost nested run began) is kept and treated as a root: only objects
 * allocated since then can be freed, and only if nothing reaches them. Suspended generators
 * among them are kept too (their finalizers run at the next outermost collection). */
export function collectNested(top: usize, youngMark: usize): void {
  stackLen = 0;
  dropSpareExit();
  markRoots(top);
  let p = allObjects;
  while (p != 0 && p != youngMark) {
    let k = typeKind(objType(p));
    if (k == K.GEN) markPtr(p);
    p = <usize>load<u32>(p, 8);
  }
  while (p != 0) {
    markPtr(p);
    p = <usize>load<u32>(p, 8);
  }
  while (stackLen > 0) {
    stackLen--;
    markChildren(<usize>load<u32>(stack + (stackLen << 2)));
  }
  // sweep the young prefix, then clear the marks of the old objects
  p = sweepUntil(youngMark);
  while (p != 0) {
    store<u32>(p, load<u32>(p, 4) & ~1, 4);
    p = <usize>load<u32>(p, 8);
  }
  resetGCCounter();
  collections++;
}
