import Foundation
import LSTMViewModel
import Testing

/// The README shows real output: each example below must be what the program prints today, and
/// its key tables are the program's.
@Suite struct ReadmeTests {
  /// The text of the first code block after the line that ends with `caption`.
  private func codeBlock(after caption: String) throws -> String {
    let readme = try String(
      contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let captionIndex = try #require(lines.firstIndex { $0.hasSuffix(caption) })
    let open = try #require(lines[captionIndex...].firstIndex { $0.hasPrefix("```") })
    let close = try #require(lines[(open + 1)...].firstIndex { $0.hasPrefix("```") })
    return lines[(open + 1)..<close].map { $0 + "\n" }.joined()
  }

  @Test func theFrameShownIsWhatRenderPrints() throws {
    let shown = try codeBlock(after: "`lstmviz render --keys right --size 80x24`:")
    let rendered = try Support.run(["render", "--keys", "right", "--size", "80x24"])
    #expect(rendered.status == 0)
    #expect(shown == rendered.stdout)
  }

  /// The README's lines.
  private func readmeLines() throws -> [String] {
    try String(contentsOf: Support.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
      .components(separatedBy: "\n")
  }

  /// The spans of `text` between backticks: `` `→` `l` `` gives `→`, `l`.
  private func backticked(_ text: some StringProtocol) -> [String] {
    text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
  }

  /// The README's key table under `header`: each row's groups of keys (the key column split at
  /// ` / `), and the keys its words name.
  private func keyTable(_ header: String = "| keys | what they do |") throws -> [(
    groups: [[String]], named: [String]
  )] {
    let lines = try readmeLines()
    let header = try #require(lines.firstIndex(of: header))
    return lines[(header + 2)...].prefix { $0.hasPrefix("|") }.map { row in
      let columns = row.split(separator: "|", omittingEmptySubsequences: false)
      let keys = columns.count > 1 ? columns[1] : ""
      let words = columns.count > 2 ? columns[2] : ""
      return (keys.components(separatedBy: " / ").map(backticked), backticked(words))
    }
  }

  @Test func theKeyTableListsEveryKeyTheLessonBindsAndNoOther() throws {
    try expectTable(try keyTable(), lists: KeyMap.bindings)
  }

  @Test func theEditModeTableListsEveryKeyOfEditModeAndNoOther() throws {
    try expectTable(
      try keyTable("| keys in edit mode | what they do |"), lists: KeyMap.editBindings)
  }

  /// `command`, the same for each of the ten digits, which each type their own.
  private func sameForEveryDigit<Command>(_ command: Command) -> Command {
    if let action = command as? Action, case .typeStepDigit = action,
      let zero = Action.typeStepDigit(0) as? Command
    {
      return zero
    }
    return command
  }

  /// Checks that `table` lists every key of `bindings` listed everywhere, each group of keys
  /// doing one thing, and names in its words only keys that `bindings` binds.
  private func expectTable<Command: Equatable>(
    _ table: [(groups: [[String]], named: [String])], lists bindings: [KeyBinding<Command>]
  ) throws {
    #expect(table.count > 5)
    let bound = bindings.flatMap(\.keys)
    let byLabel = Dictionary(bound.map { ($0.key.label, $0) }) { first, _ in first }
    let listed = Set(bound.filter { $0.listing == .everywhere }.map(\.key.label))
    let inWords = Set(bound.filter { $0.listing == .helpBoxOnly }.map(\.key.label))
    var seen: Set<String> = []
    var seenInWords: Set<String> = []
    for (groups, named) in table {
      for group in groups {
        for label in group {
          #expect(listed.contains(label), "README lists `\(label)`, which the table does not")
          seen.insert(label)
        }
        // The keys of one group do one thing (the ten digits each type theirs).
        let commands = group.compactMap { byLabel[$0]?.command }.map(sameForEveryDigit)
        #expect(commands.allSatisfy { $0 == commands.first }, "\(group) do different things")
      }
      for label in named {
        #expect(byLabel[label] != nil, "README names `\(label)`, which the table does not bind")
        seenInWords.insert(label)
      }
    }
    #expect(seen == listed, "README's key column lacks \(listed.subtracting(seen).sorted())")
    #expect(
      inWords.isSubset(of: seenInWords.union(seen)),
      "README does not name \(inWords.subtracting(seenInWords.union(seen)).sorted())")
  }

  @Test func theKeyNamesOfRenderAreTheOnesKeyMapLists() throws {
    let lines = try readmeLines()
    let start = try #require(lines.firstIndex { $0.hasPrefix("- `--keys`:") })
    let bullet = [lines[start]] + lines[(start + 1)...].prefix { $0.hasPrefix("  ") }
    let names = backticked(bullet.joined(separator: " ")).dropFirst()
      .flatMap { $0.split(separator: " ").map(String.init) }
    #expect(names == KeyMap.keyNames)
  }
}
