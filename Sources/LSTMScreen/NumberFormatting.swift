import Foundation

/// Numbers as lstmviz shows them: fixed precision, ASCII digits and `-`, ready to copy into a
/// calculator or a spreadsheet.
public enum NumberFormatting {
  /// `value` with exactly `precision` decimals (0...12): `-0.2012`, `0.5000`.
  ///
  /// From 10¹⁵ on, where fixed notation would run to hundreds of digits (weights near the
  /// largest Double make such x), the value is written in scientific notation with `precision`
  /// decimals: `-2.0501e+307`.
  ///
  /// With `signed`, non-negative values get a leading space so that columns of numbers line up
  /// on their decimal points: ` 0.5000` above `-0.2012`. A value that rounds to zero is shown
  /// without a minus sign. Infinities and NaN, which a validated lesson never holds, print as
  /// `inf`, `-inf` and `nan`.
  public static func fixed(_ value: Double, precision: Int = 4, signed: Bool = false) -> String {
    let precision = min(max(precision, 0), 12)
    guard value.isFinite else {
      return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
    }
    guard abs(value) < 1e15 else {
      let body = String(format: "%.\(precision)e", abs(value))
      return value < 0 ? "-" + body : signed ? " " + body : body
    }
    let scale = powersOfTen[precision]
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    let negative = value < 0 && scaled != 0
    guard scaled < 9e15 else {
      let body = String(format: "%.\(precision)f", abs(value))
      return negative ? "-" + body : signed ? " " + body : body
    }
    // Digits are written from the back of a small stack buffer: no allocation for the text of
    // an ordinary number, which fits a small string.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 40) { buffer in
      var magnitude = UInt64(scaled)
      var start = buffer.count
      var written = 0
      repeat {
        if written == precision && precision > 0 {
          start -= 1
          buffer[start] = UInt8(ascii: ".")
        }
        start -= 1
        buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
        magnitude /= 10
        written += 1
      } while magnitude > 0 || written <= precision
      if negative || signed {
        start -= 1
        buffer[start] = negative ? UInt8(ascii: "-") : UInt8(ascii: " ")
      }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
    }
  }

  /// 10⁰ … 10¹², exact.
  private static let powersOfTen: [Double] = [
    1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
  ]

  /// The shortest text that reads back as exactly `value` (for CSV and JSON at full precision).
  public static func exact(_ value: Double) -> String {
    value.description
  }
}
