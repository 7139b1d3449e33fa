/// Where the program loop reads the time: the real `ContinuousClock`, or a `ManualClock` that
/// moves only when told.
public protocol ProgramClock {
  /// A point in time on this clock.
  associatedtype Instant: InstantProtocol where Instant.Duration == Swift.Duration
  /// The time now.
  var now: Instant { get }
}

extension ContinuousClock: ProgramClock {}

/// A clock that moves only when told: tests advance it by hand (a `HeadlessBackend` does, for
/// each pause in its input), and `render`, which never pauses, runs at time 0 throughout.
///
/// A class, so that the loop that reads it and the backend that moves it share one time.
public final class ManualClock: ProgramClock {
  /// A point on a manual clock: the time since it started.
  public struct Instant: InstantProtocol {
    /// The time since the clock started.
    public var offset: Duration

    /// The instant `offset` after the clock started.
    public init(offset: Duration) {
      self.offset = offset
    }

    /// The instant `duration` later.
    public func advanced(by duration: Duration) -> Instant {
      Instant(offset: offset + duration)
    }

    /// The time from this instant to `other`.
    public func duration(to other: Instant) -> Duration {
      other.offset - offset
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
      lhs.offset < rhs.offset
    }
  }

  /// The time now: where the clock was last moved to.
  public private(set) var now = Instant(offset: .zero)

  /// A clock at time 0.
  public init() {}

  /// Moves the clock on by `duration`.
  public func advance(by duration: Duration) {
    now = now.advanced(by: duration)
  }
}
