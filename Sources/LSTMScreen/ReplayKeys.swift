import LSTMViewModel

/// What a key asks of `lstmviz replay`.
package enum ReplayCommand: Sendable, Equatable {
  /// The next frame.
  case nextFrame
  /// The previous frame.
  case previousFrame
  /// The first frame.
  case firstFrame
  /// The last frame.
  case lastFrame
  /// Half a screen to the left, in a frame wider than the screen.
  case panLeft
  /// Half a screen to the right.
  case panRight
  /// Half a screen up, in a frame taller than the screen.
  case panUp
  /// Half a screen down.
  case panDown
  /// Help on or off.
  case toggleHelp
  /// Help off.
  case closeHelp
  /// Leave replay.
  case quit
}

/// The keys of `lstmviz replay`: the one table that its key handling, its help box and the key
/// list of `lstmviz replay --help` are made from.
package enum ReplayKeys {
  /// Replay's keys, one row of help each, in the order help lists them.
  package static let bindings: [KeyBinding<ReplayCommand>] = [
    KeyBinding(
      [
        BoundKey(.right, .nextFrame), BoundKey(.character("l"), .nextFrame),
        BoundKey(.character(" "), .nextFrame),
      ],
      help: "next frame", summary: "next frame"),
    KeyBinding(
      [BoundKey(.left, .previousFrame), BoundKey(.character("h"), .previousFrame)],
      help: "previous frame", summary: "previous"),
    KeyBinding(
      [BoundKey(.home, .firstFrame), BoundKey(.character("g"), .firstFrame)],
      help: "first frame", summary: "first"),
    KeyBinding(
      [BoundKey(.end, .lastFrame), BoundKey(.character("G"), .lastFrame)],
      help: "last frame", summary: "last"),
    // Panning is told after the key list, with the cropping it is for (Replay.swift).
    KeyBinding(
      [
        BoundKey(.character("<"), .panLeft), BoundKey(.character(">"), .panRight),
        BoundKey(.character(","), .panLeft, listing: .nowhere),
        BoundKey(.character("."), .panRight, listing: .nowhere),
      ],
      help: "pan left / right (a frame wider than the screen)", summary: nil),
    KeyBinding(
      [
        BoundKey(.up, .panUp), BoundKey(.character("k"), .panUp),
        BoundKey(.down, .panDown), BoundKey(.character("j"), .panDown),
      ],
      help: "pan up / down (a frame taller than the screen)", summary: nil),
    KeyBinding(
      [
        BoundKey(.character("?"), .toggleHelp),
        BoundKey(.escape, .closeHelp, listing: .nowhere),
      ],
      help: "help on or off", summary: "help"),
    KeyBinding(
      [BoundKey(.character("q"), .quit), BoundKey(.character("Q"), .quit, listing: .nowhere)],
      help: "quit", summary: "quit"),
  ]

  /// The command of every bound key.
  private static let commands: [Key: ReplayCommand] = bindings.commands()

  /// What `key` asks of replay, or nil if it does nothing.
  package static func command(for key: Key) -> ReplayCommand? {
    commands[key]
  }
}
