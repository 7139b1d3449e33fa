// LSTMViewModel: the application as a value.
//
// Holds: `State` (what is shown, and everything derived from the lesson, rebuilt in one place
// when the model changes), `Action` (every user intent, and the clock's ticks), the one pure
// `reduce(&state, action)`, the key bindings (`KeyMap`), the downsampled `History`, edit mode
// (`EditSession`, `EditTarget`), the `Ghost` the changed numbers are compared with, and the
// `DerivedJob`s the state asks for when work is too long for a key press.
// Must not hold: drawing, text layout, terminal or file code, threads.
// Imports: LSTMCore only.
