/// Reading sequences from CSV: a header row of names, one column per sequence, one row per
/// timestep.
///
/// Accepted: a UTF-8 byte order mark, LF or CRLF line ends, fields in double quotes (with `""`
/// for a quote inside), spaces around numbers, and no final newline. A shorter sequence ends in
/// empty cells (or short rows). Columns with the same name form one sequence with several
/// inputs a step, in column order: `wave,wave` is one sequence of 2-number inputs.
enum SequenceCSV {
  /// Reads `bytes` as CSV.
  ///
  /// - Parameter formatNote: appended to messages, to say why the file was read as CSV.
  static func sequences(
    _ bytes: [UInt8], file: String?, formatNote: String = ""
  ) throws(LessonError) -> [SequenceDraft] {
    let result: Result<[SequenceDraft], LessonError> = bytes.withUnsafeBufferPointer { buffer in
      var reader = CSVReader(bytes: buffer, file: file, note: formatNote)
      return Result { () throws(LessonError) in try reader.read() }
    }
    return try result.get()
  }
}

/// One pass over the bytes of a CSV file.
private struct CSVReader {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String?
  let note: String
  var index = 0
  var line = 1
  /// Unescaped bytes of the current quoted field.
  var scratch: [UInt8] = []

  init(bytes: UnsafeBufferPointer<UInt8>, file: String?, note: String) {
    self.bytes = bytes
    self.file = file
    self.note = note
  }

  /// One field (a cell of the table): where its text is, and whether it ended its row.
  struct CSVField {
    var range: Range<Int>
    var quoted: Bool
    var endsRow: Bool
  }

  mutating func read() throws(LessonError) -> [SequenceDraft] {
    let names = try names()
    let width = names.count
    var columns = Array(repeating: [Double](), count: width)
    var endedAt: [Int?] = Array(repeating: nil, count: width)
    while index < bytes.count {
      let rowLine = line
      var column = 0
      while true {
        let field = try nextField(column: column)
        let reading = withText(field) { $0.isEmpty ? nil : DecimalNumber.read($0, 0..<$0.count) }
        if column >= width {
          if reading != nil {
            throw failure(
              location(rowLine, column),
              "this row has more cells than the header has names (\(width))")
          }
        } else if let reading {
          if let ended = endedAt[column] {
            throw failure(
              location(rowLine, column, names[column]),
              "a number below an empty cell (line \(ended)); a column may only end with empty cells"
            )
          }
          columns[column].append(try number(reading, field, rowLine, column, names[column]))
        } else if endedAt[column] == nil {
          endedAt[column] = rowLine
        }
        column += 1
        if field.endsRow { break }
      }
      for missing in column..<max(column, width) where endedAt[missing] == nil {
        endedAt[missing] = rowLine
      }
    }
    return try group(names: names, columns: columns)
  }

  /// Checks that the file is CSV text with a header row, and reads the names it gives.
  mutating func names() throws(LessonError) -> [String] {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    guard bytes[index...].contains(where: { !isSpace($0) && !isNewline($0) }) else {
      throw failure(nil, bytes.isEmpty ? "the file is empty" : "the file holds no header row")
    }
    if bytes.contains(0) {
      throw failure(nil, "a NUL byte: this looks like binary data, not CSV text")
    }
    let names = try header()
    let width = names.count
    if names.allSatisfy(Self.isNumber) {
      let letters = "abc".prefix(width).map(String.init).joined(separator: ",")
      throw failure(
        "line 1",
        "the first row must name the sequences (it holds numbers); add a header row such as "
          + "\"\(letters)\(width > 3 ? ",…" : "")\"")
    }
    return names
  }

  /// Reads the header row: the names of the columns.
  mutating func header() throws(LessonError) -> [String] {
    var names: [String] = []
    while true {
      let field = try nextField(column: names.count)
      guard let name = withText(field, { String(validating: $0, as: UTF8.self) }) else {
        throw failure(location(1, names.count), "the name is not valid UTF-8 text")
      }
      guard !name.isEmpty else {
        throw failure(
          location(1, names.count),
          "the header has an empty name; name every column (from pandas, write with index=False)")
      }
      names.append(name)
      if field.endsRow { return names }
    }
  }

