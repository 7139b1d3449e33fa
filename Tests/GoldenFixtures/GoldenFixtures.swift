import Foundation

/// A golden reference trace (`Tests/Fixtures/golden/*.trace.json`), in DESIGN §4's shape.
public struct GoldenTrace: Decodable, Sendable {
  /// One gate at one step.
  public struct Gate: Decodable, Sendable {
    /// The pre-activations.
    public var x: [Double]
    /// The activations.
    public var value: [Double]
  }

  /// One timestep, every quantity.
  public struct Step: Decodable, Sendable {
    /// The timestep, from 1.
    public var t: Int
    /// The input and the memories coming in.
    public var input, stmIn, ltmIn: [Double]
    /// Each gate by its name: forget, input, candidate, output.
    public var gates: [String: Gate]
    /// What the step computed.
    public var ltmRemembered, ltmAdded, ltm, stmPotential, stm: [Double]
  }

  /// One sequence's steps.
  public struct Sequence: Decodable, Sendable {
    /// The sequence's name.
    public var name: String
    /// Its steps, in order.
    public var steps: [Step]
  }

  /// The model's input size m.
  public var inputSize: Int
  /// The model's hidden size n.
  public var hiddenSize: Int
  /// Every sequence.
  public var sequences: [Sequence]

  /// Reads the golden trace `name`, such as `statquest.trace.json`.
  public static func load(_ name: String) throws -> GoldenTrace {
    try JSONDecoder().decode(GoldenTrace.self, from: Data(contentsOf: fixtureURL(name)))
  }
}

/// The golden fixture file `name` (`Tests/Fixtures/golden/NAME`).
public func fixtureURL(_ name: String) -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/golden/\(name)")
}

/// A small deterministic random number generator (SplitMix64), so that a failure can be replayed.
public struct SplitMix: RandomNumberGenerator, Sendable {
  /// The generator's state; the seed.
  public var state: UInt64

  /// A generator seeded with `state`.
  public init(state: UInt64) {
    self.state = state
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
