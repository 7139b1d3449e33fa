import LSTMCore
import LSTMViewModel

/// How a frame is drawn, beyond what the state holds: choices made once, on the command line.
public struct ScreenOptions: Sendable, Equatable {
  /// How plots draw their lines: braille by default, plain marks with `--plain-plots`.
  public var plotGlyphs: PlotGlyphs

  /// Makes options; by default, braille plots.
  public init(plotGlyphs: PlotGlyphs = .braille) {
    self.plotGlyphs = plotGlyphs
  }
}

/// Lays a `State` out as a frame: what the class sees.
///
/// Pure: the same state always gives the same canvas, and nothing is drawn outside
/// `state.width`×`state.height`. Every frame costs the same whatever the sequence's length: it
/// reads one recomputed step and the history's fixed number of buckets.
public enum Screen {
  /// The smallest screen the cell fits on.
  public static let minimumWidth = State.minimumWidth
  /// The smallest screen the cell fits on.
  public static let minimumHeight = State.minimumHeight

  /// The frame for `state`, drawn as `options` say.
  public static func render(_ state: State, options: ScreenOptions = ScreenOptions()) -> Canvas {
    var canvas = Canvas(width: state.width, height: state.height)
    guard !state.isTooSmall else {
      drawTooSmall(state, on: &canvas)
      return canvas
    }
    if let run = state.run, state.isShowingTwin, run.count > 0,
      state.lesson.rnn != nil, state.isMakingTwinRun || state.isComputingGradients
    {
      drawWaiting(
        state, run: run,
        "running the twin over \(run.count) steps\(state.isShowingBackward ? ", then its gradients" : "") (each key still acts)…",
        on: &canvas)
    } else if let run = state.run, state.isShowingTwin, run.count > 0 {
      RNNView(state: state, run: run).draw(on: &canvas)
    } else if state.isShowingBackward, let run = state.run, let step = state.backwardStep,
      let gradients = state.gradients
    {
      BackwardView(state: state, run: run, step: step, gradients: gradients).draw(on: &canvas)
    } else if state.isShowingBackward, state.isComputingGradients, let run = state.run {
      drawWaiting(
        state, run: run,
        "computing the gradients of J over \(run.count) steps (each key still acts)…",
        on: &canvas)
    } else if let step = state.step, let run = state.run {
      LessonView(state: state, step: step, run: run, options: options).draw(on: &canvas)
    } else if state.isRecomputing, let run = state.run {
      drawWaiting(
        state, run: run,
        "running \(run.count) steps again with the new numbers (each key still acts)…",
        on: &canvas)
    } else {
      canvas.put("This lesson has no steps to show.", row: 2, column: 2)
    }
    drawFooter(state, on: &canvas)
    if state.isShowingHelp {
      Help.draw(on: &canvas, lesson: state.lesson, editMode: state.edit.isOn)
    }
    return canvas
  }

  /// The rows above the status line and the key hints: what a view lays itself out in.
  static func contentRows(_ state: State) -> Int {
    state.height - 1 - (EditText.statusLine(state, width: state.width) == nil ? 0 : 1)
  }

  /// The title and a line saying what is being computed, while a job makes what the view
  /// shows: a long sequence run again after an edit, or its gradients.
  private static func drawWaiting(
    _ state: State, run: SequenceRun, _ message: String, on canvas: inout Canvas
  ) {
    let numbers = NumberStyle(precision: state.precision, model: state.lesson.model)
    let input = Array(run.sequence.input(at: min(max(state.t, 1), max(run.count, 1))))
    let view = state.isShowingBackward ? "backward" : state.isShowingTwin ? "RNN twin" : "forward"
    let width = min(state.width, LessonView.maximumWidth)
    canvas.put(
      ViewTitle(state: state, run: run, numbers: numbers).line(
        width: width, input: input, view: view), row: 0, column: 0)
    canvas.put(message, row: 2, column: 2, style: Style(.highlight, bold: true))
  }

  /// The centred "terminal too small" message, which still says how to quit.
  private static func drawTooSmall(_ state: State, on canvas: inout Canvas) {
    let message = [
      "terminal too small:", "need \(minimumWidth)×\(minimumHeight),",
      "have \(state.width)×\(state.height)", "", "q quits",
    ]
    let oneLine = [
      "terminal too small: need \(minimumWidth)×\(minimumHeight), have \(state.width)×\(state.height)",
      "", "q quits",
    ]
    let lines = oneLine[0].count <= state.width ? oneLine : message
    let top = max((state.height - lines.count) / 2, 0)
    for (index, line) in lines.enumerated() {
      let column = max((state.width - line.count) / 2, 0)
      let style = index == 0 ? Style(.warning, bold: true) : Style(.plain)
      canvas.put(line, row: top + index, column: column, style: style)
    }
  }

