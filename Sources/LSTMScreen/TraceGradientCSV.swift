import LSTMCore

/// The CSV trace with what `TraceOptions` adds, one row per timestep per hidden unit, full
/// precision.
///
/// With `--gradients`, each row of the LSTM gains `gradient_ltm`, `gradient_stm` (for the
/// memories after step t), `gradient_input` (or `gradient_input_1`…`_m`, the same on every unit's
/// row) and `directPath` (`∏_{k=t+1..T} f_k`). For `--cell rnn` the columns are
/// `sequence,t,unit`, the input, `stmIn,x,stm`, and with gradients `gradient_stm`, the input
/// gradients and `directPath` (the product of the twin's `w·(1 − STM²)` after step t). Weight
/// gradients are not per step: the JSON, table and Markdown traces have them.
struct TraceGradientCSV {
  let lesson: Lesson
  let options: TraceOptions
  let writer: ByteWriter

  func write() throws {
    let model = lesson.model
    let m = model.inputSize
    let inputs = m == 1 ? ["input"] : (1...m).map { "input_\($0)" }
    var header = ["sequence", "t", "unit"] + inputs
    header += options.cell == .rnn ? ["stmIn", "x", "stm"] : TraceQuantity.all.map(\.key)
    if options.gradients != nil {
      header += (options.cell == .rnn ? [] : ["gradient_ltm"]) + ["gradient_stm"]
      header += inputs.map { "gradient_" + $0 } + ["directPath"]
    }
    try writer.write(header.joined(separator: ",") + "\n")
    for sequence in lesson.sequences {
      let name = TraceCSV.cell(sequence.name)
      if options.cell == .rnn, let twin = lesson.rnn {
        try rnnRows(sequence, twin, name: name)
      } else {
        try lstmRows(sequence, name: name)
      }
    }
  }

  private func lstmRows(_ sequence: InputSequence, name: String) throws {
    let model = lesson.model
    let run = SequenceRun(model: model, sequence: sequence)
    let gradients = options.gradients.map { run.gradients(of: $0.objective(for: sequence)) }
    try model.forEachStep(of: sequence) { step in
      for unit in 0..<model.hiddenSize {
        try start(name, step.t, unit, step.input)
        for quantity in TraceQuantity.all { try write(quantity.value(step, unit)) }
        if let gradients {
          try write(gradients.ltm(after: step.t, unit: unit))
          try write(gradients.stm(after: step.t, unit: unit))
          for value in gradients.input(at: step.t) { try write(value) }
          try write(gradients.directPathProduct(after: step.t, unit: unit))
        }
        try writer.write(byte: UInt8(ascii: "\n"))
      }
    }
  }

  private func rnnRows(_ sequence: InputSequence, _ twin: RNNModel, name: String) throws {
    let run = RNNRun(model: twin, sequence: sequence)
    let gradients = options.gradients.map { run.gradients(of: $0.objective(for: sequence)) }
    var trace = RNNStepTrace(t: 0, inputSize: twin.inputSize, hiddenSize: twin.hiddenSize)
    for t in stride(from: 1, through: sequence.count, by: 1) {
      twin.advance(&trace, input: sequence.input(at: t))
      for unit in 0..<twin.hiddenSize {
        try start(name, t, unit, trace.input)
        try write(trace.stmIn[unit])
        try write(trace.x[unit])
        try write(trace.stm[unit])
        if let gradients {
          try write(gradients.stm(after: t, unit: unit))
          for value in gradients.input(at: t) { try write(value) }
          try write(gradients.directPathProduct(after: t, unit: unit))
        }
        try writer.write(byte: UInt8(ascii: "\n"))
      }
    }
  }

  /// `sequence,t,unit,input…` of one row, `t` and `unit` from 1.
  private func start(_ name: String, _ t: Int, _ unit: Int, _ input: [Double]) throws {
    try writer.write(name)
    try writer.write(byte: UInt8(ascii: ","))
    try writer.write(t)
    try writer.write(byte: UInt8(ascii: ","))
    try writer.write(unit + 1)
    for value in input { try write(value) }
  }

  private func write(_ value: Double) throws {
    try writer.write(byte: UInt8(ascii: ","))
    try writer.write(exactly: value)
  }
}
