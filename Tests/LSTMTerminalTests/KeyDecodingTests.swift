import CNCurses
import LSTMViewModel
import Testing

@testable import LSTMScreen
@testable import LSTMTerminal

@Suite struct KeyDecodingTests {
  private func decode(_ code: Int32) -> DecodedInput? { KeyDecoder.decode(.keyCode(code)) }
  private func decode(character: Character) -> DecodedInput? {
    KeyDecoder.decode(.character(character.unicodeScalars.first?.value ?? 0))
  }

  @Test func arrowKeys() {
    #expect(decode(lv_key_right()) == .key(.right))
    #expect(decode(lv_key_left()) == .key(.left))
    #expect(decode(lv_key_up()) == .key(.up))
    #expect(decode(lv_key_down()) == .key(.down))
  }

  @Test func everyHomeAndEndVariantTerminalsSend() {
    for code in [lv_key_home(), lv_key_beginning(), lv_key_find(), lv_key_keypad_upper_left()] {
      #expect(decode(code) == .key(.home))
    }
    for code in [lv_key_end(), lv_key_select(), lv_key_keypad_lower_left(), lv_key_home_down()] {
      #expect(decode(code) == .key(.end))
    }
    let extra = KeyDecoder.extraSequences
    #expect(extra.contains { $0.sequence == "\u{1B}[H" && $0.code == lv_key_home() })
    #expect(extra.contains { $0.sequence == "\u{1B}OF" && $0.code == lv_key_end() })
    #expect(extra.allSatisfy { $0.sequence.hasPrefix("\u{1B}") })
  }

  @Test func resizeIsItsOwnEvent() {
    #expect(decode(lv_key_resize()) == .resize)
  }

  @Test func escapeEnterAndPrintableCharacters() {
    #expect(decode(character: "\u{1B}") == .key(.escape))
    #expect(decode(character: "\r") == .key(.enter))
    #expect(decode(character: "\n") == .key(.enter))
    #expect(decode(lv_key_enter()) == .key(.enter))
    for character: Character in ["l", "G", "?", " ", "+", "-", "[", "]", "q", "é", "σ"] {
      #expect(decode(character: character) == .key(.character(character)))
    }
  }

  @Test func tabShiftTabAndBackspace() {
    #expect(decode(character: "\t") == .key(.tab))
    #expect(decode(lv_key_back_tab()) == .key(.backTab))
    #expect(decode(lv_key_backspace()) == .key(.backspace))
    #expect(decode(character: "\u{7F}") == .key(.backspace))
    #expect(decode(character: "\u{08}") == .key(.backspace))
    #expect(KeyDecoder.extraSequences.contains { $0 == ("\u{1B}[Z", lv_key_back_tab()) })
  }

  @Test func controlCharactersAndUnknownCodesAreIgnored() {
    #expect(decode(character: "\u{03}") == nil)
    #expect(decode(character: "\u{9B}") == nil)
    #expect(KeyDecoder.decode(.character(0xD800)) == nil)  // a lone surrogate
    #expect(KeyDecoder.decode(.character(0x11_0000)) == nil)
    #expect(decode(0o410) == nil)  // KEY_F(1)
  }
}

@Suite struct TerminalErrorTests {
  @Test func aMissingOrDumbTermIsRefusedBeforeTouchingTheTerminal() {
    #expect(throws: TerminalError.missingTermType) { try TerminalError.checkTermType([:]) }
    #expect(throws: TerminalError.missingTermType) { try TerminalError.checkTermType(["TERM": ""]) }
    #expect(throws: TerminalError.dumbTerminal("dumb")) {
      try TerminalError.checkTermType(["TERM": "dumb"])
    }
    #expect(throws: Never.self) { try TerminalError.checkTermType(["TERM": "xterm-256color"]) }
  }

  @Test func everyMessageIsOneLineThatPointsToRenderAndTrace() {
    let errors: [TerminalError] = [
      .notATerminal(stream: "standard input"), .missingTermType, .dumbTerminal("dumb"),
      .unknownTermType("unknown-terminal"),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"))
      #expect(error.description.contains("lstmviz render"))
      #expect(error.description.contains("lstmviz trace"))
    }
  }
}
