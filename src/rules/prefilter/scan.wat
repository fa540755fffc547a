;; The keyword automaton's hot loop, in WebAssembly.
;;
;; A DFA step is a load whose address depends on the previous step's load,
;; so one stream of text runs at the latency of a memory load per
;; character. This loop runs four streams (four quarters of a chunk) in
;; step, so their loads overlap; that is what makes it faster than the
;; same loop in JavaScript, not WebAssembly itself. Each stream reads its
;; text four units at a time, one 64-bit load taken apart by shifts, so a
;; step costs two loads (class, next state) instead of three. Classes and
;; states are byte offsets into the transition table (four times the
;; automaton's indexes), and the table's address is the loads' constant
;; offset, so a step adds the class to the state and loads: nothing else
;; lies between one state and the next.
;;
;; Memory, laid out by prefilter/wasm.ts:
;;   [0, 65536)      the class of every UTF-16 code unit times 4, a byte each
;;   [65536, …)      the transition table: an i32 per (state, class), the
;;                   next state's byte offset in the table, bit-inverted when
;;                   keywords end in that state
;;   text            UTF-16LE code units of the chunk, after `warm` units of
;;                   context (the end of the previous chunk, or zeros)
;;   hits            per stream, (pointer just past the unit, state row)
;;                   pairs of i32, room for one per unit of its quarter
;;
;; Each stream first reads the `warm` units before its quarter without
;; recording (a keyword ending in the quarter may start there), then its
;; quarter, whose length `seg` must be a multiple of 4. The four end
;; pointers of the hit lists go to `out`.
(module
  (import "env" "memory" (memory 1))
  (func (export "scan4")
    (param $main i32) (param $seg i32) (param $warm i32)
    (param $hits i32) (param $out i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32)
    (local $h0 i32) (local $h1 i32) (local $h2 i32) (local $h3 i32)
    (local $u0 i64) (local $u1 i64) (local $u2 i64) (local $u3 i64)
    (local $n i32)
    ;; stream k starts `warm` units before unit k * seg of the chunk
    (local.set $p0
      (i32.sub (local.get $main) (i32.shl (local.get $warm) (i32.const 1))))
    (local.set $p1 (i32.add (local.get $p0) (i32.shl (local.get $seg) (i32.const 1))))
    (local.set $p2 (i32.add (local.get $p1) (i32.shl (local.get $seg) (i32.const 1))))
    (local.set $p3 (i32.add (local.get $p2) (i32.shl (local.get $seg) (i32.const 1))))
    (local.set $h0 (local.get $hits))
    (local.set $h1 (i32.add (local.get $h0) (i32.shl (local.get $seg) (i32.const 3))))
    (local.set $h2 (i32.add (local.get $h1) (i32.shl (local.get $seg) (i32.const 3))))
    (local.set $h3 (i32.add (local.get $h2) (i32.shl (local.get $seg) (i32.const 3))))

    ;; Warm-up, a unit at a time: states only; a hit here belongs to the
    ;; previous quarter, so the state is un-inverted (s ^ (s >> 31)) and
    ;; nothing is recorded.
    (local.set $n (local.get $warm))
    (block $warmed
      (br_if $warmed (i32.eqz (local.get $n)))
      (loop $step
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.load16_u (local.get $p0))))))
        (local.set $s0 (i32.xor (local.get $s0) (i32.shr_s (local.get $s0) (i32.const 31))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.load16_u (local.get $p1))))))
        (local.set $s1 (i32.xor (local.get $s1) (i32.shr_s (local.get $s1) (i32.const 31))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.load16_u (local.get $p2))))))
        (local.set $s2 (i32.xor (local.get $s2) (i32.shr_s (local.get $s2) (i32.const 31))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.load16_u (local.get $p3))))))
        (local.set $s3 (i32.xor (local.get $s3) (i32.shr_s (local.get $s3) (i32.const 31))))
        (local.set $p0 (i32.add (local.get $p0) (i32.const 2)))
        (local.set $p1 (i32.add (local.get $p1) (i32.const 2)))
        (local.set $p2 (i32.add (local.get $p2) (i32.const 2)))
        (local.set $p3 (i32.add (local.get $p3) (i32.const 2)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $step (local.get $n))))

    ;; The quarters themselves, four units per stream per turn, recording
    ;; every state where keywords end.
    (local.set $n (i32.shr_u (local.get $seg) (i32.const 2)))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $step
        (local.set $u0 (i64.load (local.get $p0)))
        (local.set $u1 (i64.load (local.get $p1)))
        (local.set $u2 (i64.load (local.get $p2)))
        (local.set $u3 (i64.load (local.get $p3)))
        ;; unit 0 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u0)) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u1)) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u2)) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u3)) (i32.const 0xffff))))))
        ;; One test for all four streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (local.get $s0) (local.get $s1))
                              (i32.or (local.get $s2) (local.get $s3)))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (i32.store (local.get $h0) (i32.add (local.get $p0) (i32.const 2)))
              (i32.store offset=4 (local.get $h0) (local.get $s0))
              (local.set $h0 (i32.add (local.get $h0) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (i32.store (local.get $h1) (i32.add (local.get $p1) (i32.const 2)))
              (i32.store offset=4 (local.get $h1) (local.get $s1))
              (local.set $h1 (i32.add (local.get $h1) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (i32.store (local.get $h2) (i32.add (local.get $p2) (i32.const 2)))
              (i32.store offset=4 (local.get $h2) (local.get $s2))
              (local.set $h2 (i32.add (local.get $h2) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (i32.store (local.get $h3) (i32.add (local.get $p3) (i32.const 2)))
              (i32.store offset=4 (local.get $h3) (local.get $s3))
              (local.set $h3 (i32.add (local.get $h3) (i32.const 8)))))))
        ;; unit 1 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 16))) (i32.const 0xffff))))))
        ;; One test for all four streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (local.get $s0) (local.get $s1))
                              (i32.or (local.get $s2) (local.get $s3)))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (i32.store (local.get $h0) (i32.add (local.get $p0) (i32.const 4)))
              (i32.store offset=4 (local.get $h0) (local.get $s0))
              (local.set $h0 (i32.add (local.get $h0) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (i32.store (local.get $h1) (i32.add (local.get $p1) (i32.const 4)))
              (i32.store offset=4 (local.get $h1) (local.get $s1))
              (local.set $h1 (i32.add (local.get $h1) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (i32.store (local.get $h2) (i32.add (local.get $p2) (i32.const 4)))
              (i32.store offset=4 (local.get $h2) (local.get $s2))
              (local.set $h2 (i32.add (local.get $h2) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (i32.store (local.get $h3) (i32.add (local.get $p3) (i32.const 4)))
              (i32.store offset=4 (local.get $h3) (local.get $s3))
              (local.set $h3 (i32.add (local.get $h3) (i32.const 8)))))))
        ;; unit 2 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 32))) (i32.const 0xffff))))))
        ;; One test for all four streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (local.get $s0) (local.get $s1))
                              (i32.or (local.get $s2) (local.get $s3)))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (i32.store (local.get $h0) (i32.add (local.get $p0) (i32.const 6)))
              (i32.store offset=4 (local.get $h0) (local.get $s0))
              (local.set $h0 (i32.add (local.get $h0) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (i32.store (local.get $h1) (i32.add (local.get $p1) (i32.const 6)))
              (i32.store offset=4 (local.get $h1) (local.get $s1))
              (local.set $h1 (i32.add (local.get $h1) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (i32.store (local.get $h2) (i32.add (local.get $p2) (i32.const 6)))
              (i32.store offset=4 (local.get $h2) (local.get $s2))
              (local.set $h2 (i32.add (local.get $h2) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (i32.store (local.get $h3) (i32.add (local.get $p3) (i32.const 6)))
              (i32.store offset=4 (local.get $h3) (local.get $s3))
              (local.set $h3 (i32.add (local.get $h3) (i32.const 8)))))))
        ;; unit 3 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 48)))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 48)))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 48)))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 48)))))))
        ;; One test for all four streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (local.get $s0) (local.get $s1))
                              (i32.or (local.get $s2) (local.get $s3)))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (i32.store (local.get $h0) (i32.add (local.get $p0) (i32.const 8)))
              (i32.store offset=4 (local.get $h0) (local.get $s0))
              (local.set $h0 (i32.add (local.get $h0) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (i32.store (local.get $h1) (i32.add (local.get $p1) (i32.const 8)))
              (i32.store offset=4 (local.get $h1) (local.get $s1))
              (local.set $h1 (i32.add (local.get $h1) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (i32.store (local.get $h2) (i32.add (local.get $p2) (i32.const 8)))
              (i32.store offset=4 (local.get $h2) (local.get $s2))
              (local.set $h2 (i32.add (local.get $h2) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (i32.store (local.get $h3) (i32.add (local.get $p3) (i32.const 8)))
              (i32.store offset=4 (local.get $h3) (local.get $s3))
              (local.set $h3 (i32.add (local.get $h3) (i32.const 8)))))))
        (local.set $p0 (i32.add (local.get $p0) (i32.const 8)))
        (local.set $p1 (i32.add (local.get $p1) (i32.const 8)))
        (local.set $p2 (i32.add (local.get $p2) (i32.const 8)))
        (local.set $p3 (i32.add (local.get $p3) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $step (local.get $n))))

    (i32.store (local.get $out) (local.get $h0))
    (i32.store offset=4 (local.get $out) (local.get $h1))
    (i32.store offset=8 (local.get $out) (local.get $h2))
    (i32.store offset=12 (local.get $out) (local.get $h3)))
)
