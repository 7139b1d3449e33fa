/// Reading decimal numbers straight from bytes, as JSON, CSV and `--input` write them.
///
/// Lesson files may hold millions of numbers, so no `String` is made for a number that fits
/// Clinger's fast path (at most 19 significant digits, mantissa below 2⁵³, power of ten within
/// ±22), which is exact. Longer numbers fall back to the standard library's correctly rounded,
/// locale-independent conversion.
enum DecimalNumber {
  /// What a number's text turned out to be.
  enum Reading: Equatable {
    /// A finite number.
    case value(Double)
    /// Valid digits whose value is beyond ±1.8e308.
    case overflow
    /// A word such as `NaN` or `Infinity`: not a finite number.
    case nonFinite
    /// Not a number at all.
    case invalid
  }

  /// Reads all of `bytes[range]` as one number in the relaxed form of CSV cells and `--input`:
  /// an optional sign, digits with an optional point (`.5` and `5.` too), an optional exponent.
  static func read(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Reading {
    var i = range.lowerBound
    let end = range.upperBound
    if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    var digits = 0
    while i < end, isDigit(bytes[i]) {
      i += 1
      digits += 1
    }
    if i < end, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < end, isDigit(bytes[i]) {
        i += 1
        digits += 1
      }
    }
    guard digits > 0 else {
      return isNonFiniteWord(bytes, range) ? .nonFinite : .invalid
    }
    if i < end, bytes[i] | 0x20 == UInt8(ascii: "e") {
      i += 1
      if i < end, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
      let exponentStart = i
      while i < end, isDigit(bytes[i]) { i += 1 }
      guard i > exponentStart else { return .invalid }
    }
    guard i == end else { return .invalid }
    return value(bytes, range)
  }

  /// Reads `text` as one number, the blanks around it ignored: a CSV header cell, an
  /// `--input` number.
  static func read(blankPadded text: some StringProtocol) -> Reading {
    Array(text.utf8).withUnsafeBufferPointer { bytes in
      read(bytes, withoutBlanks(bytes, 0..<bytes.count))
    }
  }

  /// `range` without the blanks at either end: the one trimming of the text around a number.
  @inline(__always)
  static func withoutBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int>
  {
    var start = range.lowerBound
    var end = range.upperBound
    while start < end, isBlank(bytes[start]) { start += 1 }
    while end > start, isBlank(bytes[end - 1]) { end -= 1 }
    return start..<end
  }

  /// Whether `byte` is a blank that may stand around a number: a space or a tab.
  @inline(__always)
  static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// The value of `bytes[range]`, whose text is already known to be a well-formed number.
  static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Reading {
    var i = range.lowerBound
    let end = range.upperBound
    var negative = false
    if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var seenPoint = false
    while i < end {
      let byte = bytes[i]
      if byte == UInt8(ascii: ".") {
        seenPoint = true
      } else if isDigit(byte) {
        if mantissa == 0 && byte == UInt8(ascii: "0") {
          if seenPoint { exponent -= 1 }
        } else {
          significant += 1
          if significant <= 19 {
            mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
            if seenPoint { exponent -= 1 }
          } else if !seenPoint {
            exponent += 1
          }
        }
      } else {
        break
      }
      i += 1
    }
    if i < end { exponent += writtenExponent(bytes, i + 1..<end) }
    if significant <= 19, mantissa < 1 << 53, abs(exponent) <= 22 {
      let base = Double(mantissa)
      let result = exponent < 0 ? base / powersOfTen[-exponent] : base * powersOfTen[exponent]
      return .value(negative ? -result : result)
    }
    if mantissa == 0 { return .value(negative ? -0.0 : 0) }
    let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    guard let result = Double(text) else { return .invalid }
    return result.isFinite ? .value(result) : .overflow
  }

  /// The exponent written after the `e` of a well-formed number, in `bytes[range]`: its sign
  /// and digits, held at 10⁸ and beyond (which overflows or underflows any mantissa).
  @inline(__always)
  static func writtenExponent(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
    var i = range.lowerBound
    var negative = false
    if bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    var written = 0
    while i < range.upperBound {
      if written < 100_000_000 { written = written * 10 + Int(bytes[i] &- UInt8(ascii: "0")) }
      i += 1
    }
    return negative ? -written : written
  }

  /// Whether `bytes[range]` spells NaN or an infinity, in any case, with an optional sign.
  static func isNonFiniteWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var start = range.lowerBound
    if start < range.upperBound,
      bytes[start] == UInt8(ascii: "+") || bytes[start] == UInt8(ascii: "-")
    {
      start += 1
    }
    guard range.upperBound - start <= 8 else { return false }
    let word = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[start..<range.upperBound]), as: UTF8.self
    ).lowercased()
    return ["nan", "inf", "infinity"].contains(word)
  }

  /// Whether `byte` is an ASCII digit.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
  }

  /// 10⁰ … 10²², each exactly representable.
  private static let powersOfTen: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  ]
}
