import Testing

@testable import LSTMViewModel

/// `KeyMap.bindings` is the one table of the lesson's keys: the lookups and the texts follow it.
@Suite struct KeyBindingTests {
  private let bound = KeyMap.bindings.flatMap(\.keys)

  @Test func noKeyIsBoundTwice() {
    let keys = bound.map(\.key)
    #expect(Set(keys).count == keys.count)
  }

  @Test func everyKeyDoesWhatItsRowSays() {
    for key in bound {
      #expect(KeyMap.action(for: key.key) == key.command, "\(key.key)")
    }
  }

  @Test func keysOutsideTheTableDoNothing() {
    for key in [Key.character("x"), .character("L"), .character("漢"), .character("z")] {
      #expect(KeyMap.action(for: key) == nil, "\(key)")
    }
  }

  @Test func noKeyIsBoundTwiceInEditMode() {
    let keys = KeyMap.editBindings.flatMap(\.keys).map(\.key)
    #expect(Set(keys).count == keys.count)
  }

  @Test func renderNamesEveryListedKeyOfBothTablesAndOnlyThose() {
    let listed =
      (bound + []).filter { $0.listing != .nowhere }.map { KeyMap.name(of: $0.key) }
      + KeyMap.editBindings.flatMap(\.keys).filter { $0.listing != .nowhere }.map {
        KeyMap.name(of: $0.key)
      } + ["enter", "backspace"]
    #expect(Set(KeyMap.keyNames) == Set(listed))
    #expect(KeyMap.keyNames.count == Set(listed).count)
  }

  @Test func everyRowTellsItsKeysInTheHelpBox() {
    for binding in KeyMap.bindings {
      #expect(!binding.help.isEmpty)
      let shown = binding.keys.filter { $0.listing != .nowhere }.map(\.key.label)
      if let label = binding.label {
        // A row too long to list key by key names its first and last keys.
        #expect(binding.helpKeys == label)
        #expect(label.hasPrefix(shown.first ?? "?") && label.hasSuffix(shown.last ?? "?"))
      } else {
        #expect(binding.helpKeys.components(separatedBy: "  ") == shown)
      }
    }
  }

  @Test func theDigitsAndEnterJumpToAStep() {
    for digit in 0...9 {
      #expect(KeyMap.action(for: .character(Character("\(digit)"))) == .typeStepDigit(digit))
    }
    #expect(KeyMap.action(for: .enter) == .jumpToTypedStep)
    #expect(KeyMap.action(for: .character("%")) == .togglePercentages)
    #expect(KeyMap.bindings.summary().contains("0–9 Enter jump to step N"))
  }

  @Test func theHelpParagraphNamesEveryListedKey() {
    let summary = KeyMap.bindings.summary()
    #expect(summary.hasPrefix("Keys: →/l next step, ←/h previous, "))
    #expect(summary.hasSuffix(", q quit."))
    for binding in KeyMap.bindings where binding.summary != nil {
      for key in binding.keys where key.listing != .nowhere {
        #expect(summary.contains(binding.label ?? key.key.label), "\(key.key.label)")
      }
    }
  }

  @Test func rowsWithTheSameWordsAreOnePhrase() {
    let rows = [
      KeyBinding(
        [BoundKey(Key.up, 1), BoundKey(.character("k"), 1)], help: "up", summary: "up/down"),
      KeyBinding([BoundKey(Key.down, 2)], help: "down", summary: "up/down"),
      KeyBinding([BoundKey(Key.character("x"), 3)], help: "hidden", summary: nil),
      KeyBinding(
        [BoundKey(Key.character("q"), 4), BoundKey(.escape, 5, listing: .helpBoxOnly)],
        help: "quit", summary: "quit"),
    ]
    #expect(rows.summary() == "Keys: ↑/k ↓ up/down, q quit.")
    #expect(rows[3].helpKeys == "q  Esc")
    #expect(rows.commands()[Key.escape] == 5)
  }
}
