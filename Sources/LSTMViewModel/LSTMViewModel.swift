// LSTMViewModel: the application as a value.
//
// Holds: `State` (what is shown, and everything derived from the lesson, rebuilt in one place
// when the model changes), `Action` (every user intent, and the clock's ticks), the one pure
// `reduce(&state, action)`, the key bindings (`KeyMap`), and the downsampled `History`.
// Must not hold: drawing, text layout, terminal or file code.
// Imports: LSTMCore only.
