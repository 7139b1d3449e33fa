import LSTMViewModel

/// Does the work a program asks for (`TerminalProgram.jobs`): at once on the loop's thread
/// (`InlineJobRunner`, for `render` and the tests), or on a thread of its own while the keys go
/// on (LSTMTerminal's `ThreadJobRunner`).
public protocol JobRunner: AnyObject {
  /// The jobs the program waits for now: starts those not yet started, and forgets those queued
  /// that it no longer waits for (a newer edit replaced them).
  func submit(_ jobs: [DerivedJob])
  /// The results that came since the last call, in the order they came.
  func takeResults() -> [DerivedResult]
}

/// Does each job at once, when it is handed in: every frame then shows everything done, as
/// `render` and the tests want.
public final class InlineJobRunner: JobRunner {
  /// The ids of the jobs done.
  private var done: Set<Int> = []
  private var results: [DerivedResult] = []

  /// A runner with nothing done.
  public init() {}

  /// Does every job not done yet.
  public func submit(_ jobs: [DerivedJob]) {
    for job in jobs where !done.contains(job.id) {
      done.insert(job.id)
      results += job.perform()
    }
  }

  /// The results of the jobs done since the last call.
  public func takeResults() -> [DerivedResult] {
    defer { results.removeAll() }
    return results
  }
}
