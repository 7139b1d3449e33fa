/// A strict JSON reader (RFC 8259) that says where a file goes wrong and never traps.
///
/// Beyond the standard it refuses what a lesson must not hold: duplicate keys, and numbers that
/// overflow a `Double`. `NaN` and `Infinity` are reported as non-finite numbers, a NUL byte as
/// binary data. A UTF-8 byte order mark at the start is skipped.
public enum JSONParser {
  /// How deeply arrays and objects may nest.
  public static let maximumDepth = 256

  /// Parses `bytes` as one JSON document.
  ///
  /// - Parameter file: the file's name, for errors.
  /// - Throws: `LessonError` at `path (line L, column C)`, or at `line L, column C` when the
  ///   fault is not inside any value.
  public static func parse(_ bytes: [UInt8], file: String?) throws(LessonError) -> JSONNode {
    let result: Result<JSONNode, LessonError> = bytes.withUnsafeBufferPointer { buffer in
      var reader = Reader(bytes: buffer, file: file)
      return Result { () throws(LessonError) in try reader.document() }
    }
    return try result.get()
  }
}

/// The state of one parse: a cursor over the bytes, the line it is on, and the path it is in.
private struct Reader {
  let bytes: UnsafeBufferPointer<UInt8>
  let file: String?
  var index = 0
  var line = 1
  var lineStart = 0
  var path: [JSONPath.Component] = []
  var depth = 0

  init(bytes: UnsafeBufferPointer<UInt8>, file: String?) {
    self.bytes = bytes
    self.file = file
  }

  mutating func document() throws(LessonError) -> JSONNode {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    skipWhitespace()
    guard index < bytes.count else {
      throw LessonError(
        file: file, location: nil,
        message: bytes.isEmpty ? "the file is empty" : "the file holds no JSON value")
    }
    let node = try value()
    skipWhitespace()
    guard index == bytes.count else {
      throw failure("unexpected \(describeByte()) after the end of the JSON value")
    }
    return node
  }

  // MARK: Values

  mutating func value() throws(LessonError) -> JSONNode {
    let startLine = line
    switch bytes[index] {
    case UInt8(ascii: "{"): return JSONNode(try object(), line: startLine)
    case UInt8(ascii: "["): return JSONNode(try array(), line: startLine)
    case UInt8(ascii: "\""): return JSONNode(.string(try string()), line: startLine)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return JSONNode(.number(try number()), line: startLine)
    default: return JSONNode(try word(), line: startLine)
    }
  }

