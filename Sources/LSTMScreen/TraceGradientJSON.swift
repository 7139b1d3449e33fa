import LSTMCore
import LSTMFiles

/// The JSON trace with what `TraceOptions` adds: the gradients of backpropagation through time
/// (`gradientOf` at the top; each step's `gradients`; each sequence's `weightGradients`, and its
/// `loss` when J is the loss), or the plain-RNN twin (`"cell": "rnn"`, steps
/// `{"t", "input", "stmIn", "x", "stm"}`), or both. One step a line, full precision.
///
/// The gradients of a sequence are computed before its steps are written: O(T·n) numbers.
struct TraceGradientJSON {
  let lesson: Lesson
  let options: TraceOptions
  let writer: ByteWriter

  /// The plain writer, whose numbers, strings and step fields this one shares.
  private var plain: TraceJSON { TraceJSON(lesson: lesson, writer: writer) }

  func write() throws {
    let model = lesson.model
    try writer.write("{\n \"title\": ")
    try writer.write(JSONString.literal(lesson.title))
    try writer.write(",\n \"inputSize\": ")
    try writer.write(model.inputSize)
    try writer.write(",\n \"hiddenSize\": ")
    try writer.write(model.hiddenSize)
    if options.cell == .rnn { try writer.write(",\n \"cell\": \"rnn\"") }
    if let gradients = options.gradients {
      try writer.write(",\n \"gradientOf\": ")
      try writer.write(JSONString.literal(gradients.words))
    }
    try writer.write(",\n \"sequences\": [")
    for (k, sequence) in lesson.sequences.enumerated() {
      try writer.write(k == 0 ? "\n  {\"name\": " : ",\n  {\"name\": ")
      try writer.write(JSONString.literal(sequence.name))
      if options.cell == .rnn, let twin = lesson.rnn {
        try rnnSequence(sequence, twin)
      } else {
        try lstmSequence(sequence)
      }
    }
    try writer.write("\n ]\n}\n")
  }

  private func lstmSequence(_ sequence: InputSequence) throws {
    let run = SequenceRun(model: lesson.model, sequence: sequence)
    let gradients = options.gradients.map { run.gradients(of: $0.objective(for: sequence)) }
    try writer.write(", \"prediction\": ")
    try plain.numbers(run.prediction)
    try writer.write(", \"steps\": [")
    let n = lesson.model.hiddenSize
    var first = true
    try lesson.model.forEachStep(of: sequence) { step in
      try writer.write(first ? "\n   " : ",\n   ")
      first = false
      try plain.stepFields(step)
      if let gradients {
        let memory = step.t * n..<(step.t + 1) * n
        try writer.write(", \"gradients\": {\"ltm\": ")
        try plain.numbers(Array(gradients.ltmGradients[memory]))
        try writer.write(", \"stm\": ")
        try plain.numbers(Array(gradients.stmGradients[memory]))
        try writer.write(", \"input\": ")
        try plain.numbers(Array(gradients.input(at: step.t)))
        try writer.write(byte: UInt8(ascii: "}"))
      }
      try writer.write(byte: UInt8(ascii: "}"))
    }
    try writer.write("\n  ]")
    if let gradients {
      try writer.write(",\n  \"weightGradients\": {")
      for (k, gate) in Gate.pytorchOrder.enumerated() {
        try writer.write(k == 0 ? "\"" : ", \"")
        try writer.write(gate.rawValue)
        try writer.write("\": ")
        try weights(gradients.weightGradients[gate])
      }
      try writer.write(byte: UInt8(ascii: "}"))
      try loss(gradients.objectiveValue)
    }
    try writer.write(byte: UInt8(ascii: "}"))
  }

  private func rnnSequence(_ sequence: InputSequence, _ twin: RNNModel) throws {
    let run = RNNRun(model: twin, sequence: sequence)
    let gradients = options.gradients.map { run.gradients(of: $0.objective(for: sequence)) }
    try writer.write(", \"prediction\": ")
    try plain.numbers(run.prediction)
    try writer.write(", \"steps\": [")
    var trace = RNNStepTrace(t: 0, inputSize: twin.inputSize, hiddenSize: twin.hiddenSize)
    let n = twin.hiddenSize
    for t in stride(from: 1, through: sequence.count, by: 1) {
      twin.advance(&trace, input: sequence.input(at: t))
      try writer.write(t == 1 ? "\n   {\"t\": " : ",\n   {\"t\": ")
      try writer.write(t)
      try plain.field("input", trace.input)
      try plain.field("stmIn", trace.stmIn)
      try plain.field("x", trace.x)
      try plain.field("stm", trace.stm)
      if let gradients {
        try writer.write(", \"gradients\": {\"stm\": ")
        try plain.numbers(Array(gradients.stmGradients[t * n..<(t + 1) * n]))
        try writer.write(", \"input\": ")
        try plain.numbers(Array(gradients.input(at: t)))
        try writer.write(byte: UInt8(ascii: "}"))
      }
      try writer.write(byte: UInt8(ascii: "}"))
    }
    try writer.write("\n  ]")
    if let gradients {
      try writer.write(",\n  \"weightGradients\": ")
      try weights(gradients.weightGradients)
      try loss(gradients.objectiveValue)
    }
    try writer.write(byte: UInt8(ascii: "}"))
  }

  /// `, "loss": J` when J is the loss.
  private func loss(_ value: Double) throws {
    guard options.gradients == .loss else { return }
    try writer.write(",\n  \"loss\": ")
    if value.isFinite {
      try writer.write(exactly: value)
    } else {
      try writer.write(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
    }
  }

  /// `{"stmWeight": [[…]], "inputWeight": [[…]], "bias": […]}`, matrices row by row.
  private func weights(_ weights: GateWeights) throws {
    try writer.write("{\"stmWeight\": ")
    try matrix(weights.stmWeights)
    try writer.write(", \"inputWeight\": ")
    try matrix(weights.inputWeights)
    try writer.write(", \"bias\": ")
    try plain.numbers(weights.bias)
    try writer.write(byte: UInt8(ascii: "}"))
  }

  private func matrix(_ matrix: Matrix) throws {
    try writer.write(byte: UInt8(ascii: "["))
    for row in 0..<matrix.rows {
      if row > 0 { try writer.write(", ") }
      try plain.numbers((0..<matrix.columns).map { matrix[row, $0] })
    }
    try writer.write(byte: UInt8(ascii: "]"))
  }
}
