import Foundation

/// Numbers as lstmviz shows them: fixed precision, ASCII digits and `-`, ready to copy into a
/// calculator or a spreadsheet.
public enum NumberFormatting {
  /// `value` with exactly `precision` decimals (0...12): `-0.2012`, `0.5000`.
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
    var scale: Double = 1
    for _ in 0..<precision { scale *= 10 }
    let scaled = (abs(value) * scale).rounded(.toNearestOrEven)
    let body: String
    if scaled < 9e15 {
      body = digits(UInt64(scaled), precision: precision)
    } else {
      body = String(format: "%.\(precision)f", abs(value))
    }
    let negative = value < 0 && scaled != 0
    if negative { return "-" + body }
    return signed ? " " + body : body
  }

  /// The shortest text that reads back as exactly `value` (for CSV and JSON at full precision).
  public static func exact(_ value: Double) -> String {
    value.description
  }

  /// `magnitude / 10^precision` written out with exactly `precision` decimals.
  private static func digits(_ magnitude: UInt64, precision: Int) -> String {
    var text = String(magnitude)
    if precision == 0 { return text }
    if text.count <= precision {
      text = String(repeating: "0", count: precision - text.count + 1) + text
    }
    text.insert(".", at: text.index(text.endIndex, offsetBy: -precision))
    return text
  }
}