  /// The key hints on the last row, and the status message above it.
  ///
  /// Hints that do not fit are left out, least needed first; `? help` and `q quit` always show.
  private static func drawFooter(_ state: State, on canvas: inout Canvas) {
    let bottom = state.height - 1
    if let status = EditText.statusLine(state, width: state.width) {
      canvas.put(String(repeating: " ", count: state.width), row: bottom - 1, column: 0)
      canvas.put(status, row: bottom - 1, column: 0)
    }
    if state.edit.isOn, !state.isShowingHelp {
      drawEditHints(state, on: &canvas)
      return
    }
    var hints: [(key: String, what: String, priority: Int)] = [
      ("←/→", state.stage == nil ? "step" : "stage", 1), ("↑/↓", "sequence", 3),
      (
        "s",
        state.stage == nil
          ? "stages"
          : state.stage == (state.isShowingBackward ? .forget : .output)
            ? "stages off" : "next stage", 2
      ),
      ("space", state.isPlaying ? "pause" : "play", 2),
    ]
    if state.isShowingTwin { hints.removeAll { $0.key == "s" } }
    // While playing, the speed always shows: the class should know how long each step stays.
    if state.isPlaying {
      hints.append(("+/-", "speed: every " + formatSeconds(state.tickInterval), 0))
    }
    if state.hiddenSize > 1 { hints.append(("[/]", "unit", 1)) }
    // The forward view's hints stay as they were: b, r and o are in help.
    if state.isShowingBackward { hints.append(("b", "forward", 2)) }
    if state.isShowingTwin { hints.append(("r", "LSTM", 2)) }
    if state.isShowingBackward, state.lossTarget != nil {
      hints.append(("o", state.wantsLoss ? "J prediction" : "J loss", 2))
    }
    hints += [("?", "help", 0), ("q", "quit", 0)]
    if let typed = state.typedStep {
      hints = [
        ("go to step", "\(typed)_ of \(state.stepCount)", 0), ("Enter", "go", 0),
        ("Esc", "cancel", 0), ("q", "quit", 0),
      ]
    }
    if state.isShowingHelp {
      hints = [("any key", "closes help", 0), ("q", "quit", 0)]
    }
    func width(_ hints: [(key: String, what: String, priority: Int)]) -> Int {
      hints.reduce(0) { $0 + $1.key.count + $1.what.count + 3 } - 2
    }
    for priority in [3, 2, 1] where width(hints) > state.width {
      hints.removeAll { $0.priority == priority }
    }
    var column = 0
    for hint in hints {
      column = canvas.put(hint.key, row: bottom, column: column, style: Style(.heading, bold: true))
      column = canvas.put(" " + hint.what + "  ", row: bottom, column: column, style: Style(.dim))
    }
  }

  /// Edit mode's key hints: the number under the cursor, then its keys, least needed dropped
  /// first when they do not fit.
  private static func drawEditHints(_ state: State, on canvas: inout Canvas) {
    let bottom = state.height - 1
    var hints: [(key: String, what: String, priority: Int)] = [
      ("Tab", "next", 0), ("+/-", "nudge", 0), ("=", "type", 1), ("*//", "step", 3),
      ("0", "reset", 2), ("u/U", "undo/redo", 2), ("w", "save", 1), ("Esc", "done", 1),
      ("?", "keys", 0),
    ]
    if state.edit.prompt != nil { hints = [] }
    let cursor = EditText.cursorLine(state)
    func width(_ hints: [(key: String, what: String, priority: Int)]) -> Int {
      cursor.width + 2 + hints.reduce(0) { $0 + $1.key.count + $1.what.count + 3 } - 2
    }
    for priority in [3, 2, 1, 0] where width(hints) > state.width {
      hints.removeAll { $0.priority == priority }
    }
    var column = canvas.put(cursor, row: bottom, column: 0) + 2
    for hint in hints {
      column = canvas.put(hint.key, row: bottom, column: column, style: Style(.heading, bold: true))
      column = canvas.put(" " + hint.what + "  ", row: bottom, column: column, style: Style(.dim))
    }
  }

  /// `1 s`, `0.5 s`.
  static func formatSeconds(_ seconds: Double) -> String {
    let tenths = Int((seconds * 10).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10) s" : "\(tenths / 10).\(tenths % 10) s"
  }
}
