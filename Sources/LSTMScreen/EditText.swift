import LSTMCore
import LSTMViewModel

/// The words of edit mode: the names of the numbers (`forget.bias`, `forget.U[2,3]`,
/// `input[t=2]`, `rnn.bias`), the status line, the notices, and how a recording names an edit.
enum EditText {
  /// The name of `target` in `lesson`: the scalar cell's numbers by their lesson keys
  /// (`forget.stmWeight`, `forget.inputWeight`, `forget.bias`), a vector cell's entries by their
  /// symbol and indices from 1 (`forget.U[2,3]`, `forget.W[2,1]`, `forget.b[2]`); the twin's
  /// under `rnn.`; an input as `input[t=2]` (`input[t=2][1]` when a step has several).
  static func name(_ target: EditTarget, in lesson: Lesson) -> String {
    switch target {
    case .gate(let gate, let part, let row, let column):
      return gate.rawValue + "." + partName(part, row: row, column: column, lesson.model.isScalar)
    case .twin(let part, let row, let column):
      return "rnn." + partName(part, row: row, column: column, lesson.rnn?.isScalar ?? true)
    case .input(let index, let t, let component):
      let m = lesson.sequences.indices.contains(index) ? lesson.sequences[index].inputSize : 1
      return "input[t=\(t)]" + (m > 1 ? "[\(component + 1)]" : "")
    }
  }

  /// `stmWeight`, or for a vector cell `U[2,3]`.
  private static func partName(
    _ part: GateWeights.Part, row: Int, column: Int, _ scalar: Bool
  ) -> String {
    switch (part, scalar) {
    case (.stmWeights, true): "stmWeight"
    case (.inputWeights, true): "inputWeight"
    case (.bias, true): "bias"
    case (.stmWeights, false): "U[\(row + 1),\(column + 1)]"
    case (.inputWeights, false): "W[\(row + 1),\(column + 1)]"
    case (.bias, false): "b[\(row + 1)]"
    }
  }

  /// How a recording's separator names what the last key did to a number:
  /// `edit forget.bias = -5.0000`, `undo forget.bias = 1.6200`, `redo …`; nil when it changed
  /// none.
  static func recordingName(_ state: State) -> String? {
    guard let made = state.edit.lastEdit else { return nil }
    let verb =
      switch made.kind {
      case .set: "edit"
      case .undo: "undo"
      case .redo: "redo"
      }
    return "\(verb) \(name(made.target, in: state.lesson)) = "
      + NumberFormatting.fixed(made.to, precision: state.precision)
  }

  /// A number of the lesson as the status line writes it: weights to the decimals the model's
  /// weights need (`1.62`), inputs at the state's precision.
  static func value(_ value: Double, of target: EditTarget, numbers: NumberStyle) -> String {
    target.isInput ? numbers.plain(value) : numbers.weight(value)
  }

  /// A number as typed, or as the cursor shows it: the shortest text that reads back as it,
  /// or fixed decimals when that is long.
  static func exact(_ value: Double, precision: Int) -> String {
    let whole = value == value.rounded() && abs(value) < 1e15
    let text = whole ? String(Int64(value)) : value.description
    return text.count <= 14 ? text : NumberFormatting.fixed(value, precision: precision)
  }

  /// The status line's line, if it has one: the prompt, else what edit mode has to say, else a
  /// recorder's message, else what changed and what it did to the prediction.
  static func statusLine(_ state: State, width: Int) -> Line? {
    let numbers = NumberStyle(precision: state.precision, model: state.lesson.model)
    if let prompt = state.edit.prompt { return promptLine(prompt, state: state, width: width) }
    if let notice = state.edit.notice {
      let good: Bool
      switch notice {
      case .saved, .kept: good = true
      default: good = false
      }
      return Line([
        Span(
          words(notice, state: state),
          good ? Style(.heading, bold: true) : Style(.warning, bold: true))
      ])
    }
    if let message = state.statusMessage {
      return Line([Span(message, Style(.warning, bold: true))])
    }
    guard state.showsGhost || state.edit.isOn else { return nil }
    return changesLine(state, numbers: numbers, width: width)
  }

  /// `forget.bias = -5▏  Enter sets it · Esc cancels`, and the save prompts.
  private static func promptLine(_ prompt: EditPrompt, state: State, width: Int) -> Line {
    switch prompt {
    case .value(let text):
      return Line([
        Span(name(state.editTarget, in: state.lesson) + " = ", Style(.heading, bold: true)),
        Span(text, Style(.highlight, bold: true)), Span("▏", Style(.highlight)),
        Span("   Enter sets it · Esc cancels", .dim),
      ])
    case .savePath(let text):
      return Line([
        Span("save to ", Style(.heading, bold: true)), Span(text, Style(.highlight, bold: true)),
        Span("▏", Style(.highlight)), Span("   Enter saves · Esc cancels", .dim),
      ])
    case .confirmOverwrite(let path):
      return Line([
        Span("\(path) exists: overwrite it? ", Style(.warning, bold: true)),
        Span("y overwrites, any other key keeps it", Style(.heading, bold: true)),
      ])
    }
  }

