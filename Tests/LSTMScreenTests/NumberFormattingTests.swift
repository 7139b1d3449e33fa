import Foundation
import Testing

@testable import LSTMCore
@testable import LSTMFiles
@testable import LSTMScreen

@Suite struct NumberFormattingTests {
  @Test func fixedPrecisionMatchesPrintf() {
    let values: [Double] = [0, 1, -1, 0.5, -0.2012, 2.0900606339364227, -0.030135, 123.45678, 1e-7]
    for value in values {
      for precision in [0, 2, 4, 6] {
        var printf = String(format: "%.\(precision)f", value)
        if printf.allSatisfy({ "-0.".contains($0) }) { printf.removeAll { $0 == "-" } }
        #expect(NumberFormatting.fixed(value, precision: precision) == printf)
      }
    }
  }

  @Test func signsLineUp() {
    #expect(NumberFormatting.fixed(0.5, signed: true) == " 0.5000")
    #expect(NumberFormatting.fixed(-0.2012, signed: true) == "-0.2012")
    #expect(NumberFormatting.fixed(-0.00001, signed: true) == " 0.0000")
    #expect(NumberFormatting.fixed(-0.0, signed: false) == "0.0000")
  }

  /// Weights near the largest Double make x of 300 digits: from 10¹⁵ they are written as a
  /// student would read them, in scientific notation, and a table row stays a row.
  @Test func hugeValuesAreScientificAndNonFiniteOnesDoNotTrap() {
    #expect(NumberFormatting.fixed(-2.0501177e307) == "-2.0501e+307")
    #expect(NumberFormatting.fixed(1e300, precision: 2) == "1.00e+300")
    #expect(NumberFormatting.fixed(1e15, signed: true) == " 1.0000e+15")
    #expect(NumberFormatting.fixed(999_999_999_999_999, precision: 0) == "999999999999999")
    #expect(NumberFormatting.fixed(123_456.5, precision: 12) == "123456.500000000000")
    #expect(NumberFormatting.fixed(.infinity) == "inf")
    #expect(NumberFormatting.fixed(-.infinity) == "-inf")
    #expect(NumberFormatting.fixed(.nan) == "nan")
  }

  @Test func exactRoundTrips() {
    for value in [0.1, -0.1277553207642879, 1e-300, 2.0900606339364227] {
      #expect(Double(NumberFormatting.exact(value)) == value)
    }
  }
}

@Suite struct TextWrappingTests {
  @Test func wrapsAtSpacesWithinTheWidth() {
    #expect(
      "the cell should predict day five".wrapped(width: 12) == [
        "the cell", "should", "predict day", "five",
      ])
    #expect("one\ntwo three".wrapped(width: 80) == ["one", "two three"])
    #expect("unbreakable-word".wrapped(width: 4) == ["unbr", "eaka", "ble-", "word"])
    // Chinese has no spaces, and each character takes two columns.
    #expect("长短期记忆网络".wrapped(width: 6) == ["长短期", "记忆网", "络"])
    #expect("".wrapped(width: 10).isEmpty)
  }
}
