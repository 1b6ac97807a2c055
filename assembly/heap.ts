// The VM heap: every Python object is a raw struct in linear memory with a 16-byte header,
// allocated here from size-class free lists (<= 256 B) or TLSF heap.alloc (larger). Collection
// lives in gc.ts; this file only hands out and takes back memory. No AS-managed objects.
//
//   header  +0 u32 type (pointer to a type object)   +4 u32 gc (bit 0 mark, bits 8..15 class)
//           +8 u32 next (all-objects list, for sweep) +12 u32 aux (str hash cache, free for others)
// The gc word stores size/16 in bits 8..31, so sweep knows which free list (or TLSF) owns a block.
// GC_INTERIOR (bit 1) marks an object embedded at a fixed offset in another one (an exception's
// first traceback entry, objects.ts): it is never in the all-objects list and lives as long as
// its container, which marking it marks instead.

export const HDR: usize = 16;
export const GC_INTERIOR: u32 = 2;
const NCLASS: usize = 17; // classes 1..16 cover 16..256 bytes in 16-byte steps
const ARENA: usize = 64 * 1024;

let freeHeads: usize = 0; // NCLASS u32 heads of singly linked free lists (link at +8)
let arenaPtr: usize = 0;
let arenaEnd: usize = 0;
export let allObjects: usize = 0;
export let bytesSinceGC: usize = 0;
/** What allocation (bytes) and back-edge polls (1 each) may still spend before the next back-edge
 * runs its safepoint: a due collection, a look at the clock (limits.ts re-arms it). One test. */
export let safepointCountdown: i64 = 4 << 20;
export let liveBytes: usize = 0;
/** Collection is requested by allocation and performed at the next safepoint (gc.ts). */
export let gcThreshold: usize = 4 << 20;
/** Hard cap on VM heap bytes; crossing it makes allocation report MemoryError. */
export let heapLimit: usize = 1536 << 20;

let rawHeads: usize = 0;  // NCLASS u32 heads of free lists of small side buffers (link at +0)

export function heapInit(): void {
  freeHeads = heap.alloc(NCLASS * 4);
  memory.fill(freeHeads, 0, NCLASS * 4);
  rawHeads = heap.alloc(NCLASS * 4);
  memory.fill(rawHeads, 0, NCLASS * 4);
}

@inline export function objType(p: usize): usize { return <usize>load<u32>(p); }
@inline export function setObjType(p: usize, t: usize): void { store<u32>(p, <u32>t); }
@inline export function objAux(p: usize): u32 { return load<u32>(p, 12); }
@inline export function setObjAux(p: usize, a: u32): void { store<u32>(p, a, 12); }

/** Allocates a zeroed object of `size` bytes (header included) of type `type`. Returns 0 when
 * the heap limit would be crossed; callers turn that into MemoryError. */
export function gcAlloc(size: usize, type: usize, zero: bool = true): usize {
  size = (size + 15) & ~15;
  let p: usize;
  let cls: usize = size >> 4;
  if (cls < NCLASS) {
    let head = <usize>load<u32>(freeHeads + (cls << 2));
    if (head != 0) {
      p = head;
      store<u32>(freeHeads + (cls << 2), load<u32>(head, 8));
    } else {
      if (arenaPtr + size > arenaEnd) {
        if (liveBytes + ARENA > heapLimit) return 0;
        arenaPtr = heap.alloc(ARENA);
        arenaEnd = arenaPtr + ARENA;
      }
      p = arenaPtr;
      arenaPtr += size;
    }
  } else {
    if (liveBytes + size > heapLimit) return 0;
    p = heap.alloc(size);
    cls = 0;
  }
  // The header is written below, so only the body is zeroed: all of it, or its first 16 bytes
  // for a caller that writes every byte it reads (a generator's inline frame). Small bodies
  // use plain stores: V8 runs memory.fill as an out-of-line call, which dominated a 32-byte
  // allocation (exitpaths bench).
  let body = zero ? size - 16 : 16;
  if (body <= 48) {
    for (let q = p + 16; q < p + 16 + body; q += 8) store<u64>(q, 0);
  } else memory.fill(p + 16, 0, body);
  return linkNew(p, size, type);
}

/** Writes a new object's header, puts it at the head of the all-objects list and counts its
 * bytes toward the next collection (bytesSinceGC, and the safepoint budget that lets the next
 * back-edge run it). */
