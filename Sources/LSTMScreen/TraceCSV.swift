import LSTMCore

/// The trace as CSV: a header, then one row per timestep per hidden unit, full precision.
///
/// Columns: `sequence,t,unit`, the input (`input`, or `input_1`…`input_m`), then every
/// quantity under its JSON name (`forget_x` is `gates.forget.x`). `t` and `unit` count from 1.
struct TraceCSV {
  let lesson: Lesson
  let writer: ByteWriter

  func write() throws {
    let model = lesson.model
    var header = ["sequence", "t", "unit"]
    header += model.inputSize == 1 ? ["input"] : (1...model.inputSize).map { "input_\($0)" }
    header += TraceQuantity.all.map(\.key)
    try writer.write(header.joined(separator: ",") + "\n")
    for sequence in lesson.sequences {
      let name = Array(Self.cell(sequence.name).utf8)
      try name.withUnsafeBufferPointer { name in
        try model.forEachStep(of: sequence) { step in
          for unit in 0..<model.hiddenSize {
            try writer.write(bytes: name)
            try writer.write(byte: UInt8(ascii: ","))
            try writer.write(step.t)
            try writer.write(byte: UInt8(ascii: ","))
            try writer.write(unit + 1)
            for value in step.input {
              try write(value)
            }
            try writeQuantities(step, unit)
            try writer.write(byte: UInt8(ascii: "\n"))
          }
        }
      }
    }
  }

  /// The quantities of one unit, in the order of `TraceQuantity.all` (a test checks), written
  /// field by field rather than through its closures: this is the loop a million-step trace
  /// spends its time in.
  private func writeQuantities(_ step: StepTrace, _ unit: Int) throws {
    try write(step.stmIn[unit])
    try write(step.ltmIn[unit])
    try write(step.gates.forget.x[unit])
    try write(step.gates.forget.value[unit])
    try write(step.ltmRemembered[unit])
    try write(step.gates.candidate.x[unit])
    try write(step.gates.candidate.value[unit])
    try write(step.gates.input.x[unit])
    try write(step.gates.input.value[unit])
    try write(step.ltmAdded[unit])
    try write(step.ltm[unit])
    try write(step.stmPotential[unit])
    try write(step.gates.output.x[unit])
    try write(step.gates.output.value[unit])
    try write(step.stm[unit])
  }

  private func write(_ value: Double) throws {
    try writer.write(byte: UInt8(ascii: ","))
    try writer.write(exactly: value)
  }

  /// `text` as one CSV cell: quoted when it holds a comma, quote, line break or edge space.
  static func cell(_ text: String) -> String {
    let needsQuotes =
      text.contains { $0 == "," || $0 == "\"" || $0.isNewline } || text.first == " "
      || text.last == " "
    guard needsQuotes else { return text }
    return "\"" + text.map { $0 == "\"" ? "\"\"" : String($0) }.joined() + "\""
  }
}
