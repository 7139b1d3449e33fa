import Foundation
import LSTMScreen
import LSTMViewModel

/// Does the program's work (`DerivedJob`s: a long sequence run again after an edit, its
/// gradients) on a thread of its own, one job at a time, oldest first, while the loop goes on
/// reading keys and drawing; each result is handed back as soon as the job reports it.
///
/// A job queued that the program no longer waits for (a newer edit replaced it) is dropped
/// before it starts; one already running finishes, and its results are ignored by the program.
public final class ThreadJobRunner: JobRunner, @unchecked Sendable {
  // Everything below is guarded by `condition`.
  private let condition = NSCondition()
  private var queue: [DerivedJob] = []
  private var started: Set<Int> = []
  private var results: [DerivedResult] = []
  private var hasWorker = false

  /// A runner with no thread yet: one starts with the first job.
  public init() {}

  /// Queues the jobs not yet started, in order, in place of those queued before.
  public func submit(_ jobs: [DerivedJob]) {
    condition.lock()
    defer { condition.unlock() }
    queue = jobs.filter { !started.contains($0.id) }
    guard !queue.isEmpty else { return }
    if hasWorker {
      condition.signal()
    } else {
      hasWorker = true
      let thread = Thread { [self] in work() }
      thread.name = "lstmviz work"
      thread.start()
    }
  }

  /// The results reported since the last call.
  public func takeResults() -> [DerivedResult] {
    condition.lock()
    defer { condition.unlock() }
    defer { results.removeAll() }
    return results
  }

  /// The worker: takes the oldest job queued, does it, and waits for more.
  private func work() {
    while true {
      condition.lock()
      while queue.isEmpty { condition.wait() }
      let job = queue.removeFirst()
      started.insert(job.id)
      condition.unlock()
      job.perform { result in
        condition.lock()
        results.append(result)
        condition.unlock()
      }
    }
  }
}
