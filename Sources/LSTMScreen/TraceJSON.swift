import LSTMCore
import LSTMFiles

/// The trace as JSON (DESIGN §4) at full precision, one step a line, streamed.
///
/// A loaded lesson never overflows (loading runs the cell once and refuses one that does); a
/// `Lesson` made in code may, and its non-finite numbers are written as Python's json module
/// writes them: `Infinity`, `-Infinity` or `NaN`.
struct TraceJSON {
  let lesson: Lesson
  let writer: ByteWriter

  func write() throws {
    let model = lesson.model
    try writer.write("{\n \"title\": ")
    try writer.write(JSONString.literal(lesson.title, forPlayers: false))
    try writer.write(",\n \"inputSize\": ")
    try writer.write(model.inputSize)
    try writer.write(",\n \"hiddenSize\": ")
    try writer.write(model.hiddenSize)
    try writer.write(",\n \"sequences\": [")
    let predictions = lesson.predictions()
    for (k, sequence) in lesson.sequences.enumerated() {
      try writer.write(k == 0 ? "\n  {\"name\": " : ",\n  {\"name\": ")
      try writer.write(JSONString.literal(sequence.name, forPlayers: false))
      try writer.write(", \"prediction\": ")
      try numbers(predictions[k])
      try writer.write(", \"steps\": [")
      var first = true
      try model.forEachStep(of: sequence) { step in
        try writer.write(first ? "\n   " : ",\n   ")
        first = false
        try self.step(step)
      }
      try writer.write("\n  ]}")
    }
    try writer.write("\n ]\n}\n")
  }

  func step(_ step: StepTrace) throws {
    try stepFields(step)
    try writer.write(byte: UInt8(ascii: "}"))
  }

  /// The step's object without its closing brace, for writers that add to it.
  func stepFields(_ step: StepTrace) throws {
    try writer.write("{\"t\": ")
    try writer.write(step.t)
    try field("input", step.input)
    try field("stmIn", step.stmIn)
    try field("ltmIn", step.ltmIn)
    try writer.write(", \"gates\": {")
    for gate in Gate.allCases {
      try writer.write(gate == .forget ? "\"" : ", \"")
      try writer.write(gate.rawValue)
      try writer.write("\": {\"x\": ")
      try numbers(step.gates[gate].x)
      try writer.write(", \"value\": ")
      try numbers(step.gates[gate].value)
      try writer.write(byte: UInt8(ascii: "}"))
    }
    try writer.write(byte: UInt8(ascii: "}"))
    try field("ltmRemembered", step.ltmRemembered)
    try field("ltmAdded", step.ltmAdded)
    try field("ltm", step.ltm)
    try field("stmPotential", step.stmPotential)
    try field("stm", step.stm)
  }

  func field(_ key: String, _ values: [Double]) throws {
    try writer.write(", \"")
    try writer.write(key)
    try writer.write("\": ")
    try numbers(values)
  }

  func numbers(_ values: [Double]) throws {
    try writer.write(byte: UInt8(ascii: "["))
    for (k, value) in values.enumerated() {
      if k > 0 { try writer.write(", ") }
      if value.isFinite {
        try writer.write(exactly: value)
      } else {
        try writer.write(value.isNaN ? "NaN" : value < 0 ? "-Infinity" : "Infinity")
      }
    }
    try writer.write(byte: UInt8(ascii: "]"))
  }
}
