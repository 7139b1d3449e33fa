import Foundation
import Testing

@testable import LSTMScreen

/// Every tick label is the value of its row, and every value falls in the row that holds it.
@Suite struct PlotAxisTests {
  /// Ranges a plot meets: one value, tiny, huge, all negative, across 0, far from 0.
  static let ranges: [(Double, Double)] = [
    (0, 1), (-0.3246, 0.0153), (0.0153, 0.0153), (-1e-7, 3e-7), (120, 180), (-5e6, -4e6),
    (-0.99, 0.99), (0, 0), (0.87, 0.99), (-2.5, 0),
  ]

  @Test(arguments: [2, 3, 5, 8, 13, 30])
  func labelsAreTheValuesOfTheirRowsAndHoldTheData(rows: Int) {
    for (low, high) in PlotAxisTests.ranges {
      let axis = PlotAxis(low: low, high: high, rows: rows)
      #expect(axis.rows == rows)
      // The data is inside the axis: within half a step of the top and bottom rows' values.
      #expect(axis.value(ofRow: 0) + axis.step / 2 >= high - 1e-12 * max(abs(high), 1))
      #expect(axis.value(ofRow: rows - 1) - axis.step / 2 <= low + 1e-12 * max(abs(low), 1))
      let labels = axis.labels(precision: 4)
      #expect(!labels.isEmpty, "\(low)...\(high) in \(rows) rows")
      for (row, text) in labels {
        let value = axis.value(ofRow: row)
        #expect(
          abs((Double(text) ?? .nan) - value) <= 1e-9 * max(abs(value), 1),
          "row \(row) labelled \(text) is \(value)")
      }
      // Each value falls in the row whose value is nearest it.
      for k in 0...20 {
        let value = low + (high - low) * Double(k) / 20
        let row = axis.row(of: value)
        #expect(abs(axis.value(ofRow: row) - value) <= axis.step / 2 * (1 + 1e-9))
      }
    }
  }

  @Test func zeroIsARowOfItsOwnAndPositivesNeverFallBelowIt() throws {
    for (low, high) in PlotAxisTests.ranges where low <= 0 && high >= 0 {
      let axis = PlotAxis(low: low, high: high, rows: 5)
      let zero = try #require(axis.zeroRow, "\(low)...\(high)")
      #expect(axis.value(ofRow: zero) == 0)
      #expect(axis.labels(precision: 4).contains { $0.row == zero })
      for value in [high, high / 2, 1e-9, 1e-300] where value > 0 {
        #expect(axis.row(of: value) <= zero)
        #expect(axis.dotRow(of: value) <= zero * 4 + 1, "\(value) in the lower half of 0's row")
      }
      for value in [low, low / 2, -1e-9] where value < 0 {
        #expect(axis.row(of: value) >= zero)
        #expect(axis.dotRow(of: value) >= zero * 4 + 2, "\(value) in the upper half of 0's row")
      }
      #expect(axis.dotRow(of: 0) == zero * 4 + 1)
    }
  }

  @Test func theStepIsRound() {
    for (low, high) in PlotAxisTests.ranges {
      let step = PlotAxis(low: low, high: high, rows: 7).step
      let mantissa = step / pow(10, log10(step).rounded(.down))
      #expect(
        [1, 2, 2.5, 4, 5].contains { abs($0 - mantissa) < 1e-9 }, "\(step) for \(low)...\(high)")
    }
  }
}