  /// Puts columns with the same name together as one sequence each, in order of first use.
  func group(names: [String], columns: [[Double]]) throws(LessonError) -> [SequenceDraft] {
    var order: [String] = []
    var members: [String: [Int]] = [:]
    for (k, name) in names.enumerated() {
      if members[name] == nil { order.append(name) }
      members[name, default: []].append(k)
    }
    var drafts: [SequenceDraft] = []
    for name in order {
      let indices = members[name] ?? []
      guard let first = indices.first else { continue }
      let steps = columns[first].count
      guard steps > 0 else {
        throw failure(location(1, first, name), "the column has no numbers: an empty sequence")
      }
      for k in indices where columns[k].count != steps {
        throw failure(
          location(1, k, name),
          "has \(counted(columns[k].count, "number")) but column \(first + 1) of the same sequence has "
            + "\(steps); the inputs of one sequence need the same number of rows")
      }
      var values: [Double] = []
      values.reserveCapacity(steps * indices.count)
      if indices.count == 1 {
        values = columns[first]
      } else {
        for t in 0..<steps {
          for k in indices { values.append(columns[k][t]) }
        }
      }
      let header =
        indices.count == 1
        ? "column \(first + 1)"
        : "columns "
          + indices.map { String($0 + 1) }.joined(separator: ", ")
      drafts.append(
        SequenceDraft(
          name: name, inputSize: indices.count, values: values, target: nil, file: file,
          valuesLocation: "line 1, \(header) (\(name.quoted))", targetLocation: nil))
    }
    return drafts
  }

  /// Reads one field and the separator after it.
  mutating func nextField(column: Int) throws(LessonError) -> CSVField {
    let start = index
    let startLine = line
    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
      return try quotedField(column: column)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ",") {
        index += 1
        return CSVField(range: start..<index - 1, quoted: false, endsRow: false)
      }
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        let end = index
        endLine()
        return CSVField(range: start..<end, quoted: false, endsRow: true)
      }
      if byte == UInt8(ascii: "\"") {
        let isLeadingSpace = bytes[start..<index].allSatisfy(isSpace)
        guard isLeadingSpace else {
          throw failure(
            location(startLine, column),
            "a '\"' inside a cell that does not start with one; quote the whole cell")
        }
        return try quotedField(column: column)
      }
      index += 1
    }
    return CSVField(range: start..<index, quoted: false, endsRow: true)
  }

  /// Reads a field in double quotes, unescaping `""` into `scratch`.
  mutating func quotedField(column: Int) throws(LessonError) -> CSVField {
    let startLine = line
    index += 1
    scratch.removeAll(keepingCapacity: true)
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if byte == UInt8(ascii: "\"") {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
          scratch.append(byte)
          index += 1
          continue
        }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        if index == bytes.count { return CSVField(range: 0..<0, quoted: true, endsRow: true) }
        if bytes[index] == UInt8(ascii: ",") {
          index += 1
          return CSVField(range: 0..<0, quoted: true, endsRow: false)
        }
        if isNewline(bytes[index]) {
          endLine()
          return CSVField(range: 0..<0, quoted: true, endsRow: true)
        }
        throw failure(
          location(line, column), "text after the closing '\"' of a quoted cell; expected ','")
      }
      if byte == UInt8(ascii: "\n") { line += 1 }
      scratch.append(byte)
    }
    throw failure(location(startLine, column), "a quoted cell is not closed with '\"'")
  }

  /// Steps over a line end: LF, CRLF, or a lone CR.
  mutating func endLine() {
    if bytes[index] == UInt8(ascii: "\r") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
    } else {
      index += 1
    }
    line += 1
  }

  /// Calls `body` with the field's text, without the blanks around it.
  func withText<R>(_ field: CSVField, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    if field.quoted {
      return scratch.withUnsafeBufferPointer { buffer in
        body(
          UnsafeBufferPointer(
            rebasing: buffer[DecimalNumber.withoutBlanks(buffer, 0..<buffer.count)]))
      }
    }
    return body(
      UnsafeBufferPointer(rebasing: bytes[DecimalNumber.withoutBlanks(bytes, field.range)]))
  }

  func number(
    _ reading: DecimalNumber.Reading, _ field: CSVField, _ line: Int, _ column: Int, _ name: String
  ) throws(LessonError) -> Double {
    let problem: String
    switch reading {
    case .value(let value): return value
    case .overflow: problem = "is a number that overflows"
    case .nonFinite: problem = "is not a finite number"
    case .invalid: problem = "is not a number"
    }
    let text = withText(field) { excerpt($0) }
    throw failure(location(line, column, name), "\(text) \(problem)")
  }

  func excerpt(_ text: UnsafeBufferPointer<UInt8>) -> String {
    let clipped = UnsafeBufferPointer(rebasing: text[0..<min(text.count, 40)])
    let string = String(decoding: clipped, as: UTF8.self)
    return (clipped.count < text.count ? string + "…" : string).quoted
  }

  /// Whether a header cell is a number (as in a file written by `numpy.savetxt`, which has no
  /// header row), not a name.
  static func isNumber(_ name: String) -> Bool {
    DecimalNumber.read(blankPadded: name) != .invalid
  }

  func location(_ line: Int, _ column: Int, _ name: String? = nil) -> String {
    "line \(line), column \(column + 1)" + (name.map { " (\($0.quoted))" } ?? "")
  }

  func failure(_ location: String?, _ message: String) -> LessonError {
    LessonError(file: file, location: location, message: message + note)
  }

  func isSpace(_ byte: UInt8) -> Bool { DecimalNumber.isBlank(byte) }
  func isNewline(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
  }
}
