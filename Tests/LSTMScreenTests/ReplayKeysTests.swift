import LSTMViewModel
import Testing

@testable import LSTMScreen

/// `ReplayKeys.bindings` is the one table of replay's keys.
@Suite struct ReplayKeysTests {
  @Test func noKeyIsBoundTwice() {
    let keys = ReplayKeys.bindings.flatMap(\.keys).map(\.key)
    #expect(Set(keys).count == keys.count)
  }

  @Test func everyKeyDoesWhatItsRowSays() {
    for key in ReplayKeys.bindings.flatMap(\.keys) {
      #expect(ReplayKeys.command(for: key.key) == key.command, "\(key.key)")
    }
    #expect(ReplayKeys.command(for: .character("x")) == nil)
  }

  @Test func theHelpParagraphIsTheKeyList() {
    #expect(
      ReplayKeys.bindings.summary()
        == "Keys: →/l/space next frame, ←/h previous, Home/g first, End/G last, ? help, q quit.")
  }
}
