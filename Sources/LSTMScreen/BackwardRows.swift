import Foundation
import LSTMCore

/// Gradients as the backward views write them, and their formula rows.
extension NumberStyle {
  /// A gradient: with the usual fixed decimals, or, below `10^-(precision − 1)` where fixed
  /// decimals would hide it, in scientific notation (`-3.2187e-07`), so that a vanishing gradient
  /// still shows its size. ASCII, ready for a calculator or a spreadsheet.
  func gradient(_ value: Double, signed: Bool = false) -> String {
    let threshold = pow(10, -Double(max(precision - 1, 0)))
    guard value != 0, value.isFinite, abs(value) < threshold else {
      return signed ? self.signed(value) : plain(value)
    }
    let body = String(format: "%.\(max(precision, 1))e", abs(value))
    return value < 0 ? "-" + body : signed ? " " + body : body
  }

  /// A gradient as a span, coloured by its sign.
  func gradientSpan(_ value: Double, signed: Bool = false, bold: Bool = false) -> Span {
    let role: StyleRole = value < 0 ? .negative : value > 0 ? .positive : .plain
    return Span(gradient(value, signed: signed), Style(role, bold: bold))
  }

  /// `a × b × …` of gradients and forward values, each coloured by its sign.
  func product(_ factors: [Double]) -> Line {
    var line = Line()
    for (index, factor) in factors.enumerated() {
      if index > 0 { line += Span(" × ") }
      line += gradientSpan(factor)
    }
    return line
  }
}

/// `₂`, `₁₀`: a step number as a subscript, for labels such as `∂J/∂LTM₂`.
func subscripted(_ number: Int) -> String {
  let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
  return String(String(max(number, 0)).compactMap { $0.wholeNumberValue.map { digits[$0] } })
}

/// One formula of a backward view: `  ∂J/∂o = ∂J/∂STM × tanh(LTM) = 0.4567 × -0.1995 = -0.0911`.
struct FormulaRow {
  /// What is computed: `∂J/∂o`.
  var label: Line
  /// What it is made of, in words and symbols: `∂J/∂STM₂ × tanh(LTM₂)`; left out when tight.
  var meaning: String
  /// The numbers: `0.4567 × -0.1995`, or empty.
  var expression: Line
  /// The result, or nil when the expression is the whole answer (a list of values).
  var value: Double?
  /// The ghost's result beside it, when it differs (`(was -0.6044)`), shown where it fits.
  var note: Span?

  /// The row without its value: label, meaning (unless `tight`), expression.
  func text(tight: Bool) -> Line {
    var line = Line([Span(CellText.indent)]) + label
    if !meaning.isEmpty, !tight || expression.spans.isEmpty {
      line += Span(" = ")
      line += Span(meaning, .dim)
    }
    if !expression.spans.isEmpty {
      line += Span(" = ")
      line += expression
    }
    return line
  }
}

/// Formula rows laid out in `width` columns, each as one line or more: the values in one column
/// where they fit (with room after them for the ghost's values, `(was 0.4567)`, when a row has
/// one), a row's meaning left out where it does not, and a row still too long broken before its
/// operators.
func layOut(_ rows: [FormulaRow], width: Int, numbers: NumberStyle) -> [[Line]] {
  let valueWidth =
    rows.compactMap(\.value).map { numbers.gradient($0, signed: true).count }.max() ?? 0
  let fullest = rows.filter { $0.value != nil }.map { $0.text(tight: false).width }.max() ?? 0
  // Room for the ghost's values after the values, when there are any (rows then go tight).
  let noteWidth = rows.compactMap { $0.note?.text.count }.max() ?? 0
  let column = min(fullest, width - 3 - valueWidth - noteWidth)
  return rows.map { row -> [Line] in
    var text = row.text(tight: false)
    if text.width > (row.value == nil ? width : column) { text = row.text(tight: true) }
    guard let value = row.value else {
      return text.wrapped(to: width, indent: CellText.indent + "    ")
    }
    var line =
      text.padded(to: column) + Span(" = ") + numbers.gradientSpan(value, signed: true, bold: true)
    if let note = row.note, line.width + note.text.count <= width { line += note }
    return line.wrapped(to: width, indent: CellText.indent + "    ")
  }
}

extension NumberStyle {
  /// Numbers at `precision`, with the scalar twin's weights shown to as few decimals as show
  /// every one exactly (at least two), as the LSTM's are: StatQuest's twin reads 1.89.
  init(precision: Int, twin: RNNModel?) {
    self.init(precision: precision)
    guard let twin, twin.isScalar else { return }
    let weights = [
      twin.weights.stmWeights[0, 0], twin.weights.inputWeights[0, 0], twin.weights.bias[0],
    ]
    weightDecimals =
      (min(2, precision)...max(precision, min(2, precision))).first { decimals in
        weights.allSatisfy { weight in
          NumberFormatting.fixed(weight, precision: decimals)
            + String(
              repeating: "0", count: max(precision - decimals, 0))
            == NumberFormatting.fixed(weight, precision: precision)
        }
      } ?? precision
  }
}
