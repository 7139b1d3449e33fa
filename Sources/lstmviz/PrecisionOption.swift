import ArgumentParser

/// `--precision N`: the decimals shown for every number, shared by `trace`, `render` and the
/// interactive program so that all three accept and refuse the same values, with one message.
struct PrecisionOption: ParsableArguments {
  /// The decimals `--precision` accepts.
  static let range = 0...12

  // Read as text and checked in `validate()`, so that `-1`, `13` and `abc` get the same
  // message; `.unconditional` reads `--precision -1` as the value -1 rather than as a missing
  // value followed by an option `-1`.
  @Option(
    name: .customLong("precision"), parsing: .unconditional,
    help: ArgumentHelp("Decimals shown for every number (0 to 12).", valueName: "N"))
  var text = "4"

  /// The decimals asked for; valid once parsing has succeeded (`validate()` has checked them).
  var decimals: Int { Self.decimals(in: text) ?? 0 }

  /// `text` as a number of decimals in `range`, or nil.
  static func decimals(in text: String) -> Int? {
    guard let value = Int(text), range.contains(value) else { return nil }
    return value
  }

  func validate() throws {
    guard Self.decimals(in: text) != nil else {
      throw ValidationError(
        "--precision: expected \(Self.range.lowerBound) to \(Self.range.upperBound) decimals, got '\(text)'"
      )
    }
  }
}
