import Testing

@testable import LSTMViewModel

@Suite struct KeyMapTests {
  @Test func arrowsAndLettersDoTheSame() {
    let pairs: [(Key, Key, Action)] = [
      (.right, .character("l"), .next), (.left, .character("h"), .previous),
      (.home, .character("g"), .first), (.end, .character("G"), .last),
      (.up, .character("k"), .previousSequence), (.down, .character("j"), .nextSequence),
    ]
    for (arrow, letter, action) in pairs {
      #expect(KeyMap.action(for: arrow) == action)
      #expect(KeyMap.action(for: letter) == action)
    }
  }

  @Test func everyDocumentedKey() {
    let keys: [(Character, Action)] = [
      ("s", .toggleStages), (" ", .togglePlay), ("+", .faster), ("-", .slower),
      ("[", .previousUnit), ("]", .nextUnit), ("?", .toggleHelp), ("q", .quit),
    ]
    for (character, action) in keys {
      #expect(KeyMap.action(for: .character(character)) == action)
    }
    #expect(KeyMap.action(for: .escape) == .closeHelp)
    #expect(KeyMap.action(for: .character("x")) == nil)
  }

  @Test func everyKeyNameNamesAKeyThatActs() {
    for name in KeyMap.keyNames {
      let key = KeyMap.key(named: name)
      #expect(key != nil, "\(name)")
      if let key { #expect(KeyMap.action(for: key) != nil, "\(name)") }
    }
    #expect(KeyMap.key(named: "space") == .character(" "))
    #expect(KeyMap.key(named: "right") == .right)
    #expect(KeyMap.key(named: "l") == .character("l"))
    #expect(KeyMap.key(named: "rigth") == nil)
    #expect(KeyMap.key(named: "") == nil)
  }
}
