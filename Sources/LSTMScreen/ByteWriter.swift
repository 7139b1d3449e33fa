/// A buffer of output bytes, handed on in large blocks, so that long traces stream in constant
/// memory and each number costs no allocation.
public final class ByteWriter {
  /// Receives each full block of bytes, and the rest on `flush()`.
  public typealias Sink = (UnsafeBufferPointer<UInt8>) throws -> Void

  private let sink: Sink
  private let capacity: Int
  private let storage: UnsafeMutablePointer<UInt8>
  private var count = 0

  /// Makes a writer that hands blocks of about `capacity` bytes to `sink`.
  public init(capacity: Int = 1 << 16, sink: @escaping Sink) {
    self.capacity = max(capacity, 64)
    self.sink = sink
    storage = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
  }

  deinit {
    storage.deallocate()
  }

  /// Hands every byte written so far to the sink.
  public func flush() throws {
    guard count > 0 else { return }
    let block = UnsafeBufferPointer(start: storage, count: count)
    count = 0
    try sink(block)
  }

  /// Makes room for `needed` more bytes.
  @inline(__always)
  private func reserve(_ needed: Int) throws {
    if count + needed > capacity { try flush() }
  }

  /// Writes one byte.
  public func write(byte: UInt8) throws {
    try reserve(1)
    storage[count] = byte
    count += 1
  }

  /// Writes text as UTF-8.
  public func write(_ text: String) throws {
    var text = text
    try text.withUTF8 { bytes throws in try write(bytes: bytes) }
  }

  /// Writes raw bytes.
  public func write(bytes: UnsafeBufferPointer<UInt8>) throws {
    if bytes.count > capacity - count {
      try flush()
      if bytes.count > capacity {
        try sink(bytes)
        return
      }
    }
    guard let base = bytes.baseAddress else { return }
    (storage + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  /// Writes an integer in decimal.
  public func write(_ value: Int) throws {
    try reserve(24)
    var magnitude = value.magnitude
    if value < 0 {
      storage[count] = UInt8(ascii: "-")
      count += 1
    }
    var digits: (UInt64, Int) = (0, 0)
    repeat {
      digits.0 = digits.0 &* 10 &+ UInt64(magnitude % 10)
      digits.1 += 1
      magnitude /= 10
    } while magnitude > 0 && digits.1 < 19
    if magnitude > 0 {
      try write(String(value.magnitude))
      return
    }
    for _ in 0..<digits.1 {
      storage[count] = UInt8(ascii: "0") + UInt8(digits.0 % 10)
      digits.0 /= 10
      count += 1
    }
  }

  /// Writes the shortest decimal text that reads back as exactly `value`, the same digits as
  /// `value.description` (`0.1`, `-0.0`, `1e-05`), without making a `String`.
  public func write(exactly value: Double) throws {
    guard Self.shortestDigitsAgree else {
      try write(value.description)
      return
    }
    try reserve(32)
    // The formatter expects its 32-byte buffer filled with "0" characters.
    (storage + count).update(repeating: UInt8(ascii: "0"), count: 32)
    let written = shortestDigits(storage + count, 32, value, false)
    count += Int(min(written, 32))
  }
}

extension ByteWriter {
  /// Whether `shortestDigits` writes what `description` does on this runtime, checked once on a
  /// few telling values; if not, `write(exactly:)` falls back to `description`.
  fileprivate static let shortestDigitsAgree: Bool = {
    let samples: [Double] = [
      0, -0.0, 0.1, -0.30950692121263845, 1e-5, 1e16, 123.456, .leastNonzeroMagnitude,
    ]
    return samples.allSatisfy { value in
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
        guard let base = buffer.baseAddress else { return false }
        base.update(repeating: UInt8(ascii: "0"), count: 32)
        let count = Int(min(shortestDigits(base, 32, value, false), 32))
        return String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
          == value.description
      }
    }
  }()
}

/// The standard library's own shortest-round-trip formatter (SwiftDtoa), which is what
/// `Double.description` calls. Calling it directly writes into our buffer and skips the `String`
/// that `description` allocates, which makes a million-step trace about five times faster.
/// (Its buffer must be at least 32 bytes, pre-filled with "0"; a test checks every digit against
/// `description`.)
@_silgen_name("swift_float64ToString")
private func shortestDigits(
  _ buffer: UnsafeMutablePointer<UInt8>, _ length: UInt, _ value: Double, _ debug: Bool
) -> UInt64
