import LSTMCore
import LSTMViewModel

/// The RNN view (r): the lesson's plain-RNN twin at step t, forward (`x = STM·w + input·w + b`,
/// `h = tanh(x)`) or, in the backward view, `∂J/∂h_t = ∂J/∂h_{t+1} · w_h · (1 − h²_{t+1})` with
/// its numbers and the running product of those factors, beside the LSTM's. Without a twin it says
/// how to add one, and invents no weights.
struct RNNView {
  let state: State
  let run: SequenceRun

  private var numbers: NumberStyle {
    NumberStyle(precision: state.precision, twin: state.lesson.rnn)
  }
  private var unit: Int { min(max(state.unit, 0), run.model.hiddenSize - 1) }
  private var pass: String { state.isShowingBackward ? "RNN twin, backward" : "RNN twin" }

  /// Draws the frame above the footer.
  func draw(on canvas: inout Canvas) {
    let width = min(state.width, LessonView.maximumWidth)
    let rows = Screen.contentRows(state)
    let title = ViewTitle(state: state, run: run, numbers: numbers)
    guard let model = state.lesson.rnn, let twin = state.twinRun, let step = state.twinStep
    else {
      let input = run.sequence.input(at: min(max(state.t, 1), run.count))
      place(
        [[title.line(width: width, input: Array(input), view: pass)], noTwin(width: width)],
        rows: rows, on: &canvas)
      return
    }
    let head = title.line(width: width, input: step.input, view: pass)
    var groups: [[Line]]
    if state.isShowingBackward, let gradients = state.gradients,
      let backward = state.twinBackwardStep, let twinGradients = gradients.twin
    {
      let text = RNNText(
        model: model, run: twin.run, step: step, count: run.count, unit: unit, numbers: numbers,
        marks: Annotations(state: state))
      groups = [
        [head],
        [objectiveNote(state: state, value: twinGradients.objectiveValue, width: width)],
        layOut(
          text.backwardRows(backward, gradients: twinGradients, objective: gradients.objective),
          width: width, numbers: numbers
        ).flatMap { $0 },
      ]
      let room = rows - groups.reduce(0) { $0 + $1.count } - 1
      if room >= GradientPlot.minimumHeight {
        let plot = GradientPlot(history: gradients.history, t: state.t, hasTwin: true)
        groups.append(plot.lines(width: width, height: min(room, 18)))
      }
    } else {
      let ghostRun = state.showsGhost ? state.ghostTwinRuns[state.sequenceIndex] : nil
      let text = RNNText(
        model: model, run: twin.run, step: step, count: run.count, unit: unit, numbers: numbers,
        marks: Annotations(state: state),
        ghost: ghostRun.map { $0.step(at: min(max(state.t, 1), $0.count)) },
        ghostPrediction: ghostRun.map { $0.stm(after: $0.count, unit: unit) })
      groups = [
        [head],
        [
          Line([
            Span(
              "A plain RNN on the same inputs: no gates, no LTM, its STM (h) the only memory.",
              .dim)
          ])
        ],
        [text.stmLine(width: width)],
        layOut(text.forwardRows(), width: width, numbers: numbers).flatMap { $0 },
      ]
      if let history = state.history {
        groups.append(twinSparklines(history: history, twin: twin, step: step, width: width))
      }
      if state.isAtEnd, !state.isRecomputing { groups.append([text.endLine(lstm: run)]) }
    }
    place(groups, rows: rows, on: &canvas)
  }

  /// The twin's STM and the LSTM's over the sequence, each up to step t, as sparklines.
  private func twinSparklines(
    history: History, twin: TwinRun, step: RNNStepTrace, width: Int
  ) -> [Line] {
    let sparks = Sparklines(history: history, t: state.t, unit: unit, now: RevealedMemories())
    let columns = max(min(history.buckets, (width - 40) / 2, 40), 1)
    let current = history.column(of: state.t, columns: columns)
    let lstmNow = run.stm(after: min(max(state.t, 1), run.count), unit: unit)
    let parts: [(String, Series, StyleRole, Double)] = [
      (
        "history  RNN STM ", twin.stm[min(unit, twin.stm.count - 1)], .gate(.candidate),
        step.stm[unit]
      ),
      ("   LSTM STM ", history.stm[unit], .stm, lstmNow),
    ]
    var top = Line()
    var marks = Line()
    for (label, series, role, now) in parts {
      top += Span(label, .dim)
      marks = marks.padded(to: top.width + current)
      marks += Span("▲", Style(.highlight, bold: true))
      top += Span(sparks.spark(series, columns: columns, memory: .some(now)), role)
    }
    return [top, marks + Span(" t = \(state.t)", Style(.highlight, bold: true))]
  }

  /// What to do when the lesson has no twin.
  private func noTwin(width: Int) -> [Line] {
    let lines: [Line] = [
      Line([Span("This lesson has no plain-RNN twin to compare with.", Style(.heading, bold: true))]
      ),
      "",
      "Add one to the lesson file, beside \"model\":",
      Line([
        Span(
          "  \"rnn\": {\"stmWeight\": …, \"inputWeight\": …, \"bias\": …}", Style(.stm, bold: true))
      ]),
      "  or an nn.RNN state_dict: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0;",
      "or give one when starting lstmviz:",
      Line([Span("  lstmviz LESSON --rnn FILE", Style(.stm, bold: true))]),
      "",
      Line([
        Span(
          "lstmviz invents no weights: the twin must be trained for the same task. r goes back to "
            + "the LSTM.", .dim)
      ]),
    ]
    return lines.flatMap {
      $0.width <= width ? [$0] : $0.text.wrapped(width: width).map { Line(stringLiteral: $0) }
    }
  }
}
