import LSTMCore

/// Everything a user, or the playback clock, can ask of the program.
public enum Action: Sendable, Equatable {
  /// The next timestep (→, l).
  case next
  /// The previous timestep (←, h).
  case previous
  /// The first timestep (Home, g).
  case first
  /// The last timestep (End, G).
  case last
  /// The next sequence (↓, j).
  case nextSequence
  /// The previous sequence (↑, k).
  case previousSequence
  /// Stage mode on or off (s), or in stage mode the next stage.
  case toggleStages
  /// Playback on or off (space).
  case togglePlay
  /// Faster playback (+).
  case faster
  /// Slower playback (-).
  case slower
  /// One beat of the playback clock.
  case tick
  /// The next hidden unit (]).
  case nextUnit
  /// The previous hidden unit ([).
  case previousUnit
  /// Help on or off (?).
  case toggleHelp
  /// Help off, if it is showing (Escape).
  case closeHelp
  /// The terminal now has this size.
  case resize(width: Int, height: Int)
  /// Show `message` in the status line, or clear it with nil (used by the recorder).
  case setStatus(String?)
  /// Leave the program (q).
  case quit
  /// Replace the lesson's model with this one (what-if editing, a training step); the runs and
  /// histories follow. Ignored if its input size is not the sequences'.
  case changeModel(LSTMModel)
  /// Replace the input at timestep `t` (from 1) of sequence `sequence` (an index) with `values`,
  /// `inputSize` numbers; that sequence's run and history follow. Ignored if there is no such step
  /// or the size is wrong.
  case changeInput(sequence: Int, t: Int, values: [Double])
  /// The backward view on or off (b): the gradients of step t.
  case toggleBackward
  /// The plain-RNN twin on or off (r), in place of the LSTM.
  case toggleTwin
  /// J the loss or the prediction (o), in the backward view.
  case toggleObjective
  /// The gates' values as percentages or as numbers (%).
  case togglePercentages
  /// A digit (0–9) of the step to jump to, typed outside edit mode.
  case typeStepDigit(Int)
  /// Jump to the step typed (Enter).
  case jumpToTypedStep
  /// Edit mode's keys (e, and the keys of `KeyMap.editBindings` while it is on).
  case edit(EditCommand)
  /// A result of one of `State.jobs`, done by whoever runs the program.
  case jobFinished(DerivedResult)
  /// What came of the save `State.edit.saveRequest` asked for.
  case saveFinished(SaveOutcome)
}

/// A key press, independent of any terminal library.
public enum Key: Sendable, Equatable, Hashable {
  /// →
  case right
  /// ←
  case left
  /// ↑
  case up
  /// ↓
  case down
  /// Home
  case home
  /// End
  case end
  /// Escape
  case escape
  /// Enter or Return
  case enter
  /// Tab
  case tab
  /// Shift-Tab
  case backTab
  /// Backspace
  case backspace
  /// A printable character, space included.
  case character(Character)
}
