import Testing

@testable import LSTMViewModel

@Suite struct KeyNameTests {
  @Test(arguments: [
    Key.right, .left, .up, .down, .home, .end, .escape, .enter, .character(" "),
    .character("l"), .character("?"), .character("G"), .character("漢"),
  ])
  func aKeyNameReadsBackAsTheKey(key: Key) {
    #expect(KeyMap.key(named: KeyMap.name(of: key)) == key)
  }

  @Test func namesAreTheOnesRenderTakes() {
    #expect(KeyMap.name(of: .right) == "right")
    #expect(KeyMap.name(of: .character(" ")) == "space")
    #expect(KeyMap.name(of: .character("?")) == "?")
  }
}