  mutating func object() throws(LessonError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    var members: [JSONMember] = []
    var keys = Set<String>()
    skipWhitespace()
    if peek == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      guard peek == UInt8(ascii: "\"") else {
        throw failure("expected a key in double quotes, found \(describeByte())")
      }
      let key = try string()
      path.append(.key(key))
      guard keys.insert(key).inserted else { throw failure("the key \(key.quoted) appears twice") }
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else {
        throw failure("expected ':' after the key \(key.quoted), found \(describeByte())")
      }
      index += 1
      skipWhitespace()
      try expectValue()
      members.append(JSONMember(key: key, node: try value()))
      path.removeLast()
      if try closes(with: "}", after: "a member") { return .object(members) }
    }
  }

  mutating func array() throws(LessonError) -> JSONValue {
    try enterContainer()
    defer { depth -= 1 }
    var elements: [JSONNode] = []
    skipWhitespace()
    if peek == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      path.append(.index(elements.count))
      try expectValue()
      elements.append(try value())
      path.removeLast()
      if try closes(with: "]", after: "a list element") { return .array(elements) }
    }
  }

  /// After a member or element: steps over a `,` (false: another follows) or the closing
  /// `bracket` (true: the container ends).
  mutating func closes(with bracket: Unicode.Scalar, after what: String) throws(LessonError)
    -> Bool
  {
    skipWhitespace()
    if peek == UInt8(ascii: ",") {
      index += 1
      skipWhitespace()
      return false
    }
    guard peek == UInt8(ascii: bracket) else {
      throw failure("expected ',' or '\(bracket)' after \(what), found \(describeByte())")
    }
    index += 1
    return true
  }

  /// Steps over the opening bracket, keeping nesting within `maximumDepth`.
  mutating func enterContainer() throws(LessonError) {
    guard depth < JSONParser.maximumDepth else {
      throw failure("lists and objects are nested more than \(JSONParser.maximumDepth) deep")
    }
    depth += 1
    index += 1
  }

  mutating func expectValue() throws(LessonError) {
    guard index < bytes.count else { throw failure("the file ends where a value should be") }
  }

  mutating func number() throws(LessonError) -> Double {
    let start = index
    if bytes[index] == UInt8(ascii: "-") {
      index += 1
      guard index < bytes.count, DecimalNumber.isDigit(bytes[index]) else {
        if let next = peek, isWordByte(next) {
          index = start
          _ = try word()
        }
        throw failure("expected digits after '-'", at: start)
      }
    }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
      if let next = peek, DecimalNumber.isDigit(next) {
        throw failure("a number may not start with 0 followed by digits", at: start)
      }
    } else {
      skipDigits()
    }
    if peek == UInt8(ascii: ".") {
      index += 1
      guard let next = peek, DecimalNumber.isDigit(next) else {
        throw failure("expected digits after the decimal point", at: start)
      }
      skipDigits()
    }
    if let next = peek, next | 0x20 == UInt8(ascii: "e") {
      index += 1
      if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
      guard let next = peek, DecimalNumber.isDigit(next) else {
        throw failure("expected digits in the exponent", at: start)
      }
      skipDigits()
    }
    switch DecimalNumber.value(bytes, start..<index) {
    case .value(let value): return value
    default:
      throw failure("\(excerpt(start..<index)) is a number that overflows a Double", at: start)
    }
  }

  /// `true`, `false`, `null`, or a word that is not JSON (NaN, Infinity, an unquoted name).
  mutating func word() throws(LessonError) -> JSONValue {
    let start = index
    if bytes[index] == UInt8(ascii: "-") { index += 1 }
    while let byte = peek, isWordByte(byte) { index += 1 }
    let range = start..<index
    guard !range.isEmpty else {
      throw failure("expected a value, found \(describeByte())")
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    switch text {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "null": return .null
    default:
      if DecimalNumber.isNonFiniteWord(bytes, range) {
        throw failure("\(text) is not a finite number; lessons need finite numbers", at: start)
      }
      throw failure(
        "unexpected \(excerpt(range)); strings need double quotes, numbers digits", at: start)
    }
  }

  mutating func string() throws(LessonError) -> String {
    let quote = index
    index += 1
    let start = index
    var ascii = true
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
        index += 1
        if ascii { return String(decoding: raw, as: UTF8.self) }
        guard let text = String(validating: raw, as: UTF8.self) else {
          throw failure("the string is not valid UTF-8 text", at: quote)
        }
        return text
      }
      if byte == UInt8(ascii: "\\") { return try escapedString(from: start, quote: quote) }
      if byte < 0x20 { throw failure(controlMessage(byte, inString: true)) }
      if byte >= 0x80 { ascii = false }
      index += 1
    }
    throw failure("the string is not closed with '\"'", at: quote)
  }

  /// The slow path for strings with escapes: decodes into a byte buffer.
  mutating func escapedString(from start: Int, quote: Int) throws(LessonError) -> String {
    var utf8 = Array(bytes[start..<index])
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        index += 1
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw failure("the string is not valid UTF-8 text", at: quote)
        }
        return text
      }
      if byte < 0x20 { throw failure(controlMessage(byte, inString: true)) }
      guard byte == UInt8(ascii: "\\") else {
        utf8.append(byte)
        index += 1
        continue
      }
      let escape = index
      index += 1
      guard let code = peek else { break }
      index += 1
      switch code {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(code)
      case UInt8(ascii: "b"): utf8.append(0x08)
      case UInt8(ascii: "f"): utf8.append(0x0C)
      case UInt8(ascii: "n"): utf8.append(0x0A)
      case UInt8(ascii: "r"): utf8.append(0x0D)
      case UInt8(ascii: "t"): utf8.append(0x09)
      case UInt8(ascii: "u"):
        let unicode = try unicodeEscape(escape)
        utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
      default:
        throw failure("unknown escape '\\\(Character(Unicode.Scalar(code)))'", at: escape)
      }
    }
    throw failure("the string is not closed with '\"'", at: quote)
  }

  /// The scalar of a `\u` escape that starts at `escape`, its four hex digits next; a high
  /// surrogate takes the `\u` escape of its low surrogate after it.
  mutating func unicodeEscape(_ escape: Int) throws(LessonError) -> Unicode.Scalar {
    var scalar = try hex4(escape)
    if (0xD800..<0xDC00).contains(scalar), peek == UInt8(ascii: "\\"),
      index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
    {
      index += 2
      let low = try hex4(escape)
      guard (0xDC00..<0xE000).contains(low) else {
        throw failure("\\u escape pairs a high surrogate with a non-surrogate", at: escape)
      }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let unicode = Unicode.Scalar(scalar) else {
      throw failure("\\u escape is half a surrogate pair", at: escape)
    }
    return unicode
  }

  mutating func hex4(_ escape: Int) throws(LessonError) -> UInt32 {
    var scalar: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = peek, let digit = hexDigit(byte) else {
        throw failure("\\u must be followed by four hex digits", at: escape)
      }
      scalar = scalar << 4 | digit
      index += 1
    }
    return scalar
  }

  // MARK: Bytes

  var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

  mutating func skipWhitespace() {
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
      case UInt8(ascii: "\n"):
        index += 1
        line += 1
        lineStart = index
      default: return
      }
    }
  }

  mutating func skipDigits() {
    while index < bytes.count, DecimalNumber.isDigit(bytes[index]) { index += 1 }
  }

  func isWordByte(_ byte: UInt8) -> Bool {
    let lower = byte | 0x20
    return (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lower) || DecimalNumber.isDigit(byte)
      || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
  }

  func hexDigit(_ byte: UInt8) -> UInt32? {
    if DecimalNumber.isDigit(byte) { return UInt32(byte - UInt8(ascii: "0")) }
    let lower = byte | 0x20
    if (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower) {
      return UInt32(lower - UInt8(ascii: "a") + 10)
    }
    return nil
  }

  /// The byte at the cursor, described for a message.
  func describeByte() -> String {
    guard let byte = peek else { return "the end of the file" }
    if byte < 0x20 || byte == 0x7F { return controlMessage(byte, inString: false) }
    if byte >= 0x80 {
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      let end = min(bytes.count, index + length)
      let slice = UnsafeBufferPointer(rebasing: bytes[index..<end])
      if let text = String(validating: slice, as: UTF8.self), let first = text.first {
        return "'\(first)'"
      }
      return "the byte 0x\(String(byte, radix: 16, uppercase: true)), which is not UTF-8 text"
    }
    return "'\(Character(Unicode.Scalar(byte)))'"
  }

  func controlMessage(_ byte: UInt8, inString: Bool) -> String {
    if byte == 0 { return "a NUL byte: this looks like binary data, not JSON text" }
    let name = "the control character 0x\(String(byte, radix: 16, uppercase: true))"
    return inString ? "\(name) inside a string; write it as an escape such as \\n" : name
  }

  /// Up to 40 bytes of text, quoted, for a message.
  func excerpt(_ range: Range<Int>) -> String {
    let clipped = range.lowerBound..<min(range.upperBound, range.lowerBound + 40)
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[clipped]), as: UTF8.self)
    return (clipped.count < range.count ? text + "…" : text).quoted
  }

  // MARK: Errors

  /// An error at byte `offset` (the cursor by default), naming the path the reader is in.
  func failure(_ message: String, at offset: Int? = nil) -> LessonError {
    let offset = min(offset ?? index, bytes.count)
    var column = 1
    var k = lineStart
    while k < offset {
      if bytes[k] & 0xC0 != 0x80 { column += 1 }
      k += 1
    }
    let position = "line \(line), column \(column)"
    let location = path.isEmpty ? position : "\(JSONPath(components: path)) (\(position))"
    return LessonError(file: file, location: location, message: message)
  }
}