  /// What changed, then the prediction before and after:
  /// `forget.bias 1.62 → -5.00 · prediction 0.0064 → 0.4121`. With `--compare`, the prediction
  /// beside the other lesson's.
  private static func changesLine(_ state: State, numbers: NumberStyle, width: Int) -> Line {
    let changes = state.changes
    var line = Line()
    if changes.isEmpty, !state.ghost.isComparison {
      return Line([
        Span("edit mode: ", Style(.heading, bold: true)),
        Span("Tab moves, + and - nudge, = types a value, ? lists every key", .dim),
      ])
    }
    let prediction = predictionText(state, numbers: numbers)
    var room = width - prediction.width - 3
    for (index, change) in changes.enumerated() {
      var place = ""
      if case .input(let sequence, _, _) = change.target, sequence != state.sequenceIndex {
        place = state.lesson.sequences[sequence].name + " "
      }
      let text =
        place + name(change.target, in: state.lesson) + " "
        + value(change.original, of: change.target, numbers: numbers) + " → "
        + value(change.value, of: change.target, numbers: numbers)
      let separator = index == 0 ? "" : ", "
      let more = index == changes.count - 1 ? "" : ", and \(changes.count - index - 1) more"
      guard separator.count + text.count + more.count <= room || index == 0 else {
        line += Span(", and \(changes.count - index) more", .dim)
        break
      }
      line += Span(separator)
      line += Span(text, Style(.highlight, bold: true))
      room -= separator.count + text.count
    }
    if state.ghost.isComparison, changes.isEmpty {
      line += Span("ghost: \(state.ghost.name ?? "")", Style(.heading, bold: true))
    }
    return line.width == 0 ? prediction : line + Span(" · ", .dim) + prediction
  }

  /// `prediction 0.0064 → 0.4121`, or with `--compare` `prediction 0.4121 (vs 0.9694)`; `…`
  /// while the run is being made again.
  private static func predictionText(_ state: State, numbers: NumberStyle) -> Line {
    let unit = min(max(state.unit, 0), max(state.hiddenSize - 1, 0))
    let twin = state.isShowingTwin && state.lesson.rnn != nil
    let label =
      (twin ? "twin prediction" : "prediction")
      + (state.hiddenSize > 1 ? " (unit \(unit + 1)) " : " ")
    func last(_ stm: [Double], _ count: Int) -> String {
      let index = count * state.hiddenSize + unit
      return stm.indices.contains(index) ? numbers.plain(stm[index]) : "?"
    }
    let before: String
    let now: String
    if twin {
      before = state.ghostTwinRuns[state.sequenceIndex].map { last($0.stmValues, $0.count) } ?? "?"
      now = state.twinRun.map { last($0.run.stmValues, $0.run.count) } ?? "…"
    } else {
      before = state.ghostRun.map { last($0.stmValues, $0.count) } ?? "?"
      now =
        state.isRecomputing
        ? "… (running \(state.stepCount) steps)"
        : state.run.map { last($0.stmValues, $0.count) } ?? "?"
    }
    if state.ghost.isComparison {
      return Line([
        Span(label), Span(now, Style(.highlight, bold: true)), Span(" (vs \(before))", .dim),
      ])
    }
    return Line([Span(label + before + " → "), Span(now, Style(.highlight, bold: true))])
  }

  /// What a notice says.
  static func words(_ notice: EditNotice, state: State) -> String {
    switch notice {
    case .notANumber(let text):
      return "not a number: \"\(text.printable)\"; type digits, . - and e (such as -5 or 1.5e-3)"
    case .notFinite(let text):
      return "\"\(text.printable)\" is not a finite number a Double can hold: nothing changed"
    case .overflows(let target, let value, let sequence, let t, let inTwin):
      let sequenceName =
        state.lesson.sequences.indices.contains(sequence)
        ? state.lesson.sequences[sequence].name : "a sequence"
      return "\(name(target, in: state.lesson)) = \(exact(value, precision: state.precision)) "
        + "would overflow the \(inTwin ? "twin's" : "cell's") x at t = \(t) of \(sequenceName): "
        + "refused, nothing changed"
    case .nothingToUndo: return "nothing to undo"
    case .nothingToRedo: return "nothing to redo"
    case .noPath: return "no path given: nothing saved"
    case .saved(let path): return "saved \(path)"
    case .kept(let path): return "\(path) kept as it was: nothing saved"
    case .saveFailed(let path, let reason):
      return "could not save \(path): \(reason); the edits are all still here"
    case .unsavedChanges(let count):
      return "\(count) unsaved \(count == 1 ? "change" : "changes"): q again quits, w saves"
    }
  }

  /// The edit footer's first hint: the number under the cursor and its value, the lesson's own
  /// value beside it when it differs, and the nudge step: `forget.bias = -5 (was 1.62)  step 0.1`.
  static func cursorLine(_ state: State) -> Line {
    let target = state.editTarget
    var line = Line([
      Span("edit ", Style(.highlight, bold: true)),
      Span(name(target, in: state.lesson), Style(.heading, bold: true)),
    ])
    if let value = state.lesson.value(of: target) {
      line += Span(" = " + exact(value, precision: state.precision), Style(.highlight, bold: true))
      if let original = state.original.value(of: target), original != value {
        line += Span(" (was " + exact(original, precision: state.precision) + ")", .dim)
      }
    }
    if case .twin = target, !state.isShowingTwin { line += Span(" (r shows it)", .dim) }
    return line + Span("  step " + exact(state.edit.step, precision: 12), .dim)
  }
}
