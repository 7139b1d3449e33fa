import LSTMCore
import LSTMViewModel
import Testing

@testable import LSTMFiles
@testable import LSTMScreen

/// Whole frames, compared with the readable text files in `Snapshots/`.
///
/// To change them on purpose: `LSTMVIZ_UPDATE_SNAPSHOTS=1 swift test`, then review the diff.
@Suite struct SnapshotTests {
  @Test func companyAAtTheFirstStep() throws {
    try expectSnapshot(statQuest(), "statquest-A-t1-80x24")
  }

  @Test func companyAAtTheSecondStep() throws {
    try expectSnapshot(statQuest([.next]), "statquest-A-t2-80x24")
  }

  @Test func companyAAtTheEnd() throws {
    try expectSnapshot(statQuest([.last]), "statquest-A-t4-80x24")
  }

  @Test func companyBAtTheEnd() throws {
    try expectSnapshot(statQuest([.nextSequence, .last]), "statquest-B-t4-80x24")
  }

  @Test func stageModeAfterTheForgetGate() throws {
    try expectSnapshot(statQuest([.next, .toggleStages]), "statquest-A-t2-stage1-80x24")
  }

  @Test func stageModeAfterTheInputGate() throws {
    try expectSnapshot(statQuest([.next, .toggleStages, .next]), "statquest-A-t2-stage2-80x24")
  }

  @Test func help() throws {
    try expectSnapshot(statQuest([.toggleHelp]), "statquest-help-80x24")
  }

  @Test func large() throws {
    try expectSnapshot(statQuest([.next], width: 120, height: 40), "statquest-A-t2-120x40")
  }

  @Test func medium() throws {
    try expectSnapshot(statQuest([.next], width: 100, height: 30), "statquest-A-t2-100x30")
  }

  @Test func largeAtTheEndOfCompanyB() throws {
    try expectSnapshot(
      statQuest([.nextSequence, .last], width: 120, height: 40), "statquest-B-t4-120x40")
  }

  @Test func tooSmall() throws {
    try expectSnapshot(statQuest(width: 60, height: 20), "too-small-60x20")
  }

  @Test func stageModeSideBySide() throws {
    try expectSnapshot(
      statQuest([.next, .toggleStages, .next], width: 120, height: 40),
      "statquest-A-t2-stage2-120x40")
  }

  @Test func vectorCellSecondUnit() throws {
    var state = State(lesson: try torch3x2Lesson(), width: 80, height: 24)
    for action in [Action.next, .nextUnit] { reduce(&state, action) }
    try expectSnapshot(state, "torch3x2-t2-unit2-80x24")
    reduce(&state, .resize(width: 120, height: 40))
    try expectSnapshot(state, "torch3x2-t2-unit2-120x40")
  }
}
