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
    var editing = State(lesson: .statQuest, width: 80, height: 24)
    reduce(&editing, .edit(.toggle))
    var prompting = editing
    reduce(&prompting, .edit(.openPrompt))
    for name in KeyMap.keyNames {
      let key = KeyMap.key(named: name)
      #expect(key != nil, "\(name)")
      if let key {
        let acts = [
          KeyMap.action(for: key), KeyMap.action(for: key, in: editing),
          KeyMap.action(for: key, in: prompting),
        ].contains { $0 != nil }
        #expect(acts, "\(name)")
        #expect(KeyMap.isKnown(key), "\(name)")
      }
    }
    #expect(KeyMap.key(named: "tab") == .tab && KeyMap.key(named: "shift-tab") == .backTab)
    #expect(KeyMap.key(named: "backspace") == .backspace && KeyMap.key(named: "enter") == .enter)
    #expect(KeyMap.key(named: "space") == .character(" "))
    #expect(KeyMap.key(named: "right") == .right)
    #expect(KeyMap.key(named: "l") == .character("l"))
    #expect(KeyMap.key(named: "rigth") == nil)
    #expect(KeyMap.key(named: "") == nil)
  }
}
