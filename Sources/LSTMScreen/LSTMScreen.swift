// LSTMScreen: everything pure that produces output.
//
// Holds: text measuring (terminal columns, wrapping, printable text), number formatting, the
// `Canvas` and its styles, the palette, the widgets and `Screen` (a State laid out on a Canvas),
// the trace writers (table, CSV, JSON, markdown) and the training writers beside them, the
// recording and asciicast formats, the session recorder (over a `RecordingSink`), and the
// program loop over a `Backend` with an injected clock and `JobRunner`, so that `render` and the
// interactive program are one driver; edit mode's words and marks, and the `LessonSaver` that
// `w` saves through.
// Must not import: CNCurses, or anything that opens a terminal or a file or starts a thread.
// Imports: LSTMCore, LSTMFiles (JSON: string literals, models as lessons hold them), LSTMViewModel.
