import LSTMCore

/// How `lstmviz trace` writes the computation.
public enum TraceFormat: String, CaseIterable, Sendable {
  /// For a person at a terminal: one block per sequence, fixed precision.
  case table
  /// One row per timestep per hidden unit, full precision, for a spreadsheet or pandas.
  case csv
  /// The trace shape of DESIGN §4, full precision.
  case json
  /// For a handout: the equations and weights, one section per step with the formulas as on
  /// the screen, and a compact table per sequence; lines of at most 100 characters.
  case markdown
  /// The handout as one self-contained HTML file, in colour, for printing.
  case html

  /// Writes every step of every sequence of `lesson` to `writer`, streaming: memory does not
  /// grow with the length of the sequences.
  ///
  /// - Parameter precision: decimals for `table` and `markdown`; `csv` and `json` are exact.
  public func write(
    _ lesson: Lesson, precision: Int, paper: Paper = .auto, to writer: ByteWriter
  ) throws {
    switch self {
    case .table: try TraceTable(lesson: lesson, precision: precision, writer: writer).write()
    case .csv: try TraceCSV(lesson: lesson, writer: writer).write()
    case .json: try TraceJSON(lesson: lesson, writer: writer).write()
    case .markdown: try TraceMarkdown(lesson: lesson, precision: precision, writer: writer).write()
    case .html:
      try TraceHTML(lesson: lesson, precision: precision, paper: paper, writer: writer).write()
    }
    try writer.flush()
  }

  /// Writes the trace `options` ask for: the plain trace for the default options, else the
  /// twin's steps, the gradients, or both. `options.problem(with: lesson)` must be nil.
  public func write(
    _ lesson: Lesson, precision: Int, options: TraceOptions, paper: Paper = .auto,
    to writer: ByteWriter
  ) throws {
    guard options != TraceOptions() else {
      try write(lesson, precision: precision, paper: paper, to: writer)
      return
    }
    precondition(options.problem(with: lesson) == nil)
    switch self {
    case .json: try TraceGradientJSON(lesson: lesson, options: options, writer: writer).write()
    case .csv: try TraceGradientCSV(lesson: lesson, options: options, writer: writer).write()
    case .html:
      preconditionFailure("TraceFormat.html.problem(with:) refuses gradients and the twin")
    case .table, .markdown:
      try TraceBackwardText(
        lesson: lesson, options: options, precision: precision, markdown: self == .markdown,
        writer: writer
      ).write()
    }
    try writer.flush()
  }
}

extension TraceFormat {
  /// Why this format cannot write the trace `options` ask for, or nil: the HTML handout has
  /// the forward pass of the LSTM only.
  public func problem(with options: TraceOptions) -> String? {
    guard self == .html, options != TraceOptions() else { return nil }
    return "--format html: the HTML handout shows the LSTM's forward pass only; for "
      + "--gradients, --of or --cell rnn use --format markdown (or table, csv, json)"
  }
}

/// One per-unit number of a step, named for machines and for people.
struct TraceQuantity: Sendable {
  /// The CSV column, which is also the JSON key (`forget_x` is `gates.forget.x`).
  var key: String
  /// A short heading, for a table of many columns.
  var heading: String
  /// The seed's words, for a person.
  var words: String
  /// The value for hidden unit `unit` (0-based).
  var value: @Sendable (StepTrace, Int) -> Double

  /// Every quantity of a step after its input, in the order the seed computes them.
  static let all: [TraceQuantity] = [
    TraceQuantity(key: "stmIn", heading: "STM in", words: "STM in (short-term memory)") {
      $0.stmIn[$1]
    },
    TraceQuantity(key: "ltmIn", heading: "LTM in", words: "LTM in (long-term memory)") {
      $0.ltmIn[$1]
    },
    TraceQuantity(
      key: "forget_x", heading: "forget x", words: "Forget gate  x = STM·w + input·w + b"
    ) {
      $0.gates.forget.x[$1]
    },
    TraceQuantity(
      key: "forget_value", heading: "% of LTM to remember", words: "  σ(x): % of LTM to remember"
    ) {
      $0.gates.forget.value[$1]
    },
    TraceQuantity(
      key: "ltmRemembered", heading: "remembered LTM", words: "  remembered LTM = σ(x) × LTM in"
    ) {
      $0.ltmRemembered[$1]
    },
    TraceQuantity(
      key: "candidate_x", heading: "potential LTM x", words: "Input gate  x for the potential LTM"
    ) {
      $0.gates.candidate.x[$1]
    },
    TraceQuantity(
      key: "candidate_value", heading: "potential LTM", words: "  tanh(x): potential LTM"
    ) {
      $0.gates.candidate.value[$1]
    },
    TraceQuantity(
      key: "input_x", heading: "% retained x", words: "  x for the % of potential retained"
    ) {
      $0.gates.input.x[$1]
    },
    TraceQuantity(
      key: "input_value", heading: "% of potential retained",
      words: "  σ(x): % of potential retained"
    ) {
      $0.gates.input.value[$1]
    },
    TraceQuantity(
      key: "ltmAdded", heading: "added LTM", words: "  added LTM = % retained × potential"
    ) {
      $0.ltmAdded[$1]
    },
    TraceQuantity(key: "ltm", heading: "new LTM", words: "  new LTM = remembered + added") {
      $0.ltm[$1]
    },
    TraceQuantity(
      key: "stmPotential", heading: "potential STM",
      words: "Output gate  potential STM = tanh(new LTM)"
    ) {
      $0.stmPotential[$1]
    },
    TraceQuantity(
      key: "output_x", heading: "output x", words: "  x for the % of potential STM retained"
    ) {
      $0.gates.output.x[$1]
    },
    TraceQuantity(
      key: "output_value", heading: "% of potential STM retained",
      words: "  σ(x): % of potential STM retained"
    ) {
      $0.gates.output.value[$1]
    },
    TraceQuantity(key: "stm", heading: "new STM", words: "  new STM = % retained × potential STM") {
      $0.stm[$1]
    },
  ]
}

extension Lesson {
  /// The prediction of each sequence: the STM after its last step.
  ///
  /// Writers that put the prediction before the steps run each sequence twice rather than keep
  /// its steps; a run without output costs little next to writing it.
  func predictions() -> [[Double]] {
    sequences.map { sequence in
      var last = Memories.zero(hiddenSize: model.hiddenSize).stm
      model.forEachStep(of: sequence) { step in
        if step.t == sequence.count { last = step.stm }
      }
      return last
    }
  }
}
