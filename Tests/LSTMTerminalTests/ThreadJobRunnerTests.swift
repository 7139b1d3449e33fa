import Foundation
import LSTMCore
import LSTMScreen
import LSTMViewModel
import Testing

@testable import LSTMTerminal

/// The terminal's work runs on a thread of its own and comes back whole; a job no longer waited
/// for is dropped before it starts.
@Suite struct ThreadJobRunnerTests {
  /// A twin-run job of `steps` steps of the StatQuest twin, numbered `id`.
  private func job(_ id: Int, steps: Int) -> DerivedJob {
    DerivedJob(
      id: id,
      work: .twinRun(
        sequence: 0, model: RNNModel(stmWeight: 1.89, inputWeight: 2.29, bias: -0.70),
        inputs: InputSequence(name: "s", values: (0..<steps).map { Double($0 % 4) / 4 })))
  }

  /// Every result of `runner` until `count` have come, or a minute.
  private func results(of runner: ThreadJobRunner, count: Int) -> [DerivedResult] {
    var all: [DerivedResult] = []
    let deadline = Date().addingTimeInterval(60)
    while all.count < count, Date() < deadline {
      all += runner.takeResults()
      Thread.sleep(forTimeInterval: 0.002)
    }
    return all
  }

  @Test func aJobsResultsAreWhatDoingItAtOnceGives() {
    let runner = ThreadJobRunner()
    let work = job(1, steps: 1000)
    runner.submit([work])
    let came = results(of: runner, count: 1)
    #expect(came == work.perform())
  }

  @Test func queuedJobsNoLongerWaitedForAreDropped() {
    let runner = ThreadJobRunner()
    // A long job keeps the thread busy while two more are queued, then the queue is replaced.
    runner.submit([job(1, steps: 300_000)])
    Thread.sleep(forTimeInterval: 0.01)
    runner.submit([job(1, steps: 300_000), job(2, steps: 10), job(3, steps: 10)])
    runner.submit([job(1, steps: 300_000), job(3, steps: 10)])
    let came = results(of: runner, count: 2)
    #expect(came.map(\.jobID) == [1, 3])
    Thread.sleep(forTimeInterval: 0.05)
    #expect(runner.takeResults().isEmpty)
  }
}

/// Saved files are written whole or not at all, and never over a file unasked.
@Suite struct WholeFileTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "lstmviz-wholefile-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test func aNewFileIsWrittenAndAnExistingOneOnlyWhenAsked() throws {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("a.json").path
    #expect(WholeFile.write("one\n", to: path, overwrite: false) == .written)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
    #expect(WholeFile.write("two\n", to: path, overwrite: false) == .exists)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
    #expect(WholeFile.write("two\n", to: path, overwrite: true) == .written)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "two\n")
    // No temporary file is left behind.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["a.json"])
  }

  @Test func aFolderThatCannotBeWrittenFailsAndLeavesTheFileAsItWas() throws {
    let folder = try folder()
    defer {
      chmod(folder.path, 0o755)
      try? FileManager.default.removeItem(at: folder)
    }
    let path = folder.appendingPathComponent("a.json").path
    #expect(WholeFile.write("one\n", to: path, overwrite: false) == .written)
    chmod(folder.path, 0o555)
    guard access(folder.path, W_OK) != 0 else { return }  // root writes anywhere
    #expect(WholeFile.write("two\n", to: path, overwrite: true) == .failed("permission denied"))
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "one\n")
    let other = folder.appendingPathComponent("b.json").path
    #expect(WholeFile.write("x", to: other, overwrite: false) == .failed("permission denied"))
    #expect(WholeFile.write("x", to: folder.path, overwrite: true) == .failed("it is a folder"))
    #expect(
      WholeFile.write("x", to: folder.path + "/no/such/folder/c.json", overwrite: false)
        == .failed("no such file or directory"))
  }
}
