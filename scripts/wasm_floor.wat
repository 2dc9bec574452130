;; The wasm features this app's build needs, in one tiny module: static/start.js validates these
;; bytes (base64) before fetching any wasm, and shows why and what to do where they do not validate.
;; `wasm-opt --print-features` on the built .wasm files lists the same set (docs/browsers.md), and
;; tests/e2e/support.test.mjs checks that every built .wasm validates with only these features and
;; that this module needs each of them.
;;   reference-types  table of externref, table.get          Chrome 96, Firefox 79, Safari 15.1
;;   multivalue       a function with two results            Chrome 86, Firefox 78, Safari 13.1
;;   bulk-memory      memory.fill, table.fill                Chrome 75, Firefox 79, Safari 15.1
;;   sign-ext         i32.extend8_s                          Chrome 69, Firefox 62, Safari 14.1
;;   nontrapping-float-to-int  i32.trunc_sat_f32_s           Chrome 75, Firefox 64, Safari 15.1
;;   mutable-globals  an exported mutable global             Chrome 74, Firefox 61, Safari 13.1
;; Assemble: node_modules/.bin/wasm-as --all-features scripts/wasm_floor.wat -o floor.wasm
(module
  (memory 1)
  (table $t 1 externref)
  (global (export "g") (mut i32) (i32.const 0))
  (func $f (param i32 f32) (result i32 i32)
    (i32.extend8_s (local.get 0))
    (i32.trunc_sat_f32_s (local.get 1)))
  (func $g
    (memory.fill (i32.const 0) (i32.const 0) (i32.const 0))
    (table.fill $t (i32.const 0) (table.get $t (i32.const 0)) (i32.const 1)))
)
