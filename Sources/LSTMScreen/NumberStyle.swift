import LSTMCore

/// Numbers as the screen shows them, at the state's precision.
struct NumberStyle: Sendable {
  /// Decimals shown.
  var precision: Int
  /// Decimals shown for weights: as few as show every weight of the model exactly (at least
  /// two, at most `precision`), so that StatQuest's 2.70 reads as in the video.
  var weightDecimals: Int

  /// Numbers at `precision`, weights too.
  init(precision: Int) {
    self.precision = precision
    weightDecimals = precision
  }

  /// Numbers at `precision`, with the weights of `model` shown to as few decimals as they need.
  ///
  /// Only the scalar cell shows its weights on the screen; a vector cell's are looked at only
  /// with `everyModel` (a handout lists them), so that a frame of a large model costs no more
  /// than its step.
  init(precision: Int, model: LSTMModel, everyModel: Bool = false) {
    self.precision = precision
    guard model.isScalar || everyModel else {
      weightDecimals = precision
      return
    }
    let weights = Gate.allCases.flatMap { gate in
      let gate = model.gates[gate]
      return gate.stmWeights.storage + gate.inputWeights.storage + gate.bias
    }
    let full = weights.map { NumberFormatting.fixed($0, precision: precision) }
    weightDecimals =
      (min(2, precision)...precision).first { decimals in
        zip(weights, full).allSatisfy { weight, text in
          let shorter = NumberFormatting.fixed(weight, precision: decimals)
          return shorter + String(repeating: "0", count: precision - decimals) == text
            || (decimals == 0 && shorter + "." + String(repeating: "0", count: precision) == text)
        }
      } ?? precision
  }

  /// `value` with fixed decimals, a minus sign only when negative: `-0.2012`, `0.5000`.
  func plain(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: precision)
  }

  /// `value` with a space where a minus sign would be, so columns line up: ` 0.5000`.
  func signed(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: precision, signed: true)
  }

  /// A weight, to `weightDecimals` decimals: `2.70`.
  func weight(_ value: Double) -> String {
    NumberFormatting.fixed(value, precision: weightDecimals)
  }

  /// The style of a number: positive, negative, or plain for zero.
  func role(_ value: Double) -> StyleRole {
    let shown = plain(value)
    if shown.hasPrefix("-") { return .negative }
    return shown.contains(where: { $0 != "0" && $0 != "." }) ? .positive : .plain
  }

  /// `value` as a span coloured by its sign, signed (aligned) or not.
  func span(_ value: Double, signed: Bool = false, bold: Bool = false) -> Span {
    Span(signed ? self.signed(value) : plain(value), Style(role(value), bold: bold))
  }

  /// A weight as a span coloured by its sign.
  func weightSpan(_ value: Double) -> Span {
    Span(weight(value), Style(role(value)))
  }

  /// `value` as a percentage with the same digits as `plain` shows, the point moved two places:
  /// 0.8348 is `83.48 %`, 1.0000 is `100.00 %` (and with `signed`, a space before it, as
  /// `signed` aligns numbers).
  func percent(_ value: Double, signed: Bool = false) -> String {
    let text = plain(value)
    let negative = text.hasPrefix("-")
    let digits = negative ? text.dropFirst() : Substring(text)
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    let decimals = parts.count > 1 ? String(parts[1]) : ""
    let moved = decimals.padding(toLength: max(decimals.count, 2), withPad: "0", startingAt: 0)
    var whole = String(parts[0]) + moved.prefix(2)
    while whole.count > 1, whole.hasPrefix("0") { whole.removeFirst() }
    let rest = moved.dropFirst(2)
    let number = whole + (rest.isEmpty ? "" : "." + rest) + " %"
    return (negative ? "-" : signed ? " " : "") + number
  }
}