@inline function linkNew(p: usize, size: usize, type: usize): usize {
  store<u32>(p, <u32>type);
  store<u32>(p, <u32>((size >> 4) << 8), 4);
  store<u32>(p, <u32>allObjects, 8);
  store<u32>(p, 0, 12);
  allObjects = p;
  bytesSinceGC += size;
  safepointCountdown -= <i64>size;
  liveBytes += size;
  return p;
}

/** gcAlloc for a constant small size (a multiple of 16, at most 256) whose caller stores every
 * body byte itself: the free-list pop and the header are inlined and nothing is zeroed. The raise
 * path makes two objects per raise (exception, traceback) and a gcAlloc call with its zeroing
 * loop was a visible share of it (bench exitpaths with_raise_*). Falls back to gcAlloc. */
@inline export function gcAllocFilled(size: usize, type: usize): usize {
  let slot = freeHeads + ((size >> 4) << 2);
  let p = <usize>load<u32>(slot);
  if (p == 0) return gcAlloc(size, type, false);
  store<u32>(slot, load<u32>(p, 8));
  return linkNew(p, size, type);
}

/** Returns an object's memory; its side buffers were already released by the caller. */
export function gcFree(p: usize): void {
  let cls = <usize>load<u32>(p, 4) >> 8;
  liveBytes -= cls << 4;
  if (cls < NCLASS) {
    store<u32>(p, load<u32>(freeHeads + (cls << 2)), 8);
    store<u32>(freeHeads + (cls << 2), <u32>p);
  } else {
    heap.free(p);
  }
}

/** Side buffers (list items, dict tables, code units) owned by one object. Small ones (<= 256 B)
 * come from size-class free lists like objects do, larger ones are TLSF blocks: every instance
 * and exception owns a dict whose two small tables made TLSF the top cost of raise-heavy loops
 * (bench exitpath with_raise / cm_swallow). Callers free with the size they allocated. */
export function rawAlloc(size: usize): usize {
  if (liveBytes + size > heapLimit) return 0;
  liveBytes += size;
  bytesSinceGC += size;
  safepointCountdown -= <i64>size;
  return rawBlock(size);
}
function rawBlock(size: usize): usize {
  let cls = (size + 15) >> 4;
  if (cls >= NCLASS || cls == 0) return heap.alloc(size);
  let head = <usize>load<u32>(rawHeads + (cls << 2));
  if (head != 0) {
    store<u32>(rawHeads + (cls << 2), load<u32>(head));
    return head;
  }
  let bytes = cls << 4;
  if (arenaPtr + bytes > arenaEnd) {
    arenaPtr = heap.alloc(ARENA);
    arenaEnd = arenaPtr + ARENA;
  }
  let p = arenaPtr;
  arenaPtr += bytes;
  return p;
}
function rawRelease(p: usize, size: usize): void {
  let cls = (size + 15) >> 4;
  if (cls >= NCLASS || cls == 0) { heap.free(p); return; }
  store<u32>(p, load<u32>(rawHeads + (cls << 2)));
  store<u32>(rawHeads + (cls << 2), <u32>p);
}
export function rawFree(p: usize, size: usize): void {
  if (p == 0) return;
  liveBytes -= size;
  rawRelease(p, size);
}
export function rawRealloc(p: usize, oldSize: usize, newSize: usize): usize {
  if (liveBytes - oldSize + newSize > heapLimit) return 0;
  liveBytes = liveBytes - oldSize + newSize;
  bytesSinceGC += newSize;
  safepointCountdown -= <i64>newSize;
  let oc = (oldSize + 15) >> 4, nc = (newSize + 15) >> 4;
  if (p != 0 && oc == nc && oc != 0) return p;
  if (p != 0 && oc >= NCLASS && nc >= NCLASS) return heap.realloc(p, newSize);
  let q = rawBlock(newSize);
  if (p != 0) {
    memory.copy(q, p, oldSize < newSize ? oldSize : newSize);
    rawRelease(p, oldSize);
  }
  return q;
}

export function resetGCCounter(): void { bytesSinceGC = 0; }
export function setAllObjects(p: usize): void { allObjects = p; }
export function setGCThreshold(n: usize): void { gcThreshold = n; }
export function setHeapLimit(n: usize): void { heapLimit = n; }
