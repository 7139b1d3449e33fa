// LSTMTerminal: the I/O edge.
//
// Holds: the ncurses backend (colour pairs, blitting a Canvas, reading keys), key decoding,
// signals and the crash restore that always give the terminal back, recording files on disk
// (`RecordingFile`, a `RecordingSink`), files written whole (`WholeFile`: a saved lesson), and
// the thread the program's long work runs on (`ThreadJobRunner`).
// It is the only module that imports CNCurses. Imports: LSTMScreen, LSTMViewModel, CNCurses.
