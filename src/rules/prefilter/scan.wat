;; The keyword automaton's hot loop, in WebAssembly.
;;
;; A DFA step is a load whose address depends on the previous step's load,
;; so one stream of text runs at the latency of a memory load per
;; character. This loop runs six streams (six segments of a chunk) in
;; step, so their loads overlap; that is what makes it faster than the
;; same loop in JavaScript, not WebAssembly itself. Six measured fastest
;; here: four ran about a sixth slower, and eight spilled registers.
;;
;; Each stream reads its text four units at a time, one 64-bit load taken
;; apart by shifts, so a step costs two loads (class, next state). Classes
;; and states are byte offsets into the transition table (four times the
;; automaton's indexes), and the table's address is the loads' constant
;; offset, so a step adds the class to the state and loads: nothing else
;; lies between one state and the next. The streams' segments are `span`
;; bytes apart, so one pointer serves all six, and the ends of their hit
;; lists are kept in memory: hits are rare, registers are not.
;;
;; Memory, laid out by prefilter/wasm.ts:
;;   [0, 65536)      the class of every UTF-16 code unit times 4, a byte each
;;   [65536, …)      the transition table: an i32 per (state, class), the
;;                   next state's byte offset in the table, bit-inverted when
;;                   keywords end in that state
;;   text            UTF-16LE code units of the chunk, after `warm` units of
;;                   context (the end of the previous chunk, or zeros)
;;   hits            per stream, (pointer just past the unit, state offset)
;;                   pairs of i32, room for one per unit of its segment
;;   out             per stream, the end of its hit list, an i32 each
;;
;; Each stream first reads the `warm` units before its segment without
;; recording (a keyword ending in the segment may start there), then its
;; segment, whose length `seg` must be a multiple of 4.
(module
  (import "env" "memory" (memory 1))
  (func (export "scan")
    (param $main i32) (param $seg i32) (param $warm i32)
    (param $hits i32) (param $out i32)
    (local $s0 i32) (local $s1 i32) (local $s2 i32) (local $s3 i32) (local $s4 i32) (local $s5 i32)
    (local $u0 i64) (local $u1 i64) (local $u2 i64) (local $u3 i64) (local $u4 i64) (local $u5 i64)
    ;; $p: stream 0's next unit; stream k's is k * $span bytes further on
    (local $p i32) (local $a i32) (local $span i32) (local $n i32)
    (local $end i32)
    (local.set $span (i32.shl (local.get $seg) (i32.const 1)))
    (local.set $p
      (i32.sub (local.get $main) (i32.shl (local.get $warm) (i32.const 1))))
    ;; stream k's hit list starts k segments' worth of pairs into the area
    (i32.store offset=0 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 0))))
    (i32.store offset=4 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 8))))
    (i32.store offset=8 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 16))))
    (i32.store offset=12 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 24))))
    (i32.store offset=16 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 32))))
    (i32.store offset=20 (local.get $out)
      (i32.add (local.get $hits) (i32.mul (local.get $seg) (i32.const 40))))

    ;; Warm-up, a unit at a time: states only; a hit here belongs to the
    ;; previous segment, so the state is un-inverted (s ^ (s >> 31)) and
    ;; nothing is recorded.
    (local.set $n (local.get $warm))
    (block $warmed
      (br_if $warmed (i32.eqz (local.get $n)))
      (loop $step
        (local.set $a (local.get $p))
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s0 (i32.xor (local.get $s0) (i32.shr_s (local.get $s0) (i32.const 31))))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s1 (i32.xor (local.get $s1) (i32.shr_s (local.get $s1) (i32.const 31))))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s2 (i32.xor (local.get $s2) (i32.shr_s (local.get $s2) (i32.const 31))))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s3 (i32.xor (local.get $s3) (i32.shr_s (local.get $s3) (i32.const 31))))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $s4 (i32.load offset=65536 (i32.add (local.get $s4)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s4 (i32.xor (local.get $s4) (i32.shr_s (local.get $s4) (i32.const 31))))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $s5 (i32.load offset=65536 (i32.add (local.get $s5)
          (i32.load8_u (i32.load16_u (local.get $a))))))
        (local.set $s5 (i32.xor (local.get $s5) (i32.shr_s (local.get $s5) (i32.const 31))))
        (local.set $p (i32.add (local.get $p) (i32.const 2)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $step (local.get $n))))

    ;; The segments themselves, four units per stream per turn, recording
    ;; every state where keywords end.
    (local.set $n (i32.shr_u (local.get $seg) (i32.const 2)))
    (block $done
      (br_if $done (i32.eqz (local.get $n)))
      (loop $step
        (local.set $a (local.get $p))
        (local.set $u0 (i64.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $u1 (i64.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $u2 (i64.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $u3 (i64.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $u4 (i64.load (local.get $a)))
        (local.set $a (i32.add (local.get $a) (local.get $span)))
        (local.set $u5 (i64.load (local.get $a)))
        ;; unit 0 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u0)) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u1)) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u2)) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u3)) (i32.const 0xffff))))))
        (local.set $s4 (i32.load offset=65536 (i32.add (local.get $s4)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u4)) (i32.const 0xffff))))))
        (local.set $s5 (i32.load offset=65536 (i32.add (local.get $s5)
          (i32.load8_u (i32.and (i32.wrap_i64 (local.get $u5)) (i32.const 0xffff))))))
        ;; One test for all six streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (i32.or (i32.or (i32.or (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $s3)) (local.get $s4)) (local.get $s5))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (local.set $end (i32.load offset=0 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (local.get $p) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s0))
              (i32.store offset=0 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (local.set $end (i32.load offset=4 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 1))) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s1))
              (i32.store offset=4 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (local.set $end (i32.load offset=8 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 2))) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s2))
              (i32.store offset=8 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (local.set $end (i32.load offset=12 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 3))) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s3))
              (i32.store offset=12 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s4) (i32.const 0)) (then
              (local.set $s4 (i32.xor (local.get $s4) (i32.const -1)))
              (local.set $end (i32.load offset=16 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 4))) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s4))
              (i32.store offset=16 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s5) (i32.const 0)) (then
              (local.set $s5 (i32.xor (local.get $s5) (i32.const -1)))
              (local.set $end (i32.load offset=20 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 5))) (i32.const 2)))
              (i32.store offset=4 (local.get $end) (local.get $s5))
              (i32.store offset=20 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))))
        ;; unit 1 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s4 (i32.load offset=65536 (i32.add (local.get $s4)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u4) (i64.const 16))) (i32.const 0xffff))))))
        (local.set $s5 (i32.load offset=65536 (i32.add (local.get $s5)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u5) (i64.const 16))) (i32.const 0xffff))))))
        ;; One test for all six streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (i32.or (i32.or (i32.or (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $s3)) (local.get $s4)) (local.get $s5))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (local.set $end (i32.load offset=0 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (local.get $p) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s0))
              (i32.store offset=0 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (local.set $end (i32.load offset=4 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 1))) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s1))
              (i32.store offset=4 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (local.set $end (i32.load offset=8 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 2))) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s2))
              (i32.store offset=8 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (local.set $end (i32.load offset=12 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 3))) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s3))
              (i32.store offset=12 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s4) (i32.const 0)) (then
              (local.set $s4 (i32.xor (local.get $s4) (i32.const -1)))
              (local.set $end (i32.load offset=16 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 4))) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s4))
              (i32.store offset=16 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s5) (i32.const 0)) (then
              (local.set $s5 (i32.xor (local.get $s5) (i32.const -1)))
              (local.set $end (i32.load offset=20 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 5))) (i32.const 4)))
              (i32.store offset=4 (local.get $end) (local.get $s5))
              (i32.store offset=20 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))))
        ;; unit 2 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s4 (i32.load offset=65536 (i32.add (local.get $s4)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u4) (i64.const 32))) (i32.const 0xffff))))))
        (local.set $s5 (i32.load offset=65536 (i32.add (local.get $s5)
          (i32.load8_u (i32.and (i32.wrap_i64 (i64.shr_u (local.get $u5) (i64.const 32))) (i32.const 0xffff))))))
        ;; One test for all six streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (i32.or (i32.or (i32.or (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $s3)) (local.get $s4)) (local.get $s5))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (local.set $end (i32.load offset=0 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (local.get $p) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s0))
              (i32.store offset=0 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (local.set $end (i32.load offset=4 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 1))) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s1))
              (i32.store offset=4 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (local.set $end (i32.load offset=8 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 2))) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s2))
              (i32.store offset=8 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (local.set $end (i32.load offset=12 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 3))) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s3))
              (i32.store offset=12 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s4) (i32.const 0)) (then
              (local.set $s4 (i32.xor (local.get $s4) (i32.const -1)))
              (local.set $end (i32.load offset=16 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 4))) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s4))
              (i32.store offset=16 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s5) (i32.const 0)) (then
              (local.set $s5 (i32.xor (local.get $s5) (i32.const -1)))
              (local.set $end (i32.load offset=20 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 5))) (i32.const 6)))
              (i32.store offset=4 (local.get $end) (local.get $s5))
              (i32.store offset=20 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))))
        ;; unit 3 of each stream's four
        (local.set $s0 (i32.load offset=65536 (i32.add (local.get $s0)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u0) (i64.const 48)))))))
        (local.set $s1 (i32.load offset=65536 (i32.add (local.get $s1)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u1) (i64.const 48)))))))
        (local.set $s2 (i32.load offset=65536 (i32.add (local.get $s2)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u2) (i64.const 48)))))))
        (local.set $s3 (i32.load offset=65536 (i32.add (local.get $s3)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u3) (i64.const 48)))))))
        (local.set $s4 (i32.load offset=65536 (i32.add (local.get $s4)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u4) (i64.const 48)))))))
        (local.set $s5 (i32.load offset=65536 (i32.add (local.get $s5)
          (i32.load8_u (i32.wrap_i64 (i64.shr_u (local.get $u5) (i64.const 48)))))))
        ;; One test for all six streams: hits are rare.
        (if (i32.lt_s (i32.or (i32.or (i32.or (i32.or (i32.or (local.get $s0) (local.get $s1)) (local.get $s2)) (local.get $s3)) (local.get $s4)) (local.get $s5))
              (i32.const 0))
          (then
            (if (i32.lt_s (local.get $s0) (i32.const 0)) (then
              (local.set $s0 (i32.xor (local.get $s0) (i32.const -1)))
              (local.set $end (i32.load offset=0 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (local.get $p) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s0))
              (i32.store offset=0 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s1) (i32.const 0)) (then
              (local.set $s1 (i32.xor (local.get $s1) (i32.const -1)))
              (local.set $end (i32.load offset=4 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 1))) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s1))
              (i32.store offset=4 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s2) (i32.const 0)) (then
              (local.set $s2 (i32.xor (local.get $s2) (i32.const -1)))
              (local.set $end (i32.load offset=8 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 2))) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s2))
              (i32.store offset=8 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s3) (i32.const 0)) (then
              (local.set $s3 (i32.xor (local.get $s3) (i32.const -1)))
              (local.set $end (i32.load offset=12 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 3))) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s3))
              (i32.store offset=12 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s4) (i32.const 0)) (then
              (local.set $s4 (i32.xor (local.get $s4) (i32.const -1)))
              (local.set $end (i32.load offset=16 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 4))) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s4))
              (i32.store offset=16 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))
            (if (i32.lt_s (local.get $s5) (i32.const 0)) (then
              (local.set $s5 (i32.xor (local.get $s5) (i32.const -1)))
              (local.set $end (i32.load offset=20 (local.get $out)))
              (i32.store (local.get $end)
                (i32.add (i32.add (local.get $p) (i32.mul (local.get $span) (i32.const 5))) (i32.const 8)))
              (i32.store offset=4 (local.get $end) (local.get $s5))
              (i32.store offset=20 (local.get $out) (i32.add (local.get $end) (i32.const 8)))))))
        (local.set $p (i32.add (local.get $p) (i32.const 8)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $step (local.get $n)))))
)
