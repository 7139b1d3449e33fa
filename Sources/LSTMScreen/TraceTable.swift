import LSTMCore

/// The trace for a person at a terminal: per sequence, the seed's quantities down the side and
/// the timesteps across, as many as fit in 80 columns, then the next steps below.
///
/// Numbers have a fixed precision with their signs aligned. Steps are held only a block at a
/// time, so any length streams.
struct TraceTable {
  let lesson: Lesson
  let precision: Int
  let writer: ByteWriter
  /// What follows each sequence's block: `trace --gradients` adds its backward block.
  var afterSequence: ((InputSequence) throws -> Void)? = nil

  /// The width the table is laid out for.
  static let width = 80

  /// One row of the table: its label and how to get its number from a step.
  struct Row {
    var label: String
    var value: (StepTrace) -> Double
  }

  func write() throws {
    let model = lesson.model
    for line in lesson.title.wrapped(width: Self.width)
      + (lesson.description ?? "").wrapped(width: Self.width)
    {
      try writer.write(line.printable + "\n")
    }
    try writer.write(
      "input size \(model.inputSize), hidden size \(model.hiddenSize); memories start at 0; "
        + "same weights every step\n")
    let rows = Self.rows(for: model)
    let labelWidth = rows.map(\.label.count).max() ?? 0
    for sequence in lesson.sequences {
      let steps = sequence.count == 1 ? "1 step" : "\(sequence.count) steps"
      try writer.write("\n\(sequence.name.printable) · \(steps)\n")
      let estimate = max(precision + 5, "t = \(sequence.count)".count + 2)
      let perBlock = max(1, (Self.width - labelWidth) / estimate)
      var block = Array(repeating: 0.0, count: rows.count * perBlock)
      var times: [Int] = []
      times.reserveCapacity(perBlock)
      var last: [Double] = []
      try model.forEachStep(of: sequence) { step in
        for (r, row) in rows.enumerated() { block[r * perBlock + times.count] = row.value(step) }
        times.append(step.t)
        if times.count == perBlock {
          try writeBlock(block, times: times, rows: rows, labelWidth: labelWidth)
          times.removeAll(keepingCapacity: true)
        }
        if step.t == sequence.count { last = step.stm }
      }
      if !times.isEmpty {
        try writeBlock(block, times: times, rows: rows, labelWidth: labelWidth)
      }
      var summary = "prediction (STM after t = \(sequence.count)): " + list(last)
      if let target = sequence.target { summary += "    target: " + list(target) }
      try writer.write(summary + "\n")
      try afterSequence?(sequence)
    }
  }

  /// The rows for `model`: the input(s), then every quantity, one row per hidden unit.
  static func rows(for model: LSTMModel) -> [Row] {
    var rows: [Row] = []
    for k in 0..<model.inputSize {
      let label = model.inputSize == 1 ? "input" : "input \(k + 1)"
      rows.append(Row(label: label) { $0.input[k] })
    }
    for quantity in TraceQuantity.all {
      for unit in 0..<model.hiddenSize {
        let label = model.hiddenSize == 1 ? quantity.words : "\(quantity.words) [\(unit + 1)]"
        rows.append(Row(label: label) { quantity.value($0, unit) })
      }
    }
    return rows
  }

  /// Writes the steps `times` of a block: `values` holds row r's number for column c at
  /// `r * capacity + c`, where capacity is `values.count / rows.count`.
  func writeBlock(_ values: [Double], times: [Int], rows: [Row], labelWidth: Int) throws {
    let capacity = values.count / rows.count
    let headers = times.map { "t = \($0)" }
    var cells: [String] = []
    cells.reserveCapacity(rows.count * times.count)
    for r in rows.indices {
      for c in times.indices {
        cells.append(
          NumberFormatting.fixed(values[r * capacity + c], precision: precision, signed: true))
      }
    }
    let widest = max(headers.map(\.utf8.count).max() ?? 0, cells.map(\.utf8.count).max() ?? 0)
    let columnWidth = 2 + widest
    if times.first != 1 { try writer.write(byte: UInt8(ascii: "\n")) }
    try writer.write(pad("", labelWidth))
    for header in headers { try writer.write(pad(header, columnWidth, right: true)) }
    try writer.write(byte: UInt8(ascii: "\n"))
    for (r, row) in rows.enumerated() {
      try writer.write(pad(row.label, labelWidth))
      for c in times.indices {
        let cell = cells[r * times.count + c]
        for _ in cell.utf8.count..<columnWidth { try writer.write(byte: UInt8(ascii: " ")) }
        try writer.write(cell)
      }
      try writer.write(byte: UInt8(ascii: "\n"))
    }
  }

  /// Numbers at the table's precision; several in brackets.
  func list(_ values: [Double]) -> String {
    let texts = values.map { NumberFormatting.fixed($0, precision: precision) }
    return texts.count == 1 ? texts[0] : "[" + texts.joined(separator: ", ") + "]"
  }

  func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
  }
}
