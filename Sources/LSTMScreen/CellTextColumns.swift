import LSTMCore
import LSTMViewModel

/// Where the formulas' columns fall: labelled, plain or tight terms, with or without the ghost's
/// numbers beside them, whichever fits the width.
extension CellText {
  /// Where the columns of the formula lines fall.
  struct Columns: Equatable {
    /// Whether vector terms carry their labels (`STM·U (…)`).
    var labelled: Bool
    /// Whether the lines are squeezed to fit many decimals: activations labelled with their
    /// symbol only, results without their meaning.
    var tight: Bool
    /// The column of the ` = ` before each gate's x.
    var xEquals: Int
    /// The column of each gate's activation label.
    var activation: Int
    /// The column of the ` = ` before each value.
    var valueEquals: Int
    /// Whether each gate's activation stands on its heading rather than after its x, so that
    /// lines of long numbers fit: `1 Forget gate   f = σ(x) = 0.89493029  % of LTM to remember`.
    var compact = false
    /// Whether each gate's x line is broken before its operators to fit `width` (compact
    /// only): for weights with many decimals.
    var wrapsX = false
    /// Whether the ghost's numbers stand beside the values that differ (`(was 0.6434)`).
    var annotated = false
    /// Whether they stand beside each gate's x too.
    var annotatesX = false
    /// The columns the widest line takes.
    var width: Int
  }

  /// The columns that line up every formula: labelled terms if they fit in `width`, else plain
  /// ones, else (with many decimals) tight lines.
  func columns(fitting width: Int) -> Columns {
    if hasNotes {
      // With the ghost's numbers beside the ones that differ, if there is room for them: beside
      // x and the values, or beside the values only.
      for besideX in [true, false] {
        if !model.isScalar {
          let labelled = columns(labelled: true, tight: false, annotated: true, besideX: besideX)
          if labelled.width <= width { return labelled }
        }
        let plain = columns(labelled: false, tight: false, annotated: true, besideX: besideX)
        if plain.width <= width { return plain }
      }
    }
    if !model.isScalar {
      let labelled = columns(labelled: true, tight: false)
      if labelled.width <= width { return labelled }
    }
    let plain = columns(labelled: false, tight: false)
    if plain.width <= width { return plain }
    let tight = columns(labelled: false, tight: true)
    if tight.width <= width { return tight }
    let compact = compactColumns(wrapsX: false)
    guard compact.width > width else { return compact }
    var wrapping = compactColumns(wrapsX: true)
    wrapping.width = max(wrapping.width, width)
    return wrapping
  }

  /// The columns when each gate's activation stands on its heading: x lines and memory lines
  /// each aligned among themselves; with `wrapsX`, each x under its terms.
  private func compactColumns(wrapsX: Bool) -> Columns {
    let numberWidth =
      Gate.allCases.map { numbers.signed(step.gates[$0].x[unit]).count }.max() ?? 0
    let termsWidth = Gate.allCases.map { terms($0, labelled: false).width }.max() ?? 0
    let xEquals = CellText.indent.count + 4 + termsWidth
    let results = Stage.allCases.flatMap { self.results(of: $0) }
    let valueEquals = results.map { memoryText($0, tight: true).width }.max() ?? 0
    let resultWidth = results.map { numbers.signed($0.value).count }.max() ?? 0
    let headings = Stage.allCases.flatMap { stage in
      stage.gates.map { 16 + gateLabel($0, compact: true).width }
    }
    let xWidth = wrapsX ? 0 : xEquals + 3 + numberWidth
    let width = max(xWidth, valueEquals + 3 + resultWidth, headings.max() ?? 0)
    return Columns(
      labelled: false, tight: true, xEquals: xEquals, activation: xEquals,
      valueEquals: valueEquals, compact: true, wrapsX: wrapsX, width: width)
  }

  private func columns(
    labelled: Bool, tight: Bool, annotated: Bool = false, besideX: Bool = false
  ) -> Columns {
    let numberWidth =
      Gate.allCases.flatMap { gate in
        [numbers.signed(step.gates[gate].x[unit]), valueText(gate)]
      }.map(\.count).max() ?? 0
    let termsWidth = Gate.allCases.map { terms($0, labelled: labelled).width }.max() ?? 0
    let xEquals = CellText.indent.count + 4 + termsWidth
    let results = Stage.allCases.flatMap { self.results(of: $0) }
    // The ghost's numbers take room after x and after each value.
    let xNotes =
      annotated && besideX ? Gate.allCases.compactMap { xNote($0)?.text.count }.max() ?? 0 : 0
    let valueNotes =
      annotated
      ? (Gate.allCases.compactMap { valueNote($0)?.text.count }
        + results.compactMap { note($0)?.text.count }).max() ?? 0 : 0
    let activation = xEquals + 3 + numberWidth + xNotes + (tight ? 2 : 4)
    let memoryWidth = results.map { memoryText($0, tight: tight).width }.max() ?? 0
    let valueEquals = max(activation + (tight ? 1 : 11), memoryWidth)
    let resultWidth = results.map { numbers.signed($0.value).count }.max() ?? 0
    return Columns(
      labelled: labelled, tight: tight, xEquals: xEquals, activation: activation,
      valueEquals: valueEquals, annotated: annotated, annotatesX: annotated && besideX,
      width: valueEquals + 3 + max(numberWidth, resultWidth) + valueNotes)
  }
}
