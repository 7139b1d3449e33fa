import Foundation

/// A plot's vertical axis: `rows` rows, each standing for the value at its centre, a round step
/// apart, so that every tick label is the value of its row and 0, when inside, is a row of its
/// own.
///
/// Row r (0 at the top) holds the values within half a step of `value(ofRow: r)`; a value is
/// drawn in the row that holds it, and with braille in one of the row's four dot rows, the upper
/// two for values above the row's value and the lower two for those below. So a positive value
/// is never drawn below the row of 0, nor a negative one above it.
struct PlotAxis: Equatable {
  /// The number of rows.
  let rows: Int
  /// The value between one row and the next: 1, 2, 2.5, 4 or 5 times a power of ten.
  let step: Double
  /// The value of the top row, as a multiple of `step`: the top row is `topIndex × step`.
  let topIndex: Int

  /// The multiples of a power of ten a step may be, smallest first.
  private static let multipliers: [Double] = [1, 2, 2.5, 4, 5]

  /// The axis of `rows` rows with the smallest round step that holds `low...high`, the spare rows
  /// shared above and below. A range of one value is widened to a step either side of it.
  init(low: Double, high: Double, rows: Int) {
    self.rows = max(rows, 1)
    var (low, high) = (min(low, high), max(low, high))
    if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
    if high - low < 1e-12 * max(abs(low), 1) {
      let half = max(abs(low), 1) / 2
      (low, high) = (low - half, high + half)
    }
    let needed = { (step: Double) -> (top: Int, bottom: Int) in
      (Int((high / step - 0.5).rounded(.up)), Int((low / step + 0.5).rounded(.down)))
    }
    let span = (high - low) / Double(self.rows)
    var exponent = Int(log10(span).rounded(.down)) - 1
    var chosen: (step: Double, top: Int, bottom: Int)?
    while chosen == nil, exponent < 400 {
      for multiplier in PlotAxis.multipliers {
        let step = multiplier * pow(10, Double(exponent))
        let (top, bottom) = needed(step)
        if top - bottom + 1 <= self.rows {
          chosen = (step, top, bottom)
          break
        }
      }
      exponent += 1
    }
    let found = chosen ?? (1, 0, 0)
    step = found.step
    // The spare rows, half above and half below (the odd one above).
    let spare = self.rows - (found.top - found.bottom + 1)
    topIndex = found.top + (spare + 1) / 2
  }

  /// The value of row `row`: the value at its centre.
  func value(ofRow row: Int) -> Double { Double(topIndex - row) * step }

  /// Where `value` falls, in rows from the top edge: 0 at the top of row 0, `rows` at the bottom
  /// of the last row, clamped to the axis.
  func position(of value: Double) -> Double {
    let position = (Double(topIndex) + 0.5 - value / step)
    return min(max(position, 0), Double(rows) - 1e-9)
  }

  /// The row holding `value`.
  func row(of value: Double) -> Int { Int(position(of: value)) }

  /// The dot row (0...4·rows-1) holding `value`, four a row. A value on the edge between two
  /// dot rows takes the upper one, so that 0 is drawn just above the line of 0 and a negative
  /// value just below it.
  func dotRow(of value: Double) -> Int {
    min(max(Int((position(of: value) * 4).rounded(.up)) - 1, 0), rows * 4 - 1)
  }

  /// The row of 0, if 0 is within the axis.
  var zeroRow: Int? {
    let row = topIndex
    return (0..<rows).contains(row) ? row : nil
  }

  /// The rows that carry a label and their labels: every k-th row counted from 0, k as small as
  /// keeps at most `maximum` labels, each written with as few decimals (at most `precision`) as
  /// write every label exactly.
  func labels(precision: Int, maximum: Int = 6) -> [(row: Int, text: String)] {
    let everies = [1, 2, 4, 5, 10, 20, 25, 50, 100]
    for every in everies {
      let labelled = (0..<rows).filter { (topIndex - $0) % every == 0 }
      guard labelled.count <= max(maximum, 1) || every == everies.last else { continue }
      let values = labelled.map { value(ofRow: $0) }
      guard let decimals = PlotAxis.decimals(writing: values, upTo: precision) else { continue }
      return zip(labelled, values).map { row, value in
        (row, NumberFormatting.fixed(value, precision: decimals))
      }
    }
    return []
  }

  /// The fewest decimals, at most `precision`, that write each of `values` exactly; nil if even
  /// `precision` decimals round one of them.
  static func decimals(writing values: [Double], upTo precision: Int) -> Int? {
    (0...max(precision, 0)).first { decimals in
      values.allSatisfy { value in
        let text = NumberFormatting.fixed(value, precision: decimals)
        guard let read = Double(text) else { return false }
        return abs(read - value) <= 1e-9 * max(abs(value), 1e-300)
          || (value == 0 && read == 0)
      }
    }
  }
}
